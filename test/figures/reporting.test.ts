/** The progress report's figures: the current period, previously reported, and the funding of what was reported. */
import { computeFigures } from '../../src/figures';
import { currentPeriod, reportingFigures } from '../../src/figures/reporting';
import { partnerSources } from '../../src/figures/sources';
import { planReport } from '../../src/plan';
import { CLUSTERIX2 } from '../../src/profile';
import type { Cents } from '../../src/util/money';
import { buildBook, type BookSpec } from './support/book';
import { rowOf, rowsOf, at } from '../plan/support/plan-helpers';

const PERIODS = [
  { number: 1, phase: '1', start: '2016-04-01', end: '2016-09-30', months: 6 },
  { number: 2, phase: '1', start: '2016-10-01', end: '2017-03-31', months: 6 },
  { number: 3, phase: '1', start: '2017-04-01', end: '2017-09-30', months: 6 },
];

function book(reportDate: string, extra: Partial<BookSpec> = {}) {
  return buildBook({
    reportDate,
    periods: PERIODS,
    partners: [
      { no: 1, name: 'One', role: 'LP', rateCell: 0.85, rateBp: 8500 },
      { no: 2, name: 'Two', rateCell: 0.75, rateBp: 7500 },
    ],
    budgets: [
      { sheet: 'B1', partnerNo: 1, periods: [1, 2, 3], plan: { staff: [100, 100, 100] }, reported: { staff: [60, 40.01, 0] } },
      { sheet: 'B2', partnerNo: 2, periods: [1, 2, 3], plan: { staff: [50, 50, 50] }, reported: { staff: [10, 23.33, 0] } },
    ],
    ...extra,
  });
}

describe('the current period', () => {
  it.each([
    ['2016-12-31', 2],
    ['2016-09-30', 1], // a period's last day is in it
    ['2016-10-01', 2], // the next period's first day is in that one
    ['2018-06-30', 3], // after the last period: still the last
  ])('report date %s is in P%d', (date, n) => {
    expect(currentPeriod(book(date).model)?.number).toBe(n);
  });

  it('none before the first period', () => {
    expect(currentPeriod(book('2016-01-01').model)).toBeNull();
  });
});

describe('previously reported, this period, and funding on reported', () => {
  const { model } = book('2017-03-31');
  const figures = computeFigures(model);
  const rep = reportingFigures(model, figures, partnerSources(model));

  it('previously reported is P1 only; this period the rest, so the columns add up to reported to date', () => {
    expect(rep.current?.label).toBe('P2');
    expect(rep.previous.map((p) => p.total)).toEqual([6000, 1000]);
    expect(rep.previousTotals.staff).toBe(7000);
    expect(rep.thisPeriod.total).toBe(4001 + 2333);
  });

  it('ERDF on reported is each partner\'s rate, rounded down per partner (not on the total)', () => {
    // One: 100.01 × 85% = 85.0085 → 85.00; Two: 33.33 × 75% = 24.9975 → 24.99.
    expect(rep.erdfReported).toEqual([8500, 2499]);
    expect(rep.erdfReportedTotal).toBe(10999); // on the total it would be 110.00
    expect(rep.contributionReported).toEqual([1501, 834]);
  });

  it('the plan\'s By partner shows them, and Summary sums them', () => {
    const plan = planReport(model, [], figures, { profile: CLUSTERIX2, now: new Date(2026, 10, 30, 23, 42) });
    const summary = plan.tabs[0];
    expect(at(summary, rowOf(summary, 'ERDF'), 4)!.value).toMatchObject({ result: 109.99 });
    expect(at(summary, 3, 0)!.value).toEqual({ kind: 'text', text: 'Source: this workbook   run 30 Nov 2026 23:42   ClusteriX Reporting 0.1.0' });
  });
});

