/**
 * Notes (legacy comments) of one user sheet: the comments part and the VML drawing that shows them. Read for
 * the user's look before a mark; changed for the marks; the user's own note XML put back on Clear. A comments
 * or VML part we made and emptied again goes away with its relationship and declaration.
 */
import { NOTE_AUTHOR } from '../../../plan/types';
import { decodeEntities, escapeText, unescapeOoxml } from '../../../snapshot/package/xml';
import { attr, elements, section } from '../../../snapshot/package/styles';
import { parseA1 } from '../../../util/a1';
import { CONTENT_TYPE, REL, type PackageEdit } from './parts';
import { addLegacyDrawing, legacyDrawingId, removeLegacyDrawing } from './sheet-edit';

const AUTHOR = NOTE_AUTHOR;

const decode = (s: string) => unescapeOoxml(decodeEntities(s));

/** A comment's text: its runs' <t> joined (phonetic runs left out). */
function commentText(xml: string): string {
  const body = xml.replace(/<(\w+:)?rPh\b[\s\S]*?<\/(\w+:)?rPh>/g, '');
  let s = '';
  for (const m of body.matchAll(/<(\w+:)?t\b[^>]*>([\s\S]*?)<\/(\w+:)?t>/g)) s += decode(m[2]);
  return s;
}

export interface NoteChange {
  cell: string;
  /** Our note text, the user's own comment XML to put back, or null for no note. */
  note: { text: string } | { xml: string } | null;
}

export class SheetNotes {
  private commentsPart: string | null = null;
  private vmlPart: string | null = null;
  private comments: string | null = null;
  private vml: string | null = null;

  constructor(
    private readonly edit: PackageEdit,
    private readonly sheetPart: string,
  ) {
    for (const r of edit.rels(sheetPart)) {
      if (r.external) continue;
      if (r.type.endsWith('/comments')) this.commentsPart = edit.target(sheetPart, r);
    }
    const sheet = edit.text(sheetPart) ?? '';
    const id = legacyDrawingId(sheet);
    const vmlRel = id ? edit.rels(sheetPart).find((r) => r.id === id) : undefined;
    if (vmlRel) this.vmlPart = edit.target(sheetPart, vmlRel);
    if (this.commentsPart) this.comments = edit.text(this.commentsPart) ?? null;
    if (this.vmlPart) this.vml = edit.text(this.vmlPart) ?? null;
  }

  /** The note on a cell: its text and its comment XML, or null. */
  read(cell: string): { text: string; xml: string } | null {
    const c = this.find(cell);
    return c ? { text: commentText(c), xml: c } : null;
  }

  private list(): string[] {
    if (!this.comments) return [];
    const s = section(this.comments, 'commentList');
    return s ? elements(this.comments.slice(s.innerStart, s.innerEnd), 'comment') : [];
  }

  private find(cell: string): string | undefined {
    const c = cell.toUpperCase();
    return this.list().find((x) => (attr(x, 'ref') ?? '').toUpperCase() === c);
  }

  apply(changes: NoteChange[]): void {
    if (changes.length === 0) return;
    this.comments ??= `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors></authors><commentList></commentList></comments>`;
    const p = /<(\w+:)?comments\b/.exec(this.comments)?.[1] ?? '';
    let authorId = -1;
    const authorsSec = section(this.comments, 'authors');
    const authors = authorsSec ? elements(this.comments.slice(authorsSec.innerStart, authorsSec.innerEnd), 'author') : [];
    const authorIndex = () => {
      if (authorId >= 0) return authorId;
      const i = authors.findIndex((a) => a.includes(`>${AUTHOR}<`));
      if (i >= 0) return (authorId = i);
      authorId = authors.length;
      authors.push(`<${p}author>${AUTHOR}</${p}author>`);
      return authorId;
    };
    let list = this.list();
    const shapes: { row: number; col: number }[] = [];
    const gone: { row: number; col: number }[] = [];
    for (const ch of changes) {
      const ref = ch.cell.toUpperCase();
      const { row, col } = parseA1(ref);
      const had = list.some((x) => (attr(x, 'ref') ?? '').toUpperCase() === ref);
      list = list.filter((x) => (attr(x, 'ref') ?? '').toUpperCase() !== ref);
      if (ch.note === null) {
        if (had) gone.push({ row, col });
        continue;
      }
      const xml = 'xml' in ch.note ? ch.note.xml : `<${p}comment ref="${ref}" authorId="${authorIndex()}"><${p}text><${p}r><${p}t xml:space="preserve">${escapeText(ch.note.text)}</${p}t></${p}r></${p}text></${p}comment>`;
      list.push(xml);
      if (!had || !this.hasShape(row, col)) shapes.push({ row, col });
    }
    // Comments in row, then column order, as Excel keeps them.
    list.sort((a, b) => {
      const x = parseA1(attr(a, 'ref') ?? 'A1');
      const y = parseA1(attr(b, 'ref') ?? 'A1');
      return x.row - y.row || x.col - y.col;
    });
    const sheetText = this.edit.text(this.sheetPart)!;
    if (list.length === 0) {
      // No note left: the comments part goes, and the VML when nothing else is drawn in it.
      if (this.commentsPart) {
        this.edit.delete(this.commentsPart);
        this.edit.undeclare(new Set([this.commentsPart]));
        const rel = this.edit.rels(this.sheetPart).find((r) => r.type.endsWith('/comments'));
        if (rel) this.edit.removeRels(this.sheetPart, new Set([rel.id]));
      }
      this.comments = null;
      this.commentsPart = null;
    } else {
      let c = this.comments;
      const a = section(c, 'authors');
      if (a) c = c.slice(0, a.start) + `<${p}authors>${authors.join('')}</${p}authors>` + c.slice(a.end);
      const l = section(c, 'commentList')!;
      c = c.slice(0, l.start) + `<${p}commentList>${list.join('')}</${p}commentList>` + c.slice(l.end);
      this.comments = c;
      if (!this.commentsPart) {
        this.commentsPart = this.edit.freeName('xl/comments', '.xml');
        this.edit.addRel(this.sheetPart, REL.comments, this.commentsPart);
        this.edit.declare(this.commentsPart, CONTENT_TYPE.comments);
      }
      this.edit.set(this.commentsPart, c);
    }
    this.updateVml(shapes, gone, sheetText);
  }

