/** Report By partner: each partner's budget and reported expenditure by budget line, ERDF and partner contribution. */
import type { BudgetLineKey } from '../model/types';
import { BUDGET_LINE_NAMES } from '../model/types';
import type { Figures } from '../figures/types';
import type { PartnerSources } from '../figures/sources';
import { a1, ref } from '../util/a1';
import { toEuroNumber, type Cents } from '../util/money';
import { amountTerm, liveSum } from './formula';
import { TabBuilder, UNITS_EUR, type FrameInfo } from './frame';
import { EUR_FORMAT, PERCENT_FORMAT } from './formats';
import type { FigureNotes } from './notes';
import type { PlannedTab } from './types';

export const LINE_NAMES = BUDGET_LINE_NAMES;
const SHORT: Record<BudgetLineKey, string> = { staff: 'Staff', office: 'Office & admin.', travel: 'Travel', external: 'External expertise', equipment: 'Equipment', infrastructure: 'Infrastructure & works', preparation: 'Preparation' };

/** Columns: No, Partner, Country, budget lines + Total, ERDF, contribution, reported lines + Total, % reported; `lineCount` lines in force. */
export function byPartnerColumns(lineCount: number) {
  const n = lineCount;
  return { budget: 3, budgetTotal: 3 + n, erdf: 4 + n, contribution: 5 + n, reported: 6 + n, reportedTotal: 6 + 2 * n, percent: 7 + 2 * n } as const;
}
/** The columns under the 2014–2020 rules' six lines. */
export const COL = byPartnerColumns(6);
/** Where frame() puts the header with one line of units (title, project, report date, units, a blank row). */
const HEADER_ROW = 5;
const FIRST_ROW = HEADER_ROW + 2;

/** Row of the totals on this tab, for the Summary's ERDF and contribution. */
export function byPartnerTotalRow(partnerCount: number): number {
  return FIRST_ROW + partnerCount;
}

export function byPartnerTab(figures: Figures, sources: PartnerSources[], info: FrameInfo, notes: FigureNotes): PlannedTab {
  const lines = figures.lines;
  const COL = byPartnerColumns(lines.length);
  const t = new TabBuilder('Report By partner', [6, 36, 9, ...Array(lines.length + 1).fill(14), 14, 14, ...Array(lines.length + 1).fill(14), 11]);
  const header = t.frame('Budget and reported expenditure by partner', info, [UNITS_EUR]);
  if (header !== HEADER_ROW) throw new Error(`By partner: header on row ${header}, expected ${HEADER_ROW}`);
  t.group(header, COL.budget, COL.contribution, 'Budget');
  t.group(header, COL.reported, COL.percent, 'Reported to date');
  const lineHeads = lines.map((k) => SHORT[k]);
  t.headerRow(header + 1, ['No', 'Partner', 'Country', ...lineHeads, 'Total', 'ERDF', 'Partner contribution', ...lineHeads, 'Total', '% of budget reported']);

  figures.partners.forEach((p, i) => {
    const row = FIRST_ROW + i;
    const s = sources[i];
    t.put(row, 0, { kind: 'number', value: p.no });
    t.text(row, 1, p.name);
    t.text(row, 2, p.country);
    lines.forEach((key, k) => {
      const where = s.sheet?.sheet ?? `partner ${p.no}`;
      notes.place(t, row, COL.budget + k, liveSum(s.plan[key].map((c) => amountTerm(c.amount)), toEuroNumber(p.budget[key])), `${where}, ${LINE_NAMES[key]}, planned`, EUR_FORMAT);
      notes.place(t, row, COL.reported + k, liveSum(s.reported[key].map((c) => amountTerm(c.amount)), toEuroNumber(p.reported[key])), `${where}, ${LINE_NAMES[key]}, reported`, EUR_FORMAT);
    });
    sumAcross(t, row, COL.budget, COL.budgetTotal, p.budget.total);
    sumAcross(t, row, COL.reported, COL.reportedTotal, p.reported.total);
    erdfCell(t, row, COL, s, p.erdf, notes);
    t.put(row, COL.contribution, { kind: 'formula', formula: `=${a1(row, COL.budgetTotal)}-${a1(row, COL.erdf)}`, result: toEuroNumber(p.contribution) }, 'body', EUR_FORMAT);
    percentCell(t, row, COL, p.reported.total, p.budget.total, 'body');
  });

  const total = byPartnerTotalRow(figures.partners.length);
  t.text(total, 1, 'Total', 'total');
  const tot = figures.totals;
  const column: Cents[] = [...lines.map((k) => tot.budget[k]), tot.budget.total, tot.erdf, tot.contribution, ...lines.map((k) => tot.reported[k]), tot.reported.total];
  column.forEach((value, k) => {
    const col = COL.budget + k;
    const formula = figures.partners.length === 0 ? null : `=SUM(${a1(FIRST_ROW, col)}:${a1(total - 1, col)})`;
    t.put(total, col, formula ? { kind: 'formula', formula, result: toEuroNumber(value) } : { kind: 'number', value: 0 }, 'total', EUR_FORMAT);
  });
  percentCell(t, total, COL, tot.reported.total, tot.budget.total, 'total');
  return t.build({ first: header, last: header + 1 }, 2);
}

type Columns = ReturnType<typeof byPartnerColumns>;

function sumAcross(t: TabBuilder, row: number, from: number, at: number, value: Cents): void {
  t.put(row, at, { kind: 'formula', formula: `=SUM(${a1(row, from)}:${a1(row, at - 1)})`, result: toEuroNumber(value) }, 'body', EUR_FORMAT);
}

function percentCell(t: TabBuilder, row: number, COL: Columns, reported: Cents, budget: Cents, style: 'body' | 'total'): void {
  const b = a1(row, COL.budgetTotal);
  t.put(row, COL.percent, { kind: 'formula', formula: `=IF(${b}=0,"",${a1(row, COL.reportedTotal)}/${b})`, result: budget === 0 ? '' : reported / budget }, style, PERCENT_FORMAT);
}

/** ERDF = planned total × the Partners table's rate, rounded down to the cent; a rate typed as text is carried as a constant. */
function erdfCell(t: TabBuilder, row: number, COL: Columns, s: PartnerSources, erdf: Cents, notes: FigureNotes): void {
  const bp = s.partner.erdfRateBp.value;
  if (bp === null) {
    t.put(row, COL.erdf, { kind: 'number', value: toEuroNumber(erdf) }, 'body', EUR_FORMAT);
    notes.add(t.name, row, COL.erdf, `ERDF of partner ${s.no}`, `written as ${toEuroNumber(erdf)}: the partner's ERDF rate cannot be read (${ref(s.partner.erdfRateBp.at.sheet, s.partner.erdfRateBp.at.cell)})`);
    return;
  }
  const r = ref(s.partner.erdfRateBp.at.sheet, s.partner.erdfRateBp.at.cell);
  // 85% may be typed as 0.85 or 85. Worked in cents and rounded to 4 decimals first, so a product such as
  // 14250657.9999999 is not cut a cent short; INT floors as applyRateDown does.
  // The rate as the engine reads it: to the basis point, so 85.004% is 85% here as in P05 and the figures.
  const rate = `IF(ISNUMBER(${r}),ROUND(IF(${r}>1,${r}/100,${r}),4),${bp / 10000})`;
  const formula = `=INT(ROUND(${a1(row, COL.budgetTotal)}*100*${rate},4))/100`;
  t.put(row, COL.erdf, { kind: 'formula', formula, result: toEuroNumber(erdf) }, 'body', EUR_FORMAT);
}

