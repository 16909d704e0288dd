/**
 * Which cells each figure comes from: the partner's budget sheet and rows, the indicator rows of a partner and
 * indicator. computeFigures sums them; the report plan turns the same cells into live formulas, so both agree.
 */
import type { Amount, BudgetLineKey, BudgetSheet, BudgetTable, IndicatorRow, Model, Partner, Target } from '../model/types';
import { BUDGET_LINE_KEYS } from '../model/types';
import { countedRows, indicatorRowCounts } from '../model/totals';

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
  /** The first budget sheet that belongs to the partner (model/names.ts; P03 reports any other). */
  sheet: BudgetSheet | null;
  /** Period cells of each budget line, plan and reported; a line absent from the sheet has none. */
  plan: Record<BudgetLineKey, PeriodAmount[]>;
  reported: Record<BudgetLineKey, PeriodAmount[]>;
  /** The partner's indicator rows by target (several indicator sheets may each hold one). */
  indicators: Map<Target, IndicatorRow[]>;
}

export function partnerSources(model: Model): PartnerSources[] {
  const partners = model.project?.partners ?? [];
  const rowsOf = indicatorRowsByPartner(model);
  return partners.map((partner, i) => {
    const sheet = model.names.sheetOf.get(partner) ?? null;
    return {
      partner,
      no: partner.no.value ?? i + 1,
      name: partner.name.value ?? '',
      country: partner.country.value ?? '',
      sheet,
      plan: lineCells(sheet?.plan ?? null),
      reported: lineCells(sheet?.reported ?? null),
      indicators: rowsOf.get(partner) ?? new Map(),
    };
  });
}

/** The indicator rows that count (model/totals.ts), by their partner and target, in one pass. */
function indicatorRowsByPartner(model: Model): Map<Partner, Map<Target, IndicatorRow[]>> {
  const out = new Map<Partner, Map<Target, IndicatorRow[]>>();
  for (let i = 0; i < model.indicators.length; i++) {
    const row = model.indicators[i];
    if (!indicatorRowCounts(model, row)) continue;
    const names = model.names.rows.get(row)!;
    const partner = names.partner.found!;
    const target = names.target.found!;
    let byTarget = out.get(partner);
    if (!byTarget) out.set(partner, (byTarget = new Map()));
    const list = byTarget.get(target);
    if (list) list.push(row);
    else byTarget.set(target, [row]);
  }
  return out;
}

/** The period cells of each line's counted row (model/totals.ts: a line absent or not in force has none). */
function lineCells(table: BudgetTable | null): Record<BudgetLineKey, PeriodAmount[]> {
  const out = {} as Record<BudgetLineKey, PeriodAmount[]>;
  const rows = countedRows(table);
  for (const key of BUDGET_LINE_KEYS) {
    const row = rows[key];
    out[key] = row && table ? row.amounts.map((amount, i) => ({ period: table.periods[i]?.number ?? i + 1, amount })) : [];
  }
  return out;
}