  private hasShape(row: number, col: number): boolean {
    return this.vml !== null && this.noteShapes(this.vml).some((s) => s.row === row && s.col === col);
  }

  private noteShapes(vml: string): { xml: string; row: number; col: number }[] {
    const out: { xml: string; row: number; col: number }[] = [];
    for (const m of vml.matchAll(/<v:shape\b[\s\S]*?<\/v:shape>/g)) {
      if (!/ObjectType\s*=\s*"Note"/.test(m[0])) continue;
      const row = Number(/<x:Row>(\d+)<\/x:Row>/.exec(m[0])?.[1] ?? -1);
      const col = Number(/<x:Column>(\d+)<\/x:Column>/.exec(m[0])?.[1] ?? -1);
      out.push({ xml: m[0], row, col });
    }
    return out;
  }

  private updateVml(add: { row: number; col: number }[], remove: { row: number; col: number }[], sheetText: string): void {
    if (add.length === 0 && remove.length === 0) return;
    let vml = this.vml;
    if (vml === null) {
      const idmap = this.freeIdmap();
      vml =
        '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">\n' +
        ` <o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${idmap}"/></o:shapelayout>\n</xml>`;
    }
    for (const r of remove) {
      const shape: { xml: string } | undefined = this.noteShapes(vml).find((s) => s.row === r.row && s.col === r.col);
      if (shape) vml = vml.replace(shape.xml, '');
    }
    if (add.length) {
      if (!vml.includes('_x0000_t202')) {
        const type =
          '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>\n';
        vml = vml.replace(/<\/xml>\s*$/, `${type}</xml>`);
      }
      const idmap = Number(/<o:idmap\b[^>]*data="(\d+)/.exec(vml)?.[1] ?? 1) || 1;
      let next = Math.max(idmap * 1024, ...[...vml.matchAll(/_x0000_s(\d+)/g)].map((m) => Number(m[1]))) + 1;
      let shapes = '';
      for (const { row, col } of add) {
        const top = Math.max(0, row - 1);
        shapes +=
          `<v:shape id="_x0000_s${next++}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:180pt;height:80pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
          '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto" inset="1.3mm,1.3mm,2.5mm,2.5mm"><div style="text-align:left"></div></v:textbox>' +
          `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${col + 1}, 15, ${top}, 10, ${col + 4}, 15, ${top + 5}, 4</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>\n`;
      }
      vml = vml.replace(/<\/xml>\s*$/, `${shapes}</xml>`);
    }
    vml = sortNoteShapes(vml, (s) => this.noteShapes(s));
    const anyShape = /<v:shape\b/.test(vml);
    if (!anyShape) {
      if (this.vmlPart) {
        this.edit.delete(this.vmlPart);
        this.edit.undeclare(new Set([this.vmlPart]));
        const id = legacyDrawingId(sheetText);
        if (id) this.edit.removeRels(this.sheetPart, new Set([id]));
        this.edit.set(this.sheetPart, removeLegacyDrawing(this.edit.text(this.sheetPart)!));
      }
      this.vml = null;
      this.vmlPart = null;
      return;
    }
    this.vml = vml;
    if (!this.vmlPart) {
      this.vmlPart = this.edit.freeName('xl/drawings/vmlDrawing', '.vml');
      const id = this.edit.addRel(this.sheetPart, REL.vmlDrawing, this.vmlPart);
      this.edit.declare(this.vmlPart, CONTENT_TYPE.vml);
      this.edit.set(this.sheetPart, addLegacyDrawing(this.edit.text(this.sheetPart)!, id));
    }
    this.edit.set(this.vmlPart, vml);
  }

  /** An o:idmap number no other VML part of the package uses. */
  private freeIdmap(): number {
    const used = new Set<number>();
    for (const n of this.edit.names()) {
      if (!/\.vml$/i.test(n)) continue;
      for (const m of (this.edit.text(n) ?? '').matchAll(/<o:idmap\b[^>]*data="([\d,]+)"/g)) for (const d of m[1].split(',')) used.add(Number(d));
    }
    let i = 1;
    while (used.has(i)) i++;
    return i;
  }
}

/**
 * Note shapes in the order of the comments (row, then column): Excel pairs them by Row and Column, some readers
 * by position. Already in order (the usual case), the VML is left as it is.
 */
function sortNoteShapes(vml: string, shapesOf: (vml: string) => { xml: string; row: number; col: number }[]): string {
  const shapes = shapesOf(vml);
  const sorted = [...shapes].sort((a, b) => a.row - b.row || a.col - b.col);
  if (sorted.every((s, i) => s === shapes[i])) return vml;
  const first = vml.indexOf(shapes[0].xml);
  let rest = vml;
  for (const s of shapes) rest = rest.replace(s.xml, '');
  // Nothing before the first note shape was taken away: the sorted shapes go where it was.
  return rest.slice(0, first) + sorted.map((s) => s.xml).join('') + rest.slice(first);
}
