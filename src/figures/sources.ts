/**
 * Which cells each figure comes from: the partner's budget sheet and rows, the indicator rows of a partner and
 * indicator. computeFigures sums them; the report plan turns the same cells into live formulas, so both agree.
 */
import type { Amount, BudgetLineKey, BudgetRow, BudgetSheet, BudgetTable, IndicatorRow, Model, Partner, Target } from '../model/types';
import { BUDGET_LINE_KEYS } from '../model/types';
import { normalizeLabel } from '../util/labels';
import { partnerOfSheet, partnersNamed } from '../checks/lib/partners';
import { rulesInForce } from '../rules/in-force';

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
  /** The partner's indicator rows by target (several indicator sheets may each hold one). */
  indicators: Map<Target, IndicatorRow[]>;
}

export function partnerSources(model: Model): PartnerSources[] {
  const partners = model.project?.partners ?? [];
  // Each budget sheet and indicator row is matched once: O(rows × partners), not per partner again.
  const sheetOf = new Map<Partner, BudgetSheet>();
  for (const b of model.budgets) {
    const p = partnerOfSheet(model, b);
    if (p && !sheetOf.has(p)) sheetOf.set(p, b);
  }
  const rowsOf = indicatorRowsByPartner(model);
  const lines = rulesInForce(model).rules.budgetLines;
  return partners.map((partner, i) => {
    const sheet = sheetOf.get(partner) ?? null;
    return {
      partner,
      no: partner.no.value ?? i + 1,
      name: partner.name.value ?? '',
      country: partner.country.value ?? '',
      sheet,
      plan: lineCells(sheet?.plan ?? null, lines),
      reported: lineCells(sheet?.reported ?? null, lines),
      indicators: rowsOf.get(partner) ?? new Map(),
    };
  });
}

/** Indicator rows by the one partner and the target they name; rows naming none (I01) are left out. */
function indicatorRowsByPartner(model: Model): Map<Partner, Map<Target, IndicatorRow[]>> {
  const out = new Map<Partner, Map<Target, IndicatorRow[]>>();
  const targets = model.project?.targets ?? [];
  const named = new Map<string, Partner | null>();
  const keys = targets.map((t) => ({ code: normalizeLabel(t.code), name: normalizeLabel(t.name) }));
  for (const row of model.indicators) {
    const text = row.partner.value;
    if (text === null) continue;
    if (!named.has(text)) {
      const found = partnersNamed(model, String(text));
      named.set(text, found.length === 1 ? found[0] : null);
    }
    const partner = named.get(text);
    const n = normalizeLabel(row.indicator.value);
    const target = n === '' ? undefined : targets[keys.findIndex((k) => k.code === n || k.name === n)];
    if (!partner || !target) continue;
    const byTarget = out.get(partner) ?? new Map<Target, IndicatorRow[]>();
    byTarget.set(target, [...(byTarget.get(target) ?? []), row]);
    out.set(partner, byTarget);
  }
  return out;
}

/** A line the rules do not allow (B02 says so) has no cells here: the figures count only the lines in force. */
function lineCells(table: BudgetTable | null, lines: readonly BudgetLineKey[]): Record<BudgetLineKey, PeriodAmount[]> {
  const out = {} as Record<BudgetLineKey, PeriodAmount[]>;
  for (const key of BUDGET_LINE_KEYS) {
    const row = table && lines.includes(key) ? firstRow(table, key) : null;
    out[key] = row && table ? row.amounts.map((amount, i) => ({ period: table.periods[i]?.number ?? i + 1, amount })).filter((c) => c.amount !== undefined) : [];
  }
  return out;
}

/** The first row of a line: a second one is T03's finding, not a second amount. */
function firstRow(table: BudgetTable, key: BudgetLineKey): BudgetRow | null {
  return table.rows.find((r) => r.line === key && !r.isTotal) ?? null;
}

export function indicatorMatches(target: Target, text: string | null): boolean {
  const n = normalizeLabel(text);
  return n !== '' && (n === normalizeLabel(target.code) || n === normalizeLabel(target.name));
}
