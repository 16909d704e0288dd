/**
 * Import partner files… in Excel and `clusterix import` agree when the indicator rows are an Excel table.
 *
 * The sample's Indicators rows (header row 3, rows 4 to 80) as a table: added in Excel through the wire host
 * (tables.add), and the same table as a package part for the CLI. Partner 11 (the last rows) adds two rows,
 * partner 3 one, partner 9 removes one. Excel's own insert leaves partner 11's new rows (right under the table's
 * last row) out of the table; the CLI's rule takes them in; the add-in resizes the table in its one write. Worked
 * out by hand: A3:L80 + 1 (partner 3) - 1 (partner 9) + 2 (partner 11) = A3:L82 in both faces, and the cells equal
 * the CLI's, cell for cell. Without the resize (a host below ExcelApi 1.13 is refused before anything is done).
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
import { partOf, readZip, type Parts } from '../support/package-edit';
import { a1 } from '../../src/util/a1';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clusterix-office-tables-'));
const at = (f: string) => path.join(dir, f);
let fake: WireOffice | null = null;
afterEach(async () => {
  await fake?.settle();
  fake?.uninstall();
  fake = null;
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const writeZip = (file: string, parts: Parts) => fs.writeFileSync(file, Buffer.from(zipSync(parts)));
const text = (parts: Parts, name: string) => strFromU8(parts[name]);
const snapshotOf = (file: string): WorkbookSnapshot => readPackage(fs.readFileSync(file), path.basename(file)).snapshot;
const base64 = (f: string) => fs.readFileSync(f).toString('base64');

const HEADER = ['Partner', 'Indicator', 'P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8', 'Total', 'Comment'];
const tablePart = (ref: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="IndicatorRows" displayName="IndicatorRows" ref="${ref}" totalsRowShown="0"><autoFilter ref="${ref}"/><tableColumns count="${HEADER.length}">${HEADER.map((n, i) => `<tableColumn id="${i + 1}" name="${n}"/>`).join('')}</tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`;

/** Cells as 'A1' -> formula where there is one, else the value (numbers to the cent); empty cells left out. */
function cells(s: SheetSnapshot): Record<string, CellValue | string> {
  const out: Record<string, CellValue | string> = {};
  s.values.forEach((row, r) =>
    row.forEach((v, c) => {
      const f = s.formulas[r]?.[c] ?? null;
      const addr = a1(s.top + r, s.left + c);
      if (f !== null) out[addr] = f;
      else if (v !== null && v !== '') out[addr] = typeof v === 'number' ? Math.round(v * 100) / 100 : v;
    }),
  );
  return out;
}

const row = (n: number, r: number, code: string, col: string, v: number) =>
  `<row r="${r}"><c r="A${r}"><v>${n}</v></c><c r="B${r}" t="inlineStr"><is><t>${code}</t></is></c><c r="${col}${r}"><v>${v}</v></c><c r="K${r}"><f>SUM(C${r}:J${r})</f><v>${v}</v></c></row>`;

/** A partner's file with its Indicators sheet edited. */
function partnerFile(n: number, edit: (xml: string) => string): string {
  const parts = readZip(at(`p${n}.xlsx`));
  const ind = partOf(parts, 'Indicators');
  const next = edit(text(parts, ind));
  expect(next).not.toBe(text(parts, ind));
  parts[ind] = strToU8(next);
  writeZip(at(`p${n} edited.xlsx`), parts);
  return at(`p${n} edited.xlsx`);
}

let files: string[];

