/**
 * The programme's rules as data (workbook.md, "Programme rules"): a preset picked from the Programme field, and
 * a project's own Rules table overriding any value. A null rate or limit means the check that needs it is not run.
 */
import type { BudgetLineKey, CellRef, LegalStatus } from '../model/types';
import type { Cents } from '../util/money';

export interface ProgrammeRules {
  /** 1500 = 15% of staff costs. */
  officeRateBp: number;
  /** Travel and accommodation as a flat rate of staff costs; null: real costs (not checked by B01). */
  travelRateBp: number | null;
  erdfRateBpByStatus: Record<LegalStatus, number>;
  /** The lead partner's preparation costs, at most; null: not checked. */
  preparationMax: Cents | null;
  /** Equipment across the partnership, at most (a warning); null: not checked. */
  equipmentMax: Cents | null;
  /** 2000: a partner may exceed its budget by up to 20% before it is an error. */
  flexibilityBp: number;
  /** Partner states as the programme writes them (EL, UK…). */
  countries: readonly string[];
  /** The budget lines a budget sheet may have, in the programme's order. */
  budgetLines: readonly BudgetLineKey[];
}

export type RuleKey = 'officeRateBp' | 'travelRateBp' | 'erdfPublic' | 'erdfPrivate' | 'erdfNorwegian' | 'preparationMax' | 'equipmentMax' | 'flexibilityBp' | 'countries' | 'budgetLines';

export type PresetId = '2014-2020' | '2021-2027';

export interface Preset {
  id: PresetId;
  /** As the Programme field names it: 'Interreg Europe 2021-2027'. */
  programme: string;
  rules: ProgrammeRules;
}

/** A value the Rules table sets, already read: what the parser hands over. */
export type RuleValue = number | Cents | null | readonly string[] | readonly BudgetLineKey[];

export interface RulesTable {
  /** The Rule column's header cell. */
  header: CellRef;
  /** Values read from the table, by rule; a rule left out, blank or unreadable (T02) is not here. */
  values: Partial<Record<RuleKey, RuleValue>>;
  /** The Value cell each value came from. */
  at: Partial<Record<RuleKey, CellRef>>;
}

/** The rules in force for a workbook, and where each value came from: the preset (null) or a Rules table cell. */
export interface RulesInForce {
  preset: Preset;
  rules: ProgrammeRules;
  source: Record<RuleKey, CellRef | null>;
}
