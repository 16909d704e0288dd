/**
 * The corpus of real writers' workbooks (test/package/real-writers.ts), each consolidated and cleared by the
 * command line: the sample's findings; every part not ours byte for byte as it was; the user's sheets identical
 * but for the marks, and byte for byte after Clear; a well-formed package (every part parses, every
 * relationship target is there, every part has a content type); LibreOffice's recalculation agreeing with every
 * cached value we wrote.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { clearFile, consolidateFile } from '../../src/apply/xlsx';
import type { ConsolidateOutcome } from '../../src/engine';
import { REPORT_TAB_NAMES } from '../../src/plan/types';
import { readXlsxSnapshot } from '../../src/snapshot/xlsx';
import { a1 } from '../../src/util/a1';
import { recalculate } from '../support/libreoffice';
import { REAL_CASES, sheetParts, type Parts } from './real-writers';

const now = new Date('2026-01-15T10:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'clx-real-'));

interface Run {
  input: Parts;
  out: Parts;
  cleared: Parts;
  outPath: string;
  outcome: ConsolidateOutcome;
}
const runs = new Map<string, Run>();
const recalced = new Map<string, string>();

const slug = (s: string) => s.replace(/\W+/g, '-').replace(/^-|-$/g, '');

beforeAll(async () => {
  for (const c of REAL_CASES) {
    const book = join(dir, `${slug(c.name)}${c.ext}`);
    writeFileSync(book, await c.make());
    const outPath = join(dir, `${slug(c.name)}.out${c.ext}`);
    const clearedPath = join(dir, `${slug(c.name)}.cleared${c.ext}`);
    const outcome = (await consolidateFile(book, outPath, { now })) as ConsolidateOutcome;
    await clearFile(outPath, clearedPath);
    runs.set(c.name, { input: unzipSync(readFileSync(book)), out: unzipSync(readFileSync(outPath)), cleared: unzipSync(readFileSync(clearedPath)), outPath, outcome });
  }
  // One LibreOffice run for all outputs (an .xlsm goes in under an .xlsx name: LibreOffice converts by name).
  const inputs = REAL_CASES.map((c) => {
    const p = join(dir, `lo-${slug(c.name)}.xlsx`);
    copyFileSync(runs.get(c.name)!.outPath, p);
    return p;
  });
  const outs = await recalculate(inputs);
  REAL_CASES.forEach((c, i) => recalced.set(c.name, outs[i]));
}, 600000);

function contentTypeOf(parts: Parts, name: string): string | undefined {
  const types = strFromU8(parts['[Content_Types].xml']);
  for (const m of types.matchAll(/<Override\b[^>]*>/g)) if (new RegExp(`PartName="/${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`, 'i').test(m[0])) return /ContentType="([^"]*)"/.exec(m[0])![1];
  const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  for (const m of types.matchAll(/<Default\b[^>]*>/g)) if ((/Extension="([^"]*)"/.exec(m[0])![1] ?? '').toLowerCase() === ext) return /ContentType="([^"]*)"/.exec(m[0])![1];
  return undefined;
}

function resolve(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const base = from.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') base.pop();
    else if (seg !== '.') base.push(seg);
  }
  return base.join('/');
}

/** What is wrong with a package: unparsable XML, a relationship to no part, a part without a content type. */
function packageProblems(parts: Parts): string[] {
  const problems: string[] = [];
  for (const [name, bytes] of Object.entries(parts)) {
    if (name.endsWith('/')) continue;
    if (!contentTypeOf(parts, name) && name !== '[Content_Types].xml' && !name.endsWith('.rels')) problems.push(`${name}: no content type`);
    if (!/\.(xml|rels|vml)$/.test(name)) continue;
    const p = new SaxesParser();
    p.on('error', (e) => problems.push(`${name}: ${e.message}`));
    try {
      p.write(strFromU8(bytes)).close();
    } catch (e) {
      problems.push(`${name}: ${(e as Error).message}`);
    }
    if (!name.endsWith('.rels')) continue;
    const source = name === '_rels/.rels' ? '' : name.replace(/_rels\/([^/]+)\.rels$/, '$1');
    for (const m of strFromU8(bytes).matchAll(/<Relationship\b[^>]*>/g)) {
      if (/TargetMode="External"/.test(m[0])) continue;
      const target = resolve(source, /Target="([^"]*)"/.exec(m[0])![1]);
      if (!(target in parts)) problems.push(`${name}: ${target} is not in the package`);
    }
  }
  for (const m of strFromU8(parts['[Content_Types].xml']).matchAll(/<Override\b[^>]*PartName="\/([^"]*)"/g)) if (!(m[1] in parts)) problems.push(`[Content_Types].xml declares ${m[1]}, not in the package`);
  return problems;
}

