import { computeFigures } from '../../src/figures';
import { planReport } from '../../src/plan';
import { ranges } from '../../src/plan/formula';
import { planMarks } from '../../src/plan/marks';
import type { Finding } from '../../src/checks/types';
import { CLUSTERIX2 } from '../../src/profile';
import { buildBook, type BookSpec } from '../figures/support/book';
import { rowsOf, at, disagreements, rowOf, shown, tab } from './support/plan-helpers';
import { Evaluator } from './support/evaluate';

const QUIRKY = "Budget d'Été – Südtirol";
const LONG = 'A'.repeat(1500);

function spec(): BookSpec {
  return {
    acronym: 'Quirky',
    projectSheet: 'Project 2.0',
    periods: [1, 2, 3, 4].map((n) => ({ number: n, phase: n < 3 ? '1' : '2', start: '2016-04-01', end: '2016-09-30', months: 6 })),
    partners: [
      { no: 1, name: '=HYPERLINK("http://x")', role: 'LP', rateCell: 85 },
      { no: 2, name: 'IDM Südtirol', rateCell: '85%' },
      { no: 3, name: LONG, rateBp: 7500, rateCell: 0.75 },
      { no: 4, name: 'Tiny', rateBp: null, rateCell: 'tbd' },
      { no: 5, name: 'Five' },
    ],
    budgets: [
      // Totals 3.40 × 85%: a plain ROUNDDOWN of the float product would lose a cent.
      { sheet: 'Budget 1', partnerNo: 1, periods: [1, 2, 3, 4], plan: { staff: [1, 1, 1, 0.4], preparation: [null, null, null, null] }, reported: { staff: [1, null, null, null] } },
      {
        sheet: QUIRKY,
        partnerNo: 2,
        periods: [1, 2, 3, 4],
        order: ['office', 'staff', 'unknown', 'travel'],
        plan: { staff: [100, 200, { text: '12 500,00', cents: 1250000 }, 400], office: [15, 30, 1875, 60], unknown: [5, 5, 5, 5], travel: [1, { formula: '=B5*0.15', value: 2.5 }, 3, 4.005] },
        reported: { staff: [100, { error: '#REF!' }, null, null], office: [15, { uncalculated: '=B12*0.15' }, null, null] },
      },
      { sheet: 'Budget Three', partnerName: '3', periods: [1, 2, 3, 4], plan: { staff: [10.1, 20.2, 30.3, 40.4], equipment: [{ invalid: 'tbd' }, null, null, null] } },
      { sheet: 'Budget Tiny', partnerNo: 4, periods: [1, 2, 3, 4], plan: { staff: [1, 2, 3, 4] } },
      // 167,654.80 × 85% = 142,506.58, which even ROUND(…,6) leaves as 142506.579999… for a strict ROUNDDOWN.
      { sheet: 'Budget Five', partnerNo: 5, periods: [1, 2, 3, 4], plan: { staff: [100000, 67654.8, null, null] } },
    ],
    targets: [
      { code: 'PLE', name: 'Policy learning events organised', target: 32 },
      { code: 'GP', name: 'Good practices identified', target: 0 },
    ],
    indicators: [
      {
        sheet: "Indicators 'A'",
        periods: [1, 2, 3, 4],
        rows: [
          { partner: '1', indicator: 'PLE', values: [1, 2, null, 3] },
          { partner: 'IDM Südtirol', indicator: 'GP', values: [1, 'x', 0, 0] },
        ],
      },
      { sheet: 'Indicators B', periods: [1, 2], rows: [{ partner: '1', indicator: 'policy learning events organised', values: [4, 5] }] },
    ],
  };
}

const { snapshot, model } = buildBook(spec());
const figures = computeFigures(model);
const findings: Finding[] = [
  { rule: 'B06', severity: 'warning', sheet: QUIRKY, cell: 'D6', message: 'Numeric text' },
  { rule: 'T01', severity: 'error', sheet: QUIRKY, cell: 'C12:C13', message: 'Error value #REF!' },
  { rule: 'B03', severity: 'error', sheet: QUIRKY, cell: '$d$6', message: 'Total differs' },
  { rule: 'T02', severity: 'error', sheet: null, cell: null, message: 'No indicator sheet' },
];
const plan = planReport(model, findings, figures, { profile: CLUSTERIX2, now: new Date('2024-01-02T03:04:05Z') });
const byPartner = tab(plan, 'Report By partner');
const checks = tab(plan, 'Report Checks');
const checkTexts = checks.cells.map((c) => String(shown(c)));

