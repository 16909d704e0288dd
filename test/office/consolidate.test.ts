/**
 * Check, Consolidate and Clear marks through the Office.js adapter on Microsoft's Excel library over the wire host
 * (ExcelApi 1.15: marks are comments), compared with the CLI path; the notes path (ExcelApi 1.18) on the strict fake.
 */
import { checkWorkbook, consolidateWorkbook } from '../../src/engine';
import { MARK_FILL, OWNER_PROPERTY, REPORT_TAB_NAMES, STATE_SHEET } from '../../src/plan/types';
import { a1 } from '../../src/util/a1';
import { findSheet, setLook, snapshotFromWorkbook } from '../fake-excel';
import { parseA1 } from '../../src/util/a1';
import { cellOf, inExcel, inFake, NOW, sampleSnapshot } from './helpers';

let uninstall: (() => void) | null = null;
afterEach(() => uninstall?.());

function setup(opts: Parameters<typeof inExcel>[1] = {}) {
  const t = inExcel(sampleSnapshot(), opts);
  uninstall = t.fake.uninstall;
  return t;
}

/** The notes API (ExcelApi 1.18) is not in the npm library: these run on the strict fake. */
function setupNotes() {
  const t = inFake(sampleSnapshot(), { excelApi: '1.18' });
  uninstall = t.fake.uninstall;
  return t;
}

