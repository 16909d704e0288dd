/**
 * Every formula on our tabs computes, in LibreOffice, the value we cached (to the cent and better); and after one
 * source amount changes, every formula still agrees with the engine's figures for the changed workbook, and the
 * amounts that moved moved by exactly that amount.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync } from 'fs';
import { strFromU8, unzipSync } from 'fflate';
import { tmpdir } from 'os';
import { join } from 'path';
import { consolidateFile, userSheetsOnly } from '../../src/apply/xlsx';
import { readState } from '../support/exceljs/state-sheet';
import { consolidateWorkbook } from '../../src/engine';
import { REPORT_TAB_NAMES } from '../../src/plan/types';
import { readXlsxSnapshot } from '../../src/snapshot/xlsx';
import { a1 } from '../../src/util/a1';
import { formulaResults, readWorkbook, recalculate } from '../support/libreoffice';
import { writeLayout, writeSample, writeSnapshot, LAYOUTS } from './books';
import { NORDLINK_FIGURES, nordLinkSnapshot } from '../support/second-project';

const now = new Date('2026-01-15T10:00:00Z');
const TABS = [...REPORT_TAB_NAMES] as string[];
const DELTA = 123.45;

/** Close enough to be the same figure: far tighter than a cent (float sums of cents differ by ~1e-10). */
function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 1e-6;
  return a === b;
}

/** The first cell on a user sheet that a report formula reads directly (not through another report tab). */
function firstSource(wb: ExcelJS.Workbook): { sheet: string; cell: string } {
  let found: { sheet: string; cell: string } | null = null;
  for (const ws of TABS.map((t) => wb.getWorksheet(t)!))
    ws.eachRow((row) =>
      row.eachCell((c) => {
        const f = (c.value as { formula?: string })?.formula ?? '';
        for (const m of f.matchAll(/(?:'((?:[^']|'')+)'|([A-Za-z_][\w.]*))!\$?([A-Z]+)\$?(\d+)/g)) {
          const sheet = (m[1] ?? m[2]).replace(/''/g, "'");
          if (!found && !TABS.includes(sheet)) found = { sheet, cell: `${m[3]}${m[4]}` }; // a user sheet, not one of ours
        }
      }),
    );
  if (!found) throw new Error('no report formula reads a user sheet');
  return found;
}

/** The plan's cached formula results, by 'Sheet!A1'. */
async function plannedResults(path: string): Promise<Map<string, unknown>> {
  const wb = await readWorkbook(path);
  const snap = userSheetsOnly(await readXlsxSnapshot(path), readState(wb));
  const plan = consolidateWorkbook(snap, { now }).plan;
  const out = new Map<string, unknown>();
  for (const t of plan.tabs) for (const c of t.cells) if (c.value.kind === 'formula') out.set(`${t.name}!${a1(c.row, c.col)}`, c.value.result);
  return out;
}

// NordLink: the second project, typed by its own builder (test/support/second-project.ts).
const books = ['sample', ...Object.keys(LAYOUTS), 'nordlink'];
let dir: string;
const cached = new Map<string, Map<string, unknown>>();
const recalced = new Map<string, Map<string, unknown>>();
/** The consolidated and the recalculated package of each book, for the charts. */
const packages = new Map<string, { ours: Record<string, Uint8Array>; theirs: Record<string, Uint8Array>; theirsPath: string }>();
/** Formula cells shown as a percentage, by book. */
const percent = new Map<string, Set<string>>();
const mutated = new Map<
  string,
  {
    source: { sheet: string; cell: string };
    before: number;
    cachedAfter: Map<string, unknown>;
    recalced: Map<string, unknown>;
  }
>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clx-lo-'));
  const outs: string[] = [];
  for (const name of books) {
    const book = join(dir, `${name}.xlsx`);
    if (name === 'sample') await writeSample(book);
    else if (name === 'nordlink') await writeSnapshot(nordLinkSnapshot(), book);
    else await writeLayout(name, book);
    const out = join(dir, `${name}.consolidated.xlsx`);
    await consolidateFile(book, out, { now });
    const written = await readWorkbook(out);
    cached.set(name, formulaResults(written, TABS));
    percent.set(
      name,
      new Set(
        [...cached.get(name)!.keys()].filter((k) => {
          const [sheet, cell] = k.split('!');
          return written.getWorksheet(sheet)!.getCell(cell).numFmt?.includes('%');
        }),
      ),
    );
    outs.push(out);
    // The same report with one source amount changed by DELTA (as a finance officer would type it).
    const wb = await readWorkbook(out);
    const source = firstSource(wb);
    const cell = wb.getWorksheet(source.sheet)!.getCell(source.cell);
    const before = Number((cell.value as { result?: number })?.result ?? cell.value);
    cell.value = Math.round((before + DELTA) * 100) / 100;
    const changed = join(dir, `${name}.changed.xlsx`);
    await wb.xlsx.writeFile(changed);
    outs.push(changed);
    mutated.set(name, {
      source,
      before,
      cachedAfter: await plannedResults(changed),
      recalced: new Map(),
    });
  }
  const results = await recalculate(outs); // one LibreOffice run for all of them
  for (const [i, name] of books.entries()) {
    recalced.set(name, formulaResults(await readWorkbook(results[2 * i]), TABS));
    packages.set(name, { ours: unzipSync(new Uint8Array(readFileSync(join(dir, `${name}.consolidated.xlsx`)))), theirs: unzipSync(new Uint8Array(readFileSync(results[2 * i]))), theirsPath: results[2 * i] });
    mutated.get(name)!.recalced = formulaResults(await readWorkbook(results[2 * i + 1]), TABS);
  }
}, 300000);

