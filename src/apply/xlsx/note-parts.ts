/**
 * Our notes as a reader should see them (ExcelJS writes every note by "Author" in a box of one size): the author
 * "ClusteriX Reporting", and a box sized to the text. Pure, on the package's parts as texts; a user's own notes
 * keep what ExcelJS gave them.
 */
import { NOTE_AUTHOR } from '../../plan/types';
import { parseA1 } from '../../util/a1';
import { sheetPartOf, type PartTexts } from './charts';
import { noteLines } from '../../plan/note-size';

export { noteLines as noteBoxLines } from '../../plan/note-size';

function relTargets(pkg: PartTexts, part: string): { type: string; target: string }[] {
  const slash = part.lastIndexOf('/');
  const rels = pkg.text(`${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`);
  if (rels === undefined) return [];
  const dir = part.slice(0, slash);
  return [...rels.matchAll(/<Relationship\b([^>]*)\/?>/g)].flatMap((m) => {
    const type = /\bType="([^"]*)"/.exec(m[1])?.[1] ?? '';
    const target = /\bTarget="([^"]*)"/.exec(m[1])?.[1];
    if (!target) return [];
    return [{ type, target: target.startsWith('/') ? target.slice(1) : resolve(dir, target) }];
  });
}

function resolve(dir: string, target: string): string {
  const parts = dir.split('/');
  for (const p of target.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.') parts.push(p);
  }
  return parts.join('/');
}

/** `ours`: by sheet name, our notes' cells (A1) and texts. */
/**
 * `sized`: the sheets whose note boxes are sized to their text (our tabs); a mark's note on a user's sheet keeps
 * the box of the user's own note it may stand in for, so Clear marks gives that note back as it was.
 */
export function patchOurNotes(pkg: PartTexts, ours: Map<string, Map<string, string>>, sized: Set<string> = new Set(ours.keys())): number {
  let patched = 0;
  for (const [sheet, cells] of ours) {
    const part = sheetPartOf(pkg, sheet);
    if (!part || cells.size === 0) continue;
    const targets = relTargets(pkg, part);
    const comments = targets.find((t) => t.type.endsWith('/comments'))?.target;
    const vml = targets.find((t) => t.type.endsWith('/vmlDrawing'))?.target;
    const commentsXml = comments ? pkg.text(comments) : undefined;
    if (comments && commentsXml !== undefined) {
      let xml = commentsXml;
      if (!xml.includes(`<author>${NOTE_AUTHOR}</author>`)) xml = xml.replace(/<authors>([\s\S]*?)<\/authors>/, (_m, inner: string) => `<authors>${inner}<author>${NOTE_AUTHOR}</author></authors>`);
      const authorId = [...(/<authors>([\s\S]*?)<\/authors>/.exec(xml)?.[1] ?? '').matchAll(/<author>([^<]*)<\/author>/g)].findIndex((m) => m[1] === NOTE_AUTHOR);
      xml = xml.replace(/<comment ref="([A-Z]+\d+)" authorId="\d+"/g, (m, ref: string) => (cells.has(ref) ? `<comment ref="${ref}" authorId="${authorId}"` : m));
      pkg.set(comments, xml);
    }
    const vmlXml = vml && sized.has(sheet) ? pkg.text(vml) : undefined;
    if (vml && vmlXml !== undefined) {
      const xml = vmlXml.replace(/<v:shape\b[\s\S]*?<\/v:shape>/g, (shape) => {
        const row = Number(/<x:Row>(\d+)<\/x:Row>/.exec(shape)?.[1]);
        const col = Number(/<x:Column>(\d+)<\/x:Column>/.exec(shape)?.[1]);
        if (!Number.isFinite(row) || !Number.isFinite(col)) return shape;
        const ref = [...cells.keys()].find((k) => {
          const p = parseA1(k);
          return p.row === row && p.col === col;
        });
        if (!ref) return shape;
        const rows = Math.max(2, Math.ceil((noteLines(cells.get(ref)!) * 12 + 8) / 20));
        const top = Math.max(0, row - 1);
        patched++;
        return shape.replace(/<x:Anchor>[^<]*<\/x:Anchor>/, `<x:Anchor>${col + 1}, 15, ${top}, 10, ${col + 5}, 15, ${top + rows}, 4</x:Anchor>`);
      });
      pkg.set(vml, xml);
    }
  }
  return patched;
}
