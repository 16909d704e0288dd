/**
 * Import partner files… on Microsoft's Excel library over the wire host: the sample split by the CLI, one
 * partner's file edited, imported through the Office adapter (insertWorksheetsFromBase64): the lead's cells equal
 * what `clusterix import` wrote (both read by our package reader / the host's model), the per-file line and the
 * findings equal; a file of another project is refused and changes nothing; a host of ExcelApi 1.12 is told
 * to use the command line.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { zipSync, strFromU8, strToU8 } from 'fflate';
import { cliInProcess } from '../support/cli-in-process';
import { readPackage } from '../../src/snapshot/package-reader';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../src/snapshot/types';
import { snapshotFromWorkbook } from '../fake-excel/model';
import { inExcel } from './helpers';
import type { WireOffice } from '../office-wire/install';
import { bump, partOf, readZip } from '../support/package-edit';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clusterix-office-import-'));
const at = (f: string) => path.join(dir, f);
let fake: WireOffice | null = null;
afterEach(() => {
  fake?.uninstall();
  fake = null;
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const P4 = at('sample partner 4.xlsx');
const OTHER = at('other project.xlsx');
const base64 = (f: string) => fs.readFileSync(f).toString('base64');
const lead = (): WorkbookSnapshot => readPackage(fs.readFileSync(at('sample.xlsx')), 'sample.xlsx').snapshot;

/** Every cell of a sheet as 'r,c' -> the formula where there is one, else the value (empty cells left out). */
function cells(s: SheetSnapshot): Map<string, CellValue | string> {
  const out = new Map<string, CellValue | string>();
  s.values.forEach((row, r) =>
    row.forEach((v, c) => {
      const f = s.formulas[r]?.[c] ?? null;
      if (f !== null) out.set(`${s.top + r},${s.left + c}`, f);
      else if (v !== null && v !== '') out.set(`${s.top + r},${s.left + c}`, v);
    }),
  );
  return out;
}

beforeAll(async () => {
  expect((await cliInProcess('sample', at('sample.xlsx'))).code).toBe(0);
  expect((await cliInProcess('partner-workbook', at('sample.xlsx'), '--partner', '4', '-o', P4)).code).toBe(0);
  // Partner 4 adds 999.99 to its reported travel costs of P2 (C17), with the totals Excel shows after it.
  const parts = readZip(P4);
  const budget = partOf(parts, 'Budget INMA');
  const before = strFromU8(parts[budget]);
  parts[budget] = strToU8(bump(before, ['C17', 'J17', 'C20', 'J20'], 99999));
  expect(strFromU8(parts[budget])).not.toBe(before);
  // And reports 3 more of its first indicator row (PLE) in P3 (E4: 0 -> 3, its total K4: 2 -> 5).
  const ind = partOf(parts, 'Indicators');
  const row4 = strFromU8(parts[ind]).replace('<c r="E4" s="14"><v>0</v></c>', '<c r="E4" s="14"><v>3</v></c>').replace('<f>SUM(C4:J4)</f><v>2</v>', '<f>SUM(C4:J4)</f><v>5</v>');
  expect(row4).toMatch(/<c r="E4" s="14"><v>3<\/v>.*<v>5<\/v>/);
  parts[ind] = strToU8(row4);
  fs.writeFileSync(P4, Buffer.from(zipSync(parts)));
  // A file of another project: partner 2's, with another acronym.
  const other = readZip(P4);
  const project = partOf(other, 'Project');
  other[project] = strToU8(strFromU8(other[project]).replace('<t xml:space="preserve">ClusteriX 2.0</t>', '<t xml:space="preserve">SmartReg</t>'));
  fs.writeFileSync(OTHER, Buffer.from(zipSync(other)));
});

