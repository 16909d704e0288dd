/**
 * Report By partner: two tables one above the other, under one column header that fits one page wide: the
 * budget by line per partner with its ERDF and contribution, then reported to date per partner with its ERDF
 * and contribution, % of its budget and what remains. A partner above 100% (warning) or 120% (error) of its
 * budget is filled in the severity's colour.
 */
import type { BudgetLineKey } from '../model/types';
import { BUDGET_LINE_NAMES } from '../model/types';
import type { Figures } from '../figures/types';
import type { PartnerSources } from '../figures/sources';
import type { ReportingFigures } from '../figures/reporting';
import { a1, ref } from '../util/a1';
import { formatEur, toEuroNumber, type Cents } from '../util/money';
import { liveSum, partnerTerms, type PartnerTerms } from './formula';
import { TabBuilder, UNITS_EUR, type FrameInfo } from './frame';
import { EUR_FORMAT, PERCENT_FORMAT } from './formats';
import type { FigureNotes } from './notes';
import type { PlannedCell, PlannedTab } from './types';

export const LINE_NAMES = BUDGET_LINE_NAMES;
export const SHORT_LINE: Record<BudgetLineKey, string> = { staff: 'Staff', office: 'Office & admin.', travel: 'Travel', external: 'External expertise', equipment: 'Equipment', infrastructure: 'Infra. & works', preparation: 'Preparation' };

/** Columns: No, Partner, Country, the `lineCount` budget lines in force, Total, ERDF, contribution, % of budget, remaining. */
export function byPartnerColumns(lineCount: number) {
  const n = lineCount;
  return { lines: 3, total: 3 + n, erdf: 4 + n, contribution: 5 + n, percent: 6 + n, remaining: 7 + n } as const;
}
type Columns = ReturnType<typeof byPartnerColumns>;
/** The columns under the 2014–2020 rules' six lines. */
export const COL = byPartnerColumns(6);
/** Where frame() puts the column header (title, four lines of the header block, units, a blank row). */
const HEADER_ROW = 7;

/** Rows of the two tables for `n` partners: each has a band row, n partner rows and a total row. */
export function byPartnerRows(n: number): { header: number; budgetBand: number; budgetFirst: number; budgetTotal: number; reportedBand: number; reportedFirst: number; reportedTotal: number } {
  const budgetBand = HEADER_ROW + 1;
  const budgetFirst = budgetBand + 1;
  const budgetTotal = budgetFirst + n;
  const reportedBand = budgetTotal + 2;
  const reportedFirst = reportedBand + 1;
  return { header: HEADER_ROW, budgetBand, budgetFirst, budgetTotal, reportedBand, reportedFirst, reportedTotal: reportedFirst + n };
}

/** Flexibility rule: a partner may exceed its budget by up to 20%. */
const OVER_WARNING = 1;
const OVER_ERROR = 1.2;
/** Partner rows that fit one A4 landscape page with the header block and both tables' bands and totals. */
const BOTH_ON_ONE_PAGE = 26;

