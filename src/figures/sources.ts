/**
 * Which cells each figure comes from: the partner's budget sheet and rows, the indicator rows of a partner and
 * indicator. computeFigures sums them; the report plan turns the same cells into live formulas, so both agree.
 */
import type { Amount, BudgetLineKey, BudgetRow, BudgetSheet, BudgetTable, IndicatorRow, Model, Partner, Target } from '../model/types';
import { BUDGET_LINE_KEYS } from '../model/types';
import { normalizeLabel } from '../util/labels';
import { partnerOfSheet, partnersNamed } from '../checks/lib/partners';

/** One period cell of a budget line. */
export interface PeriodAmount {
  period: number;
  amount: Amount;
}

export interface PartnerSources {
  partner: Partner;
  /** The partner's number; its position (1-based) in the Partners table where the number is unreadable. */
  no: number;
  name: string;
  country: string;
  /** The first budget sheet that belongs to the partner (P03 reports any other). */
  sheet: BudgetSheet | null;
  /** Period cells of each budget line, plan and reported; a line absent from the sheet has none. */
  plan: Record<BudgetLineKey, PeriodAmount[]>;
  reported: Record<BudgetLineKey, PeriodAmount[]>;
}

export function partnerSources(model: Model): PartnerSources[] {
  const partners = model.project?.partners ?? [];
  return partners.map((partner, i) => {
    const sheet = budgetSheetOf(model, partner);
    return {
      partner,
      no: partner.no.value ?? i + 1,
      name: partner.name.value ?? '',
      country: partner.country.value ?? '',
      sheet,
      plan: lineCells(sheet?.plan ?? null),
      reported: lineCells(sheet?.reported ?? null),
    };
  });
}

/** A budget sheet belongs to a partner as the checks see it (P03): by its Partner No, else its Partner field. */
export function budgetSheetOf(model: Model, partner: Partner): BudgetSheet | null {
  return model.budgets.find((b) => partnerOfSheet(model, b) === partner) ?? null;
}

/** A partner named in a cell ('3', 'PP3', a name or a short form of it), when it names exactly this partner. */
export function partnerMatchesText(model: Model, partner: Partner, text: string): boolean {
  const found = partnersNamed(model, String(text));
  return found.length === 1 && found[0] === partner;
}

function lineCells(table: BudgetTable | null): Record<BudgetLineKey, PeriodAmount[]> {
  const out = {} as Record<BudgetLineKey, PeriodAmount[]>;
  for (const key of BUDGET_LINE_KEYS) {
    const row = table ? firstRow(table, key) : null;
    out[key] = row && table ? row.amounts.map((amount, i) => ({ period: table.periods[i]?.number ?? i + 1, amount })).filter((c) => c.amount !== undefined) : [];
  }
  return out;
}

/** The first row of a line: a second one is T03's finding, not a second amount. */
function firstRow(table: BudgetTable, key: BudgetLineKey): BudgetRow | null {
  return table.rows.find((r) => r.line === key && !r.isTotal) ?? null;
}

/** The indicator rows of one partner and one target (several indicator sheets may each hold one). */
export function indicatorRowsOf(model: Model, target: Target, partner: Partner): IndicatorRow[] {
  return model.indicators.filter((row) => indicatorMatches(target, row.indicator.value) && row.partner.value !== null && partnerMatchesText(model, partner, row.partner.value));
}

export function indicatorMatches(target: Target, text: string | null): boolean {
  const n = normalizeLabel(text);
  return n !== '' && (n === normalizeLabel(target.code) || n === normalizeLabel(target.name));
}
