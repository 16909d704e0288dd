/**
 * The smaller defects of issue #12, each on the correct sample (or a small model) with the expected words typed here.
 */
import { check, correctSnapshot, setCell, setDate } from './support/workbook';
import { brief, buildModel, runRule, smallSpec } from './support/model';
import { B07 } from '../../src/checks/rules/B07';
import { B10 } from '../../src/checks/rules/B10';
import { P02 } from '../../src/checks/rules/P02';
import { parseNumericText } from '../../src/parse/numeric-text';
import { endAfterMonths, type CalendarDate } from '../../src/util/dates';
import { sampleSnapshot } from './support/workbook';

const WP = 'Budget West-Pannon';
const d = (s: string) => s as CalendarDate;

test('a non-numeric indicator Total is I04, named by its code and partner', () => {
  const book = correctSnapshot();
  setCell(book, 'Indicators', 'K4', 'two');
  expect(check(book).filter((f) => f.rule === 'I04').map((f) => [f.cell, f.message])).toEqual([
    ['K4', "Total of PLE for partner 1 (ecoplus. The Business Agency of Lower Austria) holds 'two', which is no number; its periods add up to 2"],
  ]);
});

test('a numeric indicator Total that differs names the partner, not a bare number', () => {
  const book = correctSnapshot();
  setCell(book, 'Indicators', 'K8', 3);
  expect(check(book).filter((f) => f.rule === 'I04').map((f) => f.message)).toEqual(['Total of PEOPLE for partner 1 (ecoplus. The Business Agency of Lower Austria) is 3; its periods add up to 2']);
});

test('a blank budget Total is said to be blank, not 0.00', () => {
  const book = correctSnapshot();
  setCell(book, WP, 'J7', null);
  expect(check(book).filter((f) => f.rule === 'B03').map((f) => [f.cell, f.message, f.actual])).toEqual([['J7', 'Total of Staff costs (planned) is blank; its periods add up to 98,202.47', '']]);
});

test("'0.125' and '0,125' are an eighth of a euro with three decimals, not 125.00", () => {
  expect(parseNumericText('0.125')).toEqual({ cents: 13, twoDecimals: false });
  expect(parseNumericText('0,125')).toEqual({ cents: 13, twoDecimals: false });
  expect(parseNumericText('1.250')).toEqual({ cents: 125000, twoDecimals: true });
  const book = correctSnapshot();
  setCell(book, WP, 'C11', '0,125');
  const b06 = check(book).filter((f) => f.rule === 'B06');
  expect(b06.map((f) => [f.severity, f.cell])).toEqual([['error', 'C11'], ['warning', 'C11']]);
});

test('a period starting on a month end ends on a month end: 2016-08-31 + 6 months ends 2017-02-28', () => {
  expect(endAfterMonths(d('2016-08-31'), 6)).toBe('2017-02-28');
  expect(endAfterMonths(d('2017-03-01'), 1)).toBe('2017-03-31');
  expect(endAfterMonths(d('2016-04-01'), 36)).toBe('2019-03-31');
  expect(endAfterMonths(d('2016-04-15'), 6)).toBe('2016-10-14');
  const s = smallSpec();
  s.start = '2019-08-31';
  s.phases = [
    { label: '1', start: '2019-08-31', end: '2020-08-30', months: 12 },
    { label: '2', start: '2020-08-31', end: '2021-08-30', months: 12 },
  ];
  s.periods = [
    { number: 1, phase: '1', start: '2019-08-31', end: '2020-02-29', months: 6 },
    { number: 2, phase: '1', start: '2020-03-01', end: '2020-08-30', months: 6 },
    { number: 3, phase: '2', start: '2020-08-31', end: '2021-02-28', months: 6 },
    { number: 4, phase: '2', start: '2021-03-01', end: '2021-08-30', months: 6 },
  ];
  s.end = '2021-08-30';
  // P1 from 2019-08-31 and P3 from 2020-08-31 end on 2020-02-29 and 2021-02-28 as typed; P2 and P4, from the 1st of
  // March for 6 months, end on 31 August, not the 30th typed.
  expect(runRule(P02, buildModel(s)).map((f) => [f.cell, f.expected, f.actual])).toEqual([
    ['D14', '2020-08-31', '2020-08-30'],
    ['D16', '2021-08-31', '2021-08-30'],
  ]);
});

test("a period typed as a bare number is named P4 in P02's message", () => {
  const book = sampleSnapshot();
  setDate(book, 'Project', 'C14', '2021-03-31');
  setCell(book, 'Project', 'D39', 'SE');
  setCell(book, 'Project', 'A21', 4);
  setDate(book, 'Project', 'C21', '2017-10-02');
  const p02 = check(book).filter((f) => f.rule === 'P02');
  expect(p02.map((f) => f.message)).toEqual(['P4 starts 2017-10-02, leaving a gap after the previous period, which ends 2017-09-30: it should start 2017-10-01']);
});

test('B10 takes phase 1 and phase 2 by their dates, not by the order of the Phases table', () => {
  const s = smallSpec();
  expect(brief(runRule(B10, buildModel(s)))).toEqual([]);
  s.phases.reverse();
  expect(brief(runRule(B10, buildModel(s)))).toEqual([]);
});

test("the project's reported total counts each partner's own sheet once, as the report does (a second sheet is P03's)", () => {
  const s = smallSpec();
  s.budgets.push({ ...s.budgets[1], sheet: 'Budget Beta (copy)', reported: s.budgets[1].reported!.map(([label, e], i) => [label, i === 0 ? [5000, 5000, 5000, 0] : e]) });
  const fs = runRule(B07, buildModel(s));
  expect(brief(fs)).toEqual(['B07 error Budget Beta (copy)!F18']); // its own Total cell; no project-level B07
});
