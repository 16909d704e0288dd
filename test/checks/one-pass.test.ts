/** The checks' one-pass helpers agree with the per-question definitions they replace. */
import { achieved, achievedByTarget } from '../../src/checks/rules/I02';
import { loggedAt } from '../../src/checks/lib/known';
import { periodSum, periodSums } from '../../src/model/totals';
import { buildModel, setEuros, smallSpec } from './support/model';

describe('achievedByTarget', () => {
  test('each target as achieved() has it: summed, null when a value cannot be read, 0 when no row counts', () => {
    const s = smallSpec();
    s.indicators.push({ ...s.indicators[0], values: [1, 2, 3, 4] });
    const model = buildModel(s);
    const targets = model.project!.targets;
    const byTarget = achievedByTarget(model);
    for (const t of targets) expect(byTarget.has(t) ? byTarget.get(t) : 0).toBe(achieved(model, t));
    // A value that cannot be read makes its target's figure null.
    const row = model.indicators.find((r) => model.names.rows.get(r)?.target.found === targets[0])!;
    row.values[0] = { ...row.values[0], value: null, raw: 'tbd' };
    expect(achieved(model, targets[0])).toBeNull();
    expect(achievedByTarget(model).get(targets[0])).toBeNull();
  });
});

describe('loggedAt', () => {
  test('sees what the log holds when asked, also after the log grew', () => {
    const model = buildModel();
    const at = model.indicators[0].values[0].at;
    expect(loggedAt(model, at)).toBe(false);
    model.cellIssues.push({ kind: 'error', at, raw: '#REF!', what: 'x' });
    expect(loggedAt(model, at)).toBe(true);
    expect(loggedAt(model, { ...at, sheet: `${at.sheet}x` })).toBe(false);
    const other = model.indicators[0].values[1].at;
    model.missing.push({ what: 'y', sheet: other.sheet, cell: other.cell });
    expect(loggedAt(model, other)).toBe(true);
    model.missing.push({ what: 'z', sheet: null, cell: null });
    expect(loggedAt(model, model.indicators[0].values[2].at)).toBe(false);
  });
});

describe('periodSums', () => {
  test('each period as periodSum has it: a line twice counts once, a line not in force not at all, a missing cell makes it incomplete', () => {
    const model = buildModel();
    const table = model.budgets[0].plan!;
    const staff = table.rows.find((r) => r.line === 'staff')!;
    table.rows.push({ ...staff, amounts: staff.amounts.map((a) => ({ ...a })) });
    setEuros(table.rows[table.rows.length - 1].amounts[0], 999);
    table.rows[0].amounts[1] = { ...table.rows[0].amounts[1], cents: null, source: 'error' };
    for (const inForce of [undefined, ['office', 'travel'] as const]) {
      table.linesInForce = inForce as never;
      const sums = periodSums(table);
      expect(sums).toHaveLength(table.periods.length);
      table.periods.forEach((_, i) => expect(sums[i]).toEqual(periodSum(table, i)));
    }
  });
});
