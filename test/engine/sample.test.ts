import { parse } from '../../src/parse';
import { CLUSTERIX2 } from '../../src/profile';
import { buildSample, buildTemplate } from '../../src/template';
import { specToSnapshot } from '../../src/template/to-snapshot';
import { checkWorkbook } from '../../src/engine';
import { buildWorkbook } from '../support/workbook-builder';
import { modelView } from '../support/model-view';

describe('the built-in sample', () => {
  const sample = specToSnapshot(buildSample(CLUSTERIX2));

  it('parses to the same model as the hand-typed workbook built from the same facts', () => {
    const handTyped = modelView(parse(buildWorkbook(CLUSTERIX2)));
    expect(modelView(parse(sample))).toEqual(handTyped);
  });

  it('gives exactly its two known errors and no warning', () => {
    const { findings } = checkWorkbook(sample, CLUSTERIX2);
    const notInfo = findings.filter((f) => f.severity !== 'info');
    expect(notInfo.map((f) => [f.rule, f.severity, f.sheet, f.cell])).toEqual([
      ['P02', 'error', 'Project', 'C14'],
      ['P01', 'error', 'Project', 'D39'],
    ]);
    expect(notInfo[0].message).toContain('2021-03-31');
    expect(notInfo[1].message).toContain('SE224');
  });

  it('the hand-typed layout gives the same findings as the sample, rule by rule', () => {
    const a = checkWorkbook(sample, CLUSTERIX2).findings.map((f) => [f.rule, f.severity, f.message]);
    const b = checkWorkbook(buildWorkbook(CLUSTERIX2), CLUSTERIX2).findings.map((f) => [f.rule, f.severity, f.message]);
    expect(b).toEqual(a);
  });
});

describe('the template', () => {
  it('lists only what is still to fill in, besides the two facts the description gets wrong', () => {
    const { findings } = checkWorkbook(specToSnapshot(buildTemplate(CLUSTERIX2)), CLUSTERIX2);
    const notInfo = findings.filter((f) => f.severity !== 'info');
    // Still to fill in: the ten approved budgets the description does not give, and West-Pannon's budget sheet.
    expect(notInfo.filter((f) => f.rule === 'P04').map((f) => f.cell)).toEqual(['H29', 'H30', 'H32', 'H33', 'H34', 'H35', 'H36', 'H37', 'H38', 'H39']);
    expect(notInfo.filter((f) => f.rule === 'B04').map((f) => f.sheet)).toEqual(['Budget West-Pannon']);
    expect(notInfo.filter((f) => !['P04', 'B04'].includes(f.rule)).map((f) => f.rule)).toEqual(['P02', 'P01']);
  });
});
