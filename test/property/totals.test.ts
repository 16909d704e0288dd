/**
 * Totals equal the sum of the inputs to the cent, whatever the amounts: random budgets and reported expenditure
 * (cents that binary floating point cannot hold exactly) written to a real xlsx and read back.
 */
import fc from 'fast-check';
import { consolidateWorkbook } from '../../src/engine';
import { CLUSTERIX2 } from '../../src/profile/clusterix2';
import type { Profile } from '../../src/profile/types';
import { BUDGET_LINE_KEYS, type BudgetLineKey } from '../../src/model/types';
import { applyRateDown, type Cents } from '../../src/util/money';
import { buildWorkbook } from '../support/workbook-builder';
import { throughXlsx } from './xlsx';

const PERIODS = CLUSTERIX2.periods.length;
// Up to EUR 2,000,000.00 a cell, biased towards awkward cents (x.x5, x.99, x.01).
const cents = fc.oneof(fc.integer({ min: 0, max: 200_000_000 }), fc.integer({ min: 0, max: 2_000_000 }).map((n) => n * 100 + 5), fc.constantFrom(1, 99, 10, 29, 57));
// ClusteriX 2.0 is a 2014–2020 project: no Infrastructure and works line.
const lines = (lead: boolean) =>
  fc.record(Object.fromEntries(BUDGET_LINE_KEYS.filter((k) => k !== 'infrastructure' && (lead || k !== 'preparation')).map((k) => [k, fc.array(cents, { minLength: PERIODS, maxLength: PERIODS })])) as Record<BudgetLineKey, fc.Arbitrary<Cents[]>>);

const sumOf = (xs: Partial<Record<BudgetLineKey, Cents[]>>, line?: BudgetLineKey) =>
  Object.entries(xs)
    .filter(([k]) => line === undefined || k === line)
    .flatMap(([, v]) => v as number[])
    .reduce((a, b) => a + b, 0);

test('every partner total, line total, period total and ERDF is the exact sum of the cells, to the cent', async () => {
  const nos = CLUSTERIX2.partners.map((p) => p.no);
  await fc.assert(
    fc.asyncProperty(fc.tuple(...nos.map((no) => lines(no === 1))), fc.tuple(...nos.map((no) => lines(no === 1))), async (plans, reports) => {
      const plan = Object.fromEntries(nos.map((no, i) => [no, plans[i]]));
      const reported = Object.fromEntries(nos.map((no, i) => [no, reports[i]]));
      const profile: Profile = { ...CLUSTERIX2, sample: { ...CLUSTERIX2.sample, plan, reported } };
      const { figures } = consolidateWorkbook(await throughXlsx(buildWorkbook(profile)), { now: new Date('2024-05-02T10:00:00Z') });
      for (const no of nos) {
        const f = figures.partners.find((p) => p.no === no)!;
        // ClusteriX 2.0 runs under 2014–2020: its figures carry the five lines and preparation costs.
        expect(figures.lines).toEqual(['staff', 'office', 'travel', 'external', 'equipment', 'preparation']);
        for (const k of figures.lines) {
          expect([no, k, f.budget[k]]).toEqual([no, k, sumOf(plan[no], k)]);
          expect([no, k, f.reported[k]]).toEqual([no, k, sumOf(reported[no], k)]);
        }
        expect(f.budget.total).toBe(sumOf(plan[no]));
        expect(f.reported.total).toBe(sumOf(reported[no]));
        const rate = CLUSTERIX2.partners.find((p) => p.no === no)!.erdfRateBp;
        expect(f.erdf).toBe(applyRateDown(sumOf(plan[no]) as Cents, rate));
        expect(f.contribution).toBe(sumOf(plan[no]) - f.erdf);
      }
      expect(figures.totals.budget.total).toBe(nos.reduce((a, no) => a + sumOf(plan[no]), 0));
      expect(figures.totals.reported.total).toBe(nos.reduce((a, no) => a + sumOf(reported[no]), 0));
      expect(figures.totals.erdf).toBe(figures.partners.reduce((a, p) => a + p.erdf, 0));
      let cumulative = 0;
      figures.periods.forEach((p, i) => {
        const inPeriod = nos.reduce((a, no) => a + Object.values(plan[no]).reduce((s, v) => s + (v as number[])[i], 0), 0);
        cumulative += inPeriod;
        expect([p.period, p.budget, p.cumulativeBudget]).toEqual([i + 1, inPeriod, cumulative]);
      });
    }),
    { numRuns: 15 },
  );
}, 120000);
