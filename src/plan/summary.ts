/** Report Summary: by budget line, budget, reported to date, % reported and remaining; then the budget's funding. */
import type { Figures } from '../figures/types';
import { a1, ref } from '../util/a1';
import { toEuroNumber, type Cents } from '../util/money';
import { TabBuilder, UNITS_EUR, type FrameInfo } from './frame';
import { EUR_FORMAT, PERCENT_FORMAT } from './formats';
import { LINE_NAMES, byPartnerColumns, byPartnerTotalRow } from './by-partner';
import type { PlannedTab } from './types';

export function summaryTab(figures: Figures, info: FrameInfo): PlannedTab {
  const t = new TabBuilder('Report Summary', [36, 18, 18, 13, 18]);
  const header = t.frame('Financial overview by budget line', info, [UNITS_EUR]);
  t.headerRow(header, ['Budget line', 'Budget', 'Reported to date', '% reported', 'Remaining']);
  const first = header + 1;
  // Each line is the By partner tab's total for it: live at any project size (a SUM over every partner's source
  // cells would pass Excel's 255-argument limit), and the notes on awkward source cells stand there once.
  const partnersTotal = byPartnerTotalRow(figures.partners.length);
  const COL = byPartnerColumns(figures.lines.length);
  figures.lines.forEach((key, i) => {
    const row = first + i;
    t.text(row, 0, LINE_NAMES[key]);
    const cells: [number, Cents][] = [[COL.budget + i, figures.totals.budget[key]], [COL.reported + i, figures.totals.reported[key]]];
    cells.forEach(([col, value], j) => {
      const formula = `=${ref('Report By partner', a1(partnersTotal, col))}`;
      t.put(row, 1 + j, figures.partners.length === 0 ? { kind: 'number', value: 0 } : { kind: 'formula', formula, result: toEuroNumber(value) }, 'body', EUR_FORMAT);
    });
    derived(t, row, figures.totals.budget[key], figures.totals.reported[key], 'body');
  });
  const total = first + figures.lines.length;
  t.text(total, 0, 'Total', 'total');
  for (const [col, value] of [[1, figures.totals.budget.total], [2, figures.totals.reported.total]] as const) {
    t.put(total, col, { kind: 'formula', formula: `=SUM(${a1(first, col)}:${a1(total - 1, col)})`, result: toEuroNumber(value) }, 'total', EUR_FORMAT);
  }
  derived(t, total, figures.totals.budget.total, figures.totals.reported.total, 'total');

  // Funding of the budget: ERDF and partner contribution as the By partner tab sums them.
  const fund = total + 2;
  t.headerRow(fund, ['Funding of the budget', 'Budget', '', '% of budget']);
  const rows: [string, number, Cents][] = [
    ['ERDF', COL.erdf, figures.totals.erdf],
    ['Partner contribution', COL.contribution, figures.totals.contribution],
  ];
  rows.forEach(([label, col, value], i) => {
    const row = fund + 1 + i;
    t.text(row, 0, label);
    t.put(row, 1, { kind: 'formula', formula: `=${ref('Report By partner', a1(partnersTotal, col))}`, result: toEuroNumber(value) }, 'body', EUR_FORMAT);
    percent(t, row, 1, fund + 3, value, figures.totals.erdf + figures.totals.contribution, 'body');
  });
  const sumRow = fund + 3;
  t.text(sumRow, 0, 'Total', 'total');
  t.put(sumRow, 1, { kind: 'formula', formula: `=${a1(fund + 1, 1)}+${a1(fund + 2, 1)}`, result: toEuroNumber((figures.totals.erdf + figures.totals.contribution) as Cents) }, 'total', EUR_FORMAT);
  return t.build({ first: header, last: header }, 1);
}

/** % reported and remaining, over this row's own budget and reported cells. */
function derived(t: TabBuilder, row: number, budget: Cents, reported: Cents, style: 'body' | 'total'): void {
  const b = a1(row, 1);
  const r = a1(row, 2);
  t.put(row, 3, { kind: 'formula', formula: `=IF(${b}=0,"",${r}/${b})`, result: budget === 0 ? '' : reported / budget }, style, PERCENT_FORMAT);
  t.put(row, 4, { kind: 'formula', formula: `=${b}-${r}`, result: toEuroNumber((budget - reported) as Cents) }, style, EUR_FORMAT);
}

function percent(t: TabBuilder, row: number, col: number, ofRow: number, value: number, of: number, style: 'body' | 'total'): void {
  const whole = a1(ofRow, col);
  t.put(row, 3, { kind: 'formula', formula: `=IF(${whole}=0,"",${a1(row, col)}/${whole})`, result: of === 0 ? '' : value / of }, style, PERCENT_FORMAT);
}
