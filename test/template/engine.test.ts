import { buildSample, buildTemplate, specToSnapshot } from '../../src/template';
import { checkWorkbook } from '../../src/engine';
import { differences } from '../../src/cli/demo';

describe('the engine over the template and the sample, without files', () => {
  it('finds in the sample exactly the two known description errors and no warning', () => {
    const { model, findings } = checkWorkbook(specToSnapshot(buildSample()));
    expect(model.project?.acronym.value).toBe('ClusteriX 2.0');
    expect(model.budgets).toHaveLength(11);
    expect(differences(findings)).toEqual([]);
    expect(findings.filter((f) => f.severity !== 'info').map((f) => [f.rule, f.sheet, f.cell])).toEqual(
      expect.arrayContaining([['P02', 'Project', 'C14'], ['P01', 'Project', 'D39']]),
    );
  });

  it('lists in the template what is still to fill in (the blank approved budgets) beside the two known errors', () => {
    const { findings } = checkWorkbook(specToSnapshot(buildTemplate()));
    expect(findings.filter((f) => f.severity === 'warning')).toEqual([]);
    const errors = findings.filter((f) => f.severity === 'error');
    expect(errors.filter((f) => f.rule === 'P04').map((f) => f.cell)).toEqual(['H29', 'H30', 'H32', 'H33', 'H34', 'H35', 'H36', 'H37', 'H38', 'H39']);
    expect(errors.filter((f) => !['P04', 'B04'].includes(f.rule)).map((f) => `${f.rule} ${f.cell}`).sort()).toEqual(['P01 D39', 'P02 C14']);
    // West-Pannon's approved budget is given, its plan not yet: the one budget sheet flagged.
    expect(errors.filter((f) => f.rule === 'B04').map((f) => f.sheet)).toEqual(['Budget West-Pannon']);
  });
});
