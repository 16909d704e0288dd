/**
 * The report's ERDF formula reads the rate as the engine does, to the basis point: a rate cell of 0.850049 is 85%
 * in P05, in the figures and in the live formula alike (it was a cent apart: 850.04 against 850.00).
 */
import { computeFigures } from '../../src/figures';
import { planReport } from '../../src/plan';
import { CLUSTERIX2 } from '../../src/profile';
import { buildBook } from '../figures/support/book';
import { disagreements, rowOf, shown, at, tab } from './support/plan-helpers';

test('a rate cell with more than four decimals gives the same ERDF in the figures and in the live formula', () => {
  const { snapshot, model } = buildBook({
    partners: [{ no: 1, name: 'Only', role: 'LP', rateCell: 0.850049, rateBp: 8500 }],
    budgets: [{ sheet: 'Budget 1', partnerNo: 1, periods: [1, 2], plan: { staff: [600, 400] } }],
  });
  const figures = computeFigures(model);
  expect(figures.partners[0].erdf).toBe(85000);
  const plan = planReport(model, [], figures, { profile: CLUSTERIX2, now: new Date('2024-01-02T03:04:05Z') });
  expect(disagreements(snapshot, plan)).toEqual([]);
  const byPartner = tab(plan, 'Report By partner');
  expect(shown(at(byPartner, rowOf(byPartner, 'Only', 1), 10))).toBe(850);
});
