import { B01 } from '../../../src/checks/rules/B01';
import { B02 } from '../../../src/checks/rules/B02';
import { B03 } from '../../../src/checks/rules/B03';
import { B04 } from '../../../src/checks/rules/B04';
import { B05 } from '../../../src/checks/rules/B05';
import { B06 } from '../../../src/checks/rules/B06';
import type { Model } from '../../../src/model/types';
import { at, brief, buildModel, runRule, setEuros, smallSpec } from '../support/model';

// Budget Alpha: plan header A4, lines rows 5-10 (staff … preparation), Total row 11, P1-P4 in B-E, Total in F.
const plan = (m: Model, sheet: number) => m.budgets[sheet].plan!;

describe('B01 office and administration', () => {
  it('is silent at 15% of staff costs', () => {
    expect(runRule(B01, buildModel())).toEqual([]);
  });
  it('names a period whose office is not 15% of staff', () => {
    const m = buildModel();
    setEuros(plan(m, 0).rows[1].amounts[2], 226);
    expect(runRule(B01, m)).toEqual([{ rule: 'B01', severity: 'error', sheet: 'Budget Alpha', cell: 'D6', message: 'Office and administration planned in P3 is 226.00; 15% of staff costs 1,500.00 is 225.00', expected: 225, actual: 226 }]);
  });
  it('accepts rounding down and to the nearest cent, nothing else', () => {
    const m = buildModel();
    const t = plan(m, 1);
    setEuros(t.rows[0].amounts[0], 1000.1); // 15% = 150.015
    setEuros(t.rows[1].amounts[0], 150.01);
    setEuros(t.rows[0].amounts[1], 1000.1);
    setEuros(t.rows[1].amounts[1], 150.02);
    setEuros(t.rows[0].amounts[2], 1000.1);
    setEuros(t.rows[1].amounts[2], 150.03);
    expect(runRule(B01, m).map((f) => [f.cell, f.expected, f.actual])).toEqual([['D6', 150.01, 150.03]]);
  });
  it('checks reported expenditure too, and says nothing where a cell is missing', () => {
    const m = buildModel();
    const rep = m.budgets[0].reported!;
    setEuros(rep.rows[1].amounts[0], 290);
    rep.rows[0].amounts[1].cents = null;
    setEuros(rep.rows[1].amounts[1], 1);
    expect(runRule(B01, m).map((f) => [f.cell, f.message])).toEqual([['B15', 'Office and administration reported in P1 is 290.00; 15% of staff costs 1,900.00 is 285.00']]);
  });
});

describe('B02 budget lines', () => {
  it('is silent on the five lines plus the lead partner\'s preparation costs', () => {
    expect(runRule(B02, buildModel())).toEqual([]);
  });
  it('names an unknown line and a missing one', () => {
    const s = smallSpec();
    s.budgets[1].plan[4][0] = 'Catering';
    const fs = runRule(B02, buildModel(s));
    expect(brief(fs)).toEqual(['B02 error Budget Beta!A9', 'B02 error Budget Beta!-']);
    expect(fs[1].message).toBe('The plan has no Equipment line (looked for in the table at A4)');
  });
  it('leaves a missing line to T02 where the parser logged it', () => {
    const s = smallSpec();
    s.budgets[1].plan.pop();
    const m = buildModel(s);
    m.missing.push({ what: 'Equipment row', sheet: 'Budget Beta', cell: 'A4' });
    expect(runRule(B02, m)).toEqual([]);
  });
  it('names a line twice unless the parser logged it as a duplicate (T03)', () => {
    const s = smallSpec();
    s.budgets[1].plan.push(['Travel', [0, 0, 0, 0]]);
    s.budgets[1].plan[5][0] = 'Travel and accommodation';
    const m = buildModel(s);
    expect(brief(runRule(B02, m))).toEqual(['B02 error Budget Beta!A10']);
    m.duplicates.push({ what: 'budget line Travel and accommodation', at: at('Budget Beta', 9, 0), first: at('Budget Beta', 6, 0) });
    expect(runRule(B02, m)).toEqual([]);
  });
  it('names preparation costs of a project partner', () => {
    const s = smallSpec();
    s.budgets[1].plan.push(['Preparation costs', [0, 500, 0, 0]]);
    const fs = runRule(B02, buildModel(s));
    expect(fs).toEqual([{ rule: 'B02', severity: 'error', sheet: 'Budget Beta', cell: 'C10', message: 'Preparation costs planned for partner 2 (Beta University): only the lead partner has preparation costs', expected: 0, actual: 500 }]);
  });
  it('allows the lead partner 15,000.00 of preparation costs, not 15,000.01', () => {
    const m = buildModel();
    setEuros(plan(m, 0).rows[5].amounts[0], 14000);
    setEuros(plan(m, 0).rows[5].amounts[1], 1000);
    expect(runRule(B02, m)).toEqual([]);
    setEuros(plan(m, 0).rows[5].amounts[1], 1000.01);
    expect(runRule(B02, m)).toEqual([{ rule: 'B02', severity: 'error', sheet: 'Budget Alpha', cell: 'B10:E10', message: 'Preparation costs planned are 15,000.01; at most 15,000.00 is allowed', expected: 15000, actual: 15000.01 }]);
  });
});

