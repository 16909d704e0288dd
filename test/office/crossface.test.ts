/**
 * The Office.js adapter and the command line on the same xlsx files: equal findings and figures (the sample and
 * hand-typed layouts) on Microsoft's Excel library over the wire host; and each face clears what the other
 * consolidated, the user's fills and notes coming back (notes: ExcelApi 1.18, so on the strict fake).
 */
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkWorkbook } from '../../src/engine';
import { computeFigures } from '../../src/figures';
import { toFiguresJson } from '../../src/figures/json';
import { CLUSTERIX2 } from '../../src/profile/clusterix2';
import { clearFile, consolidateFile } from '../../src/apply/xlsx';
import { createOfficeActions, readWorkbook } from '../../src/apply/office';
import { REPORT_TAB_NAMES, STATE_SHEET, type Mark } from '../../src/plan/types';
import { parseA1 } from '../../src/util/a1';
import { writeSample, writeLayout } from '../libreoffice/books';
import { findSheet, getCell, installFakeOffice, type FakeOffice } from '../fake-excel';
import { workbookFromXlsx, xlsxFromWorkbook } from '../fake-excel/xlsx';
import { installWireOffice, type WireOffice } from '../office-wire/install';
import { NOW } from './helpers';

let dir: string;
let fake: FakeOffice | WireOffice | null = null;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cx-crossface-'));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));
afterEach(() => {
  fake?.uninstall();
  fake = null;
});

const FIXTURES: [string, (p: string) => Promise<void>][] = [
  ['sample', writeSample],
  ['hand-typed', (p) => writeLayout('hand-typed', p)],
  ['hand-typed-odd', (p) => writeLayout('hand-typed-odd', p)],
];

async function fixture(name: string): Promise<string> {
  const file = path.join(dir, `${name}.xlsx`);
  await FIXTURES.find((f) => f[0] === name)![1](file);
  return file;
}

async function officeOn(bytes: Buffer) {
  const f = installWireOffice(globalThis, await workbookFromXlsx(bytes));
  fake = f;
  return { fake: f, actions: createOfficeActions({ profile: CLUSTERIX2, now: () => NOW }) };
}

/** Notes (ExcelApi 1.18) are not in the npm library: the notes round trip runs on the strict fake. */
async function notesOfficeOn(bytes: Buffer) {
  const f = installFakeOffice(globalThis, await workbookFromXlsx(bytes), { excelApi: '1.18' });
  fake = f;
  return { fake: f, actions: createOfficeActions({ profile: CLUSTERIX2, now: () => NOW }) };
}

describe.each(FIXTURES.map((f) => f[0]))("%s.xlsx: the Office path on Excel's library equals the CLI path", (name) => {
  test('findings and figures, to the cent', async () => {
    const book = await fixture(name);
    const cli = await consolidateFile(book, path.join(dir, `${name}-out.xlsx`), { now: NOW });
    if (!('figures' in cli)) throw new Error('no figures');
    const { fake: f, actions } = await officeOn(await fs.readFile(book));
    const read = await readWorkbook(f.newContext(), { withValues: true });
    const checked = checkWorkbook(read.snapshot, CLUSTERIX2);
    expect(checked.findings).toEqual(cli.findings);
    expect(toFiguresJson(computeFigures(checked.model, CLUSTERIX2))).toEqual(toFiguresJson(cli.figures));
    f.resetStats();
    const out = await actions.consolidate();
    expect(out.kind === 'done' && out.findings).toEqual(cli.findings);
    await f.settle();
    expect([f.stats.roundTrips, f.stats.cleanups]).toEqual([3, 1]);
  });
});

/** The user's own look on the first two marked cells: a green fill and a note; a white fill (not "no fill"). */
const LOOKS = [
  { fill: '#00B050', note: 'checked with the partner on 3 May' },
  { fill: '#FFFFFF', note: null },
];

