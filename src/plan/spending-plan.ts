/** Report Spending plan: per period, planned and reported expenditure of all partners, and cumulative. */
import { BUDGET_LINE_KEYS } from '../model/types';
import type { Model } from '../model/types';
import type { Figures, PeriodFigures } from '../figures/types';
import type { PartnerSources } from '../figures/sources';
import { a1 } from '../util/a1';
import { toSerial } from '../util/dates';
import { toEuroNumber, type Cents } from '../util/money';
import { liveSum, partnerTerms, type PartnerTerms, type Term } from './formula';
import { TabBuilder, UNITS_EUR, type FrameInfo } from './frame';
import { DATE_FORMAT, EUR_FORMAT, PERCENT_FORMAT } from './formats';
import { periodStatus, type ReportingFigures } from '../figures/reporting';

const C = { planned: 5, reported: 6, cumPlanned: 7, cumReported: 8, variance: 9, percent: 10 } as const;
import type { FigureNotes } from './notes';
import type { PlannedTab } from './types';

export function spendingPlanTab(model: Model, figures: Figures, rep: ReportingFigures, sources: PartnerSources[], info: FrameInfo, notes: FigureNotes, terms: readonly PartnerTerms[] = sources.map(partnerTerms)): PlannedTab {
  const t = new TabBuilder('Report Spending plan', [8, 8, 15, 11, 11, 15, 15, 17, 17, 18, 11]);
  const header = t.frame('Spending plan by period', info, [UNITS_EUR]);
  t.headerRow(header, ['Period', 'Phase', 'Status', 'Start', 'End', 'Planned', 'Reported', 'Cumulative planned', 'Cumulative reported', 'Variance to date', '% of plan to date']);
  const first = header + 1;
  const ctx: RowsContext = { t, rep, notes, periods: periodInfo(model) };
  // All partners' cells of each period (partner after partner), found in one pass; then each partner's, found when
  // its block is written rather than kept by period for the whole tab.
  const all = periodRows(ctx, first, figures.periods, termsOfPeriods(sources, terms), 'all partners');
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
      const block = periodRows(ctx, next + 1, rep.partnerPeriods[i], termsOfPeriods([s], [terms[i]]), `partner ${s.no}`);
      next = block.total + 2;
    });
  }
  return tab;
}

/** Rows of the chart below the all-partners table. */
const CHART_ROWS = 20;

interface RowsContext {
  t: TabBuilder;
  rep: ReportingFigures;
  notes: FigureNotes;
  /** What the Periods table says of each period number (its first row with that number). */
  periods: Map<number, PeriodInfo>;
}

interface PeriodInfo {
  label: string;
  phase: string;
  /** Excel serials of the start and end, null when not given. */
  start: number | null;
  end: number | null;
}

function periodInfo(model: Model): Map<number, PeriodInfo> {
  const out = new Map<number, PeriodInfo>();
  const phases = model.project?.phases ?? [];
  for (const period of model.project?.periods ?? []) {
    if (period.number === null || out.has(period.number)) continue;
    out.set(period.number, {
      label: period.label,
      phase: phases.find((ph) => ph.key === period.phaseKey)?.label ?? period.phaseKey,
      start: period.start.value ? toSerial(period.start.value) : null,
      end: period.end.value ? toSerial(period.end.value) : null,
    });
  }
  return out;
}

/**
 * One row per period from `first` (period, phase, status, dates, planned and reported as live sums of `terms`,
 * cumulative, variance, %), then a Total row. Returns the Total row and the last row with a cumulative reported.
 */
