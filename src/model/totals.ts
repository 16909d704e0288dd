/**
 * The one definition of every total, read by the checks, the figures and the report plan alike.
 *
 * A budget table counts one row per budget line in force: the first one (a second is T03). A row whose label is no
 * budget line, or a line the rules in force do not allow (B02), counts towards nothing: not the line, not the partner's total, not a period. A line's figure
 * is the sum of its period cells as read (a typed Total cell is only checked against it, B03). An indicator's
 * achievement is the sum of the period values of the rows that name one partner and one target (a pair repeated on
 * one sheet is T03, and both rows count, as the report's formulas add them).
 */
import type { Amount, BudgetLineKey, BudgetRow, BudgetTable, IndicatorRow, Model } from './types';
import { BUDGET_LINE_KEYS } from './types';
import type { Cents } from '../util/money';

/** A bit per budget line, to tell in one number which lines a walk over a table's rows has met. */
const LINE_BIT = {} as Record<BudgetLineKey, number>;
BUDGET_LINE_KEYS.forEach((k, i) => (LINE_BIT[k] = 1 << i));

/** A sum and whether every cell in it could be read (an error value or uncalculated formula counts as 0 in `cents`). */
export interface Sum {
  cents: Cents;
  complete: boolean;
}

export function sumOf(amounts: readonly Amount[]): Sum {
  let cents = 0;
  let complete = true;
  for (let i = 0; i < amounts.length; i++) {
    const c = amounts[i].cents;
    if (c === null) complete = false;
    else cents += c;
  }
  return { cents: cents as Cents, complete };
}

/** Whether a row is of a budget line in force (the first such row of its line is the one that counts). */
function counts(r: BudgetRow, inForce: readonly BudgetLineKey[] | undefined): boolean {
  return !r.isTotal && r.line !== null && (!inForce || inForce.includes(r.line));
}

/**
 * The rows that count, in the table's order: the first row of each budget line in force (the one place that says so).
 * `visit` is called with each, in order; `seen` holds a bit per line met (LINE_BIT). No list is made where none is
 * needed: the checks and figures ask this of every table many times.
 */
function eachCounted(table: BudgetTable, visit: (r: BudgetRow) => void): void {
  const inForce = table.linesInForce;
  const rows = table.rows;
  let seen = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (!counts(r, inForce)) continue;
    const bit = LINE_BIT[r.line!];
    if ((seen & bit) !== 0) continue;
    seen |= bit;
    visit(r);
  }
}

function countedList(table: BudgetTable): BudgetRow[] {
  const out: BudgetRow[] = [];
  eachCounted(table, (r) => {
    out.push(r);
  });
  return out;
}

/** The rows that count, by budget line. */
export function countedRows(table: BudgetTable | null): Partial<Record<BudgetLineKey, BudgetRow>> {
  const out: Partial<Record<BudgetLineKey, BudgetRow>> = {};
  if (table)
    eachCounted(table, (r) => {
      out[r.line!] = r;
    });
  return out;
}

export function countedRow(table: BudgetTable | null, line: BudgetLineKey): BudgetRow | null {
  if (!table) return null;
  // The first row of the line, if it counts: a line's first row is its counted row, or the line counts nowhere.
  const inForce = table.linesInForce;
  const rows = table.rows;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r.line === line && counts(r, inForce)) return r;
  }
  return null;
}

export function lineSum(table: BudgetTable | null, line: BudgetLineKey): Sum {
  const row = countedRow(table, line);
  return row ? sumOf(row.amounts) : { cents: 0 as Cents, complete: true };
}

function periodSumOf(counted: readonly BudgetRow[], index: number): Sum {
  let cents = 0;
  let complete = true;
  for (let i = 0; i < counted.length; i++) {
    const a = counted[i].amounts[index];
    if (a === undefined) continue;
    if (a.cents === null) complete = false;
    else cents += a.cents;
  }
  return { cents: cents as Cents, complete };
}

/** All counted lines in one period column (an index into table.periods). */
export function periodSum(table: BudgetTable, index: number): Sum {
  return periodSumOf(countedList(table), index);
}

/** periodSum of every period column of the table, in order, the counted rows found once. */
export function periodSums(table: BudgetTable): Sum[] {
  const counted = countedList(table);
  return table.periods.map((_, index) => periodSumOf(counted, index));
}

/** A partner's planned (or reported) total: every period cell of every counted line. */
export function tableSum(table: BudgetTable | null): Sum {
  let cents = 0;
  let complete = true;
  if (table)
    eachCounted(table, (r) => {
      const amounts = r.amounts;
      for (let k = 0; k < amounts.length; k++) {
        const c = amounts[k].cents;
        if (c === null) complete = false;
        else cents += c;
      }
    });
  return { cents: cents as Cents, complete };
}

/** Whether an indicator row counts: it names one partner and one target (a repeat on its sheet counts too; T03 says so). */
export function indicatorRowCounts(model: Model, row: IndicatorRow): boolean {
  const n = model.names.rows.get(row);
  return !!n && n.partner.found !== null && n.target.found !== null;
}

/** An indicator row's achievement; `complete` is false when a value cannot be read (missing counts as 0). */
export function rowAchieved(row: IndicatorRow): { value: number; complete: boolean } {
  let value = 0;
  let complete = true;
  for (let i = 0; i < row.values.length; i++) {
    const v = row.values[i];
    if (v.value === null) {
      if (v.raw.trim() !== '') complete = false;
    } else value += v.value;
  }
  return { value, complete };
}
