import { P01 } from '../../../src/checks/rules/P01';
import { P02 } from '../../../src/checks/rules/P02';
import { P03 } from '../../../src/checks/rules/P03';
import { P04 } from '../../../src/checks/rules/P04';
import { P05 } from '../../../src/checks/rules/P05';
import { brief, buildModel, runRule, smallSpec } from '../support/model';

describe('P01 country', () => {
  it('is silent on programme countries agreeing with their NUTS codes', () => {
    expect(runRule(P01, buildModel())).toEqual([]);
  });
  it('names a country whose NUTS code says another one', () => {
    const s = smallSpec();
    s.partners[1].country = 'SK';
    const [f, ...rest] = runRule(P01, buildModel(s));
    expect(rest).toEqual([]);
    expect(f).toEqual({ rule: 'P01', severity: 'error', sheet: 'Project', cell: 'D20', message: 'Country of partner 2 (Beta University) is SK, but its NUTS code SE224 says SE', expected: 'SE', actual: 'SK' });
  });
  it('rejects GR and GB, pointing to the EU style EL and UK, and a code of no programme country', () => {
    const s = smallSpec();
    s.partners[0].country = 'GR';
    s.partners[0].nuts = null;
    s.partners[1].country = 'US';
    const fs = runRule(P01, buildModel(s));
    expect(brief(fs)).toEqual(['P01 error Project!D19', 'P01 error Project!D20']);
    expect(fs[0].message).toBe('Country GR of partner 1 (Alpha Agency) is not an Interreg Europe partner country: the programme writes EL');
    expect(fs[0].expected).toBe('EL');
  });
  it('accepts EL, UK, NO and CH, with or without NUTS', () => {
    const s = smallSpec();
    s.partners[0].country = 'EL';
    s.partners[0].nuts = 'EL30';
    s.partners[1].country = 'NO';
    s.partners[1].nuts = null;
    expect(runRule(P01, buildModel(s))).toEqual([]);
  });
});

describe('P02 dates', () => {
  it('is silent on contiguous periods of the stated months', () => {
    expect(runRule(P02, buildModel())).toEqual([]);
  });
  it('names a phase end that is not the day before start + months', () => {
    const s = smallSpec();
    s.phases[1].end = '2022-01-01';
    const fs = runRule(P02, buildModel(s));
    expect(fs).toEqual([{ rule: 'P02', severity: 'error', sheet: 'Project', cell: 'C10', message: 'Phase 2 ends 2022-01-01; 12 months from 2021-01-01 end on 2021-12-31', expected: '2021-12-31', actual: '2022-01-01' }]);
  });
  it('names only the end of a period typed one day late, not the next start', () => {
    const s = smallSpec();
    s.periods[1].end = '2021-01-01';
    expect(brief(runRule(P02, buildModel(s)))).toEqual(['P02 error Project!D14']);
  });
  it('names only the start of a period typed wrong when its end fits the start it should have', () => {
    const s = smallSpec();
    s.periods[2].start = '2021-01-02';
    const fs = runRule(P02, buildModel(s));
    expect(brief(fs)).toEqual(['P02 error Project!C15']);
    expect(fs[0].message).toBe('P3 starts 2021-01-02, leaving a gap after the previous period, which ends 2020-12-31: it should start 2021-01-01');
  });
  it('names an overlap', () => {
    const s = smallSpec();
    s.periods[3].start = '2021-06-30';
    s.periods[3].end = '2021-12-29';
    const fs = runRule(P02, buildModel(s));
    expect(brief(fs)).toEqual(['P02 error Project!C16', 'P02 error Project!B5']);
    expect(fs[0].message).toContain('an overlap with the previous period');
  });
  it('compares the project start and end with the first and last period', () => {
    const s = smallSpec();
    s.start = '2020-01-02';
    s.end = '2022-01-31';
    const fs = runRule(P02, buildModel(s));
    expect(fs.map((f) => [f.cell, f.expected, f.actual])).toEqual([
      ['B4', '2020-01-01', '2020-01-02'],
      ['B5', '2021-12-31', '2022-01-31'],
    ]);
  });
  it('counts leap days: 6 months from 2019-09-01 end on 2020-02-29', () => {
    const s = smallSpec();
    s.periods = [{ number: 1, phase: '1', start: '2019-09-01', end: '2020-02-29', months: 6 }];
    s.phases = [];
    s.start = '2019-09-01';
    s.end = '2020-02-29';
    expect(runRule(P02, buildModel(s))).toEqual([]);
  });
});

