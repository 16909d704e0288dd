/** Report Spending plan: per period, planned and reported expenditure of all partners, and cumulative. */
import { BUDGET_LINE_KEYS } from '../model/types';
import type { Model } from '../model/types';
import type { Figures, PeriodFigures } from '../figures/types';
import type { PartnerSources } from '../figures/sources';
import { a1 } from '../util/a1';
import { toSerial } from '../util/dates';
import { toEuroNumber, type Cents } from '../util/money';
import { amountTerm, liveSum, type Term } from './formula';
import { TabBuilder, UNITS_EUR, type FrameInfo } from './frame';
import { DATE_FORMAT, EUR_FORMAT, PERCENT_FORMAT } from './formats';
import { periodStatus, type ReportingFigures } from '../figures/reporting';

const C = { planned: 5, reported: 6, cumPlanned: 7, cumReported: 8, variance: 9, percent: 10 } as const;
import type { FigureNotes } from './notes';
import type { PlannedTab } from './types';

export function spendingPlanTab(model: Model, figures: Figures, rep: ReportingFigures, sources: PartnerSources[], info: FrameInfo, notes: FigureNotes): PlannedTab {
  const t = new TabBuilder('Report Spending plan', [8, 8, 15, 11, 11, 15, 15, 17, 17, 18, 11]);
  const header = t.frame('Spending plan by period', info, [UNITS_EUR]);
  t.headerRow(header, ['Period', 'Phase', 'Status', 'Start', 'End', 'Planned', 'Reported', 'Cumulative planned', 'Cumulative reported', 'Variance to date', '% of plan to date']);
  const first = header + 1;
  const ctx: RowsContext = { t, model, rep, notes };
  const all = periodRows(ctx, first, figures.periods, { plan: termsByPeriod(sources, 'plan'), reported: termsByPeriod(sources, 'reported') }, 'all partners');
  const tab = t.build({ first: header, last: header }, 1);
  if (figures.periods.length > 0) {
    const top = all.total + 2;
    tab.charts = [
      {
        kind: 'line',
        title: 'Cumulative planned and reported expenditure (EUR)',
        categories: `${a1(first, 0)}:${a1(all.total - 1, 0)}`,
        series: [
          { name: 'Cumulative planned', values: `${a1(first, C.cumPlanned)}:${a1(all.total - 1, C.cumPlanned)}` },
          ...(all.lastReportedRow >= first ? [{ name: 'Cumulative reported', values: `${a1(first, C.cumReported)}:${a1(all.lastReportedRow, C.cumReported)}` }] : []),
        ],
        from: { row: top, col: 0 },
        to: { row: top + CHART_ROWS, col: 10 },
      },
    ];
    let next = top + CHART_ROWS + 2;
    // Then the same per partner by period (interfaces.md): one block per partner under the same columns, so the
    // repeated header of a printed page fits it too.
    t.band(next, 0, C.percent, 'By partner and period');
    tab.print.breaksBefore = [next];
    next += 1;
    sources.forEach((s, i) => {
      t.band(next, 0, C.percent, `${s.no} ${s.name}${s.country ? ` (${s.country})` : ''}`);
      const block = periodRows(ctx, next + 1, rep.partnerPeriods[i], { plan: termsByPeriod([s], 'plan'), reported: termsByPeriod([s], 'reported') }, `partner ${s.no}`);
      next = block.total + 2;
    });
  }
  return tab;
}

/** Rows of the chart below the all-partners table. */
const CHART_ROWS = 20;

interface RowsContext {
  t: TabBuilder;
  model: Model;
  rep: ReportingFigures;
  notes: FigureNotes;
}

/**
 * One row per period from `first` (period, phase, status, dates, planned and reported as live sums of `terms`,
 * cumulative, variance, %), then a Total row. Returns the Total row and the last row with a cumulative reported.
 */