test('every formula agrees with its cached value over quirky sheet names, text, errors and odd decimals', () => {
  expect(disagreements(snapshot, plan)).toEqual([]);
});

test("sheet names with spaces, apostrophes and accents are quoted, apostrophes doubled", () => {
  const row = rowOf(byPartner, 'IDM Südtirol', 1);
  const staff = at(byPartner, row, 3)!.value;
  expect(staff).toEqual({ kind: 'formula', formula: "=SUM('Budget d''Été – Südtirol'!B6:C6,'Budget d''Été – Südtirol'!E6)+12500", result: 13200 });
  const erdf = at(byPartner, row, 10)!.value;
  expect(erdf.kind === 'formula' && erdf.formula).toContain("'Project 2.0'!G");
  const ind = tab(plan, 'Report Indicators');
  const ple = at(ind, rowOf(ind, '=HYPERLINK("http://x")', 1), 2)!.value; // partners down, indicators across: PLE first
  expect(ple).toEqual({ kind: 'formula', formula: "=SUM('Indicators ''A'''!C2:F2,'Indicators B'!C2:D2)", result: 15 });
});

test('numeric text goes in as a constant, and the Checks tab says so', () => {
  expect(checkTexts.some((t) => t.startsWith("'Budget d''Été – Südtirol'!D6 holds the text '12 500,00'"))).toBe(true);
});

