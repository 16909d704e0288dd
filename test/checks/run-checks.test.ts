import { runChecks, RULES } from '../../src/checks';
import { CLUSTERIX2 } from '../../src/profile/clusterix2';
import { brief, buildModel } from './support/model';

describe('runChecks', () => {
  it('finds nothing but progress against targets on a consistent small model', () => {
    const findings = runChecks({ model: buildModel(), profile: CLUSTERIX2 });
    expect(brief(findings)).toEqual([
      'I02 info Project!C23',
      'I02 info Project!C24',
      'I02 info Project!C25',
      'I02 info Project!C26',
    ]);
    expect(findings[0].message).toBe('PLE Policy learning events: 3 achieved of 4 (75.0%)');
  });

  it('lists every rule of rules.md once, each with an explanation', () => {
    const ids = RULES.map((r) => r.id);
    expect(ids).toEqual(['P01', 'P02', 'P03', 'P04', 'P05', 'B01', 'B02', 'B03', 'B04', 'B05', 'B06', 'B07', 'B08', 'B09', 'B10', 'I01', 'I02', 'I03', 'I04', 'T01', 'T02', 'T03']);
    for (const r of RULES) {
      expect(r.title.length).toBeGreaterThan(5);
      expect(r.explanation.what.length).toBeGreaterThan(20);
      expect(r.explanation.why.length).toBeGreaterThan(20);
      expect(r.explanation.fix.length).toBeGreaterThan(20);
    }
  });

  it('sorts errors before warnings before infos, then by sheet, row and column', () => {
    const model = buildModel();
    const p = model.project!;
    p.partners[1].country.value = 'XX'; // P01 error on Project!D20
    p.periods[3].end.value = '2021-12-30' as never; // P02 error Project!D16 and project end Project!B5
    model.cellIssues.push({ kind: 'numericText', at: model.budgets[0].plan!.rows[0].amounts[0].at, raw: '2 000,00', cents: 200000 as never, what: 'Staff costs P1' });
    model.cellIssues.push({ kind: 'error', at: model.budgets[1].plan!.rows[2].amounts[3].at, raw: '#REF!', what: 'Travel and accommodation P4' });
    const lines = brief(runChecks({ model, profile: CLUSTERIX2 })).filter((l) => !l.startsWith('I02'));
    expect(lines).toEqual([
      'T01 error Budget Beta!E7',
      'P02 error Project!B5',
      'P02 error Project!D16',
      'P01 error Project!D20',
      'B06 warning Budget Alpha!B5',
    ]);
  });
});
