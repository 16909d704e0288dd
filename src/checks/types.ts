import type { Model } from '../model/types';
import type { Profile } from '../profile/types';
import type { RulesInForce } from '../rules/types';

export type Severity = 'error' | 'warning' | 'info';

/** One finding, as interfaces.md gives it in JSON. */
export interface Finding {
  rule: string;
  severity: Severity;
  sheet: string | null;
  /** A1 address or range on `sheet`, or null where the finding is about a missing thing. */
  cell: string | null;
  message: string;
  expected?: number | string;
  actual?: number | string;
  /** Still to fill in (a blank a new workbook starts with), not a data error: decided in checks/to-fill.ts. */
  toFill?: true;
  /** A warning a person accepted, with their reason; stored in _clusterix (checks/acceptance.ts). */
  accepted?: { reason: string; by: string; date: string };
}

export interface RuleExplanation {
  /** What it checks, in a finance officer's words. */
  what: string;
  /** Why: the programme rule or project fact behind it. */
  why: string;
  /** How to fix. */
  fix: string;
}

export interface CheckContext {
  model: Model;
  profile: Profile;
  /** The programme rules in force (rules/in-force.ts); decided from the model where not given. */
  rules?: RulesInForce;
}

export interface Rule {
  id: string;
  title: string;
  /** The severity most of its findings have (B06, B07, I02 also use others). */
  severity: Severity;
  explanation: RuleExplanation;
  run(ctx: CheckContext): Finding[];
}