it('a partner\'s sheet stating another ERDF than budget × rate is said on the report\'s ERDF figure', () => {
  const { model } = book('2017-03-31');
  const at0 = { sheet: 'B1', cell: 'B20', row: 19, col: 1 };
  model.budgets[0].erdf = { cents: 20000 as Cents, source: 'number', twoDecimals: true, formula: null, raw: '200', at: at0 };
  const figures = computeFigures(model);
  const plan = planReport(model, [], figures, { profile: CLUSTERIX2, now: new Date() });
  const bp = plan.tabs[1];
  const erdf = at(bp, rowOf(bp, 'One', 1), 10)!;
  expect(erdf.highlight).toBe('error');
  expect(erdf.note).toBe("Error (B05): the sheet states ERDF 200.00 at 'B1'!B20; the budget × the partner's rate, rounded down, is 255.00, shown here. Correct the sheet's ERDF, or the rate on the Project sheet.");
});

it('a partner above 100% of its budget is amber on By partner, above 120% red, each with a note; 47.5 shows as 47.5', () => {
  const { model } = buildBook({
    reportDate: '2017-03-31',
    periods: PERIODS,
    partners: [
      { no: 1, name: 'Over', role: 'LP', rateCell: 0.85, rateBp: 8500 },
      { no: 2, name: 'Far over', rateCell: 0.85, rateBp: 8500 },
      { no: 3, name: 'Just', rateCell: 0.85, rateBp: 8500 },
    ],
    budgets: [
      { sheet: 'B1', partnerNo: 1, periods: [1], plan: { staff: [100] }, reported: { staff: [100.01] } },
      { sheet: 'B2', partnerNo: 2, periods: [1], plan: { staff: [100] }, reported: { staff: [120.01] } },
      { sheet: 'B3', partnerNo: 3, periods: [1], plan: { staff: [100] }, reported: { staff: [100] } },
    ],
  });
  const figures = computeFigures(model);
  const plan = planReport(model, [], figures, { profile: CLUSTERIX2, now: new Date() });
  const bp = plan.tabs[1];
  const pct = (name: string) => at(bp, rowsOf(bp, name, 1)[1], 12)!;
  expect(pct('Over')).toMatchObject({ highlight: 'warning', note: expect.stringMatching(/^Warning: Over has reported 100\.01, 100\.0% of its budget of 100\.00/) });
  expect(pct('Far over')).toMatchObject({ highlight: 'error', note: expect.stringMatching(/^Error: Far over has reported 120\.01, 120\.0% .*above the 120%/) });
  expect(pct('Just').highlight).toBeUndefined();
  const ind = plan.tabs[3];
  expect(ind.cells.filter((c) => c.row > 7 && c.col >= 2 && c.value.kind !== 'text').every((c) => c.numberFormat === 'General' || c.numberFormat === '0.0%')).toBe(true);
});

it('Report Checks: a finding that carries an acceptance reads accepted, with the reason, who and when; others open', () => {
  const { model } = book('2017-03-31');
  const figures = computeFigures(model);
  const findings = [
    { rule: 'B08', severity: 'warning' as const, sheet: 'B1', cell: 'B11', message: 'Equipment above 7,000.00', accepted: { reason: 'approved by the JS on 3 May', by: 'AK', date: '2026-11-30' } },
    { rule: 'B07', severity: 'warning' as const, sheet: 'B2', cell: 'B9', message: 'Reported above budget' },
  ];
  const checks = planReport(model, findings, figures, { profile: CLUSTERIX2, now: new Date() }).tabs[4];
  const status = (message: string) => at(checks, checks.cells.find((c) => c.col === 3 && c.value.kind === 'text' && c.value.text === message)!.row, 4)!.value;
  expect(status('Equipment above 7,000.00')).toEqual({ kind: 'text', text: 'accepted: approved by the JS on 3 May (AK, 2026-11-30)' });
  expect(status('Reported above budget')).toEqual({ kind: 'text', text: 'open' });
});