function periodRows({ t, rep, notes, periods: info }: RowsContext, first: number, periods: PeriodFigures[], termsOf: (kind: 'plan' | 'reported', period: number) => Term[], whoseText: string): { total: number; lastReportedRow: number } {
  let lastReportedRow = first - 1;
  for (let i = 0; i < periods.length; i++) {
    const p = periods[i];
    const row = first + i;
    const rowCells = t.cells.length;
    const status = periodStatus(p.period, rep.current);
    const highlight = status === 'past' ? undefined : status === 'current' ? 'current' : 'notDue';
    t.rowHighlight = highlight;
    const period = info.get(p.period);
    t.text(row, 0, period?.label || `P${p.period}`);
    if (period) {
      t.text(row, 1, period.phase);
      if (period.start !== null) t.put(row, 3, { kind: 'number', value: period.start }, 'body', DATE_FORMAT);
      if (period.end !== null) t.put(row, 4, { kind: 'number', value: period.end }, 'body', DATE_FORMAT);
    }
    // Status between the phase and the dates: its text never runs into a right-aligned date.
    t.text(row, 2, status === 'past' ? 'reported' : status === 'current' ? 'current period' : 'not yet due');
    periodFigure(t, notes, row, C.planned, termsOf('plan', p.period), p.budget, p.period, 'planned', whoseText);
    periodFigure(t, notes, row, C.reported, termsOf('reported', p.period), p.reported, p.period, 'reported', whoseText);
    cumulative(t, row, i, C.cumPlanned, C.planned, p.cumulativeBudget);
    if (status === 'notDue') {
      // Not yet due: nothing is expected, so no cumulative, variance or % that would read as "nothing spent".
      for (const col of [C.cumReported, C.variance, C.percent]) t.text(row, col, '');
    } else {
      cumulative(t, row, i, C.cumReported, C.reported, p.cumulativeReported);
      lastReportedRow = row;
      const cr = a1(row, C.cumReported);
      const cp = a1(row, C.cumPlanned);
      t.put(row, C.variance, { kind: 'formula', formula: `=${cr}-${cp}`, result: toEuroNumber((p.cumulativeReported - p.cumulativeBudget) as Cents) }, 'body', EUR_FORMAT);
      t.put(row, C.percent, { kind: 'formula', formula: `=IF(${cp}=0,"",${cr}/${cp})`, result: p.cumulativeBudget === 0 ? '' : p.cumulativeReported / p.cumulativeBudget }, 'body', PERCENT_FORMAT);
    }
    t.rowHighlight = undefined;
    // The row's fill over any other its cells took meanwhile (a figure's notLive).
    if (highlight !== undefined) for (let c = rowCells; c < t.cells.length; c++) t.cells[c].highlight = highlight;
  }
  const total = first + periods.length;
  t.text(total, 0, 'Total', 'total');
  const last = periods[periods.length - 1];
  for (const [col, value] of [[C.planned, last?.cumulativeBudget ?? 0], [C.reported, last?.cumulativeReported ?? 0]] as const) {
    t.put(total, col, periods.length ? { kind: 'formula', formula: `=SUM(${a1(first, col)}:${a1(total - 1, col)})`, result: toEuroNumber(value as Cents) } : { kind: 'number', value: 0 }, 'total', EUR_FORMAT);
  }
  return { total, lastReportedRow };
}

/** A period's planned or reported figure as a live sum of its cells; its words for a note only when it has one. */
function periodFigure(t: TabBuilder, notes: FigureNotes, row: number, col: number, terms: Term[], value: Cents, period: number, kind: 'planned' | 'reported', whose: string): void {
  const live = liveSum(terms, toEuroNumber(value));
  notes.place(t, row, col, live, live.notes.length > 0 ? `P${period}, ${kind}, ${whose}` : '', EUR_FORMAT);
}

/** A cumulative column: the period's own figure (column `from`) plus the row above's cumulative. */
function cumulative(t: TabBuilder, row: number, i: number, col: number, from: number, value: Cents): void {
  const formula = i === 0 ? `=${a1(row, from)}` : `=${a1(row - 1, col)}+${a1(row, from)}`;
  t.put(row, col, { kind: 'formula', formula, result: toEuroNumber(value) }, 'body', EUR_FORMAT);
}

/** The partners' planned and reported cells of a period (termsByPeriod), each kind grouped once. */
function termsOfPeriods(sources: readonly PartnerSources[], terms: readonly PartnerTerms[]): (kind: 'plan' | 'reported', period: number) => Term[] {
  const byPeriod = { plan: termsByPeriod(sources, terms, 'plan'), reported: termsByPeriod(sources, terms, 'reported') };
  return (kind, period) => byPeriod[kind].get(period) ?? [];
}

/** Every partner's cells by period: partner after partner, each in line order, then cell order. */
function termsByPeriod(sources: readonly PartnerSources[], terms: readonly PartnerTerms[], kind: 'plan' | 'reported'): Map<number, Term[]> {
  const out = new Map<number, Term[]>();
  for (let i = 0; i < sources.length; i++) {
    const lines = sources[i][kind];
    const ts = terms[i][kind];
    for (let k = 0; k < BUDGET_LINE_KEYS.length; k++) {
      const key = BUDGET_LINE_KEYS[k];
      const cells = lines[key];
      for (let j = 0; j < cells.length; j++) {
        const list = out.get(cells[j].period);
        if (list) list.push(ts[key][j]);
        else out.set(cells[j].period, [ts[key][j]]);
      }
    }
  }
  return out;
}
