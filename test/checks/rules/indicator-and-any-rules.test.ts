import { I01 } from '../../../src/checks/rules/I01';
import { I02 } from '../../../src/checks/rules/I02';
import { I03 } from '../../../src/checks/rules/I03';
import { I04 } from '../../../src/checks/rules/I04';
import { T01 } from '../../../src/checks/rules/T01';
import { T02 } from '../../../src/checks/rules/T02';
import { T03 } from '../../../src/checks/rules/T03';
import { at, brief, buildModel, runRule, smallSpec } from '../support/model';

describe('I01 indicator rows', () => {
  it('is silent on known partners and indicators with whole numbers', () => {
    expect(runRule(I01, buildModel())).toEqual([]);
  });
  it('names an unknown partner, an unknown indicator, a fraction and a negative value', () => {
    const s = smallSpec();
    s.indicators[0].partner = '7';
    s.indicators[1].indicator = 'XYZ';
    s.indicators[2].values = [0.5, -1, 0, 0];
    const fs = runRule(I01, buildModel(s));
    expect(fs.map((f) => [f.cell, f.message])).toEqual([
      ['A2', 'Partner 7 is not a partner listed on the Project sheet'],
      ['B3', 'Indicator XYZ is not in the Targets table on the Project sheet'],
      ['C4', 'P1 is 0.5: achievements are whole numbers'],
      ['D4', 'P2 is -1: achievements are not negative'],
    ]);
  });
  it('matches partners by name and indicators by name too', () => {
    const s = smallSpec();
    s.indicators[0].partner = 'Alpha Agency';
    s.indicators[0].indicator = 'policy learning events';
    expect(runRule(I01, buildModel(s))).toEqual([]);
  });
});

describe('I02 achievement against target', () => {
  it('gives progress as info while the project runs', () => {
    const fs = runRule(I02, buildModel());
    expect(fs.map((f) => [f.severity, f.cell, f.message])).toEqual([
      ['info', 'C23', 'PLE Policy learning events: 3 achieved of 4 (75.0%)'],
      ['info', 'C24', 'AP Action plans: 0 achieved of 2 (0.0%)'],
      ['info', 'C25', 'PI-SF Policy instruments (Structural Funds): 0 achieved of 1 (0.0%)'],
      ['info', 'C26', 'PI-REG Policy instruments (regional): 0 achieved of 1 (0.0%)'],
    ]);
  });
  it('warns for a target not reached once the report date has passed the project end', () => {
    const s = smallSpec();
    s.reportDate = '2022-01-01';
    s.targets = [s.targets[0]];
    s.targets[0].minimum = true;
    expect(runRule(I02, buildModel(s))).toEqual([{ rule: 'I02', severity: 'warning', sheet: 'Project', cell: 'C23', message: 'PLE Policy learning events: 3 achieved against a target of at least 4 (75.0%), and the project ended 2021-12-31', expected: 4, actual: 3 }]);
    s.reportDate = '2021-12-31';
    expect(brief(runRule(I02, buildModel(s)))).toEqual(['I02 info Project!C23']);
  });
  it("warns where ClusteriX 2.0's own targets differ from the description", () => {
    const s = smallSpec();
    s.acronym = 'ClusteriX 2.0';
    const fs = runRule(I02, buildModel(s)).filter((f) => f.severity === 'warning');
    expect(fs.map((f) => [f.cell, f.message])).toEqual([
      ['C23', 'Target PLE is 4; the ClusteriX 2.0 description states 32'],
      ['C24', 'Target AP is 2; the ClusteriX 2.0 description states 10'],
      ['C25', 'Target PI-SF is 1; the ClusteriX 2.0 description states 9'],
    ]);
  });
});

describe('I03 action plans and policy instruments', () => {
  it('is silent when AP equals PI-SF + PI-REG', () => {
    expect(runRule(I03, buildModel())).toEqual([]);
  });
  it('warns for targets and achievements with more action plans', () => {
    const s = smallSpec();
    s.targets[1].target = 3;
    s.indicators[2].values = [0, 1, 0, 0];
    const fs = runRule(I03, buildModel(s));
    expect(fs.map((f) => [f.severity, f.cell, f.message])).toEqual([
      ['warning', 'C24', 'Target of 3 action plans is more than the 2 policy instruments addressed (PI-SF 1 + PI-REG 1)'],
      ['warning', 'C24', '1 action plans achieved, more than the 0 policy instruments achieved (PI-SF 0 + PI-REG 0)'],
    ]);
  });
});

describe('I04 indicator totals', () => {
  it('is silent when totals add up', () => {
    expect(runRule(I04, buildModel())).toEqual([]);
  });
  it('names a Total that differs', () => {
    const m = buildModel();
    m.indicators[0].total!.value = 3;
    expect(runRule(I04, m)).toEqual([{ rule: 'I04', severity: 'error', sheet: 'Indicators', cell: 'G2', message: 'Total of PLE for partner 1 (Alpha Agency) is 3; its periods add up to 2', expected: 2, actual: 3 }]);
  });
});

describe('T01, T02, T03: what the parser met', () => {
  it('are silent on a clean read', () => {
    const m = buildModel();
    expect([...runRule(T01, m), ...runRule(T02, m), ...runRule(T03, m)]).toEqual([]);
  });
  it('T01 names an error value', () => {
    const m = buildModel();
    m.cellIssues.push({ kind: 'error', at: at('Budget Alpha', 4, 1), raw: '#REF!', what: 'Staff costs P1' });
    expect(runRule(T01, m)).toEqual([{ rule: 'T01', severity: 'error', sheet: 'Budget Alpha', cell: 'B5', message: 'Staff costs P1 holds the error #REF!: it cannot be read', expected: 'a value', actual: '#REF!' }]);
  });
  it('T02 names what is missing and where it was looked for, and cells it cannot read', () => {
    const m = buildModel();
    m.missing.push({ what: 'Partners table', sheet: 'Project', cell: null });
    m.cellIssues.push({ kind: 'uncalculated', at: at('Budget Alpha', 10, 5), formula: '=SUM(B11:E11)', what: 'Total' });
    m.cellIssues.push({ kind: 'unreadable', at: at('Project', 3, 1), raw: '31/02/2020', what: 'Project start', expected: 'a date (2019-04-01 or 01/04/2019)' });
    expect(runRule(T02, m).map((f) => [f.sheet, f.cell, f.message])).toEqual([
      ['Project', null, 'Partners table is missing (looked for on Project)'],
      ['Budget Alpha', 'F11', 'Total is a formula that was never calculated (=SUM(B11:E11)): open and save the file in Excel'],
      ['Project', 'B4', "Project start holds '31/02/2020', which cannot be read as a date (2019-04-01 or 01/04/2019)"],
    ]);
  });
  it('T02 names a workbook without a Project sheet', () => {
    const m = buildModel();
    m.project = null;
    expect(brief(runRule(T02, m))).toEqual(['T02 error -!-']);
  });
  it('T03 names the second of two rows', () => {
    const m = buildModel();
    m.duplicates.push({ what: 'partner 1 / indicator PLE', at: at('Indicators', 5, 0), first: at('Indicators', 1, 0) });
    expect(runRule(T03, m)).toEqual([{ rule: 'T03', severity: 'error', sheet: 'Indicators', cell: 'A6', message: 'partner 1 / indicator PLE appears twice (first at A2)', actual: 'partner 1 / indicator PLE' }]);
  });
});
