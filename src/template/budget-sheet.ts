/**
 * One partner's budget sheet: the plan and the reported expenditure by budget line and period, with Total
 * column and row as SUM formulas carrying their results, then the ERDF and partner contribution fields.
 */
import { BUDGET_LINE_NAMES, type BudgetLineKey } from '../model/types';
import type { ProfilePartner } from '../profile/types';
import { a1 } from '../util/a1';
import { applyRateDown, toEuroNumber, type Cents } from '../util/money';
import { FORMAT, type SheetSpec } from './spec';
import { field, headerRow, newSheet, put, title } from './sheet-builder';

export const BUDGET_LINE_LABELS = BUDGET_LINE_NAMES;

export function budgetSheetName(partner: ProfilePartner): string {
  return `Budget ${partner.shortName}`;
}

/** Amounts per line and period (index = period − 1); null figures leave the tables empty (the template). */
export type LineFigures = Partial<Record<BudgetLineKey, Cents[]>> | null;

/** `inForce`: the budget lines the rules allow (the five and preparation costs by default); preparation costs only for the lead partner. */
export function budgetSheet(partner: ProfilePartner, periodCount: number, figures: { plan: LineFigures; reported: LineFigures }, inForce?: readonly BudgetLineKey[]): SheetSpec {
  const allowed = inForce ?? ['staff', 'office', 'travel', 'external', 'equipment', 'preparation'];
  const lines = allowed.filter((k) => k !== 'preparation' || partner.role === 'LP');
  const s = newSheet(budgetSheetName(partner), [32, ...Array(periodCount).fill(13), 15]);
  title(s, 0, `Budget and reported expenditure: ${partner.name}`, periodCount + 2);
  field(s, 2, 'Partner No', partner.no);
  field(s, 3, 'Partner', partner.name);
  let r = 5;
  const planTotal = table(s, r, 'Budget line', lines, periodCount, figures.plan);
  r += lines.length + 3;
  table(s, r, 'Reported', lines, periodCount, figures.reported);
  r += lines.length + 3;
  const erdf = figures.plan ? applyRateDown(planTotal, partner.erdfRateBp) : null;
  field(s, r++, 'ERDF', erdf === null ? null : toEuroNumber(erdf), FORMAT.amount);
  field(s, r, 'Partner contribution', erdf === null ? null : toEuroNumber((planTotal - erdf) as Cents), FORMAT.amount);
  return s;
}

/** Writes one table (header, a row per line, Total row) at `top`; returns its grand total in cents. */
function table(s: SheetSpec, top: number, firstHeader: string, lines: BudgetLineKey[], periodCount: number, figures: LineFigures): Cents {
  const totalCol = periodCount + 1;
  headerRow(s, top, [firstHeader, ...Array.from({ length: periodCount }, (_, i) => `P${i + 1}`), 'Total'], (col) => col >= 1);
  const colSums = Array<number>(periodCount).fill(0);
  lines.forEach((line, i) => {
    const row = top + 1 + i;
    put(s, row, 0, BUDGET_LINE_LABELS[line]);
    let rowSum = 0;
    for (let p = 0; p < periodCount; p++) {
      const c = figures ? (figures[line]?.[p] ?? 0) : null;
      if (c !== null) {
        rowSum += c;
        colSums[p] += c;
      }
      put(s, row, 1 + p, c === null ? null : toEuroNumber(c as Cents), { numberFormat: FORMAT.amount, fill: 'input' });
    }
    put(s, row, totalCol, { formula: `SUM(${a1(row, 1)}:${a1(row, periodCount)})`, result: toEuroNumber(rowSum as Cents) }, { numberFormat: FORMAT.amount, fill: 'total' });
  });
  const totalRow = top + 1 + lines.length;
  put(s, totalRow, 0, 'Total', { bold: true, fill: 'total' });
  const sums = [...colSums, colSums.reduce((a, b) => a + b, 0)];
  sums.forEach((sum, p) => {
    const col = 1 + p;
    put(s, totalRow, col, { formula: `SUM(${a1(top + 1, col)}:${a1(totalRow - 1, col)})`, result: toEuroNumber(sum as Cents) }, { numberFormat: FORMAT.amount, bold: true, fill: 'total' });
  });
  return sums[periodCount] as Cents;
}
