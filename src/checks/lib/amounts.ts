/** Sums of period cells as read: the figure every budget check uses (rules.md: never a typed Total). */
import type { Amount, BudgetLineKey, BudgetRow, BudgetTable } from '../../model/types';
import type { Cents } from '../../util/money';
import type { Place } from './finding';
import { range } from './finding';

/** The sum of the amounts; null when one is missing (an error value: T01 or T02 already says so). */
export function sumAmounts(xs: readonly Amount[]): Cents | null {
  let s = 0;
  for (const x of xs) {
    if (x.cents === null) return null;
    s += x.cents;
  }
  return s as Cents;
}

/** The rows that are budget lines (known or not): everything but the Total row. */
export function lineRows(table: BudgetTable): BudgetRow[] {
  return table.rows.filter((r) => !r.isTotal);
}

export function totalRow(table: BudgetTable): BudgetRow | null {
  return table.rows.find((r) => r.isTotal) ?? null;
}

export function rowOf(table: BudgetTable, line: BudgetLineKey): BudgetRow | null {
  return table.rows.find((r) => !r.isTotal && r.line === line) ?? null;
}

/** The table's total: every period cell of every line, as read. */
export function tableTotal(table: BudgetTable): Cents | null {
  return sumAmounts(lineRows(table).flatMap((r) => r.amounts));
}

/** The sum of the lines' cells in one period column (index into table.periods). */
export function periodTotal(table: BudgetTable, index: number): Cents | null {
  return sumAmounts(lineRows(table).map((r) => r.amounts[index]).filter((a): a is Amount => a !== undefined));
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