beforeAll(async () => {
  expect((await cliInProcess('sample', at('sample.xlsx'))).code).toBe(0);
  for (const n of [3, 9, 11]) expect((await cliInProcess('partner-workbook', at('sample.xlsx'), '--partner', String(n), '-o', at(`p${n}.xlsx`))).code).toBe(0);
  // Each partner's file has its seven rows on 4..10. Partner 11: MEDIA 1 in P3 and PEOPLE 2 in P4 under them;
  // partner 3: MEDIA 4 in P5; partner 9: its last row (PI-REG, row 10) taken out.
  files = [
    partnerFile(11, (x) => x.replace('</sheetData>', `${row(11, 11, 'MEDIA', 'E', 1)}${row(11, 12, 'PEOPLE', 'F', 2)}</sheetData>`)),
    partnerFile(3, (x) => x.replace('</sheetData>', `${row(3, 11, 'MEDIA', 'G', 4)}</sheetData>`)),
    partnerFile(9, (x) => x.replace(/<row r="10"[^>]*>[\s\S]*?<\/row>/, '')),
  ];
  // The lead's book for the CLI: the sample with the table A3:L80 over its Indicators rows.
  const parts = readZip(at('sample.xlsx'));
  const ind = partOf(parts, 'Indicators');
  expect(text(parts, ind)).not.toContain('<tableParts');
  parts[ind] = strToU8(text(parts, ind).replace('</worksheet>', '<tableParts count="1"><tablePart r:id="rIdT1"/></tableParts></worksheet>'));
  const rels = ind.replace(/([^/]+)$/, '_rels/$1.rels');
  const rel = '<Relationship Id="rIdT1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="../tables/table1.xml"/>';
  parts[rels] = strToU8(
    parts[rels] ? text(parts, rels).replace('</Relationships>', `${rel}</Relationships>`) : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel}</Relationships>`,
  );
  parts['xl/tables/table1.xml'] = strToU8(tablePart('A3:L80'));
  parts['[Content_Types].xml'] = strToU8(
    text(parts, '[Content_Types].xml').replace('</Types>', '<Override PartName="/xl/tables/table1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/></Types>'),
  );
  writeZip(at('tables.xlsx'), parts);
}, 120000);

/** The sample in Excel with its Indicators rows made a table there (A3:L80, named as the CLI's). */
async function leadInExcel(opts: { excelApi?: string } = {}) {
  const run = inExcel(snapshotOf(at('sample.xlsx')), opts);
  fake = run.fake;
  const xl = run.fake.Excel.run as <T>(f: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;
  await xl(async (ctx) => {
    ctx.workbook.worksheets.getItem('Indicators').tables.add('Indicators!A3:L80', true).name = 'IndicatorRows';
    await ctx.sync();
  });
  const tableAddress = () =>
    xl(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Indicators').tables.getItem('IndicatorRows').getRange().load('address');
      await ctx.sync();
      return r.address;
    });
  return { ...run, tableAddress };
}

describe('import into indicator rows that are an Excel table', () => {
  it("grows the table in Excel as the CLI does (A3:L82), the last partner's new rows inside it; the cells equal the CLI's", async () => {
    const cli = await cliInProcess('import', at('tables.xlsx'), ...files, '-o', at('cli.xlsx'));
    expect(cli.stderr).toBe('');
    const out = readZip(at('cli.xlsx'));
    expect(text(out, 'xl/tables/table1.xml')).toBe(tablePart('A3:L82'));

    const run = await leadInExcel();
    expect(await run.tableAddress()).toBe('Indicators!A3:L80');
    run.fake.resetStats();
    const r = await run.actions.importPartnerFiles!(files.map((f) => ({ name: f, base64: base64(f) })));
    if (r.kind !== 'imported') throw new Error(r.message);
    expect(r.lines).toEqual(cli.stdout.split('\n').slice(0, 3));
    expect(r.lines[0]).toMatch(/indicator rows: 0 changed, 2 added, 0 removed$/);
    // The import's round trips stay 7 (the tables read in two of them, the resize in the one write); then Check's 3.
    expect(run.fake.stats.syncs).toHaveLength(7 + 3);
    expect(await run.tableAddress()).toBe('Indicators!A3:L82');

    const viaCli = snapshotOf(at('cli.xlsx'));
    const inOffice = snapshotFromWorkbook(run.wb);
    const userSheets = inOffice.sheets.filter((s) => s.name !== '_clusterix');
    expect(userSheets.map((s) => s.name)).toEqual(viaCli.sheets.map((s) => s.name));
    for (const s of userSheets) expect([s.name, cells(s)]).toEqual([s.name, cells(viaCli.sheets.find((x) => x.name === s.name)!)]);
    // Partner 11's rows by hand: its seven now on 74..80 (partner 3 +1, partner 9 -1), MEDIA and PEOPLE on 81 and 82.
    const got = cells(userSheets.find((s) => s.name === 'Indicators')!);
    expect([got.A81, got.B81, got.E81, got.K81, got.A82, got.B82, got.F82, got.K82]).toEqual([11, 'MEDIA', 1, '=SUM(C81:J81)', 11, 'PEOPLE', 2, '=SUM(C82:J82)']);
    expect(got.A83).toBeUndefined();
  }, 120000);

  it('every partner removing every row: the table keeps its header and one empty row (A3:L4) in both faces', async () => {
    expect((await cliInProcess('partner-workbook', at('sample.xlsx'), '--all', '-o', at('all'))).code).toBe(0);
    const emptied = Array.from({ length: 11 }, (_, i) => {
      const file = at(`all/sample partner ${i + 1}.xlsx`);
      const parts = readZip(file);
      const ind = partOf(parts, 'Indicators');
      const next = text(parts, ind).replace(/<row r="(\d+)"[^>]*>[\s\S]*?<\/row>/g, (m, r: string) => (Number(r) >= 4 ? '' : m));
      expect(next).not.toMatch(/<row r="4"/);
      parts[ind] = strToU8(next);
      writeZip(file, parts);
      return file;
    });
    const cli = await cliInProcess('import', at('tables.xlsx'), ...emptied, '-o', at('cli emptied.xlsx'));
    expect(cli.stderr).toBe('');
    expect(text(readZip(at('cli emptied.xlsx')), 'xl/tables/table1.xml')).toBe(tablePart('A3:L4'));

    const run = await leadInExcel();
    const r = await run.actions.importPartnerFiles!(emptied.map((f) => ({ name: f, base64: base64(f) })));
    if (r.kind !== 'imported') throw new Error(r.message);
    expect(r.lines).toEqual(cli.stdout.split('\n').slice(0, 11));
    expect(await run.tableAddress()).toBe('Indicators!A3:L4');
    const viaCli = snapshotOf(at('cli emptied.xlsx'));
    const ind = cells(snapshotFromWorkbook(run.wb).sheets.find((s) => s.name === 'Indicators')!);
    expect(ind).toEqual(cells(viaCli.sheets.find((s) => s.name === 'Indicators')!));
    // Nothing left under the header: the table's one row is empty.
    expect(Object.keys(ind).filter((k) => Number(/\d+/.exec(k)![0]) >= 4)).toEqual([]);
  }, 120000);

  it('leaves a table alone where Excel already does what the CLI does (rows inside only): no resize', async () => {
    const run = await leadInExcel();
    const r = await run.actions.importPartnerFiles!(files.slice(1).map((f) => ({ name: f, base64: base64(f) })));
    if (r.kind !== 'imported') throw new Error(r.message);
    expect(await run.tableAddress()).toBe('Indicators!A3:L80');
    const cli = await cliInProcess('import', at('tables.xlsx'), ...files.slice(1), '-o', at('cli inside.xlsx'));
    expect(cli.stderr).toBe('');
    expect(text(readZip(at('cli inside.xlsx')), 'xl/tables/table1.xml')).toBe(tablePart('A3:L80'));
  }, 120000);
});
