import { createHash } from 'crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { clearFile, consolidateFile } from '../../src/apply/xlsx';
import { writeWhole } from '../../src/apply/xlsx/safe-write';
import { parseState } from '../../src/plan/state';
import { MARK_FILL, REPORT_TAB_NAMES, STATE_SHEET } from '../../src/plan/types';
import { UserError } from '../../src/util/errors';
import { handPlan, userBook } from './fixtures';
import { cellPrints, load } from './read-back';

const USER_SHEETS = ['Project', 'Budget WP', 'Hidden notes'];
const now = new Date('2026-01-15T10:00:00Z');
const marks = [
  { sheet: 'Budget WP', cell: 'B2', severity: 'error' as const }, // user fill shared with C2
  { sheet: 'Budget WP', cell: 'C3', severity: 'warning' as const }, // user rich note
  { sheet: 'Project', cell: 'C9', severity: 'info' as const }, // an empty cell
];

let dir: string;
let book: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clx-apply-'));
  book = join(dir, 'book.xlsx');
  await userBook(book);
});

const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

describe('consolidateFile with a hand-made plan', () => {
  let out: string;
  beforeAll(async () => {
    out = join(dir, 'out.xlsx');
    await consolidateFile(book, out, { now, plan: () => handPlan(marks) });
  });

  it('writes the five tabs after the user sheets, and the very hidden state sheet', async () => {
    const wb = await load(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual([...USER_SHEETS, ...REPORT_TAB_NAMES, STATE_SHEET]);
    expect(wb.getWorksheet(STATE_SHEET)!.state).toBe('veryHidden');
    expect(wb.getWorksheet('Hidden notes')!.state).toBe('hidden');
    const state = parseState(String(wb.getWorksheet(STATE_SHEET)!.getCell('A1').value));
    expect(state.tabs).toEqual([...REPORT_TAB_NAMES]);
    expect(state.marks.map((m) => [m.sheet, m.cell, m.fill, m.note])).toEqual([
      ['Budget WP', 'B2', '#00B050', null],
      ['Budget WP', 'C3', null, 'rich note'],
      ['Project', 'C9', null, null],
    ]);
  });

  it('writes live formulas with their cached results, number formats, text as text, links, layout', async () => {
    const ws = (await load(out)).getWorksheet('Report Summary')!;
    expect(ws.getCell('B4').value).toEqual({ formula: "'Budget WP'!B2+'Budget WP'!C2", result: 300.3 });
    expect(ws.getCell('B7').value).toEqual({ formula: 'SUM(B4:B6)', result: 455.89 });
    expect(ws.getCell('B7').numFmt).toBe('#,##0.00');
    expect(ws.getCell('B8').numFmt).toBe('0.0%');
    expect(ws.getCell('A8').value).toBe('=1+1 typed by a user');
    expect(ws.getCell('A7').font.bold).toBe(true);
    expect(ws.getColumn(1).width).toBe(30);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 3 });
    expect(ws.getCell('A1').isMerged && ws.getCell('C1').isMerged).toBe(true);
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 });
    const checks = (await load(out)).getWorksheet('Report Checks')!;
    expect(checks.getCell('A4').value).toEqual({ text: 'Budget WP!B3', hyperlink: "#'Budget WP'!B3" });
    expect(checks.getCell('B4').value).toEqual({ formula: 'IF(1>0,"yes","no")', result: 'yes' });
  });

  it('writes an in-workbook link as Excel does: a location, no external relationship', async () => {
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(readFileSync(out));
    const files = Object.keys(zip.files).filter((f) => /^xl\/worksheets\/(_rels\/)?sheet\d+\.xml(\.rels)?$/.test(f));
    const texts = await Promise.all(files.map((f) => zip.file(f)!.async('string')));
    const all = texts.join('\n');
    expect(all).toContain(`location="&apos;Budget WP&apos;!B3"`);
    expect(all).toContain(`location="&apos;Budget WP&apos;!B2"`); // the user's own link, kept
    expect(all).not.toMatch(/Target="#/);
  });

  it('marks cells by severity with a note, and nothing else of the user changes', async () => {
    const before = cellPrints(await load(book), USER_SHEETS);
    const after = cellPrints(await load(out), USER_SHEETS);
    expect(after['Budget WP!B2'].fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${MARK_FILL.error.slice(1)}` } });
    expect(after['Budget WP!B2'].note).toBe('[B01] mark on B2');
    expect(after['Budget WP!C3'].fill).toMatchObject({ fgColor: { argb: 'FFFFD966' } }); // warning amber
    expect(after['Project!C9']).toMatchObject({ value: null, note: '[B01] mark on C9' });
    // Everything but the marked cells' fill and note is as it was: values, formulas, formats.
    const marked = new Set(marks.map((m) => `${m.sheet}!${m.cell}`));
    for (const [k, v] of Object.entries(before)) {
      if (marked.has(k)) expect({ value: after[k].value, numFmt: after[k].numFmt }).toEqual({ value: v.value, numFmt: v.numFmt });
      else expect([k, after[k]]).toEqual([k, v]);
    }
    expect(Object.keys(after).sort()).toEqual([...new Set([...Object.keys(before), 'Project!C9'])].sort());
    expect(after['Budget WP!C2'].fill).toEqual(before['Budget WP!C2'].fill); // the look-alike cell keeps its green
  });

  it('keeps merges, data validation, conditional formats, defined names of the user', async () => {
    const wb = await load(out);
    expect(wb.getWorksheet('Project')!.getCell('F1').isMerged).toBe(true);
    expect(wb.getWorksheet('Budget WP')!.getCell('B4').dataValidation).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0] });
    expect((wb.getWorksheet('Budget WP') as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings[0]).toMatchObject({ ref: 'B2:C4' });
    expect(wb.definedNames.getRanges('Amounts').ranges).toEqual(["'Budget WP'!$B$2:$C$4"]);
  });

  it('re-run on its own output: tabs replaced, marks moved, user looks saved as the originals', async () => {
    const again = join(dir, 'again.xlsx');
    await consolidateFile(out, again, { now, plan: () => handPlan([marks[0], { sheet: 'Budget WP', cell: 'D2', severity: 'error' }]) });
    const wb = await load(again);
    expect(wb.worksheets.map((w) => w.name)).toEqual([...USER_SHEETS, ...REPORT_TAB_NAMES, STATE_SHEET]);
    const state = parseState(String(wb.getWorksheet(STATE_SHEET)!.getCell('A1').value));
    expect(state.marks.map((m) => [m.cell, m.fill, m.note])).toEqual([
      ['B2', '#00B050', null],
      ['D2', null, null],
    ]);
    const before = cellPrints(await load(book), USER_SHEETS);
    const after = cellPrints(wb, USER_SHEETS);
    expect(after['Budget WP!C3']).toEqual(before['Budget WP!C3']); // no longer marked: rich note and look back
    expect(after['Project!C9']).toBeUndefined();
    expect(after['Budget WP!B2'].note).toBe('[B01] mark on B2');
  });

  it('clear restores every user cell exactly and takes our tabs and state away', async () => {
    const cleared = join(dir, 'cleared.xlsx');
    await clearFile(out, cleared);
    const wb = await load(cleared);
    expect(wb.worksheets.map((w) => w.name)).toEqual(USER_SHEETS);
    expect(cellPrints(wb, USER_SHEETS)).toEqual(cellPrints(await load(book), USER_SHEETS));
  });

  it('never writes BOOK', async () => {
    const h = sha(book);
    await consolidateFile(book, join(dir, 'x.xlsx'), { now, plan: () => handPlan(marks) });
    expect(sha(book)).toBe(h);
    await expect(consolidateFile(book, book, { now, plan: () => handPlan() })).rejects.toThrow(UserError);
    expect(sha(book)).toBe(h);
  });
});

describe('refusals and safe writing', () => {
  it('refuses a user sheet named like a report tab, naming it, and writes nothing', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Project').getCell('A1').value = 'x';
    wb.addWorksheet('report checks').getCell('A1').value = 'my own checks';
    const p = join(dir, 'clash.xlsx');
    await wb.xlsx.writeFile(p);
    const out = join(dir, 'clash-out.xlsx');
    await expect(consolidateFile(p, out, { now, plan: () => handPlan() })).rejects.toThrow(/sheet of its own named 'report checks'/);
    expect(existsSync(out)).toBe(false);
  });

  it('gives a clear error when a directory is where OUT should go, and leaves no temporary file', async () => {
    const sub = mkdtempSync(join(tmpdir(), 'clx-dir-'));
    const target = join(sub, 'out.xlsx');
    mkdirSync(target);
    const err = await consolidateFile(book, target, { now, plan: () => handPlan() }).catch((e) => e);
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toBe(`cannot write ${target}: a directory is in the way`);
    expect(readdirSync(sub)).toEqual(['out.xlsx']);
  });

  it('a failure half way leaves neither OUT nor a temporary file', async () => {
    const sub = mkdtempSync(join(tmpdir(), 'clx-half-'));
    const target = join(sub, 'out.xlsx');
    const err = await writeWhole(target, async (temp) => {
      writeFileSync(temp, 'PK half a workbook');
      throw new Error('disk gone');
    }).catch((e) => e);
    expect(err.message).toBe('disk gone');
    expect(readdirSync(sub)).toEqual([]);
  });

  it('a failing run keeps an older OUT as it was', async () => {
    const sub = mkdtempSync(join(tmpdir(), 'clx-half-'));
    const target = join(sub, 'out.xlsx');
    writeFileSync(target, 'the old report');
    const bad = () => {
      const plan = handPlan();
      plan.tabs[1].merges = ['A1:B2', 'B2:C3']; // overlapping merges: ExcelJS refuses while building the tabs
      return plan;
    };
    await expect(consolidateFile(book, target, { now, plan: bad })).rejects.toThrow();
    expect(readdirSync(sub)).toEqual(['out.xlsx']);
    expect(readFileSync(target, 'utf8')).toBe('the old report');
  });
});
