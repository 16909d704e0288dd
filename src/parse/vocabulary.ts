/** The labels workbook.md names, with their synonyms. Matching is by normalizeLabel (case, spaces, accents, punctuation). */
import type { BudgetLineKey } from '../model/types';

export const FIELD = {
  acronym: ['Project acronym', 'Acronym'],
  programme: ['Programme', 'Program'],
  totalBudget: ['Total budget (EUR)', 'Total budget', 'Total eligible budget'],
  start: ['Project start', 'Start of project', 'Project start date'],
  end: ['Project end', 'End of project', 'Project end date'],
  reportDate: ['Report date', 'Reporting date'],
  partnerNo: ['Partner No', 'PP No', 'Partner number'],
  partner: ['Partner', 'Partner name'],
  erdf: ['ERDF', 'Interreg funds'],
  contribution: ['Partner contribution'],
} as const;

export const COLUMN = {
  phase: ['Phase'],
  period: ['Period'],
  start: ['Start', 'Start date'],
  end: ['End', 'End date'],
  months: ['Months', 'Duration (months)'],
  no: ['No', 'Partner No', 'PP'],
  role: ['Role'],
  partner: ['Partner', 'Partner name'],
  country: ['Country'],
  nuts: ['NUTS', 'NUTS code', 'NUTS region'],
  legalStatus: ['Legal status'],
  erdfRate: ['ERDF rate', 'Co-financing rate'],
  approvedBudget: ['Approved budget (EUR)', 'Approved budget', 'Budget', 'Total budget'],
  code: ['Code', 'Indicator code'],
  indicator: ['Indicator'],
  target: ['Target'],
  unit: ['Unit'],
  minimum: ['Minimum'],
  rule: ['Rule'],
  value: ['Value'],
  total: ['Total'],
  comment: ['Comment', 'Comments'],
  budgetLine: ['Budget line', 'Cost category', 'Budget item'],
  reported: ['Reported', 'Reported expenditure', 'Actual'],
} as const;

export const BUDGET_LINE_LABELS: Record<BudgetLineKey, readonly string[]> = {
  staff: ['Staff costs', 'Staff'],
  office: ['Office and administration', 'Office & administration', 'Administration'],
  travel: ['Travel and accommodation', 'Travel'],
  external: ['External expertise and services', 'External expertise', 'External costs'],
  equipment: ['Equipment'],
  infrastructure: ['Infrastructure and works', 'Infrastructure'],
  preparation: ['Preparation costs'],
};

/** Budget lines every budget table must have (preparation costs are optional, lead partner only). */
export const REQUIRED_LINES: readonly BudgetLineKey[] = ['staff', 'office', 'travel', 'external', 'equipment'];

export { BUDGET_LINE_NAMES } from '../model/types';

const PERIOD_NUMBERS = new Map<string, number | null>();

/** 'P1', 'Period 1', 'p 1' → 1; anything else → null. */
export function periodNumber(normalized: string): number | null {
  // Asked for every label cell of every header row looked at: each distinct text is matched once.
  let n = PERIOD_NUMBERS.get(normalized);
  if (n === undefined) {
    const m = /^(?:p|period)(\d{1,3})$/.exec(normalized);
    n = m ? Number(m[1]) : null;
    if (PERIOD_NUMBERS.size >= 10_000) PERIOD_NUMBERS.clear();
    PERIOD_NUMBERS.set(normalized, n);
  }
  return n;
}

/** A partner number as typed: 3, '3', '03', 'PP3', 'LP 1', 'Partner 3' → 3 (the one pattern, beside the name matcher). */
export { partnerNumber } from '../model/names';
