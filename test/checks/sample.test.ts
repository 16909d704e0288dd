import { RULES } from '../../src/checks';
import { buildTemplate, specToSnapshot } from '../../src/template';
import { check, correctSnapshot, key, sampleSnapshot } from './support/workbook';

describe('the ClusteriX 2.0 sample, snapshot → parse → runChecks', () => {
  it('gives exactly its two known errors, no warning, and progress as info', () => {
    const findings = check(sampleSnapshot());
    const errors = findings.filter((f) => f.severity === 'error');
    expect(errors).toEqual([
      { rule: 'P02', severity: 'error', sheet: 'Project', cell: 'C14', message: 'Phase 2 ends 2021-04-01; 24 months from 2019-04-01 end on 2021-03-31', expected: '2021-03-31', actual: '2021-04-01' },
      { rule: 'P01', severity: 'error', sheet: 'Project', cell: 'D39', message: 'Country of partner 11 (Region Skåne) is SK, but its NUTS code SE224 says SE', expected: 'SE', actual: 'SK' },
    ]);
    expect(findings.filter((f) => f.severity === 'warning')).toEqual([]);
    expect(findings.filter((f) => f.severity === 'info').map((f) => f.message)).toEqual([
      'PLE Policy learning events organised: 22 achieved of 32 (68.8%)',
      'GP Good practices identified: 11 achieved of at least 20 (55.0%)',
      'AP Action plans developed and implemented: 0 achieved of 10 (0.0%)',
      'MEDIA Appearances in media: 33 achieved of at least 50 (66.0%)',
      'PEOPLE People with increased professional capacity: 22 achieved of at least 50 (44.0%)',
      'PI-SF Policy instruments improved (Structural Funds): 0 achieved of 9 (0.0%)',
      'PI-REG Policy instruments improved (regional): 0 achieved of 1 (0.0%)',
    ]);
  });

  it('with those two fixed, gives nothing but the seven progress infos', () => {
    expect(check(correctSnapshot()).map(key)).toEqual(['C43', 'C44', 'C45', 'C46', 'C47', 'C48', 'C49'].map((c) => `I02 info Project!${c}`));
  });

  it.each(RULES.filter((r) => r.id !== 'I02').map((r) => r.id))('%s is silent on the correct workbook', (id) => {
    expect(check(correctSnapshot()).filter((f) => f.rule === id)).toEqual([]);
  });

  it('the template lists what is still to fill in: the blank approved budgets, West-Pannon\'s empty budget sheet, and the two errors as given', () => {
    const findings = check(specToSnapshot(buildTemplate()));
    expect(findings.filter((f) => f.severity !== 'info').map(key)).toEqual([
      'B04 error Budget West-Pannon!J12',
      'P02 error Project!C14',
      ...['H29', 'H30', 'H32', 'H33', 'H34', 'H35', 'H36', 'H37', 'H38'].map((c) => `P04 error Project!${c}`),
      'P01 error Project!D39',
      'P04 error Project!H39',
    ]);
  });
});