export function byPartnerTab(figures: Figures, rep: ReportingFigures, sources: PartnerSources[], info: FrameInfo, notes: FigureNotes, terms: readonly PartnerTerms[] = sources.map(partnerTerms)): PlannedTab {
  const lines = figures.lines;
  const COL = byPartnerColumns(lines.length);
  const t = new TabBuilder('Report By partner', [5, 30, 8, ...Array(lines.length).fill(12.5), 14, 13.5, 14, 10, 14]);
  const header = t.frame('Budget and reported expenditure by partner', info, [UNITS_EUR]);
  if (header !== HEADER_ROW) throw new Error(`By partner: header on row ${header}, expected ${HEADER_ROW}`);
  const rows = byPartnerRows(figures.partners.length);
  const lineHeads = lines.map((k) => SHORT_LINE[k]);
  t.headerRow(header, ['No', 'Partner', 'Country', ...lineHeads, 'Total', 'ERDF', 'Partner contribution', '% of budget', 'Remaining']);
  t.band(rows.budgetBand, 0, COL.remaining, 'Budget (all periods)');
  t.band(rows.reportedBand, 0, COL.remaining, `Reported to date${info.reportDate ? ` (up to ${info.reportDate})` : ''}`);

  figures.partners.forEach((p, i) => {
    const s = sources[i];
    const where = s.sheet?.sheet ?? null;
    for (const [kind, row] of [['plan', rows.budgetFirst + i], ['reported', rows.reportedFirst + i]] as const) {
      t.put(row, 0, { kind: 'number', value: p.no });
      t.text(row, 1, p.name);
      t.text(row, 2, p.country);
      const amounts = kind === 'plan' ? p.budget : p.reported;
      const table = kind === 'plan' ? s.sheet?.plan : s.sheet?.reported;
      for (let k = 0; k < lines.length; k++) {
        const key = lines[k];
        const live = liveSum(terms[i][kind][key], toEuroNumber(amounts[key]));
        const noRow = !!table && key !== 'preparation' && key !== 'infrastructure' && !table.rows.some((r) => r.line === key && !r.isTotal);
        // The figure in words, for a note: only made where there is one.
        const what = live.notes.length > 0 || noRow ? `${where ?? `partner ${p.no}`}, ${LINE_NAMES[key]}, ${kind === 'plan' ? 'planned' : 'reported'}` : '';
        const cell = notes.place(t, row, COL.lines + k, live, what, EUR_FORMAT);
        if (noRow) notes.note(t, cell, what, `the ${kind === 'plan' ? 'plan' : 'reported'} table on '${where}' has no '${LINE_NAMES[key]}' row, so 0.00 is shown; add the row on that sheet`);
      }
      const total = t.put(row, COL.total, { kind: 'formula', formula: `=SUM(${a1(row, COL.lines)}:${a1(row, COL.total - 1)})`, result: toEuroNumber(amounts.total) }, 'body', EUR_FORMAT);
      if (!s.sheet && kind === 'plan') notes.note(t, total, `partner ${p.no}, budget`, `no budget sheet belongs to partner ${p.no}, so 0.00 is shown; add its budget sheet with the field Partner No`);
      const erdf = erdfCell(t, row, COL, s, kind === 'plan' ? p.erdf : rep.erdfReported[i], notes);
      if (kind === 'plan') sheetDisagrees(erdf, s, p.erdf);
      t.put(row, COL.contribution, { kind: 'formula', formula: `=${a1(row, COL.total)}-${a1(row, COL.erdf)}`, result: toEuroNumber(kind === 'plan' ? p.contribution : rep.contributionReported[i]) }, 'body', EUR_FORMAT);
    }
    const row = rows.reportedFirst + i;
    const budgetTotal = a1(rows.budgetFirst + i, COL.total);
    const share = p.budget.total === 0 ? null : p.reported.total / p.budget.total;
    const pct = t.put(row, COL.percent, { kind: 'formula', formula: `=IF(${budgetTotal}=0,"",${a1(row, COL.total)}/${budgetTotal})`, result: share ?? '' }, 'body', PERCENT_FORMAT);
    if (share !== null && p.reported.total * 100 > p.budget.total * 100 * OVER_WARNING) {
      const error = p.reported.total * 100 > p.budget.total * 100 * OVER_ERROR;
      pct.highlight = error ? 'error' : 'warning';
      pct.note = `${error ? 'Error' : 'Warning'}: ${p.name} has reported ${formatEur(p.reported.total)}, ${(share * 100).toFixed(1)}% of its budget of ${formatEur(p.budget.total)} (${error ? 'above the 120% the flexibility rule allows' : 'above 100%; up to 120% is allowed by the flexibility rule'}).`;
    }
    t.put(row, COL.remaining, { kind: 'formula', formula: `=${budgetTotal}-${a1(row, COL.total)}`, result: toEuroNumber((p.budget.total - p.reported.total) as Cents) }, 'body', EUR_FORMAT);
  });

  const tot = figures.totals;
  const n = figures.partners.length;
  for (const [first, total, values] of [
    [rows.budgetFirst, rows.budgetTotal, [...lines.map((k) => tot.budget[k]), tot.budget.total, tot.erdf, tot.contribution]],
    [rows.reportedFirst, rows.reportedTotal, [...lines.map((k) => tot.reported[k]), tot.reported.total, rep.erdfReportedTotal, rep.contributionReportedTotal]],
  ] as const) {
    t.text(total, 1, 'Total', 'total');
    values.forEach((value, k) => {
      const col = COL.lines + k;
      t.put(total, col, n === 0 ? { kind: 'number', value: 0 } : { kind: 'formula', formula: `=SUM(${a1(first, col)}:${a1(total - 1, col)})`, result: toEuroNumber(value) }, 'total', EUR_FORMAT);
    });
  }
  const bt = a1(rows.budgetTotal, COL.total);
  const rt = a1(rows.reportedTotal, COL.total);
  t.put(rows.reportedTotal, COL.percent, { kind: 'formula', formula: `=IF(${bt}=0,"",${rt}/${bt})`, result: tot.budget.total === 0 ? '' : tot.reported.total / tot.budget.total }, 'total', PERCENT_FORMAT);
  t.put(rows.reportedTotal, COL.remaining, { kind: 'formula', formula: `=${bt}-${rt}`, result: toEuroNumber((tot.budget.total - tot.reported.total) as Cents) }, 'total', EUR_FORMAT);
  const tab = t.build({ first: header, last: header }, 2);
  // The reported table starts a page of its own when the two do not fit one page together.
  if (2 * n > BOTH_ON_ONE_PAGE) tab.print.breaksBefore = [rows.reportedBand];
  return tab;
}