describe('P03 partners', () => {
  it('is silent on unique numbers, one LP, one sheet each', () => {
    expect(runRule(P03, buildModel())).toEqual([]);
  });
  it('names a number used twice and a second LP', () => {
    const s = smallSpec();
    s.partners[1].no = 1;
    s.partners[1].role = 'LP';
    const fs = runRule(P03, buildModel(s));
    expect(brief(fs)).toEqual(['P03 error Project!A20', 'P03 error Project!B20', 'P03 error Budget Beta!B1']);
    expect(fs[0].message).toBe('Partner number 1 is used twice (first at A19)');
    expect(fs[2].message).toBe('Partner No 2 is not a partner listed on the Project sheet');
  });
  it('names no LP at the Partners header', () => {
    const s = smallSpec();
    s.partners[0].role = 'PP';
    expect(brief(runRule(P03, buildModel(s)))).toEqual(['P03 error Project!A18']);
  });
  it('names a partner without a budget sheet on the Project sheet, at its row', () => {
    const s = smallSpec();
    s.budgets = s.budgets.slice(0, 1);
    const fs = runRule(P03, buildModel(s));
    expect(fs).toEqual([{ rule: 'P03', severity: 'error', sheet: 'Project', cell: 'A20', message: 'partner 2 (Beta University) has no budget sheet', expected: 1, actual: 0 }]);
  });
  it("asks a partner's own workbook (one budget sheet, only its partner's indicator rows) for no other partner's sheet", () => {
    const s = smallSpec();
    s.budgets = s.budgets.slice(1, 2);
    s.indicators = s.indicators.filter((r) => r.partner === '2' || r.partner === 'Beta University');
    expect(s.indicators.length).toBeGreaterThan(0);
    expect(runRule(P03, buildModel(s))).toEqual([]);
    // One row of another partner's: a lead's book missing a sheet, reported as ever.
    const lead = smallSpec();
    lead.budgets = lead.budgets.slice(1, 2);
    expect(brief(runRule(P03, buildModel(lead)))).toEqual(['P03 error Project!A19']);
  });
  it('names a partner with two budget sheets', () => {
    const s = smallSpec();
    s.budgets.push({ ...s.budgets[1], sheet: 'Budget Beta (2)' });
    const fs = runRule(P03, buildModel(s));
    expect(brief(fs)).toEqual(['P03 error Project!A20']);
    expect(fs[0].message).toBe('partner 2 (Beta University) has 2 budget sheets (Budget Beta, Budget Beta (2)): one is expected');
  });
  it('names a budget sheet whose Partner and Partner No disagree, on that sheet', () => {
    const s = smallSpec();
    s.budgets[1].partnerName = 'Alpha Agency';
    const fs = runRule(P03, buildModel(s));
    expect(brief(fs)).toEqual(['P03 error Budget Beta!B2']);
    expect(fs[0].message).toBe('Partner Alpha Agency is not partner 2 (Beta University), whom Partner No 2 names');
  });
  it('accepts a short form of the name and a sheet found by its Partner field alone', () => {
    const s = smallSpec();
    s.budgets[0].partnerName = 'Alpha';
    s.budgets[1].partnerNo = null;
    s.budgets[1].partnerName = 'Beta University';
    expect(runRule(P03, buildModel(s))).toEqual([]);
  });
});

describe('P04 approved budgets', () => {
  it('is silent when the budgets add up', () => {
    expect(runRule(P04, buildModel())).toEqual([]);
  });
  it('names the total budget when they differ by one cent', () => {
    const s = smallSpec();
    s.partners[1].budget = 10000.01;
    expect(runRule(P04, buildModel(s))).toEqual([{ rule: 'P04', severity: 'error', sheet: 'Project', cell: 'B3', message: "The partners' approved budgets add up to 30,000.01; the project's total budget is 30,000.00", expected: 30000, actual: 30000.01 }]);
  });
  it('names a blank approved budget, and does not add an incomplete sum', () => {
    const s = smallSpec();
    s.partners[1].budget = null;
    expect(brief(runRule(P04, buildModel(s)))).toEqual(['P04 error Project!H20']);
  });
  it("checks the description's figures only for its own project (acronym), as warnings", () => {
    const s = smallSpec();
    s.acronym = 'ClusteriX 2.0';
    const fs = runRule(P04, buildModel(s));
    expect(fs.map((f) => [f.severity, f.cell, f.expected, f.actual])).toEqual([['warning', 'B3', 2126574, 30000]]);
    s.partners.push({ no: 3, role: 'PP', name: 'West-Pannon', country: 'HU', nuts: null, status: 'public', rateBp: 8500, budget: 0.01 });
    s.totalBudget = 30000.01;
    const more = runRule(P04, buildModel(s));
    expect(more.map((f) => [f.severity, f.cell, f.message])).toEqual([
      ['warning', 'B3', 'Total budget 30,000.01 differs from the 2,126,574.00 in the ClusteriX 2.0 description'],
      ['warning', 'H21', 'Approved budget of partner 3 (West-Pannon) is 0.01; the ClusteriX 2.0 description states 178,550.00 for West-Pannon'],
    ]);
  });
});

describe('P05 ERDF rate', () => {
  it('is silent on rates that fit the legal status', () => {
    expect(runRule(P05, buildModel())).toEqual([]);
  });
  it('names a rate that does not fit, and an unknown legal status', () => {
    const s = smallSpec();
    s.partners[0].rateBp = 7500;
    s.partners[1].status = 'private';
    const fs = runRule(P05, buildModel(s));
    expect(fs.map((f) => [f.cell, f.message, f.expected, f.actual])).toEqual([
      ['G19', 'ERDF rate of partner 1 (Alpha Agency) is 75%; a public partner gets 85%', '85%', '75%'],
      ['F20', 'Legal status private of partner 2 (Beta University) is none of public, private non-profit, norwegian', 'public, private non-profit or norwegian', 'private'],
    ]);
  });
  it('gives Norwegian partners 50%', () => {
    const s = smallSpec();
    s.partners[1].status = 'norwegian';
    s.partners[1].rateBp = 5000;
    expect(runRule(P05, buildModel(s))).toEqual([]);
  });
});
