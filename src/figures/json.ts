/** The figures as the JSON of interfaces.md: EUR numbers with at most two decimals, summed in integer cents. */
import { BUDGET_LINE_KEYS } from '../model/types';
import { toEuroNumber } from '../util/money';
import type { Figures, LineAmounts } from './types';

/** Every line in force, and total (Infrastructure and works only where the rules allow it). */
export type LineJson = Partial<Record<(typeof BUDGET_LINE_KEYS)[number], number>> & { total: number };

export interface FiguresJson {
  project: { acronym: string; totalBudget: number | null };
  partners: { no: number; name: string; country: string; budget: LineJson; reported: LineJson; erdf: number; contribution: number }[];
  totals: { budget: LineJson; reported: LineJson; erdf: number; contribution: number };
  periods: { period: number; budget: number; reported: number; cumulativeBudget: number; cumulativeReported: number }[];
  indicators: { code: string; name: string; target: number | null; achieved: number; byPartner: Record<string, number> }[];
}

export function toFiguresJson(f: Figures): FiguresJson {
  return {
    project: { acronym: f.project.acronym, totalBudget: f.project.totalBudget === null ? null : toEuroNumber(f.project.totalBudget) },
    partners: f.partners.map((p) => ({
      no: p.no,
      name: p.name,
      country: p.country,
      budget: lines(p.budget, f.lines),
      reported: lines(p.reported, f.lines),
      erdf: toEuroNumber(p.erdf),
      contribution: toEuroNumber(p.contribution),
    })),
    totals: { budget: lines(f.totals.budget, f.lines), reported: lines(f.totals.reported, f.lines), erdf: toEuroNumber(f.totals.erdf), contribution: toEuroNumber(f.totals.contribution) },
    periods: f.periods.map((p) => ({
      period: p.period,
      budget: toEuroNumber(p.budget),
      reported: toEuroNumber(p.reported),
      cumulativeBudget: toEuroNumber(p.cumulativeBudget),
      cumulativeReported: toEuroNumber(p.cumulativeReported),
    })),
    indicators: f.indicators.map((i) => ({ code: i.code, name: i.name, target: i.target, achieved: i.achieved, byPartner: { ...i.byPartner } })),
  };
}

function lines(l: LineAmounts, inForce: Figures['lines']): LineJson {
  const out = {} as LineJson;
  for (const key of BUDGET_LINE_KEYS) if (inForce.includes(key)) out[key] = toEuroNumber(l[key]);
  out.total = toEuroNumber(l.total);
  return out;
}
