/**
 * Planned and reported expenditure per period, and cumulative: of all partners (the figures' periods) and of each
 * partner alone (the Spending plan's per-partner table), one definition for both: a partner's period figure is the
 * sum of its line cells in that period as read, a missing cell counting as 0.
 */
import type { Model } from '../model/types';
import { BUDGET_LINE_KEYS } from '../model/types';
import type { Cents } from '../util/money';
import type { PartnerSources } from './sources';
import type { PeriodFigures } from './types';

/** The periods of the Periods table, and any further period column a budget sheet has. */
export function periodNumbers(model: Model, sources: PartnerSources[]): number[] {
  const seen = new Set<number>();
  for (const p of model.project?.periods ?? []) if (p.number !== null) seen.add(p.number);
  // Indexed loops over every period cell: this runs once, unoptimized, where for…of makes an object per step.
  for (let i = 0; i < sources.length; i++) {
    const s = sources[i];
    for (const key of BUDGET_LINE_KEYS) {
      const plan = s.plan[key];
      for (let j = 0; j < plan.length; j++) seen.add(plan[j].period);
      const reported = s.reported[key];
      for (let j = 0; j < reported.length; j++) seen.add(reported[j].period);
    }
  }
  return [...seen].sort((a, b) => a - b);
}

/** All partners' figures over the workbook's periods. */
export function periodFigures(model: Model, sources: PartnerSources[]): PeriodFigures[] {
  return periodFiguresOver(periodNumbers(model, sources), sources);
}

/** The figures of `sources` (all partners, or one) for each of `periods`, in that order. */
export function periodFiguresOver(periods: readonly number[], sources: readonly PartnerSources[]): PeriodFigures[] {
  const plan = byPeriod(sources, 'plan');
  const reported = byPeriod(sources, 'reported');
  let cumulativeBudget = 0;
  let cumulativeReported = 0;
  return periods.map((period) => {
    const budget = (plan[period] ?? 0) as Cents;
    const rep = (reported[period] ?? 0) as Cents;
    cumulativeBudget += budget;
    cumulativeReported += rep;
    return { period, budget, reported: rep, cumulativeBudget: cumulativeBudget as Cents, cumulativeReported: cumulativeReported as Cents };
  });
}

/** The lines of `sources` summed per period, in one pass: by period number (a header's P1…P999), holes where none. */
function byPeriod(sources: readonly PartnerSources[], kind: 'plan' | 'reported'): number[] {
  const out: number[] = [];
  for (const src of sources)
    for (const key of BUDGET_LINE_KEYS) {
      const cells = src[kind][key];
      for (let i = 0; i < cells.length; i++) {
        const c = cells[i];
        out[c.period] = (out[c.period] ?? 0) + (c.amount.cents ?? 0);
      }
    }
  return out;
}
