/**
 * The consolidated figures in integer cents: a partner's figure is the sum of its period cells as read (a missing
 * cell counts as 0: T01/T02 say what is wrong), ERDF = planned total × rate rounded down, contribution = the rest.
 */
import type { BudgetLineKey, Model } from '../model/types';
import { BUDGET_LINE_KEYS } from '../model/types';
import type { Profile } from '../profile/types';
import { applyRateDown, type Cents } from '../util/money';
import type { Figures, IndicatorFigures, LineAmounts, PartnerFigures, PeriodFigures } from './types';
import { partnerSources, type PartnerSources, type PeriodAmount } from './sources';
import { rulesInForce } from '../rules/in-force';

export function computeFigures(model: Model, _profile: Profile): Figures {
  const sources = partnerSources(model);
  const lines = rulesInForce(model).rules.budgetLines;
  const partners = sources.map((s) => partnerFigures(s, lines));
  const totals = {
    budget: addLines(partners.map((p) => p.budget), lines),
    reported: addLines(partners.map((p) => p.reported), lines),
    erdf: sum(partners.map((p) => p.erdf)),
    contribution: sum(partners.map((p) => p.contribution)),
  };
  const project = model.project;
  return {
    lines,
    project: {
      acronym: project?.acronym.value ?? '',
      totalBudget: project?.totalBudget?.cents ?? null,
      reportDate: project?.reportDate?.value ?? null,
    },
    partners,
    totals,
    periods: periodFigures(model, sources),
    indicators: indicatorFigures(model, sources),
  };
}

function partnerFigures(s: PartnerSources, lines: readonly BudgetLineKey[]): PartnerFigures {
  const budget = lineAmounts(s.plan, lines);
  const reported = lineAmounts(s.reported, lines);
  const rate = s.partner.erdfRateBp.value;
  const erdf = rate === null ? (0 as Cents) : applyRateDown(budget.total, rate);
  return {
    no: s.no,
    name: s.name,
    country: s.country,
    sheet: s.sheet?.sheet ?? null,
    budget,
    reported,
    erdf,
    contribution: (budget.total - erdf) as Cents,
  };
}

/** Cents of one cell: missing (null) counts as 0. */
export function amountCents(c: PeriodAmount): Cents {
  return (c.amount.cents ?? 0) as Cents;
}

/** The lines in force only (a 2014–2020 workbook's figures have no Infrastructure and works). */
function lineAmounts(cells: Record<BudgetLineKey, PeriodAmount[]>, lines: readonly BudgetLineKey[]): LineAmounts {
  const out = { total: 0 } as LineAmounts;
  for (const key of lines) {
    out[key] = sum(cells[key].map(amountCents));
    out.total = (out.total + out[key]) as Cents;
  }
  return out;
}

function addLines(all: LineAmounts[], lines: readonly BudgetLineKey[]): LineAmounts {
  const out = { total: 0 } as LineAmounts;
  for (const key of [...lines, 'total'] as const) out[key] = sum(all.map((l) => l[key]));
  return out;
}

/** The periods of the Periods table, and any further period column a budget sheet has. */
export function periodNumbers(model: Model, sources: PartnerSources[]): number[] {
  const seen = new Set<number>();
  for (const p of model.project?.periods ?? []) if (p.number !== null) seen.add(p.number);
  for (const s of sources) for (const key of BUDGET_LINE_KEYS) for (const c of [...s.plan[key], ...s.reported[key]]) seen.add(c.period);
  return [...seen].sort((a, b) => a - b);
}

function periodFigures(model: Model, sources: PartnerSources[]): PeriodFigures[] {
  const plan = byPeriod(sources, 'plan');
  const reported = byPeriod(sources, 'reported');
  let cumulativeBudget = 0;
  let cumulativeReported = 0;
  return periodNumbers(model, sources).map((period) => {
    const budget = (plan.get(period) ?? 0) as Cents;
    const rep = (reported.get(period) ?? 0) as Cents;
    cumulativeBudget += budget;
    cumulativeReported += rep;
    return { period, budget, reported: rep, cumulativeBudget: cumulativeBudget as Cents, cumulativeReported: cumulativeReported as Cents };
  });
}

/** All partners' lines summed per period, in one pass. */
function byPeriod(sources: PartnerSources[], kind: 'plan' | 'reported'): Map<number, number> {
  const out = new Map<number, number>();
  for (const src of sources) for (const key of BUDGET_LINE_KEYS) for (const c of src[kind][key]) out.set(c.period, (out.get(c.period) ?? 0) + amountCents(c));
  return out;
}

function indicatorFigures(model: Model, sources: PartnerSources[]): IndicatorFigures[] {
  return (model.project?.targets ?? []).map((target) => {
    const byPartner: Record<string, number> = {};
    let achieved = 0;
    for (const s of sources) {
      const value = (s.indicators.get(target) ?? []).reduce((acc, row) => acc + rowSum(row.values), 0);
      byPartner[String(s.no)] = (byPartner[String(s.no)] ?? 0) + value;
      achieved += value;
    }
    return { code: target.code, name: target.name, target: target.target.value, achieved, byPartner };
  });
}

/** An indicator row's achievement: its period cells, a missing one counting as 0. */
export function rowSum(values: { value: number | null }[]): number {
  return values.reduce((acc, v) => acc + (v.value ?? 0), 0);
}

function sum(xs: Cents[]): Cents {
  let s = 0;
  for (const x of xs) s += x;
  return s as Cents;
}
