/**
 * Import partner files… adding and removing indicator rows, on Microsoft's Excel library over the wire host.
 *
 * The round: the sample split into eleven partner files by the CLI, each edited as a partner would (a
 * reported amount changed with its totals; one indicator row added, but partner 6 removes its last row), all
 * imported through the Office adapter: the lead equals, cell for cell (values and formulas), what `clusterix import`
 * writes and the sample with those edits worked out by hand; the line per file is the CLI's.
 *
 * And our marks: a marked cell below the rows a file adds keeps its saved look (the state's address moves with
 * it), so Clear marks gives the user's own fill back to that cell and leaves the row now at its old address alone.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { zipSync, strFromU8, strToU8 } from 'fflate';
import { cliInProcess } from '../support/cli-in-process';
import { readPackage } from '../../src/snapshot/package-reader';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../src/snapshot/types';
import { findSheet, getCell, setLook, snapshotFromWorkbook, touchCell } from '../fake-excel/model';
import { inExcel } from './helpers';
import type { WireOffice } from '../office-wire/install';
import { bump, partOf, readZip, type Parts } from '../support/package-edit';
import { stateChunks, stateOfSnapshot } from '../../src/plan/state';
import { a1 } from '../../src/util/a1';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clusterix-office-rows-'));
const at = (f: string) => path.join(dir, f);
let fake: WireOffice | null = null;
afterEach(() => {
  fake?.uninstall();
  fake = null;
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const writeZip = (file: string, parts: Parts) => fs.writeFileSync(file, Buffer.from(zipSync(parts)));
const snapshotOf = (file: string): WorkbookSnapshot => readPackage(fs.readFileSync(file), path.basename(file)).snapshot;
const base64 = (f: string) => fs.readFileSync(f).toString('base64');
const partnerFile = (n: number) => at(`parts/sample partner ${n}.xlsx`);

const BUDGET_SHEET: Record<number, string> = {
  1: 'Budget ecoplus', 2: 'Budget IDM', 3: 'Budget West-Pannon', 4: 'Budget INMA', 5: 'Budget Lund', 6: 'Budget Ostrava',
  7: 'Budget Southern Denmark', 8: 'Budget Auvergne', 9: 'Budget Flanders', 10: 'Budget North-East', 11: 'Budget Skane',
};
/** Cents each partner adds to its reported travel costs of P2, typed by hand. */
const DELTA_CENTS: Record<number, number> = { 1: 100000, 2: 25050, 3: 1, 4: 99999, 5: 12345, 6: 50000, 7: 70007, 8: 300, 9: 4410, 10: 123456, 11: 2 };
/** The reported travel P2 cell, its row total, the P2 total and the grand total (partner 1's sheet has Preparation costs: one row lower). */
const EDITED = (n: number) => (n === 1 ? ['C18', 'J18', 'C22', 'J22'] : ['C17', 'J17', 'C20', 'J20']);
/** The partner that removes its last indicator row (PI-REG) instead of adding one. */
const REMOVER = 6;

/** Cells as 'A1' -> formula where there is one, else the value (numbers to the cent); empty cells left out. */
function cells(s: SheetSnapshot): Map<string, CellValue | string> {
  const out = new Map<string, CellValue | string>();
  s.values.forEach((row, r) =>
    row.forEach((v, c) => {
      const f = s.formulas[r]?.[c] ?? null;
      const addr = a1(s.top + r, s.left + c);
      if (f !== null) out.set(addr, f);
      else if (v !== null && v !== '') out.set(addr, typeof v === 'number' ? Math.round(v * 100) / 100 : v);
    }),
  );
  return out;
}

function editAsPartner(n: number): void {
  const parts = readZip(partnerFile(n));
  const budget = partOf(parts, BUDGET_SHEET[n]);
  parts[budget] = strToU8(bump(strFromU8(parts[budget]), EDITED(n), DELTA_CENTS[n]));
  const ind = partOf(parts, 'Indicators');
  const xml = strFromU8(parts[ind]);
  if (n === REMOVER) {
    parts[ind] = strToU8(xml.replace(/<row r="10"[^>]*>[\s\S]*?<\/row>/, ''));
  } else {
    const row = `<row r="11"><c r="A11"><v>${n}</v></c><c r="B11" t="inlineStr"><is><t>MEDIA</t></is></c><c r="E11"><v>1</v></c><c r="K11"><f>SUM(C11:J11)</f><v>1</v></c></row>`;
    parts[ind] = strToU8(xml.replace('</sheetData>', `${row}</sheetData>`));
  }
  writeZip(partnerFile(n), parts);
}

