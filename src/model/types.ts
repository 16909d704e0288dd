/**
 * The reporting workbook as the checks and figures see it: parsed from a snapshot as workbook.md says.
 * Every value remembers the cell it came from, so findings and live formulas can point at it.
 */
import type { Cents } from '../util/money';
import type { CalendarDate } from '../util/dates';
import type { RulesTable } from '../rules/types';

export interface CellRef {
  sheet: string;
  /** A1 address ('J12'). */
  cell: string;
  /** 0-based coordinates of `cell`. */
  row: number;
  col: number;
}

/** A value read from a cell; null `value` means the cell was empty, an error value or unreadable (see Model.cellIssues). */
export interface Located<T> {
  value: T | null;
  at: CellRef;
}

/** How an amount cell was read. */
export type AmountSource =
  | 'number' // a typed number
  | 'formula' // a formula with a numeric cached value
  | 'text' // numeric text such as '12 500,00' (read, flagged B06)
  | 'empty' // blank: counts as 0 where a period cell is blank
  | 'error' // an Excel error value (T01): missing
  | 'uncalculated' // a formula with no cached value (T02): missing
  | 'invalid'; // text or a boolean that is no amount ('tbd'): missing

export interface Amount {
  /** null when missing (error, uncalculated, invalid). Blank cells read as 0 with source 'empty'. */
  cents: Cents | null;
  source: AmountSource;
  /** False when the number had more than two decimals (B06); cents is then rounded to the nearest. */
  twoDecimals: boolean;
  /** The cell's formula, if any (en-US). */
  formula: string | null;
  /** What the cell showed, for messages ('12 500,00', '#REF!'). */
  raw: string;
  at: CellRef;
}

/** 'infrastructure' (Infrastructure and works) is a line only where the rules in force allow it (2021–2027). */
export type BudgetLineKey = 'staff' | 'office' | 'travel' | 'external' | 'equipment' | 'infrastructure' | 'preparation';
export const BUDGET_LINE_KEYS: readonly BudgetLineKey[] = ['staff', 'office', 'travel', 'external', 'equipment', 'infrastructure', 'preparation'];

/** The budget lines' names as the programme writes them: in the template, messages and the report. */
export const BUDGET_LINE_NAMES: Record<BudgetLineKey, string> = {
  staff: 'Staff costs',
  office: 'Office and administration',
  travel: 'Travel and accommodation',
  external: 'External expertise and services',
  equipment: 'Equipment',
  infrastructure: 'Infrastructure and works',
  preparation: 'Preparation costs',
};

export interface Phase {
  /** normalizeLabel of the phase's name: phase 1 and "1" are the same phase. */
  key: string;
  label: string;
  start: Located<CalendarDate>;
  end: Located<CalendarDate>;
  months: Located<number>;
  /** The row's first cell (the Phase column). */
  at: CellRef;
}

export interface Period {
  /** 1, 2, 3… (P1 → 1). null when unreadable. */
  number: number | null;
  label: string;
  /** normalizeLabel of the phase it belongs to. */
  phaseKey: string;
  phaseAt: CellRef;
  start: Located<CalendarDate>;
  end: Located<CalendarDate>;
  months: Located<number>;
  at: CellRef;
}

export type LegalStatus = 'public' | 'private non-profit' | 'norwegian';

export interface Partner {
  no: Located<number>;
  role: Located<string>; // 'LP' | 'PP' as typed, upper-cased
  name: Located<string>;
  country: Located<string>; // as typed, upper-cased and trimmed
  nuts: Located<string>; // value null when blank
  legalStatus: Located<string>; // normalized to LegalStatus where it is one, else as typed
  /** ERDF rate in basis points of a percent: 85% → 8500. */
  erdfRateBp: Located<number>;
  approvedBudget: Amount;
  /** The row's first cell of the table. */
  at: CellRef;
}

export interface Target {
  code: string;
  name: string;
  target: Located<number>;
  unit: string | null;
  minimum: boolean;
  at: CellRef;
}