function periodRows({ t, model, rep, notes }: RowsContext, first: number, periods: PeriodFigures[], terms: Record<'plan' | 'reported', Map<number, Term[]>>, whose: string): { total: number; lastReportedRow: number } {
  const phases = model.project?.phases ?? [];
  let lastReportedRow = first - 1;
  periods.forEach((p, i) => {
    const row = first + i;
    const rowCells = t.cells.length;
    const status = periodStatus(p.period, rep.current);
    const period = model.project?.periods.find((x) => x.number === p.period) ?? null;
    t.text(row, 0, period?.label || `P${p.period}`);
    if (period) t.text(row, 1, phases.find((ph) => ph.key === period.phaseKey)?.label ?? period.phaseKey);
    if (period?.start.value) t.put(row, 3, { kind: 'number', value: toSerial(period.start.value) }, 'body', DATE_FORMAT);
    if (period?.end.value) t.put(row, 4, { kind: 'number', value: toSerial(period.end.value) }, 'body', DATE_FORMAT);
    // Status between the phase and the dates: its text never runs into a right-aligned date.
    t.text(row, 2, status === 'past' ? 'reported' : status === 'current' ? 'current period' : 'not yet due');
    for (const [col, kind, value] of [[C.planned, 'plan', p.budget], [C.reported, 'reported', p.reported]] as const) {
      notes.place(t, row, col, liveSum(terms[kind].get(p.period) ?? [], toEuroNumber(value)), `P${p.period}, ${kind === 'plan' ? 'planned' : 'reported'}, ${whose}`, EUR_FORMAT);
    }
    const cumulative = (col: number, from: number, value: Cents) => {
      const formula = i === 0 ? `=${a1(row, from)}` : `=${a1(row - 1, col)}+${a1(row, from)}`;
      t.put(row, col, { kind: 'formula', formula, result: toEuroNumber(value) }, 'body', EUR_FORMAT);
    };
    cumulative(C.cumPlanned, C.planned, p.cumulativeBudget);
    if (status === 'notDue') {
      // Not yet due: nothing is expected, so no cumulative, variance or % that would read as "nothing spent".
      for (const col of [C.cumReported, C.variance, C.percent]) t.text(row, col, '');
    } else {
      cumulative(C.cumReported, C.reported, p.cumulativeReported);
      lastReportedRow = row;
      t.put(row, C.variance, { kind: 'formula', formula: `=${a1(row, C.cumReported)}-${a1(row, C.cumPlanned)}`, result: toEuroNumber((p.cumulativeReported - p.cumulativeBudget) as Cents) }, 'body', EUR_FORMAT);
      const cp = a1(row, C.cumPlanned);
      t.put(row, C.percent, { kind: 'formula', formula: `=IF(${cp}=0,"",${a1(row, C.cumReported)}/${cp})`, result: p.cumulativeBudget === 0 ? '' : p.cumulativeReported / p.cumulativeBudget }, 'body', PERCENT_FORMAT);
    }
    if (status !== 'past') for (const c of t.cells.slice(rowCells)) c.highlight = status === 'current' ? 'current' : 'notDue';
  });
  const total = first + periods.length;
  t.text(total, 0, 'Total', 'total');
  const last = periods[periods.length - 1];
  for (const [col, value] of [[C.planned, last?.cumulativeBudget ?? 0], [C.reported, last?.cumulativeReported ?? 0]] as const) {
    t.put(total, col, periods.length ? { kind: 'formula', formula: `=SUM(${a1(first, col)}:${a1(total - 1, col)})`, result: toEuroNumber(value as Cents) } : { kind: 'number', value: 0 }, 'total', EUR_FORMAT);
  }
  return { total, lastReportedRow };
}

/** Every partner's line cells grouped by period, in one pass. */
function termsByPeriod(sources: readonly PartnerSources[], kind: 'plan' | 'reported'): Map<number, Term[]> {
  const out = new Map<number, Term[]>();
  for (const s of sources)
    for (const k of BUDGET_LINE_KEYS)
      for (const c of s[kind][k]) {
        const list = out.get(c.period);
        if (list) list.push(amountTerm(c.amount));
        else out.set(c.period, [amountTerm(c.amount)]);
      }
  return out;
}