beforeAll(async () => {
  expect((await cliInProcess('sample', at('sample.xlsx'))).code).toBe(0);
  expect((await cliInProcess('partner-workbook', at('sample.xlsx'), '--all', '-o', at('parts'))).code).toBe(0);
  for (let n = 1; n <= 11; n++) editAsPartner(n);
  // Partner 3's edited file with one more row: two added (MEDIA, PEOPLE), for the marks' tests.
  const parts = readZip(partnerFile(3));
  const ind = partOf(parts, 'Indicators');
  const rows = '<row r="12"><c r="A12"><v>3</v></c><c r="B12" t="inlineStr"><is><t>PEOPLE</t></is></c><c r="F12"><v>2</v></c><c r="K12"><f>SUM(C12:J12)</f><v>2</v></c></row>';
  parts[ind] = strToU8(strFromU8(parts[ind]).replace('</sheetData>', `${rows}</sheetData>`));
  writeZip(at('p3 plus two.xlsx'), parts);
});

describe('the lead partner round in Excel: eleven files, rows added and removed', () => {
  it("gives the CLI's workbook and the hand-edited sample, cell for cell, and the CLI's lines", async () => {
    const files = Array.from({ length: 11 }, (_, i) => partnerFile(i + 1));
    const cli = await cliInProcess('import', at('sample.xlsx'), ...files, '-o', at('cli.xlsx'));
    expect(cli.stderr).toBe('');
    const viaCli = snapshotOf(at('cli.xlsx'));
    const sample = snapshotOf(at('sample.xlsx'));

    const run = inExcel(sample);
    fake = run.fake;
    run.fake.resetStats();
    const r = await run.actions.importPartnerFiles!(files.map((f) => ({ name: f, base64: base64(f) })));
    if (r.kind !== 'imported') throw new Error(r.message);
    expect(r.lines).toEqual(cli.stdout.split('\n').slice(0, 11));
    expect(r.lines[REMOVER - 1]).toMatch(/: 1 budget cell changed \(periods P2\); indicator rows: 0 changed, 0 added, 1 removed$/);
    expect(r.lines[2]).toMatch(/: 1 budget cell changed \(periods P2\); indicator rows: 0 changed, 1 added, 0 removed$/);
    // The import's own round trips stay 7 (the rows go in and out in the one write); then Check's 3.
    expect(run.fake.stats.syncs).toHaveLength(7 + 3);
    const inOffice = snapshotFromWorkbook(run.wb);

    // Hand-edited sample: each budget sheet's four cells up by the partner's cents; on Indicators each partner's
    // block, in order, of 8 rows (its 7 and MEDIA) or 6 (partner 6 without PI-REG), from row 4.
    const want = new Map<string, Map<string, CellValue | string>>();
    for (const s of sample.sheets) {
      const c = cells(s);
      const n = Number(Object.entries(BUDGET_SHEET).find(([, name]) => name === s.name)?.[0]);
      // The travel cell typed (a number); its totals are formulas, whose values are checked to the cent below.
      if (n) c.set(EDITED(n)[0], (Math.round((c.get(EDITED(n)[0]) as number) * 100) + DELTA_CENTS[n]) / 100);
      if (s.name === 'Indicators') {
        const moved = new Map<string, CellValue | string>();
        let start = 4;
        const blockStart: number[] = [];
        for (let p = 1; p <= 11; p++) {
          blockStart[p] = start;
          start += p === REMOVER ? 6 : 8;
        }
        for (const [addr, v] of c) {
          const row = Number(/\d+/.exec(addr)![0]);
          const col = addr.replace(/\d+/, '');
          if (row <= 3) {
            moved.set(addr, v);
            continue;
          }
          const p = Math.floor((row - 4) / 7) + 1;
          const i = (row - 4) % 7;
          if (p === REMOVER && i === 6) continue;
          const to = blockStart[p] + i;
          moved.set(`${col}${to}`, col === 'K' ? `=SUM(C${to}:J${to})` : v);
        }
        for (let p = 1; p <= 11; p++) {
          if (p === REMOVER) continue;
          const row = blockStart[p] + 7;
          moved.set(`A${row}`, p);
          moved.set(`B${row}`, 'MEDIA');
          moved.set(`E${row}`, 1);
          moved.set(`K${row}`, `=SUM(C${row}:J${row})`);
        }
        want.set(s.name, moved);
        continue;
      }
      want.set(s.name, c);
    }
    const userSheets = inOffice.sheets.filter((s) => s.name !== '_clusterix');
    expect(userSheets.map((s) => s.name)).toEqual(sample.sheets.map((s) => s.name));
    for (const s of userSheets) {
      const got = Object.fromEntries(cells(s));
      expect([s.name, got]).toEqual([s.name, Object.fromEntries(cells(viaCli.sheets.find((x) => x.name === s.name)!))]);
      expect([s.name, got]).toEqual([s.name, Object.fromEntries(want.get(s.name)!)]);
    }
    // Every edited cell and its totals to the cent: the sample's value plus the partner's cents.
    const valueAt = (snap: WorkbookSnapshot, sheet: string, addr: string) => {
      const x = snap.sheets.find((t) => t.name === sheet)!;
      const row = Number(/\d+/.exec(addr)![0]) - 1;
      return x.values[row - x.top][addr.charCodeAt(0) - 65 - x.left] as number;
    };
    for (let n = 1; n <= 11; n++)
      for (const addr of EDITED(n)) expect([n, addr, Math.round(valueAt(inOffice, BUDGET_SHEET[n], addr) * 100) - Math.round(valueAt(sample, BUDGET_SHEET[n], addr) * 100)]).toEqual([n, addr, DELTA_CENTS[n]]);
    // The new rows look like the rows above them (Excel's "format same as above"): the period cells' number format.
    const ind = findSheet(run.wb, 'Indicators')!;
    expect(getCell(ind, 10, 4).numberFormat).toBe(getCell(ind, 9, 4).numberFormat);
  }, 120000);
});

