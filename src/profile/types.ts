/**
 * A project profile: the facts of one Interreg Europe project and the programme rules the checks use.
 * ClusteriX 2.0 is the built-in default (clusterix2.ts); other projects laid out the same way get their own.
 */
import type { Cents } from '../util/money';
import type { CalendarDate } from '../util/dates';
import type { BudgetLineKey, LegalStatus } from '../model/types';

export interface ProfilePhase {
  name: string; // '1'
  start: CalendarDate;
  /** The end as the project's description states it (the sample keeps it as given, even when wrong). */
  end: CalendarDate;
  months: number;
}

export interface ProfilePeriod {
  number: number;
  phase: string;
  start: CalendarDate;
  end: CalendarDate;
  months: number;
}

export interface ProfilePartner {
  no: number;
  role: 'LP' | 'PP';
  name: string;
  /** Short name for sheet names: 'Budget West-Pannon'. */
  shortName: string;
  /** As the description writes it (Region Skåne: 'SK', kept as given). */
  country: string;
  nuts: string | null;
  legalStatus: LegalStatus;
  erdfRateBp: number;
  /** Approved budget stated by the description; null where it states none (blank in the template). */
  approvedBudget: Cents | null;
}

export interface ProfileTarget {
  code: string;
  name: string;
  target: number;
  unit: string | null;
  minimum: boolean;
}

/** The programme's rules: the preset the project runs under (src/rules). The checks read the rules in force. */
export type { ProgrammeRules } from '../rules/types';
import type { ProgrammeRules } from '../rules/types';

export interface ProfileSample {
  /** The day up to which the sample reports expenditure. */
  reportDate: CalendarDate;
  /** Approved budgets for every partner (the description's where it has one, invented elsewhere). */
  approvedBudgets: Record<number, Cents>;
  /** Planned amounts per partner, line and period (cents); reported likewise. Index = period number − 1. */
  plan: Record<number, Partial<Record<BudgetLineKey, Cents[]>>>;
  reported: Record<number, Partial<Record<BudgetLineKey, Cents[]>>>;
  /** Achievements per partner no, indicator code, period (index = period number − 1). */
  achievements: Record<number, Record<string, number[]>>;
  /** What the sample invents, said on its Project sheet. */
  inventedNote: string;
}

export interface Profile {
  id: string;
  acronym: string;
  programme: string;
  totalBudget: Cents;
  start: CalendarDate;
  end: CalendarDate;
  phases: ProfilePhase[];
  periods: ProfilePeriod[];
  partners: ProfilePartner[];
  targets: ProfileTarget[];
  rules: ProgrammeRules;
  sample: ProfileSample;
}
