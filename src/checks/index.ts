import type { Finding, CheckContext, Severity } from './types';
import { RULES } from './registry';
import { parseA1 } from '../util/a1';
import { rulesInForce } from '../rules/in-force';

export { RULES, ruleById } from './registry';

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Row and column of a finding's cell (a range's first cell); a finding about a missing thing comes first. */
function position(cell: string | null): [number, number] {
  if (!cell) return [-1, -1];
  try {
    const { row, col } = parseA1(cell.split(':')[0]);
    return [row, col];
  } catch {
    return [-1, -1];
  }
}

export function compareFindings(a: Finding, b: Finding): number {
  const s = SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
  if (s !== 0) return s;
  const sa = a.sheet ?? '';
  const sb = b.sheet ?? '';
  if (sa !== sb) return sa < sb ? -1 : 1;
  const [ra, ca] = position(a.cell);
  const [rb, cb] = position(b.cell);
  return ra - rb || ca - cb || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}

/** Runs every rule of the registry, whatever the others find, and sorts: severity, sheet, row, column. */
export function runChecks(ctx: CheckContext): Finding[] {
  const all: Finding[] = [];
  const withRules = { ...ctx, rules: ctx.rules ?? rulesInForce(ctx.model) };
  for (const rule of RULES) all.push(...rule.run(withRules));
  return all.sort(compareFindings);
}