describe('Import partner files… through the Office adapter', () => {
  it("gives the lead's workbook the CLI's cells, the CLI's line and the CLI's findings", async () => {
    const cli = await cliInProcess('import', at('sample.xlsx'), P4, '-o', at('cli.xlsx'), '--json');
    expect(cli.code).toBe(1); // the sample's two expected errors
    const json = JSON.parse(cli.stdout) as { changes: { cells: number; periods: number[] }[]; findings: { rule: string; sheet: string | null; cell: string | null; message: string }[] };
    expect(json.changes[0]).toMatchObject({ cells: 1, periods: [2] });
    const viaCli = readPackage(fs.readFileSync(at('cli.xlsx')), 'cli.xlsx').snapshot;

    const run = inExcel(lead());
    fake = run.fake;
    const sheetsBefore = run.wb.sheets.map((s) => s.name);
    run.fake.resetStats();
    const r = await run.actions.importPartnerFiles!([{ name: P4, base64: base64(P4) }]);
    // The import: the lead read (2), the files in with the lead's budget formulas, their cells, their delete,
    // the write, the events back: 7 round trips; then Check's own. No write with Excel's events on.
    const syncs = run.fake.stats.syncs;
    expect(syncs).toHaveLength(7 + 3);
    expect(syncs.slice(0, 7).map((x) => x.writes > 0)).toEqual([false, false, true, false, true, true, false]);
    expect(run.fake.stats.writesWithEventsOn).toBe(0);
    expect(run.wb.enableEvents).toBe(true);
    if (r.kind !== 'imported') throw new Error(r.message);
    expect(r.lines).toEqual([`${P4}: partner 4 (INMA): 1 budget cell changed (periods P2); indicator rows: 1 changed, 0 added, 0 removed`]);
    // No partner sheet left behind; the user's sheets as they were, in order (Check adds only its state).
    expect(run.wb.sheets.map((s) => s.name).filter((n) => n !== '_clusterix')).toEqual(sheetsBefore);
    const inOffice = snapshotFromWorkbook(run.wb);
    for (const s of viaCli.sheets) {
      const o = inOffice.sheets.find((x) => x.name === s.name)!;
      expect([s.name, cells(o)]).toEqual([s.name, cells(s)]);
    }
    // The edited cell and its totals, to the cent, as the partner typed them.
    const budget = inOffice.sheets.find((s) => s.name === 'Budget INMA')!;
    const sample = lead().sheets.find((s) => s.name === 'Budget INMA')!;
    const at17 = (s: SheetSnapshot, c: number) => s.values[16 - s.top][c - s.left] as number;
    expect(Math.round(at17(budget, 2) * 100) - Math.round(at17(sample, 2) * 100)).toBe(99999);
    expect(Math.round(at17(budget, 9) * 100) - Math.round(at17(sample, 9) * 100)).toBe(99999);
    // Partner 4's PLE row on the lead's Indicators sheet: 3 in P3, the total 5.
    const ind = inOffice.sheets.find((s) => s.name === 'Indicators')!;
    const row = ind.values.findIndex((r) => r[0 - ind.left] === 4 && r[1 - ind.left] === 'PLE');
    expect(row).toBeGreaterThan(0);
    expect([ind.values[row][4 - ind.left], ind.values[row][10 - ind.left]]).toEqual([3, 5]);

    if (r.outcome.kind !== 'done') throw new Error(r.outcome.kind);
    const key = (f: { rule: string; sheet: string | null; cell: string | null; message: string }) => `${f.rule} ${f.sheet}!${f.cell} ${f.message}`;
    expect(r.outcome.findings.map(key).sort()).toEqual(json.findings.map(key).sort());
  });

  it('refuses a file of another project with its line and changes nothing', async () => {
    const run = inExcel(lead());
    fake = run.fake;
    const before = snapshotFromWorkbook(run.wb);
    const r = await run.actions.importPartnerFiles!([{ name: P4, base64: base64(P4) }, { name: 'other project.xlsx', base64: base64(OTHER) }]);
    expect(r).toEqual({ kind: 'failed', message: "other project.xlsx is a file of another project ('SmartReg', not 'ClusteriX 2.0'): nothing imported" });
    expect(snapshotFromWorkbook(run.wb)).toEqual(before);
  });

  it("takes a file whose indicator rows were added: the CLI's cells, its line, rows below moved down", async () => {
    const parts = readZip(P4);
    const ind = partOf(parts, 'Indicators');
    const row = '<row r="11"><c r="A11"><v>4</v></c><c r="B11" t="inlineStr"><is><t>MEDIA</t></is></c><c r="E11"><v>1</v></c><c r="K11"><f>SUM(C11:J11)</f><v>1</v></c></row>';
    parts[ind] = strToU8(strFromU8(parts[ind]).replace('</sheetData>', `${row}</sheetData>`));
    const file = at('p4 plus a row.xlsx');
    fs.writeFileSync(file, Buffer.from(zipSync(parts)));
    const cli = await cliInProcess('import', at('sample.xlsx'), file, '-o', at('cli plus a row.xlsx'));
    const viaCli = readPackage(fs.readFileSync(at('cli plus a row.xlsx')), 'cli.xlsx').snapshot;
    const run = inExcel(lead());
    fake = run.fake;
    const r = await run.actions.importPartnerFiles!([{ name: file, base64: base64(file) }]);
    if (r.kind !== 'imported') throw new Error(r.message);
    expect(r.lines).toEqual([cli.stdout.split('\n')[0]]);
    expect(r.lines[0]).toMatch(/indicator rows: 1 changed, 1 added, 0 removed$/);
    const inOffice = snapshotFromWorkbook(run.wb);
    for (const s of viaCli.sheets) expect([s.name, cells(inOffice.sheets.find((x) => x.name === s.name)!)]).toEqual([s.name, cells(s)]);
    // Partner 4's rows were 25..31 (1-based): its MEDIA row is row 32 now, partner 5's first row (33) was 32.
    const ind2 = inOffice.sheets.find((s) => s.name === 'Indicators')!;
    const v = (row: number, col: number) => ind2.values[row - 1 - ind2.top][col - ind2.left];
    expect([v(32, 0), v(32, 1), v(32, 4)]).toEqual([4, 'MEDIA', 1]);
    expect(ind2.formulas[31 - ind2.top][10 - ind2.left]).toBe('=SUM(C32:J32)');
    expect(v(33, 0)).toBe(5);
    expect(ind2.formulas[32 - ind2.top][10 - ind2.left]).toBe('=SUM(C33:J33)');
  });

  it('a file Excel cannot open: its error in words, and no sheet of it left behind', async () => {
    const run = inExcel(lead());
    fake = run.fake;
    const before = snapshotFromWorkbook(run.wb);
    const r = await run.actions.importPartnerFiles!([{ name: P4, base64: base64(P4) }, { name: 'broken.xlsx', base64: Buffer.from('not a workbook').toString('base64') }]);
    expect(r.kind).toBe('failed');
    expect(snapshotFromWorkbook(run.wb)).toEqual(before);
  });

  it('names the command line on a host of ExcelApi 1.12', async () => {
    const run = inExcel(lead(), { excelApi: '1.12' });
    fake = run.fake;
    const before = snapshotFromWorkbook(run.wb);
    const r = await run.actions.importPartnerFiles!([{ name: P4, base64: base64(P4) }]);
    expect(r.kind).toBe('failed');
    if (r.kind === 'failed') expect(r.message).toMatch(/ExcelApi 1\.13.*clusterix import BOOK\.xlsx PARTNER\.xlsx/);
    expect(snapshotFromWorkbook(run.wb)).toEqual(before);
  });
});
