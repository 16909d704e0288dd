/** Sums of period cells as read: the figure every budget check uses (rules.md: never a typed Total), defined once in model/totals.ts. */
import type { Amount, BudgetLineKey, BudgetRow, BudgetTable } from '../../model/types';
import type { Cents } from '../../util/money';
import type { Place } from './finding';
import { range } from './finding';
import { countedRow, countedRows, periodSums, sumOf, tableSum, type Sum } from '../../model/totals';

/** The sum of the amounts; null when one is missing (an error value: T01 or T02 already says so). */
export function sumAmounts(xs: readonly Amount[]): Cents | null {
  return complete(sumOf(xs));
}

function complete(s: Sum): Cents | null {
  return s.complete ? s.cents : null;
}

/** The rows that are budget lines (known or not): everything but the Total row. */
export function lineRows(table: BudgetTable): BudgetRow[] {
  return table.rows.filter((r) => !r.isTotal);
}

export function totalRow(table: BudgetTable): BudgetRow | null {
  return table.rows.find((r) => r.isTotal) ?? null;
}

/** The rows that count towards the totals (model/totals.ts): the first row of each known line. */
export function countedLineRows(table: BudgetTable): BudgetRow[] {
  return Object.values(countedRows(table));
}

/** The row that counts for a line (model/totals.ts): its first row. */
export function rowOf(table: BudgetTable, line: BudgetLineKey): BudgetRow | null {
  return countedRow(table, line);
}

/** The table's total as the figures and the report have it (model/totals.ts); null when a cell in it is missing. */
export function tableTotal(table: BudgetTable): Cents | null {
  return complete(tableSum(table));
}

/** The counted lines' cells in each period column, in the order of table.periods; null where a cell is missing. */
export function periodTotals(table: BudgetTable): (Cents | null)[] {
  return periodSums(table).map(complete);
}

export function rowTotal(row: BudgetRow): Cents | null {
  return sumAmounts(row.amounts);
}

/** The period cells of one row as a range ('C5:J5'), or its label cell when it has none. */
export function rowRange(sheet: string, row: BudgetRow): Place {
  if (row.amounts.length === 0) return { sheet, cell: row.label.at.cell };
  // Period columns may come in any order: the range runs left to right whatever their numbers.
  const cols = row.amounts.map((a) => a.at.col);
  return { sheet, cell: range(row.row, Math.min(...cols), row.row, Math.max(...cols)) };
}

/** Where a table's total is reported: the Total row's Total cell, else the Total row's period cells, else all period cells. */
export function tableTotalPlace(sheet: string, table: BudgetTable): Place {
  const t = totalRow(table);
  if (t?.total) return { sheet, cell: t.total.at.cell };
  if (t) return rowRange(sheet, t);
  const cells = lineRows(table).flatMap((r) => r.amounts);
  if (cells.length === 0) return { sheet, cell: table.header.cell };
  const rows = cells.map((c) => c.at.row);
  const cols = cells.map((c) => c.at.col);
  return { sheet, cell: range(Math.min(...rows), Math.min(...cols), Math.max(...rows), Math.max(...cols)) };
}