describe('Consolidate on the sample', () => {
  test('three data round trips and the clean-up; findings as the CLI path gives them; our tabs written, owned, and the first one active', async () => {
    const { fake, actions, wb } = setup();
    const expected = consolidateWorkbook(sampleSnapshot(), { now: NOW });
    const out = await actions.consolidate();
    await fake.settle();
    expect([fake.stats.roundTrips, fake.stats.cleanups]).toEqual([3, 1]);
    if (out.kind !== 'done') throw new Error(JSON.stringify(out));
    expect(out.findings).toEqual(expected.findings);
    expect(out.counts.error).toBe(2);
    expect(out.consolidated).toBe(true);
    expect(wb.sheets.slice(-6).map((s) => [s.name, s.visibility])).toEqual([...REPORT_TAB_NAMES.map((n) => [n, 'Visible']), [STATE_SHEET, 'VeryHidden']]);
    for (const n of REPORT_TAB_NAMES) expect(findSheet(wb, n)!.customProperties.get(OWNER_PROPERTY.key)).toBe(OWNER_PROPERTY.value);
    expect(wb.activeSheetId).toBe(findSheet(wb, 'Report Summary')!.id);
    // Every planned cell is in Excel: formulas as formulas, numbers as numbers, text as text (never converted).
    for (const tab of expected.plan.tabs) {
      const sheet = findSheet(wb, tab.name)!;
      expect(sheet.frozenRows).toBe(tab.freeze.rows);
      for (const c of tab.cells) {
        const got = cellOf(fake, tab.name, a1(c.row, c.col));
        const v = c.value;
        if (v.kind === 'formula') expect(got.formula).toBe(v.formula);
        else if (v.kind === 'number') expect([got.value, got.type]).toEqual([v.value, 'Double']);
        else expect([got.value === null ? '' : got.value, got.formula]).toEqual([v.text, null]);
        if (v.kind === 'link') expect(got.hyperlink?.documentReference).toMatch(new RegExp(`!${v.cell}$`));
      }
    }
    // Print settings as planned: orientation, one page wide, the header rows on every page.
    for (const tab of expected.plan.tabs)
      expect(findSheet(wb, tab.name)!.pageLayout).toEqual({
        orientation: tab.print.orientation === 'landscape' ? 'Landscape' : 'Portrait',
        fitWide: tab.print.fitToWidth ? 1 : null,
        fitTall: tab.print.fitToWidth ? 0 : null,
        scale: null,
        printTitleRows: tab.print.repeatRows ? `$${tab.print.repeatRows.first + 1}:$${tab.print.repeatRows.last + 1}` : null,
      });
    expect(expected.plan.tabs.some((t) => t.print.repeatRows !== null)).toBe(true);
    expect(fake.stats.writesWithEventsOn + fake.stats.writesWithAutomaticCalculation + fake.stats.writesWithScreenUpdating).toBe(0);
    expect([wb.enableEvents, wb.calculationMode]).toEqual([true, 'Automatic']);
  });

  test("marks (ExcelApi 1.18, the fake): fill by severity and a note; the user's fill and note saved, and restored exactly by Clear marks", async () => {
    const { fake, actions, wb } = setupNotes();
    const marks = consolidateWorkbook(sampleSnapshot(), { now: NOW }).plan.marks;
    expect(marks.length).toBeGreaterThan(0);
    const first = marks[0];
    const { row, col } = parseA1(first.cell);
    setLook(wb, first.sheet, row, col, { fill: '#00B050', note: 'my own note' });
    const before = JSON.stringify(snapshotFromWorkbook(wb));

    const out = await actions.consolidate();
    expect(out.kind === 'done' && out.marked).toBe(marks.length);
    for (const m of marks) {
      const c = cellOf(fake, m.sheet, m.cell);
      expect([c.fill, c.note]).toEqual([MARK_FILL[m.severity], m.note]);
    }

    fake.resetStats();
    const cleared = await actions.clearMarks();
    expect(cleared).toEqual({ kind: 'cleared', restored: marks.length });
    expect(fake.stats.roundTrips).toBe(3);
    expect([cellOf(fake, first.sheet, first.cell).fill, cellOf(fake, first.sheet, first.cell).note]).toEqual(['#00B050', 'my own note']);
    for (const m of marks.slice(1)) expect([cellOf(fake, m.sheet, m.cell).fill, cellOf(fake, m.sheet, m.cell).note]).toEqual([null, null]);
    expect(wb.sheets.some((s) => s.name.startsWith('Report') || s.name === STATE_SHEET)).toBe(false);
    expect(JSON.stringify(snapshotFromWorkbook(wb))).toBe(before);
  });

  test('running Consolidate twice keeps the original look saved; then Clear restores it', async () => {
    const { fake, actions, wb } = setup();
    const m = consolidateWorkbook(sampleSnapshot(), { now: NOW }).plan.marks[0];
    const { row, col } = parseA1(m.cell);
    setLook(wb, m.sheet, row, col, { fill: '#123456' });
    await actions.consolidate();
    fake.resetStats();
    const again = await actions.consolidate();
    expect(again.kind).toBe('done');
    expect(fake.stats.roundTrips).toBe(3);
    expect(wb.sheets.filter((s) => s.name === 'Report Summary')).toHaveLength(1);
    await actions.clearMarks();
    expect([cellOf(fake, m.sheet, m.cell).fill, cellOf(fake, m.sheet, m.cell).note]).toEqual(['#123456', null]);
  });

  test('Check marks the cells, writes no tab, in three data round trips and the clean-up', async () => {
    const { fake, actions, wb } = setup();
    const expected = checkWorkbook(sampleSnapshot());
    const out = await actions.check();
    await fake.settle();
    expect([fake.stats.roundTrips, fake.stats.cleanups]).toEqual([3, 1]);
    expect(out.kind === 'done' && out.findings).toEqual(expected.findings);
    expect(out.kind === 'done' && out.consolidated).toBe(false);
    expect(wb.sheets.some((s) => s.name.startsWith('Report'))).toBe(false);
    const f = expected.findings.find((x) => x.cell)!;
    expect(cellOf(fake, f.sheet!, f.cell!.split(':')[0]).fill).toBe(MARK_FILL[f.severity]);
  });

  test('ExcelApi below 1.18: marks are comments, and Clear takes them away', async () => {
    const { fake, actions } = setup({ excelApi: '1.12' });
    const marks = consolidateWorkbook(sampleSnapshot(), { now: NOW }).plan.marks;
    await actions.consolidate();
    const c = cellOf(fake, marks[0].sheet, marks[0].cell);
    expect([c.note, c.comment]).toEqual([null, marks[0].note]);
    await fake.settle();
    fake.resetStats();
    await actions.clearMarks();
    await fake.settle();
    expect([fake.stats.roundTrips, fake.stats.cleanups]).toEqual([3, 1]);
    expect(cellOf(fake, marks[0].sheet, marks[0].cell).comment).toBeNull();
  });
});