async function bookWithLooks(name: string): Promise<{ file: string; marks: Mark[] }> {
  const plain = await fixture(name);
  const probe = await consolidateFile(plain, path.join(dir, `${name}-probe.xlsx`), { now: NOW });
  const marks = probe.plan.marks;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(plain);
  LOOKS.forEach((look, i) => {
    const cell = wb.getWorksheet(marks[i].sheet)!.getCell(marks[i].cell);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${look.fill.slice(1)}` } };
    if (look.note) cell.note = look.note;
  });
  const file = path.join(dir, `${name}-looks.xlsx`);
  await wb.xlsx.writeFile(file);
  return { file, marks };
}

function xlsxLook(ws: ExcelJS.Worksheet, cell: string): { fill: string | null; note: string | null } {
  const c = ws.getCell(cell);
  const fill = c.style?.fill;
  const note = c.note === undefined ? null : typeof c.note === 'string' ? c.note : (c.note.texts ?? []).map((t) => t.text).join('');
  return { fill: fill && fill.type === 'pattern' && fill.pattern === 'solid' ? `#${fill.fgColor!.argb!.slice(2)}` : null, note };
}

describe('one face clears what the other consolidated', () => {
  test('consolidated by the CLI, cleared by the Office adapter: fills and notes back exactly, our tabs and _clusterix gone', async () => {
    const { file, marks } = await bookWithLooks('sample');
    const out = path.join(dir, 'cli-consolidated.xlsx');
    await consolidateFile(file, out, { now: NOW });
    const { fake: f, actions } = await notesOfficeOn(await fs.readFile(out));
    // The CLI's marks as the Office adapter sees them.
    const at = (m: Mark) => {
      const { row, col } = parseA1(m.cell);
      return getCell(findSheet(f.workbook, m.sheet)!, row, col);
    };
    expect(marks.map((m) => at(m).note)).toEqual(marks.map((m) => m.note));
    expect(findSheet(f.workbook, STATE_SHEET)!.visibility).toBe('VeryHidden');
    const cleared = await actions.clearMarks();
    expect(cleared).toEqual({ kind: 'cleared', restored: marks.length });
    expect(marks.map((m) => ({ fill: at(m).fill, note: at(m).note }))).toEqual(marks.map((_, i) => LOOKS[i] ?? { fill: null, note: null }));
    expect(f.workbook.sheets.map((s) => s.name).filter((n) => (REPORT_TAB_NAMES as readonly string[]).includes(n) || n === STATE_SHEET)).toEqual([]);
    // Nothing else changed: the workbook is the one the user had.
    const before = await workbookFromXlsx(await fs.readFile(file));
    expect(f.workbook.sheets.map((s) => [s.name, s.visibility, [...s.cells.entries()].filter(([, c]) => c.type !== 'Empty' || c.fill || c.note)])).toEqual(
      before.sheets.map((s) => [s.name, s.visibility, [...s.cells.entries()].filter(([, c]) => c.type !== 'Empty' || c.fill || c.note)]),
    );
  });

  test('consolidated by the Office adapter, cleared by the CLI: fills and notes back exactly, our tabs and _clusterix gone', async () => {
    const { file, marks } = await bookWithLooks('hand-typed');
    const { fake: f, actions } = await notesOfficeOn(await fs.readFile(file));
    const done = await actions.consolidate();
    expect(done.kind === 'done' && done.marked).toBe(marks.length);
    const exported = path.join(dir, 'office-consolidated.xlsx');
    await fs.writeFile(exported, await xlsxFromWorkbook(f.workbook));
    // The CLI reads the Office adapter's state: our tabs are its tabs, the marks its marks.
    const mid = new ExcelJS.Workbook();
    await mid.xlsx.readFile(exported);
    expect(mid.worksheets.filter((w) => w.state === 'veryHidden').map((w) => w.name)).toEqual([STATE_SHEET]);
    const cleared = path.join(dir, 'cli-cleared.xlsx');
    await clearFile(exported, cleared);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(cleared);
    expect(marks.map((m) => xlsxLook(wb.getWorksheet(m.sheet)!, m.cell))).toEqual(marks.map((_, i) => LOOKS[i] ?? { fill: null, note: null }));
    const names = wb.worksheets.map((w) => w.name);
    expect(names.filter((n) => (REPORT_TAB_NAMES as readonly string[]).includes(n) || n === STATE_SHEET)).toEqual([]);
    const original = new ExcelJS.Workbook();
    await original.xlsx.readFile(file);
    expect(names).toEqual(original.worksheets.map((w) => w.name));
  });
});
