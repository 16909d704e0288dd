/**
 * Report Summary, in the spirit of the programme's financial overview: by budget line the budget, previously
 * reported (periods before the current one), this period, reported to date, % of budget and remaining; the
 * funding (ERDF, partner contribution) of the budget and of what was reported; the reconciliation of the budget
 * sheets' total with the partners' approved budgets and the project's total budget; a column chart.
 */
import type { Model } from '../model/types';
import type { Figures } from '../figures/types';
import type { PartnerSources } from '../figures/sources';
import { previousCells, type ReportingFigures } from '../figures/reporting';
import { a1, ref } from '../util/a1';
import { toEuroNumber, type Cents } from '../util/money';
import { amountTerm, liveSum } from './formula';
import { TabBuilder, UNITS_EUR, type FrameInfo } from './frame';
import { EUR_FORMAT, PERCENT_FORMAT } from './formats';
import { LINE_NAMES, byPartnerColumns, byPartnerRows } from './by-partner';
import type { FigureNotes } from './notes';
import type { PlannedTab } from './types';

/** Columns of the overview. */
const C = { budget: 1, previous: 2, current: 3, toDate: 4, percent: 5, remaining: 6 } as const;
const BP = 'Report By partner';

export function summaryTab(model: Model, figures: Figures, rep: ReportingFigures, sources: PartnerSources[], info: FrameInfo, notes: FigureNotes): PlannedTab {
  const t = new TabBuilder('Report Summary', [34, 16, 16, 16, 16, 10, 16]);
  const header = t.frame('Financial overview by budget line', info, [UNITS_EUR]);
  const thisLabel = rep.current ? `This period (${rep.current.label})` : 'This period';
  t.headerRow(header, ['Budget line', 'Budget', 'Previously reported', thisLabel, 'Reported to date', '% of budget', 'Remaining']);
  const first = header + 1;
  // Budget and reported to date are the By partner tab's totals: live at any project size (a SUM over every
  // partner's cells would pass Excel's 255 arguments), and the notes on awkward source cells stand there once.
  const bp = byPartnerRows(figures.partners.length);
  const n = figures.partners.length;
  const prev = sources.map((s) => previousCells(s, rep.current));
  const COL = byPartnerColumns(figures.lines.length);
  figures.lines.forEach((key, i) => {
    const row = first + i;
    t.text(row, 0, LINE_NAMES[key]);
    const byPartner = (r: number, value: Cents) => (n === 0 ? { kind: 'number' as const, value: 0 } : { kind: 'formula' as const, formula: `=${ref(BP, a1(r, COL.lines + i))}`, result: toEuroNumber(value) });
    t.put(row, C.budget, byPartner(bp.budgetTotal, figures.totals.budget[key]), 'body', EUR_FORMAT);
    t.put(row, C.toDate, byPartner(bp.reportedTotal, figures.totals.reported[key]), 'body', EUR_FORMAT);
    const terms = prev.flatMap((p) => p[key].map((c) => amountTerm(c.amount)));
    notes.place(t, row, C.previous, liveSum(terms, toEuroNumber(rep.previousTotals[key])), `${LINE_NAMES[key]}, previously reported, all partners`, EUR_FORMAT);
    derived(t, row, figures.totals.budget[key], rep.previousTotals[key], figures.totals.reported[key], 'body');
  });
  const total = first + figures.lines.length;
  t.text(total, 0, 'Total', 'total');
  for (const [col, value] of [[C.budget, figures.totals.budget.total], [C.previous, rep.previousTotals.total], [C.toDate, figures.totals.reported.total]] as const) {
    t.put(total, col, { kind: 'formula', formula: `=SUM(${a1(first, col)}:${a1(total - 1, col)})`, result: toEuroNumber(value) }, 'total', EUR_FORMAT);
  }
  derived(t, total, figures.totals.budget.total, rep.previousTotals.total, figures.totals.reported.total, 'total');

  // Funding of the budget and of what was reported: the By partner tab's ERDF and contribution totals.
  const fund = total + 2;
  t.headerRow(fund, ['Funding', 'Budget', '% of budget', '', 'Reported to date', '% of reported']);
  const fundRows: [string, number, Cents, Cents][] = [
    ['ERDF', COL.erdf, figures.totals.erdf, rep.erdfReportedTotal],
    ['Partner contribution', COL.contribution, figures.totals.contribution, rep.contributionReportedTotal],
  ];
  const fundTotal = fund + 3;
  fundRows.forEach(([label, col, onBudget, onReported], i) => {
    const row = fund + 1 + i;
    t.text(row, 0, label);
    for (const [c, r, value, whole] of [[C.budget, bp.budgetTotal, onBudget, figures.totals.budget.total], [C.toDate, bp.reportedTotal, onReported, figures.totals.reported.total]] as const) {
      t.put(row, c, n === 0 ? { kind: 'number', value: 0 } : { kind: 'formula', formula: `=${ref(BP, a1(r, col))}`, result: toEuroNumber(value) }, 'body', EUR_FORMAT);
      const of = a1(fundTotal, c);
      t.put(row, c + 1, { kind: 'formula', formula: `=IF(${of}=0,"",${a1(row, c)}/${of})`, result: whole === 0 ? '' : value / whole }, 'body', PERCENT_FORMAT);
    }
  });
  t.text(fundTotal, 0, 'Total', 'total');
  for (const [c, value] of [[C.budget, figures.totals.erdf + figures.totals.contribution], [C.toDate, rep.erdfReportedTotal + rep.contributionReportedTotal]] as const) {
    t.put(fundTotal, c, { kind: 'formula', formula: `=${a1(fund + 1, c)}+${a1(fund + 2, c)}`, result: toEuroNumber(value as Cents) }, 'total', EUR_FORMAT);
  }

  // Reconciliation: the budget sheets' total against the approved budgets and the project's total budget.
  const rec = fundTotal + 2;
  t.headerRow(rec, ['Reconciliation of the budget', 'Amount', 'Difference']);
  const sheetsRow = rec + 1;
  t.text(sheetsRow, 0, 'Budget sheets, all partners');
  t.put(sheetsRow, 1, { kind: 'formula', formula: `=${a1(total, C.budget)}`, result: toEuroNumber(figures.totals.budget.total) }, 'body', EUR_FORMAT);
  const partners = model.project?.partners ?? [];
  const approvedRow = rec + 2;
  t.text(approvedRow, 0, 'Approved budgets (Partners table)');
  notes.place(t, approvedRow, 1, liveSum(partners.map((p) => amountTerm(p.approvedBudget)), toEuroNumber(rep.approvedTotal)), 'the partners\' approved budgets', EUR_FORMAT);
  difference(t, approvedRow, sheetsRow, rep.approvedTotal - figures.totals.budget.total);
  const projectRow = rec + 3;
  t.text(projectRow, 0, 'Project total budget (Project sheet)');
  const tb = model.project?.totalBudget ?? null;
  const projectTotal = figures.project.totalBudget ?? 0;
  if (tb) notes.place(t, projectRow, 1, liveSum([amountTerm(tb)], toEuroNumber(projectTotal as Cents)), 'the project\'s total budget', EUR_FORMAT);
  else notes.note(t, t.put(projectRow, 1, { kind: 'number', value: 0 }, 'body', EUR_FORMAT), 'the project\'s total budget', 'the Project sheet has no field Total budget, so 0.00 is shown');
  difference(t, projectRow, sheetsRow, projectTotal - figures.totals.budget.total);

  const chartTop = projectRow + 2;
  const tab = t.build({ first: header, last: header }, 1);
  tab.print.breaksBefore = [chartTop];
  tab.charts = [
    {
      kind: 'column',
      title: 'Budget and reported to date by budget line (EUR)',
      categories: `${a1(first, 0)}:${a1(total - 1, 0)}`,
      series: [
        { name: 'Budget', values: `${a1(first, C.budget)}:${a1(total - 1, C.budget)}` },
        { name: 'Reported to date', values: `${a1(first, C.toDate)}:${a1(total - 1, C.toDate)}` },
      ],
      from: { row: chartTop, col: 0 },
      to: { row: chartTop + 20, col: 7 },
    },
  ];
  return tab;
}

/** This period (to date − previously), % of budget and remaining, over this row's own cells. */
function derived(t: TabBuilder, row: number, budget: Cents, previous: Cents, toDate: Cents, style: 'body' | 'total'): void {
  const b = a1(row, C.budget);
  const r = a1(row, C.toDate);
  t.put(row, C.current, { kind: 'formula', formula: `=${r}-${a1(row, C.previous)}`, result: toEuroNumber((toDate - previous) as Cents) }, style, EUR_FORMAT);
  t.put(row, C.percent, { kind: 'formula', formula: `=IF(${b}=0,"",${r}/${b})`, result: budget === 0 ? '' : toDate / budget }, style, PERCENT_FORMAT);
  t.put(row, C.remaining, { kind: 'formula', formula: `=${b}-${r}`, result: toEuroNumber((budget - toDate) as Cents) }, style, EUR_FORMAT);
}

function difference(t: TabBuilder, row: number, sheetsRow: number, diff: number): void {
  t.put(row, 2, { kind: 'formula', formula: `=${a1(row, 1)}-${a1(sheetsRow, 1)}`, result: toEuroNumber(diff as Cents) }, 'body', EUR_FORMAT);
}