export interface Project {
  sheet: string;
  acronym: Located<string>;
  programme: Located<string> | null;
  totalBudget: Amount | null;
  start: Located<CalendarDate> | null;
  end: Located<CalendarDate> | null;
  reportDate: Located<CalendarDate> | null;
  phases: Phase[];
  /** Where the Phases table's header was found, null when it was not. */
  phasesHeader: CellRef | null;
  periods: Period[];
  periodsHeader: CellRef | null;
  partners: Partner[];
  partnersHeader: CellRef | null;
  targets: Target[];
  targetsHeader: CellRef | null;
  /** The optional Rules table (Rule | Value): the values it sets over the preset. Absent or null when there is none. */
  rulesTable?: RulesTable | null;
}

/** A period column of a budget or indicator table. */
export interface PeriodColumn {
  /** 1 for P1 / Period 1. */
  number: number;
  col: number;
  header: CellRef;
}

export interface BudgetRow {
  /** null for a label that is no known budget line (B02). */
  line: BudgetLineKey | null;
  /** True for the table's Total row. */
  isTotal: boolean;
  label: Located<string>;
  /** One per period column, in the table's PeriodColumn order. */
  amounts: Amount[];
  /** The row's Total cell, where the table has a Total column. */
  total: Amount | null;
  row: number;
}

export interface BudgetTable {
  kind: 'plan' | 'reported';
  header: CellRef;
  periods: PeriodColumn[];
  /** Column of the Total header, null when the table has none. */
  totalCol: number | null;
  rows: BudgetRow[];
}

export interface BudgetSheet {
  sheet: string;
  partnerNo: Located<number> | null;
  /** The Partner field: a name or number as typed. */
  partnerName: Located<string> | null;
  plan: BudgetTable | null;
  reported: BudgetTable | null;
  erdf: Amount | null;
  contribution: Amount | null;
}

export interface IndicatorRow {
  sheet: string;
  row: number;
  partner: Located<string>;
  indicator: Located<string>;
  /** Whole numbers achieved per period; value null when the cell is missing or not a number. */
  values: { period: number; value: number | null; at: CellRef; raw: string }[];
  total: { value: number | null; at: CellRef; raw: string } | null;
  comment: string | null;
}

export interface IndicatorSheet {
  sheet: string;
  header: CellRef;
  periods: PeriodColumn[];
  totalCol: number | null;
}

/** Facts the parser met that the T01/T02/T03/B06 checks turn into findings. */
export type CellIssue =
  | { kind: 'error'; at: CellRef; raw: string; what: string } // T01
  | { kind: 'uncalculated'; at: CellRef; formula: string; what: string } // T02
  | { kind: 'numericText'; at: CellRef; raw: string; cents: Cents; what: string } // B06 warning
  | { kind: 'notAmount'; at: CellRef; raw: string; what: string } // B06 error
  | { kind: 'badDecimals'; at: CellRef; raw: string; what: string } // B06 error
  | { kind: 'negative'; at: CellRef; raw: string; what: string } // B06 error
  | { kind: 'unreadable'; at: CellRef; raw: string; what: string; expected: string }; // T02: a date, number or code that cannot be read

export interface Missing {
  /** What is missing, in words: 'Partners table', 'field Report date', 'Staff costs row'. */
  what: string;
  /** Where it was looked for: a sheet, or 'any sheet'. */
  sheet: string | null;
  /** A cell or range near which it was expected, if any. */
  cell: string | null;
}

export interface Duplicate {
  what: string; // 'budget line Staff costs', 'partner 3 / indicator PLE'
  at: CellRef;
  first: CellRef;
}

export interface Model {
  project: Project | null;
  budgets: BudgetSheet[];
  indicatorSheets: IndicatorSheet[];
  indicators: IndicatorRow[];
  /** Sheets that are none of ours (left alone): names in tab order. */
  otherSheets: string[];
  cellIssues: CellIssue[];
  missing: Missing[];
  duplicates: Duplicate[];
}
