import { B07 } from '../../../src/checks/rules/B07';
import { B08 } from '../../../src/checks/rules/B08';
import { B09 } from '../../../src/checks/rules/B09';
import { B10 } from '../../../src/checks/rules/B10';
import type { Model } from '../../../src/model/types';
import { brief, buildModel, runRule, setEuros } from '../support/model';

// Budget Beta: planned 10,000.00; reported 6,575.00 (its reported Total row is row 18, Total in F18).
const reportedStaffP4 = (m: Model) => m.budgets[1].reported!.rows[0].amounts[3];

describe('B07 reported against planned', () => {
  it('is silent up to exactly 100% of the plan', () => {
    const m = buildModel();
    expect(runRule(B07, m)).toEqual([]);
    setEuros(reportedStaffP4(m), 3425);
    expect(runRule(B07, m)).toEqual([]);
  });
  it('warns one cent above 100%', () => {
    const m = buildModel();
    setEuros(reportedStaffP4(m), 3425.01);
    expect(runRule(B07, m)).toEqual([{ rule: 'B07', severity: 'warning', sheet: 'Budget Beta', cell: 'F18', message: 'Reported 10,000.01 of partner 2 (Beta University) is 100.0% of the planned 10,000.00: above 100%, within the 20% flexibility', expected: 10000, actual: 10000.01 }]);
  });
  it('warns at exactly 120% and is an error one cent above', () => {
    const m = buildModel();
    setEuros(reportedStaffP4(m), 5425);
    expect(brief(runRule(B07, m))).toEqual(['B07 warning Budget Beta!F18']);
    setEuros(reportedStaffP4(m), 5425.01);
    const fs = runRule(B07, m);
    expect(brief(fs)).toEqual(['B07 error Budget Beta!F18']);
    expect(fs[0].message).toBe('Reported 12,000.01 of partner 2 (Beta University) is 120.0% of the planned 10,000.00: above the 120% the flexibility rule allows');
  });
  it("is an error when the project's reported total is above its total budget", () => {
    const m = buildModel();
    setEuros(m.project!.totalBudget!, 20000);
    setEuros(reportedStaffP4(m), 3425); // 100% of Beta; Alpha reported 16,330.00: 26,330.00 in all
    expect(runRule(B07, m)).toEqual([{ rule: 'B07', severity: 'error', sheet: 'Project', cell: 'B3', message: "The partners have reported 26,330.00 in all, above the project's total budget 20,000.00", expected: 20000, actual: 26330 }]);
  });
  it('says nothing where a reported cell is missing', () => {
    const m = buildModel();
    setEuros(reportedStaffP4(m), 99999);
    m.budgets[1].reported!.rows[1].amounts[0].cents = null;
    expect(runRule(B07, m)).toEqual([]);
  });
});

describe('B08 equipment across the partnership', () => {
  const beta = (m: Model) => m.budgets[1].plan!.rows[4].amounts[0];
  it('is silent at 7,000.00 and warns at 7,000.01', () => {
    const m = buildModel();
    setEuros(beta(m), 6000);
    expect(runRule(B08, m)).toEqual([]);
    setEuros(beta(m), 6000.01);
    expect(runRule(B08, m)).toEqual([{ rule: 'B08', severity: 'warning', sheet: 'Budget Beta', cell: 'B9:E9', message: "Equipment across the partnership is 7,000.01 (planned, or reported where higher), above the limit of 7,000.00; this partner's share is 6,000.01", expected: 7000, actual: 7000.01 }]);
  });
  it('counts reported equipment where it is higher than planned', () => {
    const m = buildModel();
    setEuros(m.budgets[0].reported!.rows[4].amounts[1], 5000.01);
    expect(runRule(B08, m).map((f) => [f.sheet, f.cell, f.actual])).toEqual([['Budget Alpha', 'B18:E18', 7000.01]]);
  });
});

describe('B08 names the partner with the largest share; of equal shares, the first in the Partners table', () => {
  it('whatever the order of the budget sheets', () => {
    const m = buildModel();
    // Alpha (partner 1) and Beta (partner 2) plan 4,000.00 of equipment each: 8,000.00 across, above 7,000.00.
    for (const b of [m.budgets[0], m.budgets[1]]) b.plan!.rows[4].amounts.forEach((a, i) => setEuros(a, i === 0 ? 4000 : 0));
    const named = () => runRule(B08, m).map((f) => [f.sheet, f.actual]);
    expect(named()).toEqual([['Budget Alpha', 8000]]);
    const names = m.names as { sheetOf: Map<unknown, unknown> };
    names.sheetOf = new Map([...names.sheetOf.entries()].reverse());
    expect(named()).toEqual([['Budget Alpha', 8000]]);
  });
});

describe('B09 expenditure after the report date', () => {
  it('is silent for a period ending on the report date', () => {
    const m = buildModel(); // report date 2021-06-30: P3 ends that day and has expenditure
    expect(m.budgets[0].reported!.rows[0].amounts[2].cents).toBe(140000);
    expect(runRule(B09, m)).toEqual([]);
  });
  it('warns for a period starting the day after', () => {
    const m = buildModel();
    setEuros(m.budgets[0].reported!.rows[0].amounts[3], 100);
    expect(runRule(B09, m)).toEqual([{ rule: 'B09', severity: 'warning', sheet: 'Budget Alpha', cell: 'E14', message: 'Staff costs reported in P4 (100.00), a period that starts 2021-07-01, after the report date 2021-06-30', expected: 0, actual: 100 }]);
  });
  it('says nothing without a report date', () => {
    const m = buildModel();
    setEuros(m.budgets[0].reported!.rows[0].amounts[3], 100);
    m.project!.reportDate = null;
    expect(runRule(B09, m)).toEqual([]);
  });
});

describe('B10 phase 2 above phase 1', () => {
  it('is silent when phase 1 plans more', () => {
    expect(runRule(B10, buildModel())).toEqual([]);
  });
  it('notes a partner whose phase 2 plans more, over its phase 2 cells', () => {
    const m = buildModel();
    setEuros(m.budgets[1].plan!.rows[3].amounts[3], 2101); // phase 2: 5,701.00 against phase 1's 5,700.00
    setEuros(m.budgets[1].plan!.rows[3].amounts[2], 700);
    expect(runRule(B10, m)).toEqual([{ rule: 'B10', severity: 'info', sheet: 'Budget Beta', cell: 'D5:E9', message: "Phase 2 plans 5,701.00 for partner 2 (Beta University), more than phase 1's 5,700.00", expected: 5700, actual: 5701 }]);
  });
  it('is silent when both phases plan the same', () => {
    const m = buildModel();
    setEuros(m.budgets[1].plan!.rows[3].amounts[3], 2100);
    expect(runRule(B10, m)).toEqual([]);
  });
});
