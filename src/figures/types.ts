/** The consolidated figures, in integer cents; toJson (figures/json.ts) gives the JSON of interfaces.md. */
import type { BudgetLineKey, CellRef } from '../model/types';
import type { Cents } from '../util/money';

/** Amounts by budget line and total; only the lines in force (Figures.lines) are present. */
export type LineAmounts = Record<BudgetLineKey | 'total', Cents>;

export interface PartnerFigures {
  no: number;
  name: string;
  country: string;
  /** The partner's budget sheet, null when it has none. */
  sheet: string | null;
  budget: LineAmounts;
  reported: LineAmounts;
  /** Planned total × ERDF rate, rounded down; contribution = total − ERDF. */
  erdf: Cents;
  contribution: Cents;
}

export interface PeriodFigures {
  period: number;
  budget: Cents;
  reported: Cents;
  cumulativeBudget: Cents;
  cumulativeReported: Cents;
}

export interface IndicatorFigures {
  code: string;
  name: string;
  target: number | null;
  achieved: number;
  /** By partner number (as text, for JSON). */
  byPartner: Record<string, number>;
}

export interface Figures {
  /** The budget lines in force (rules.budgetLines): the JSON and the report tabs carry these, in this order. */
  lines: readonly BudgetLineKey[];
  project: { acronym: string; totalBudget: Cents | null; reportDate: string | null };
  partners: PartnerFigures[];
  totals: { budget: LineAmounts; reported: LineAmounts; erdf: Cents; contribution: Cents };
  periods: PeriodFigures[];
  indicators: IndicatorFigures[];
}

export type { CellRef };