describe('B03 totals', () => {
  it('is silent when the totals add up', () => {
    expect(runRule(B03, buildModel())).toEqual([]);
  });
  it('names a line Total off by 0.01 and not one off by 0.00', () => {
    const m = buildModel();
    setEuros(plan(m, 0).rows[0].total!, 7000);
    expect(runRule(B03, m)).toEqual([]);
    setEuros(plan(m, 0).rows[0].total!, 7000.01);
    expect(runRule(B03, m)).toEqual([{ rule: 'B03', severity: 'error', sheet: 'Budget Alpha', cell: 'F5', message: 'Total of Staff costs (planned) is 7,000.01; its periods add up to 7,000.00', expected: 7000, actual: 7000.01 }]);
  });
  it('names the Total line against the lines, per period and for all periods', () => {
    const m = buildModel();
    const total = plan(m, 1).rows[5];
    setEuros(total.amounts[1], 2350.5);
    setEuros(total.total!, 9999);
    const fs = runRule(B03, m);
    expect(fs.map((f) => [f.cell, f.expected, f.actual])).toEqual([
      ['C10', 2350, 2350.5],
      ['F10', 10000, 9999],
    ]);
    expect(fs[0].message).toBe('Total planned in P2 is 2,350.50; the budget lines add up to 2,350.00');
  });
  it('says nothing about a sum that includes a missing cell', () => {
    const m = buildModel();
    plan(m, 0).rows[0].amounts[0].cents = null;
    expect(runRule(B03, m)).toEqual([]);
  });
});

describe('B04 budget total against the approved budget', () => {
  it('is silent when they agree', () => {
    expect(runRule(B04, buildModel())).toEqual([]);
  });
  it('sums the period cells, not the typed Total, and names the Total cell', () => {
    const m = buildModel();
    setEuros(plan(m, 1).rows[2].amounts[3], 300.01);
    expect(runRule(B04, m)).toEqual([{ rule: 'B04', severity: 'error', sheet: 'Budget Beta', cell: 'F10', message: 'Budget total 10,000.01 differs from the approved 10,000.00 of partner 2 (Beta University)', expected: 10000, actual: 10000.01 }]);
  });
  it('names the period cells where the table has no Total row or column', () => {
    const m = buildModel();
    const t = plan(m, 1);
    t.rows.pop();
    setEuros(t.rows[0].amounts[0], 999);
    expect(runRule(B04, m).map((f) => f.cell)).toEqual(['B5:E9']);
  });
  it('says nothing where a cell is missing', () => {
    const m = buildModel();
    setEuros(plan(m, 1).rows[2].amounts[3], 5);
    plan(m, 1).rows[0].amounts[0].cents = null;
    expect(runRule(B04, m)).toEqual([]);
  });
});

describe('B05 ERDF and partner contribution', () => {
  it('is silent at the rate, rounded down', () => {
    expect(runRule(B05, buildModel())).toEqual([]);
  });
  it('rounds down to the cent: 75% of 10,000.01 is 7,500.00', () => {
    const m = buildModel();
    setEuros(plan(m, 1).rows[0].amounts[0], 1000.01);
    setEuros(m.budgets[1].contribution!, 2500.01);
    expect(runRule(B05, m)).toEqual([]);
    setEuros(m.budgets[1].erdf!, 7500.01);
    setEuros(m.budgets[1].contribution!, 2500);
    const fs = runRule(B05, m);
    expect(fs.map((f) => [f.cell, f.message])).toEqual([
      ['B20', 'ERDF is 7,500.01; 75% of the planned total 10,000.01 is 7,500.00'],
      ['B21', 'Partner contribution is 2,500.00; the planned total 10,000.01 minus ERDF 7,500.00 is 2,500.01'],
    ]);
  });
  it('uses the rate on the Project sheet', () => {
    const m = buildModel();
    m.project!.partners[0].erdfRateBp.value = 7500;
    expect(runRule(B05, m).map((f) => [f.cell, f.expected, f.actual])).toEqual([
      ['B22', 15000, 17000],
      ['B23', 5000, 3000],
    ]);
  });
});

describe('B06 amounts are numbers', () => {
  it('is silent without cell issues', () => {
    expect(runRule(B06, buildModel())).toEqual([]);
  });
  it('flags numeric text as a warning and no amount, decimals, negatives as errors', () => {
    const m = buildModel();
    const c = (cell: string, row: number, col: number) => at('Budget Alpha', row, col);
    m.cellIssues.push(
      { kind: 'numericText', at: c('B5', 4, 1), raw: '2 000,00', cents: 200000 as never, what: 'Staff costs P1' },
      { kind: 'notAmount', at: c('C5', 4, 2), raw: 'tbd', what: 'Staff costs P2' },
      { kind: 'badDecimals', at: c('D5', 4, 3), raw: '1500.005', what: 'Staff costs P3' },
      { kind: 'negative', at: c('E5', 4, 4), raw: '-1', what: 'Staff costs P4' },
      { kind: 'error', at: c('B6', 5, 1), raw: '#REF!', what: 'Office P1' },
    );
    const fs = runRule(B06, m);
    expect(fs.map((f) => [f.severity, f.cell, f.message])).toEqual([
      ['warning', 'B5', "Staff costs P1 is text '2 000,00', not a number: read as 2,000.00, but Excel's SUM leaves it out"],
      ['error', 'C5', "Staff costs P2 holds 'tbd', which is no amount"],
      ['error', 'D5', 'Staff costs P3 is 1500.005: more than two decimals (a fraction of a cent)'],
      ['error', 'E5', 'Staff costs P4 is negative (-1)'],
    ]);
  });
});
