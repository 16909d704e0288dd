/** Which preset a Programme field picks, and the Rules table's values over it (workbook.md, "Programme rules"). */
import { presetFor } from '../../src/rules/presets';
import { decideRules } from '../../src/rules/in-force';
import { ruleNamed } from '../../src/rules/definitions';
import type { Project } from '../../src/model/types';

test('text naming 2021 picks 2021–2027; anything else, blank included, 2014–2020', () => {
  const picked = (t: string | null) => presetFor(t).id;
  expect(['Interreg Europe 2021-2027', 'Interreg Europe 2021–2027', 'INTERREG EUROPE 2021 - 2027', 'IE 2021'].map(picked)).toEqual(Array(4).fill('2021-2027'));
  expect(['Interreg Europe', 'Interreg Europe 2014-2020', '', null].map(picked)).toEqual(Array(4).fill('2014-2020'));
});

test('the two presets differ where workbook.md says', () => {
  const a = presetFor('2014').rules;
  const b = presetFor('2021').rules;
  expect([a.travelRateBp, b.travelRateBp]).toEqual([null, 1500]);
  expect([a.erdfRateBpByStatus, b.erdfRateBpByStatus]).toEqual([
    { public: 8500, 'private non-profit': 7500, norwegian: 5000 },
    { public: 8000, 'private non-profit': 7000, norwegian: 5000 },
  ]);
  expect([a.preparationMax, b.preparationMax, a.equipmentMax, b.equipmentMax]).toEqual([1_500_000, null, 700_000, null]);
  expect([a.countries.length, b.countries.length]).toEqual([30, 36]);
  expect(b.countries.filter((c) => !a.countries.includes(c))).toEqual(['AL', 'BA', 'MD', 'ME', 'MK', 'RS', 'UA']);
  expect(a.countries.filter((c) => !b.countries.includes(c))).toEqual(['UK']);
  expect(b.budgetLines.filter((l) => !a.budgetLines.includes(l))).toEqual(['infrastructure']);
});

test('a rule is named by the words before its brackets, matched as labels are', () => {
  expect(ruleNamed('Equipment across the partnership at most')?.key).toBe('equipmentMax');
  expect(ruleNamed('equipment across the partnership at most (EUR)')?.key).toBe('equipmentMax');
  expect(ruleNamed('Interreg funds rate public')?.key).toBe('erdfPublic');
  expect(ruleNamed('Equipment')).toBeNull();
});

test('the rules in force: the preset, with each value the Rules table sets and the cell it came from', () => {
  const at = { sheet: 'Project', cell: 'C40', row: 39, col: 2 };
  const project = { programme: { value: 'Interreg Europe 2021-2027', at }, rulesTable: { header: at, values: { officeRateBp: 700 }, at: { officeRateBp: at } } } as unknown as Project;
  const r = decideRules(project);
  expect(r.preset.id).toBe('2021-2027');
  expect([r.rules.officeRateBp, r.rules.travelRateBp]).toEqual([700, 1500]);
  expect(r.source.officeRateBp).toBe(at);
  expect(r.source.travelRateBp).toBeNull();
  expect(decideRules(null).preset.id).toBe('2014-2020');
});
