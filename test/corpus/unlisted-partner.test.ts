/**
 * An indicator row for a partner the Project sheet does not list is an I01 error and "counts towards nothing"
 * (I01's own explanation): the report's figures leave it out, so the I02 progress finding must too.
 */
import { consolidateWorkbook } from '../../src/engine';
import { buildSample, specToSnapshot } from '../../src/template';

test('progress against a target (I02) counts the same rows as the report figures', () => {
  const snapshot = specToSnapshot(buildSample());
  const ind = snapshot.sheets.find((s) => s.name === 'Indicators')!;
  const width = ind.values[0].length;
  const row = Array.from({ length: width }, (_, c) => (c === 0 ? 99 : c === 1 ? 'PLE' : c === 2 ? 5 : null));
  ind.values.push(row);
  ind.valueTypes.push(row.map((v) => (v === null ? 'Empty' : typeof v === 'number' ? 'Double' : 'String')));
  ind.formulas.push(row.map(() => null));
  ind.numberFormats.push(row.map(() => 'General'));
  const { findings, figures } = consolidateWorkbook(snapshot, { now: new Date('2024-05-02T10:00:00Z') });
  expect(findings.filter((f) => f.rule === 'I01').map((f) => [f.sheet, f.cell, f.message])).toEqual([['Indicators', `A${ind.values.length}`, 'Partner 99 is not a partner listed on the Project sheet']]);
  expect(figures.indicators.find((i) => i.code === 'PLE')!.achieved).toBe(22);
  expect(findings.find((f) => f.rule === 'I02' && f.cell === 'C43')).toMatchObject({ expected: 32, actual: 22, message: 'PLE Policy learning events organised: 22 achieved of 32 (68.8%)' });
});
