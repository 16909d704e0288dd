/**
 * What a progress report adds to the consolidated figures: the period the report date falls in (the current
 * period), what was reported before it, and the funding (ERDF, contribution) of what was reported, each partner's
 * share rounded down to the cent as B05 does. Computed from the same source cells as the figures.
 */
import type { BudgetLineKey, Model, Period } from '../model/types';
import { BUDGET_LINE_KEYS } from '../model/types';
import type { CalendarDate } from '../util/dates';
import { applyRateDown, type Cents } from '../util/money';
import type { PartnerSources, PeriodAmount } from './sources';
import type { Figures, LineAmounts, PeriodFigures } from './types';
import { periodFiguresOver } from './periods';

export interface CurrentPeriod {
  number: number;
  label: string;
  start: CalendarDate | null;
  end: CalendarDate | null;
}

/**
 * The period the report date falls in; a report date after the last period's end is in the last period. Null
 * when there is no report date, or it comes before every period.
 */
export function currentPeriod(model: Model): CurrentPeriod | null {
  const date = model.project?.reportDate?.value ?? null;
  if (!date) return null;
  const periods = (model.project?.periods ?? []).filter((p): p is Period & { number: number } => p.number !== null);
  const started = periods.filter((p) => p.start.value !== null && p.start.value <= date);
  const within = started.find((p) => p.end.value !== null && date <= p.end.value);
  const chosen = within ?? started.sort((a, b) => a.number - b.number)[started.length - 1];
  if (!chosen) return null;
  return { number: chosen.number, label: chosen.label || `P${chosen.number}`, start: chosen.start.value, end: chosen.end.value };
}

/** A period's state against the report date: reported already, the current one, or not yet due. */
export function periodStatus(period: number, current: CurrentPeriod | null): 'past' | 'current' | 'notDue' {
  if (!current) return 'past';
  return period < current.number ? 'past' : period === current.number ? 'current' : 'notDue';
}

/** Cells of each line reported in periods before the current one (none without a current period). */
export function previousCells(s: PartnerSources, current: CurrentPeriod | null): Record<BudgetLineKey, PeriodAmount[]> {
  const out = {} as Record<BudgetLineKey, PeriodAmount[]>;
  for (const key of BUDGET_LINE_KEYS) out[key] = current ? s.reported[key].filter((c) => c.period < current.number) : [];
  return out;
}

export interface ReportingFigures {
  current: CurrentPeriod | null;
  /** By partner (in the figures' order): reported before the current period, by line. */
  previous: LineAmounts[];
  previousTotals: LineAmounts;
  /** Reported to date minus previously reported: what this report adds (the columns add up, as in Jems). */
  thisPeriod: LineAmounts;
  /** ERDF on each partner's reported total (its rate, rounded down), and the contribution (the rest). */
  erdfReported: Cents[];
  contributionReported: Cents[];
  erdfReportedTotal: Cents;
  contributionReportedTotal: Cents;
  /** The partners' approved budgets (Partners table), null where one cannot be read. */
  approved: (Cents | null)[];
  approvedTotal: Cents;
  /** By partner (in the figures' order): its own planned and reported per period, over the figures' periods. */
  partnerPeriods: PeriodFigures[][];
}

export function reportingFigures(model: Model, figures: Figures, sources: PartnerSources[]): ReportingFigures {
  const current = currentPeriod(model);
  const previous = sources.map((s) => lines(previousCells(s, current)));
  const previousTotals = addAll(previous);
  const thisPeriod = {} as LineAmounts;
  for (const key of [...figures.lines, 'total'] as const) thisPeriod[key] = (figures.totals.reported[key] - previousTotals[key]) as Cents;
  const erdfReported = sources.map((s, i) => {
    const rate = s.partner.erdfRateBp.value;
    return rate === null ? (0 as Cents) : applyRateDown(figures.partners[i].reported.total, rate);
  });
  const contributionReported = erdfReported.map((e, i) => (figures.partners[i].reported.total - e) as Cents);
  const approved = sources.map((s) => s.partner.approvedBudget.cents);
  const periodList = figures.periods.map((p) => p.period);
  return {
    current,
    previous,
    previousTotals,
    thisPeriod,
    erdfReported,
    contributionReported,
    erdfReportedTotal: sum(erdfReported),
    contributionReportedTotal: sum(contributionReported),
    approved,
    approvedTotal: sum(approved.map((a) => a ?? (0 as Cents))),
    partnerPeriods: sources.map((s) => periodFiguresOver(periodList, [s])),
  };
}

function lines(cells: Record<BudgetLineKey, PeriodAmount[]>): LineAmounts {
  const out = { total: 0 } as LineAmounts;
  for (const key of BUDGET_LINE_KEYS) {
    out[key] = sum(cells[key].map((c) => (c.amount.cents ?? 0) as Cents));
    out.total = (out.total + out[key]) as Cents;
  }
  return out;
}

function addAll(all: LineAmounts[]): LineAmounts {
  const out = { total: 0 } as LineAmounts;
  for (const key of [...BUDGET_LINE_KEYS, 'total'] as const) out[key] = sum(all.map((l) => l[key]));
  return out;
}

function sum(xs: Cents[]): Cents {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s as Cents;
}