describe('neighbouring partners adding and removing rows in one import', () => {
  it("gives the CLI's cells in both faces, each block where it belongs, and formulas elsewhere following their rows", async () => {
    // The files already carry a MEDIA row more (partner 6's aside). Partner 1 drops its PI-SF and PI-REG rows (9, 10),
    // partner 2 drops its MEDIA row and adds three, partner 3 drops PI-SF (9) and reports 7 in P5 on PLE.
    const file = (n: number, edit: (xml: string) => string) => {
      const parts = readZip(at(`parts/sample partner ${n}.xlsx`));
      const ind = partOf(parts, 'Indicators');
      parts[ind] = strToU8(edit(strFromU8(parts[ind])));
      writeZip(at(`mix ${n}.xlsx`), parts);
      return at(`mix ${n}.xlsx`);
    };
    // Rows taken out as Excel's Delete does: the rows below move up (their r= and their own SUM with them).
    const drop = (xml: string, gone: number[]) =>
      xml.replace(/<row r="(\d+)"[\s\S]*?<\/row>/g, (m, r: string) => {
        const n = Number(r);
        if (gone.includes(n)) return '';
        const to = n - gone.filter((g) => g < n).length;
        return to === n ? m : m.replace(/(r="[A-Z]*|[CJ])(\d+)(?=["):])/g, (_x, p: string, d: string) => (Number(d) === n ? `${p}${to}` : `${p}${d}`));
      });
    const row = (n: number, r: number, code: string, v: number) => `<row r="${r}"><c r="A${r}"><v>${n}</v></c><c r="B${r}" t="inlineStr"><is><t>${code}</t></is></c><c r="G${r}"><v>${v}</v></c><c r="K${r}"><f>SUM(C${r}:J${r})</f><v>${v}</v></c></row>`;
    const files = [
      file(1, (x) => drop(x, [9, 10])),
      file(2, (x) => drop(x, [11]).replace('</sheetData>', `${row(2, 11, 'PLE', 4)}${row(2, 12, 'GP', 5)}${row(2, 13, 'AP', 6)}</sheetData>`)),
      file(3, (x) => drop(x, [9]).replace(/(<c r="G4"[^>]*><v>)1</, '$17<').replace('<f>SUM(C4:J4)</f><v>2</v>', '<f>SUM(C4:J4)</f><v>8</v>')),
    ];
    // The lead's Project sheet points at partner 2's first row, partner 4's first row and sums every row's total.
    const parts = readZip(at('sample.xlsx'));
    const project = partOf(parts, 'Project');
    parts[project] = strToU8(
      strFromU8(parts[project]).replace('</sheetData>', '<row r="200"><c r="Z200"><f>Indicators!K11</f><v>2</v></c><c r="AA200"><f>Indicators!K25</f><v>2</v></c><c r="AB200"><f>SUM(Indicators!K4:K80)</f><v>0</v></c></row></sheetData>'),
    );
    writeZip(at('lead mix.xlsx'), parts);

    const cli = await cliInProcess('import', at('lead mix.xlsx'), ...files, '-o', at('cli mix.xlsx'));
    expect(cli.stderr).toBe('');
    const viaCli = snapshotOf(at('cli mix.xlsx'));
    const run = inExcel(snapshotOf(at('lead mix.xlsx')));
    fake = run.fake;
    const r = await run.actions.importPartnerFiles!(files.map((f) => ({ name: f, base64: base64(f) })));
    if (r.kind !== 'imported') throw new Error(r.message);
    expect(r.lines).toEqual(cli.stdout.split('\n').slice(0, 3));
    // Rows compared in order: partner 1's sixth row is MEDIA where PI-SF was; partner 3's first, sixth and seventh differ.
    expect(r.lines.map((l) => l.replace(/^.*indicator rows: /, ''))).toEqual(['1 changed, 0 added, 1 removed', '0 changed, 3 added, 0 removed', '3 changed, 0 added, 0 removed']);
    const inOffice = snapshotFromWorkbook(run.wb);
    for (const s of viaCli.sheets) expect([s.name, Object.fromEntries(cells(inOffice.sheets.find((x) => x.name === s.name)!))]).toEqual([s.name, Object.fromEntries(cells(s))]);

    // By hand: partner 1 in rows 4-9 (6 rows), partner 2 in 10-19 (10), partner 3 in 20-26 (7), partner 4 from 27.
    const ind = cells(inOffice.sheets.find((x) => x.name === 'Indicators')!);
    const col = (c: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => ind.get(`${c}${from + i}`));
    expect(col('A', 4, 28)).toEqual([...Array(6).fill(1), ...Array(10).fill(2), ...Array(7).fill(3), 4, 4]);
    expect(col('B', 4, 9)).toEqual(['PLE', 'GP', 'AP', 'MEDIA', 'PEOPLE', 'MEDIA']);
    expect(col('B', 10, 19)).toEqual(['PLE', 'GP', 'AP', 'MEDIA', 'PEOPLE', 'PI-SF', 'PI-REG', 'PLE', 'GP', 'AP']);
    expect(col('B', 20, 27)).toEqual(['PLE', 'GP', 'AP', 'MEDIA', 'PEOPLE', 'PI-REG', 'MEDIA', 'PLE']);
    expect([ind.get('G20'), ind.get('G17'), ind.get('K19'), ind.get('K27')]).toEqual([7, 4, '=SUM(C19:J19)', '=SUM(C27:J27)']);
    // Partner 2's first row is row 10 (K11 -> K10); partner 4's first row two further down (K25 -> K27); the sum spans all.
    const proj = cells(inOffice.sheets.find((x) => x.name === 'Project')!);
    expect([proj.get('Z200'), proj.get('AA200'), proj.get('AB200')]).toEqual(['=Indicators!K10', '=Indicators!K27', '=SUM(Indicators!K4:K82)']);
  }, 60000);
});