/** The partner's own sheet states another ERDF than the budget × its rate (B05): said on the report's figure. */
function sheetDisagrees(cell: PlannedCell, s: PartnerSources, erdf: Cents): void {
  const stated = s.sheet?.erdf;
  if (!stated || stated.cents === null || stated.cents === erdf || cell.note) return;
  cell.highlight = 'error';
  cell.note = `Error (B05): the sheet states ERDF ${formatEur(stated.cents)} at ${ref(stated.at.sheet, stated.at.cell)}; the budget × the partner's rate, rounded down, is ${formatEur(erdf)}, shown here. Correct the sheet's ERDF, or the rate on the Project sheet.`;
}

/**
 * ERDF = the row's total × the Partners table's rate, rounded down to the cent (B05); a rate typed as text is
 * carried as a constant, and an unreadable rate makes the figure a number, marked.
 */
function erdfCell(t: TabBuilder, row: number, COL: Columns, s: PartnerSources, erdf: Cents, notes: FigureNotes): PlannedCell {
  const bp = s.partner.erdfRateBp.value;
  const r = ref(s.partner.erdfRateBp.at.sheet, s.partner.erdfRateBp.at.cell);
  if (bp === null) {
    const cell = t.put(row, COL.erdf, { kind: 'number', value: toEuroNumber(erdf) }, 'body', EUR_FORMAT);
    notes.note(t, cell, `ERDF of partner ${s.no}`, `the partner's ERDF rate cannot be read at ${r}, so ${formatEur(erdf)} is shown; type the rate there (85% or 0.85)`);
    return cell;
  }
  // 85% may be typed as 0.85 or 85. Worked in cents and rounded to 4 decimals first, so a product such as
  // 14250657.9999999 is not cut a cent short; INT floors as applyRateDown does.
  // The rate as the engine reads it: to the basis point, so 85.004% is 85% here as in P05 and the figures.
  const rate = `IF(ISNUMBER(${r}),ROUND(IF(${r}>1,${r}/100,${r}),4),${bp / 10000})`;
  const formula = `=INT(ROUND(${a1(row, COL.total)}*100*${rate},4))/100`;
  return t.put(row, COL.erdf, { kind: 'formula', formula, result: toEuroNumber(erdf) }, 'body', EUR_FORMAT);
}