describe('refusals and failures', () => {
  test("a user sheet named like a report tab: a clear message and no write at all", async () => {
    const { fake, actions, wb } = setup();
    await (fake.Excel.run as (f: (ctx: Excel.RequestContext) => Promise<void>) => Promise<void>)(async (ctx) => {
      ctx.workbook.worksheets.add('Report Summary').getRange('A1').values = [['my own summary']];
    });
    fake.resetStats();
    const out = await actions.consolidate();
    expect(out).toEqual({ kind: 'failed', message: expect.stringMatching(/sheet of its own named 'Report Summary'.*Nothing was changed/) });
    // The sheet is the user's (plan/ownership.ts), so it is read like the others (one sync more), then refused.
    expect(fake.stats.roundTrips).toBe(3);
    expect(fake.stats.writes).toBe(0);
    expect(cellOf(fake, 'Report Summary', 'A1').value).toBe('my own summary');
    expect(wb.sheets.some((s) => s.name === STATE_SHEET)).toBe(false);
  });

  test('Check with a user sheet named like a report tab: checked as the user\'s, and the pane told so in one line', async () => {
    const { fake, actions } = setup();
    const plain = await actions.check();
    expect(plain.kind === 'done' && plain.notices).toBeUndefined();
    await (fake.Excel.run as (f: (ctx: Excel.RequestContext) => Promise<void>) => Promise<void>)(async (ctx) => {
      ctx.workbook.worksheets.add('Report Summary').getRange('A1').values = [['my own summary']];
    });
    const out = await actions.check();
    expect(out.kind === 'done' && out.notices).toEqual(["The sheet 'Report Summary' is your own but has the name of a report tab: it is checked as yours, and Consolidate will need it renamed."]);
    expect(cellOf(fake, 'Report Summary', 'A1').value).toBe('my own summary');
  });

  test('a sheet protected between reading and writing: the write fails in words and leaves nothing half-built', async () => {
    const { fake, actions, wb } = setup();
    const mark = consolidateWorkbook(sampleSnapshot(), { now: NOW }).plan.marks[0];
    const before = JSON.stringify(snapshotFromWorkbook(wb));
    fake.host.beforeRoundTrip = (n, book) => {
      if (n === 3) findSheet(book, mark.sheet)!.protected = true;
    };
    const out = await actions.consolidate();
    expect(out).toEqual({ kind: 'failed', message: expect.stringMatching(/protected/) });
    expect(wb.sheets.map((s) => s.name).filter((n) => n.startsWith('Report') || n.startsWith('_cx') || n === STATE_SHEET)).toEqual([]);
    expect(cellOf(fake, mark.sheet, mark.cell).fill).toBeNull();
    expect([wb.enableEvents, wb.calculationMode]).toEqual([true, 'Automatic']);
    expect(JSON.stringify(snapshotFromWorkbook(wb))).toBe(before);
  });

  test('marks on a sheet protected before the run are skipped; the rest is written', async () => {
    const { actions, wb, fake } = setup();
    const marks = consolidateWorkbook(sampleSnapshot(), { now: NOW }).plan.marks;
    findSheet(wb, marks[0].sheet)!.protected = true;
    const out = await actions.consolidate();
    expect(out.kind).toBe('done');
    expect(out.kind === 'done' && out.marked).toBe(marks.filter((m) => m.sheet !== marks[0].sheet).length);
    expect(cellOf(fake, marks[0].sheet, marks[0].cell).fill).toBeNull();
    expect(findSheet(wb, 'Report Checks')).toBeDefined();
  });

  test('not a reporting workbook: says what it looked for, writes nothing', async () => {
    const { fake, actions } = inExcel({ sheets: [{ name: 'Sheet1', visibility: 'Visible', top: 0, left: 0, values: [['hello']], valueTypes: [['String']], formulas: [[null]], numberFormats: [['General']] }] });
    uninstall = fake.uninstall;
    const out = await actions.consolidate();
    expect(out).toEqual({ kind: 'notReporting', lookedFor: expect.stringMatching(/Project acronym/) });
    expect(fake.stats.writes).toBe(0);
  });
});

describe('selectCell', () => {
  test('activates the sheet and selects the cell; a very hidden sheet is refused in words', async () => {
    const { actions, wb, fake } = setup();
    const name = wb.sheets[1].name;
    await actions.selectCell(name, 'C5');
    expect(wb.selection).toEqual({ sheet: name, address: 'C5' });
    expect(wb.activeSheetId).toBe(wb.sheets[1].id);
    findSheet(fake.workbook, name)!.visibility = 'VeryHidden';
    await expect(actions.selectCell(name, 'C5')).rejects.toThrow(/hidden/i);
  });
});