describe.each(books)('%s, consolidated and recalculated in LibreOffice', (name) => {
  it('every formula on our tabs computes the value we cached', () => {
    const ours = cached.get(name)!;
    const theirs = recalced.get(name)!;
    expect(ours.size).toBeGreaterThan(50);
    const wrong = [...ours].filter(([k, v]) => !same(v, theirs.get(k))).map(([k, v]) => `${k}: cached ${v}, LibreOffice ${theirs.get(k)}`);
    expect(wrong).toEqual([]);
  });

  it('the charts\' source ranges: LibreOffice reads both charts and computes every cell they show to our value', async () => {
    const { ours, theirs, theirsPath } = packages.get(name)!;
    const charts = Object.keys(ours).filter((n) => /^xl\/charts\/clusterixChart\d+\.xml$/.test(n));
    expect(charts).toHaveLength(2);
    // LibreOffice understood them: it writes them back as charts of its own.
    expect(Object.keys(theirs).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))).toHaveLength(2);
    const wb = await readWorkbook(theirsPath);
    const ourBook = await readWorkbook(join(dir, `${name}.consolidated.xlsx`));
    let cells = 0;
    for (const chart of charts) {
      const xml = strFromU8(ours[chart]);
      for (const m of xml.matchAll(/<c:f>'([^']+)'!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)<\/c:f>/g)) {
        const [, sheet, c1, r1, , r2] = m;
        for (let r = Number(r1); r <= Number(r2); r++) {
          const mine = ourBook.getWorksheet(sheet)!.getCell(`${c1}${r}`);
          const lo = wb.getWorksheet(sheet)!.getCell(`${c1}${r}`);
          const value = (c: ExcelJS.Cell) => (c.type === ExcelJS.ValueType.Formula ? (c as unknown as { result: unknown }).result : c.value);
          expect([`${sheet}!${c1}${r}`, same(value(lo), value(mine))]).toEqual([`${sheet}!${c1}${r}`, true]);
          cells++;
        }
      }
    }
    expect(cells).toBeGreaterThanOrEqual(6 * 3 + 8 + 6);
  });

  it('one source amount changed: LibreOffice agrees with the engine on the changed book, amounts move by exactly that much', () => {
    const m = mutated.get(name)!;
    const before = cached.get(name)!;
    const disagree = [...m.cachedAfter].filter(([k, v]) => !same(v, m.recalced.get(k))).map(([k, v]) => `${k}: engine ${v}, LibreOffice ${m.recalced.get(k)}`);
    expect(disagree).toEqual([]);
    const moved = [...m.recalced].filter(([k, v]) => typeof v === 'number' && !same(v, before.get(k)));
    expect(moved.length).toBeGreaterThan(0);
    // Every amount that moved moved by exactly DELTA (a remaining amount by −DELTA), but the ERDF and partner
    // contribution split it between them (ERDF rounded down to the cent): those parts add up to whole DELTAs.
    // Percentages move otherwise and were checked against the engine above.
    const amounts = moved.filter(([k]) => !percent.get(name)!.has(k));
    const split = amounts
      .map(([k, v]) => ({
        k,
        move: Math.round(((v as number) - (before.get(k) as number)) * 100),
      }))
      .filter((x) => Math.abs(x.move) !== Math.round(DELTA * 100));
    expect(split.every((x) => x.move > 0 && x.move < DELTA * 100)).toBe(true);
    expect(split.reduce((a, x) => a + x.move, 0) % Math.round(DELTA * 100)).toBe(0);
    expect(split.length % 2).toBe(0);
    expect(amounts.filter(([k]) => k.startsWith('Report Summary!')).length).toBeGreaterThan(0);
    expect(amounts.filter(([k]) => k.startsWith('Report By partner!')).length).toBeGreaterThan(0);
  });
});

test('NordLink recalculated in LibreOffice shows the totals worked out by hand', () => {
  const values = [...recalced.get('nordlink')!].filter(([k]) => k.startsWith('Report By partner!')).map(([, v]) => v);
  const t = NORDLINK_FIGURES.totals;
  for (const want of [t.budget.total, t.erdf, t.contribution, t.reported.total, ...NORDLINK_FIGURES.partners.map((p) => p.erdf)]) expect([want, values.some((v) => same(v, want))]).toEqual([want, true]);
  const periods = [...recalced.get('nordlink')!].filter(([k]) => k.startsWith('Report Spending plan!')).map(([, v]) => v);
  for (const p of NORDLINK_FIGURES.periods) expect([p.period, periods.some((v) => same(v, p.cumulativeBudget))]).toEqual([p.period, true]);
});