describe('a lead with no indicator row yet (the 2021-2027 template)', () => {
  it("puts a partner's rows under the header without the header's look, the same in both faces", async () => {
    expect((await cliInProcess('template', at('blank.xlsx'), '--programme', '2021-2027')).code).toBe(0);
    expect((await cliInProcess('partner-workbook', at('blank.xlsx'), '--partner', '1', '-o', at('blank p1.xlsx'))).code).toBe(0);
    const parts = readZip(at('blank p1.xlsx'));
    const ind = partOf(parts, 'Indicators');
    const row = (r: number, code: string, v: number) => `<row r="${r}"><c r="A${r}"><v>1</v></c><c r="B${r}" t="inlineStr"><is><t>${code}</t></is></c><c r="C${r}"><v>${v}</v></c></row>`;
    parts[ind] = strToU8(strFromU8(parts[ind]).replace(/<sheetData>([\s\S]*?)<\/sheetData>/, (_m, rows: string) => `<sheetData>${rows}${row(4, 'RCO 84', 2)}${row(5, 'RCO 87', 1)}</sheetData>`));
    writeZip(at('blank p1 rows.xlsx'), parts);

    const cli = await cliInProcess('import', at('blank.xlsx'), at('blank p1 rows.xlsx'), '-o', at('blank imported.xlsx'));
    expect(cli.stderr).toBe('');
    expect(cli.stdout.split('\n')[0]).toMatch(/indicator rows: 0 changed, 2 added, 0 removed$/);
    const sheetXml = strFromU8(readZip(at('blank imported.xlsx'))[ind]);
    expect(sheetXml).toMatch(/<c r="A3" s="\d+"/); // the header keeps its style
    expect(/<row r="4"[^>]*>[\s\S]*?<\/row>/.exec(sheetXml)![0]).not.toMatch(/ s="/);

    const run = inExcel(snapshotOf(at('blank.xlsx')));
    fake = run.fake;
    setLook(run.wb, 'Indicators', 2, 0, { fill: '#D9E1F2', bold: true }); // the header's look, as Excel shows it
    setLook(run.wb, 'Indicators', 2, 1, { fill: '#D9E1F2', bold: true });
    const r = await run.actions.importPartnerFiles!([{ name: 'blank p1 rows.xlsx', base64: base64(at('blank p1 rows.xlsx')) }]);
    if (r.kind !== 'imported') throw new Error(r.message);
    expect(r.lines[0]).toBe(cli.stdout.split('\n')[0].replace(at('blank p1 rows.xlsx'), 'blank p1 rows.xlsx'));
    const sheet = findSheet(run.wb, 'Indicators')!;
    // (Check, run after the import, marks what it finds on the new rows; their saved look is no fill.)
    if (r.outcome.kind !== 'done') throw new Error(r.outcome.kind);
    const marked = new Set(r.outcome.findings.filter((f) => f.sheet === 'Indicators').map((f) => f.cell!.split(':')[0]));
    const saved = new Map(stateOfSnapshot(snapshotFromWorkbook(run.wb)).marks.filter((m) => m.sheet === 'Indicators').map((m) => [m.cell, m.fill]));
    for (const addr of ['A4', 'B4', 'C4', 'A5', 'B5', 'C5']) {
      const c = getCell(sheet, Number(addr[1]) - 1, addr.charCodeAt(0) - 65);
      expect([addr, c.bold, marked.has(addr) ? saved.get(addr) : c.fill]).toEqual([addr, false, null]);
    }
    expect([getCell(sheet, 3, 0).value, getCell(sheet, 4, 1).value]).toEqual([1, 'RCO 87']);
    expect(getCell(sheet, 2, 0).fill).toBe('#D9E1F2');
    const viaCli = snapshotOf(at('blank imported.xlsx'));
    const inOffice = snapshotFromWorkbook(run.wb);
    for (const s of viaCli.sheets) expect([s.name, Object.fromEntries(cells(inOffice.sheets.find((x) => x.name === s.name)!))]).toEqual([s.name, Object.fromEntries(cells(s))]);
  }, 60000);
});

describe('marks below rows a file adds', () => {
  it('move with their cells: Clear marks gives the user fill back to the marked cell, not to the row now at its old address', async () => {
    // Partner 3's file with two more rows (its block 18..24 grows to 26); partner 9's first row (A60) names no partner.
    const lead = snapshotOf(at('sample.xlsx'));
    const sheet = lead.sheets.find((s) => s.name === 'Indicators')!;
    sheet.values[59 - sheet.top][0 - sheet.left] = 'Nobody';
    sheet.valueTypes[59 - sheet.top][0 - sheet.left] = 'String';
    const run = inExcel(lead);
    fake = run.fake;
    setLook(run.wb, 'Indicators', 59, 0, { fill: '#C6EFCE' }); // the user's own green on A60
    setLook(run.wb, 'Indicators', 57, 0, { fill: '#FFEB9C' }); // and amber on A58 (partner 8's row, A60 once two rows go in)

    const checked = await run.actions.check();
    if (checked.kind !== 'done') throw new Error(checked.kind);
    expect(checked.findings.filter((f) => f.sheet === 'Indicators').map((f) => `${f.rule} ${f.cell}`)).toEqual(['I01 A60']);
    const a = (r: number) => getCell(findSheet(run.wb, 'Indicators')!, r, 0);
    const marked = a(59).fill;
    expect(marked).not.toBe('#C6EFCE');

    const r = await run.actions.importPartnerFiles!([{ name: 'p3 plus two.xlsx', base64: base64(at('p3 plus two.xlsx')) }]);
    if (r.kind !== 'imported') throw new Error(r.message);
    expect(r.lines[0]).toMatch(/indicator rows: 0 changed, 2 added, 0 removed$/);
    // The marked cell is A62 now, with its mark and note; A60 is partner 8's row with the user's amber.
    expect([a(61).value, a(61).fill, a(61).comment === null]).toEqual(['Nobody', marked, false]);
    expect([a(59).value, a(59).fill, a(59).comment]).toEqual([8, '#FFEB9C', null]);
    const state = stateOfSnapshot(snapshotFromWorkbook(run.wb));
    // (A25 and A26 are marked too: the two added rows repeat codes partner 3 has, T03; their cells had no fill.)
    expect(state.marks.filter((m) => m.sheet === 'Indicators').map((m) => [m.cell, m.fill])).toEqual([['A25', null], ['A26', null], ['A62', '#C6EFCE']]);

    const cleared = await run.actions.clearMarks();
    expect(cleared.kind).not.toBe('failed');
    expect([a(61).value, a(61).fill, a(61).comment]).toEqual(['Nobody', '#C6EFCE', null]);
    expect([a(59).value, a(59).fill]).toEqual([8, '#FFEB9C']);
  }, 60000);

  it("new rows under a marked cell get the user's look of that cell, not the mark's fill", async () => {
    // Partner 3's last row (24) repeats the code of row 23: T03, marked; the user had filled that cell blue.
    const lead = snapshotOf(at('sample.xlsx'));
    const sheet = lead.sheets.find((s) => s.name === 'Indicators')!;
    sheet.values[23 - sheet.top][1 - sheet.left] = 'PI-SF';
    const run = inExcel(lead);
    fake = run.fake;
    const checked = await run.actions.check();
    if (checked.kind !== 'done') throw new Error(checked.kind);
    const t03 = checked.findings.find((f) => f.rule === 'T03' && f.sheet === 'Indicators')!;
    const col = t03.cell!.charCodeAt(0) - 65;
    expect(Number(/\d+/.exec(t03.cell!)![0])).toBe(24);
    // The user's own fill under the mark, as if set before Check: in the state and (for this test) nowhere else.
    const ind = () => findSheet(run.wb, 'Indicators')!;
    const stateSheet = findSheet(run.wb, '_clusterix')!;
    const saved = stateOfSnapshot(snapshotFromWorkbook(run.wb));
    const markFill = getCell(ind(), 23, col).fill;
    saved.marks = saved.marks.map((m) => (m.sheet === 'Indicators' && m.cell === t03.cell ? { ...m, fill: '#DDEBF7' } : m));
    stateChunks(saved).forEach((chunk, i) => Object.assign(touchCell(stateSheet, i, 0), { value: chunk, type: 'String' }));

    // Partner 3's file: its seven rows as in the sample (row 24 PI-REG again) and two more.
    const r = await run.actions.importPartnerFiles!([{ name: 'p3 plus two.xlsx', base64: base64(at('p3 plus two.xlsx')) }]);
    if (r.kind !== 'imported') throw new Error(r.message);
    expect(r.lines[0]).toMatch(/indicator rows: 1 changed, 2 added, 0 removed$/);
    // Rows 25 and 26 are new: in that column the user's blue, as Excel would have copied it from the row above.
    // (Check then marks them: they repeat MEDIA and PEOPLE; their saved look is that blue, not the mark's fill.)
    const after = stateOfSnapshot(snapshotFromWorkbook(run.wb));
    const addr = (row: number) => `${String.fromCharCode(65 + col)}${row}`;
    expect(after.marks.filter((m) => m.sheet === 'Indicators' && [addr(25), addr(26)].includes(m.cell)).map((m) => m.fill)).toEqual(['#DDEBF7', '#DDEBF7']);
    expect(getCell(ind(), 23, col).fill).toBe('#DDEBF7'); // row 24 is PI-REG again: its mark went, the user's blue back
    await run.actions.clearMarks();
    expect([24, 25].map((r0) => getCell(ind(), r0, col).fill)).toEqual(['#DDEBF7', '#DDEBF7']);
    expect([...ind().cells.values()].some((c) => c.fill === markFill)).toBe(false);
  }, 60000);
});
