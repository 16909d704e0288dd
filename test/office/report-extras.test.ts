/**
 * Consolidate through the Office.js adapter on the strict fake: the report tabs' charts over the tab's own cells,
 * the fills and notes on report cells, the Checks list's autofilter, page breaks and the footer, in the same
 * three round trips.
 */
import { consolidateWorkbook } from '../../src/engine';
import { HIGHLIGHT_FILL } from '../../src/plan/types';
import { parseA1 } from '../../src/util/a1';
import { findSheet } from '../fake-excel';
import { sheetExtras } from '../fake-excel/charts';
import { noteSizes } from '../fake-excel/notes';
import { buildBook } from '../figures/support/book';
import { cellOf, inExcel, inFake, NOW, sampleSnapshot } from './helpers';

let uninstall: (() => void) | null = null;
afterEach(() => uninstall?.());

test('the sample on Excel\'s own library: two charts over the tabs\' cells, highlights, the autofilter and footers, in three round trips', async () => {
  const t = inExcel(sampleSnapshot());
  uninstall = t.fake.uninstall;
  const expected = consolidateWorkbook(sampleSnapshot(), { now: NOW }).plan;
  const out = await t.actions.consolidate();
  await t.fake.settle();
  expect(out.kind).toBe('done');
  expect([t.fake.stats.roundTrips, t.fake.stats.cleanups]).toEqual([3, 1]);
  const summary = sheetExtras(findSheet(t.wb, 'Report Summary')!);
  expect(summary.charts).toHaveLength(1);
  const column = summary.charts[0];
  expect(column.type).toBe('ColumnClustered');
  expect(column.title).toBe('Budget and reported to date by budget line (EUR)');
  // Budget (B9:B14) and reported to date (E9:E14) by line (A9:A14), on the Summary itself.
  const box = (a: string) => {
    const [p, q] = a.split(':').map(parseA1);
    return { top: p.row, left: p.col, rows: q.row - p.row + 1, cols: q.col - p.col + 1 };
  };
  expect(column.series).toEqual([
    { name: 'Budget', values: { sheet: expect.stringMatching(/./), box: box('B9:B14') }, categories: { sheet: expect.stringMatching(/./), box: box('A9:A14') } },
    { name: 'Reported to date', values: { sheet: expect.stringMatching(/./), box: box('E9:E14') }, categories: { sheet: expect.stringMatching(/./), box: box('A9:A14') } },
  ]);
  const line = sheetExtras(findSheet(t.wb, 'Report Spending plan')!).charts[0];
  expect(line.type).toBe('LineMarkers');
  expect(line.series.map((s) => [s.name, s.values!.box])).toEqual([
    ['Cumulative planned', box('H9:H16')],
    ['Cumulative reported', box('I9:I14')],
  ]);
  // The current period's row is filled; the findings' severities on Report Checks too.
  const spending = expected.tabs.find((x) => x.name === 'Report Spending plan')!;
  const fillAt = (c: { row: number; col: number }) => cellOf(t.fake, 'Report Spending plan', `${String.fromCharCode(65 + c.col)}${c.row + 1}`).fill;
  const highlighted = spending.cells.filter((x) => x.highlight);
  // The all-partners table and each of the 11 partners' blocks: P6 current, P7 and P8 not yet due, 11 columns each.
  expect(highlighted.length).toBe(12 * 3 * 11);
  for (const c of highlighted) expect(fillAt(c)).toBe(HIGHLIGHT_FILL[c.highlight!]);
  // Filled as row ranges: the cells around them keep no fill.
  for (const c of spending.cells.filter((x) => !x.highlight && x.style === 'body')) expect(fillAt(c) ?? null).toBeNull();
  expect(cellOf(t.fake, 'Report Checks', 'A9').fill).toBe(HIGHLIGHT_FILL.error);
  const checks = sheetExtras(findSheet(t.wb, 'Report Checks')!);
  expect(checks.autoFilter).toEqual({ box: box(expected.tabs[4].autoFilter!) });
  for (const name of expected.tabs.map((x) => x.name)) expect(sheetExtras(findSheet(t.wb, name)!).footer).toEqual({ left: '&A', center: null, right: 'Page &P of &N' });
  expect(sheetExtras(findSheet(t.wb, 'Report Summary')!).pageBreaksBefore).toEqual(expected.tabs[0].print.breaksBefore);
});

test('a figure that cannot be live carries its fill and note in Excel as on the command line', async () => {
  const { snapshot } = buildBook({
    partners: [
      { no: 1, name: 'One', role: 'LP', rateCell: 0.85, rateBp: 8500 },
      { no: 2, name: 'Two', rateCell: 0.85, rateBp: 8500 },
    ],
    budgets: [
      { sheet: 'Budget One', partnerNo: 1, periods: [1, 2], plan: { staff: [1000, 1000] }, reported: { staff: [500, { error: '#REF!' }] } },
      // Partner 2's plan has no Travel row.
      { sheet: 'Budget Two', partnerNo: 2, periods: [1, 2], plan: { staff: [100, 100], office: [15, 15] }, reported: { staff: [{ text: '50,00', cents: 5000 }, 0] } },
    ],
  });
  const t = inFake(snapshot);
  uninstall = t.fake.uninstall;
  const plan = consolidateWorkbook(snapshot, { now: NOW }).plan;
  const out = await t.actions.consolidate();
  expect(out.kind).toBe('done');
  const marked = plan.tabs.flatMap((tab) => tab.cells.filter((c) => c.highlight === 'notLive').map((c) => ({ tab: tab.name, c })));
  const notes = marked.map((m) => m.c.note!).join('\n');
  expect(notes).toContain("'Budget One'!C"); // the #REF! in P2 of partner 1's reported staff
  expect(notes).toContain('#REF!');
  expect(notes).toContain("holds the text '50,00'");
  expect(notes).toContain("the plan table on 'Budget Two' has no 'Travel and accommodation' row");
  // The header block of every tab counts them.
  for (const tab of plan.tabs) expect(tab.cells.find((c) => c.row === 4 && c.col === 0)!.value).toEqual({ kind: 'text', text: `${marked.length} figures cannot be live formulas: they are filled pink, with a note saying why and where the source is.` });
  for (const { tab, c } of marked) {
    const got = cellOf(t.fake, tab, `${String.fromCharCode(65 + c.col)}${c.row + 1}`);
    expect(got.fill).toBe(HIGHLIGHT_FILL.notLive);
    expect(got.note).toBe(c.note);
    expect(c.note).toMatch(/^Not live \(/);
    // Sized to the text: 250 pt wide, 12 pt a line of at most 48 characters, plus 10.
    const lines = c.note!.split('\n').reduce((n, l) => n + Math.ceil(l.length / 48), 0);
    expect(noteSizes.get(`${findSheet(t.wb, tab)!.id}:${c.row},${c.col}`)).toEqual({ width: 250, height: lines * 12 + 10 });
  }
  // The marks' notes too (ExcelApi 1.18, on the fake): T01 on 'Budget One'!C… is sized to its text.
  const marks = plan.marks.filter((m) => m.sheet === 'Budget One');
  expect(marks.length).toBeGreaterThan(0);
  for (const m of marks) {
    const { row, col } = parseA1(m.cell);
    expect(noteSizes.get(`${findSheet(t.wb, 'Budget One')!.id}:${row},${col}`)?.width).toBe(250);
  }
});