test('a figure with a missing source cell is a plain number, marked on the cell and noted on the Checks tab', () => {
  const row = rowsOf(byPartner, 'IDM Südtirol', 1)[1]; // the second table: reported to date
  const staff = at(byPartner, row, 3)!;
  expect(staff.value).toEqual({ kind: 'number', value: 100 }); // reported staff: #REF! in P2
  expect(staff.highlight).toBe('notLive');
  expect(staff.note).toMatch(/^Not live \(Budget d'Été – Südtirol, Staff costs, reported\): .*'Budget d''Été – Südtirol'!C12 \(#REF!\)/);
  expect(at(byPartner, row, 4)!.value).toEqual({ kind: 'number', value: 15 }); // reported office: uncalculated
  expect(at(byPartner, row, 4)!.highlight).toBe('notLive');
  expect(checkTexts.some((t) => t.includes("'Budget d''Été – Südtirol'!C12 (#REF!)") && t.includes('counts as 0'))).toBe(true);
  const three = rowOf(byPartner, `${'A'.repeat(999)}…`, 1);
  expect(at(byPartner, three, 7)!.value).toEqual({ kind: 'number', value: 0 }); // equipment 'tbd'
  // Every marked figure is counted in every tab's header block.
  const marked = plan.tabs.reduce((n, t) => n + t.cells.filter((c) => c.highlight === 'notLive').length, 0);
  expect(marked).toBeGreaterThanOrEqual(4);
  for (const t of plan.tabs) expect(shown(at(t, 4, 0))).toBe(`${marked} figures cannot be live formulas: they are filled pink, with a note saying why and where the source is.`);
});

test('more than two decimals are rounded as read; a formula cell is referenced', () => {
  const row = rowOf(byPartner, 'IDM Südtirol', 1);
  const travel = at(byPartner, row, 5)!.value;
  expect(travel).toEqual({ kind: 'formula', formula: "=SUM('Budget d''Été – Südtirol'!B8:D8,ROUND('Budget d''Été – Südtirol'!E8,2))", result: 10.51 });
});

test('ERDF: rate typed as 85, as text 85%, unreadable; a product like 2.8899999 is not cut a cent short', () => {
  const one = rowOf(byPartner, '=HYPERLINK("http://x")', 1);
  expect(shown(at(byPartner, one, 9))).toBe(3.4);
  expect(shown(at(byPartner, one, 10))).toBe(2.89);
  const ev = new Evaluator(snapshot, plan);
  const naive = ev.evaluate(`=ROUNDDOWN(J${one + 1}*0.85,2)`, byPartner.name);
  expect(naive).toBe(2.88); // what a bare ROUNDDOWN gives: hence the product in cents, rounded, then INT
  const five = rowOf(byPartner, 'Five', 1);
  expect(shown(at(byPartner, five, 10))).toBe(142506.58);
  const j = `J${five + 1}`;
  expect(ev.evaluate(`=ROUNDDOWN(ROUND(${j}*0.85,6),2)`, byPartner.name)).toBe(142506.57);
  const tiny = rowOf(byPartner, 'Tiny', 1);
  expect(at(byPartner, tiny, 10)!.value).toEqual({ kind: 'number', value: 0 });
  expect(shown(at(byPartner, tiny, 11))).toBe(10);
});

test('text from the workbook stays text and is cut at 1,000 characters', () => {
  const one = rowOf(byPartner, '=HYPERLINK("http://x")', 1);
  expect(at(byPartner, one, 1)!.value).toEqual({ kind: 'text', text: '=HYPERLINK("http://x")' });
  const long = byPartner.cells.find((c) => c.col === 1 && c.value.kind === 'text' && c.value.text.startsWith('AAA'))!;
  expect(long.value.kind === 'text' && long.value.text.length).toBe(1000);
});

test('the Checks tab links cells, lists findings without a cell unlinked, and stamps the run', () => {
  const t01 = checks.cells.find((c) => shown(c) === 'Error value #REF!')!.row;
  expect(at(checks, t01, 2)!.value).toEqual({ kind: 'link', text: `${QUIRKY}!C12:C13`, sheet: QUIRKY, cell: 'C12' });
  expect(at(checks, t01, 0)).toMatchObject({ value: { kind: 'text', text: 'Error' }, highlight: 'error' });
  expect(shown(at(checks, t01, 4))).toBe('open');
  const t02 = checks.cells.find((c) => shown(c) === 'No indicator sheet')!.row;
  expect(at(checks, t02, 2)).toBeUndefined();
  // Local time of the run: 2024-01-02T03:04:05Z is 1 or 2 January wherever the test runs.
  expect(checkTexts.some((t) => /^Checked by ClusteriX Reporting 0\.1\.0 on [12] Jan 2024 \d\d:\d\d, file this workbook$/.test(t))).toBe(true);
  expect(checkTexts).toContain('3 errors, 1 warnings, 0 infos');
  expect(checks.autoFilter).toMatch(/^A\d+:E\d+$/);
});

test('indicators: a % of a zero target stays empty', () => {
  const ind = tab(plan, 'Report Indicators');
  expect(shown(at(ind, 7, 3))).toBe('GP');
  expect(shown(at(ind, rowOf(ind, '% of target', 1), 3))).toBe('');
  expect(at(ind, rowOf(ind, 'IDM Südtirol', 1), 3)).toMatchObject({ value: { kind: 'number', value: 1 }, highlight: 'notLive' }); // 'x' in P2: not live
});

describe('marks', () => {
  test('one per cell: highest severity, one line per finding, rule ids; no mark without a cell', () => {
    const marks = planMarks(findings);
    expect(marks).toMatchObject([
      { sheet: QUIRKY, cell: 'D6', severity: 'error', rules: ['B06', 'B03'] },
      { sheet: QUIRKY, cell: 'C12', severity: 'error', rules: ['T01'] },
    ]);
    // The severity word and the message first (the most severe first), then how to fix.
    const [d6, c12] = marks.map((m) => m.note.split('\n'));
    expect(d6).toHaveLength(2);
    expect(d6[0]).toMatch(/^Error \(B03\): Total differs\. How to fix: \S/);
    expect(d6[1]).toMatch(/^Warning \(B06\): Numeric text\. How to fix: \S/);
    expect(c12).toEqual([expect.stringMatching(/^Error \(T01\): Error value #REF!\. How to fix: \S/)]);
  });

  test('a long note is cut at 1,000 characters with an ellipsis', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ rule: 'B01', severity: 'info' as const, sheet: 'S', cell: 'A1', message: `message number ${i} `.padEnd(40, '.') }));
    const [m] = planMarks(many);
    expect(m.note.length).toBe(1000);
    expect(m.note.endsWith('…')).toBe(true);
    expect(m.rules).toEqual(['B01']);
  });
});

describe('ranges', () => {
  const c = (sheet: string, row: number, col: number) => ({ sheet, row, col, cell: '' });
  test('rows of periods, columns of lines, rectangles and scattered cells', () => {
    expect(ranges([1, 2, 3, 4].map((col) => c('S', 7, col)))).toEqual(['S!B8:E8']);
    expect(ranges([7, 8, 10].map((row) => c('S', row, 1)))).toEqual(['S!B8:B9', 'S!B11']);
    expect(ranges([c('My S', 1, 1), c('My S', 2, 1), c('My S', 1, 2), c('My S', 2, 2)])).toEqual(["'My S'!B2:C3"]);
    expect(ranges([c('A1', 0, 0)])).toEqual(["'A1'!A1"]);
  });
});