/** A user sheet's XML without the marks: marked cells without their style index, cells and rows only marks made, the notes' drawing link. */
function withoutMarks(xml: string, cells: string[]): string {
  let s = xml.replace(/<(\w+:)?legacyDrawing\b[^>]*\/>/g, '');
  for (const c of cells) s = s.replace(new RegExp(`<(?:\\w+:)?c r="${c}"[^>]*>`), (tag) => tag.replace(/ s="\d+"/, '')).replace(new RegExp(`<(?:\\w+:)?c r="${c}"/>`), '');
  return s.replace(/<(\w+:)?row r="\d+"><\/(\w+:)?row>/g, '');
}

const SAMPLE_ERRORS = ['P01 Project!D39', 'P02 Project!C14'];

describe.each(REAL_CASES.map((c) => [c.name, c] as const))('%s', (name, c) => {
  it("gives the sample's findings", () => {
    const errors = runs.get(name)!.outcome.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.sheet}!${f.cell}`);
    expect(errors.sort()).toEqual(SAMPLE_ERRORS);
  });

  it('writes and clears well-formed packages, and keeps the file type', () => {
    const r = runs.get(name)!;
    // ExcelJS, re-saving a workbook that has no theme, still points to one: we add no problem of our own to the input's.
    const theirs = packageProblems(r.input);
    expect(theirs.filter((p) => !p.includes('xl/theme/theme1.xml'))).toEqual([]);
    expect(packageProblems(r.out)).toEqual(theirs);
    expect(packageProblems(r.cleared)).toEqual(theirs);
    expect(contentTypeOf(r.out, 'xl/workbook.xml')).toBe(contentTypeOf(r.input, 'xl/workbook.xml'));
    expect(r.outPath.endsWith(c.ext)).toBe(true);
  });

  it('carries every part not ours byte for byte, and the user sheets are identical but for the marks', () => {
    const r = runs.get(name)!;
    const userSheets = sheetParts(r.input);
    const marked = new Map<string, string[]>();
    for (const m of r.outcome.plan.marks) marked.set(userSheets.get(m.sheet)!, [...(marked.get(userSheets.get(m.sheet)!) ?? []), m.cell]);
    const patched = new Set(['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/calcChain.xml', ...marked.keys()].map((n) => n.toLowerCase()));
    for (const part of marked.keys()) patched.add(part.replace(/([^/]+)$/, '_rels/$1.rels').toLowerCase());
    for (const [part, bytes] of Object.entries(r.input)) {
      if (patched.has(part.toLowerCase()) || /^xl\/(comments\d*\.xml|drawings\/vmlDrawing\d*\.vml)$/.test(part)) continue;
      expect([part, Buffer.from(r.out[part] ?? []).equals(Buffer.from(bytes))]).toEqual([part, true]);
    }
    for (const a of c.added) expect([a, Buffer.from(r.out[a]).equals(Buffer.from(r.input[a]))]).toEqual([a, true]);
    for (const [part, cells] of marked) expect(withoutMarks(strFromU8(r.out[part]), cells)).toBe(withoutMarks(strFromU8(r.input[part]), cells));
    expect(marked.size).toBeGreaterThan(0);
  });

  it('clear gives back every part of the user byte for byte, and no part of ours', () => {
    const r = runs.get(name)!;
    expect(Object.keys(r.cleared).filter((n) => !n.endsWith('/')).sort()).toEqual(Object.keys(r.input).filter((n) => !n.endsWith('/') && n !== 'xl/calcChain.xml').sort());
    for (const [part, bytes] of Object.entries(r.input)) {
      if (part === 'xl/styles.xml' || part.endsWith('/') || part === 'xl/calcChain.xml') continue; // styles: appended to, never shrunk
      expect([part, strFromU8(r.cleared[part])]).toEqual([part, strFromU8(bytes)]);
    }
  });

  it('LibreOffice, recalculating the output, agrees with every value we cached on the report tabs', async () => {
    const ours = await readXlsxSnapshot(runs.get(name)!.outPath);
    const theirs = await readXlsxSnapshot(recalced.get(name)!);
    const value = new Map<string, unknown>();
    for (const s of theirs.sheets) s.values.forEach((row, r) => row.forEach((v, k) => value.set(`${s.name}!${a1(s.top + r, s.left + k)}`, v)));
    let compared = 0;
    const wrong: string[] = [];
    for (const s of ours.sheets) {
      if (!(REPORT_TAB_NAMES as readonly string[]).includes(s.name)) continue;
      s.formulas.forEach((row, r) =>
        row.forEach((f, k) => {
          if (f === null) return;
          const key = `${s.name}!${a1(s.top + r, s.left + k)}`;
          const mine = s.values[r][k];
          const lo = value.get(key);
          compared++;
          if (!(typeof mine === 'number' && typeof lo === 'number' ? Math.abs(mine - lo) < 1e-6 : mine === lo)) wrong.push(`${key} ${f}: cached ${mine}, LibreOffice ${lo}`);
        }),
      );
    }
    expect(wrong).toEqual([]);
    expect(compared).toBeGreaterThan(100);
  });
});
