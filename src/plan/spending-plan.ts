/** Report Spending plan: per period, planned and reported expenditure of all partners, and cumulative. */
import { BUDGET_LINE_KEYS } from '../model/types';
import type { Model } from '../model/types';
import type { Figures } from '../figures/types';
import type { PartnerSources } from '../figures/sources';
import { a1 } from '../util/a1';
import { toSerial } from '../util/dates';
import { toEuroNumber, type Cents } from '../util/money';
import { amountTerm, liveSum, type Term } from './formula';
import { TabBuilder, UNITS_EUR, type FrameInfo } from './frame';
import { DATE_FORMAT, EUR_FORMAT } from './formats';
import type { FigureNotes } from './notes';
import type { PlannedTab } from './types';

export function spendingPlanTab(model: Model, figures: Figures, sources: PartnerSources[], info: FrameInfo, notes: FigureNotes): PlannedTab {
  const t = new TabBuilder('Report Spending plan', [9, 9, 12, 12, 18, 18, 20, 20]);
  const header = t.frame('Spending plan by period', info, [UNITS_EUR]);
  t.headerRow(header, ['Period', 'Phase', 'Start', 'End', 'Planned', 'Reported', 'Cumulative planned', 'Cumulative reported']);
  const first = header + 1;
  const phases = model.project?.phases ?? [];
  const planTerms = termsByPeriod(sources, 'plan');
  const reportedTerms = termsByPeriod(sources, 'reported');
  figures.periods.forEach((p, i) => {
    const row = first + i;
    const period = model.project?.periods.find((x) => x.number === p.period) ?? null;
    t.text(row, 0, period?.label || `P${p.period}`);
    if (period) t.text(row, 1, phases.find((ph) => ph.key === period.phaseKey)?.label ?? period.phaseKey);
    if (period?.start.value) t.put(row, 2, { kind: 'number', value: toSerial(period.start.value) }, 'body', DATE_FORMAT);
    if (period?.end.value) t.put(row, 3, { kind: 'number', value: toSerial(period.end.value) }, 'body', DATE_FORMAT);
    for (const [col, kind, value] of [[4, 'plan', p.budget], [5, 'reported', p.reported]] as const) {
      const terms = (kind === 'plan' ? planTerms : reportedTerms).get(p.period) ?? [];
      notes.place(t, row, col, liveSum(terms, toEuroNumber(value)), `P${p.period}, ${kind === 'plan' ? 'planned' : 'reported'}, all partners`, EUR_FORMAT);
    }
    for (const [col, from, value] of [[6, 4, p.cumulativeBudget], [7, 5, p.cumulativeReported]] as const) {
      const formula = i === 0 ? `=${a1(row, from)}` : `=${a1(row - 1, col)}+${a1(row, from)}`;
      t.put(row, col, { kind: 'formula', formula, result: toEuroNumber(value) }, 'body', EUR_FORMAT);
    }
  });
  const total = first + figures.periods.length;
  t.text(total, 0, 'Total', 'total');
  const last = figures.periods[figures.periods.length - 1];
  for (const [col, value] of [[4, last?.cumulativeBudget ?? 0], [5, last?.cumulativeReported ?? 0]] as const) {
    t.put(total, col, figures.periods.length ? { kind: 'formula', formula: `=SUM(${a1(first, col)}:${a1(total - 1, col)})`, result: toEuroNumber(value as Cents) } : { kind: 'number', value: 0 }, 'total', EUR_FORMAT);
  }
  return t.build({ first: header, last: header }, 1);
}

/** Every partner's line cells grouped by period, in one pass. */
function termsByPeriod(sources: PartnerSources[], kind: 'plan' | 'reported'): Map<number, Term[]> {
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
