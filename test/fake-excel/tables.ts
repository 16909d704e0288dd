/**
 * Excel tables (ListObjects) on the fake's sheets, kept beside the sheet model in a WeakMap (as charts.ts keeps
 * its extras), and what Excel does to them when whole rows go in or out (Range.insert(Down) / delete(Up)):
 * - rows inserted at or above a table's header row move it down;
 * - rows inserted inside it (below its header, before any of its rows down to and including its last one, its
 *   totals row included) grow it;
 * - rows inserted directly under its last row do NOT join it (Excel's insert leaves them outside; only typing
 *   right under a table expands it, with AutoCorrect);
 * - rows deleted above it move it up; rows deleted inside it shrink it; when every data row went, the table keeps
 *   its header, one data row (the row now under the header) and its totals row; when every row went, it goes.
 * Written apart from src/plan/row-moves.ts on purpose: the tests compare the two.
 */
import type { Box, FakeSheet, FakeWorkbook } from './model';

export interface FakeTable {
  id: string;
  name: string;
  /** 0-based rows and columns of the whole table (header and totals rows included). */
  top: number;
  bottom: number;
  left: number;
  right: number;
  showHeaders: boolean;
  showTotals: boolean;
}

const tables = new WeakMap<FakeSheet, FakeTable[]>();
let nextTableId = 1;

export function tablesOf(sheet: FakeSheet): FakeTable[] {
  let list = tables.get(sheet);
  if (!list) tables.set(sheet, (list = []));
  return list;
}

export function tableBox(t: FakeTable): Box {
  return { top: t.top, left: t.left, rows: t.bottom - t.top + 1, cols: t.right - t.left + 1 };
}

const overlaps = (a: Box, b: Box) => a.top < b.top + b.rows && b.top < a.top + a.rows && a.left < b.left + b.cols && b.left < a.left + a.cols;

/** A problem Excel would report for a table over `box` on `sheet` (other than `self`), or null. */
export function tablePlaceProblem(wb: FakeWorkbook, sheet: FakeSheet, box: Box, hasHeaders: boolean, self?: FakeTable): string | null {
  if (box.rows < (hasHeaders ? 2 : 1)) return 'A table needs a header row and at least one data row.';
  if (tablesOf(sheet).some((t) => t !== self && overlaps(tableBox(t), box))) return "A table can't overlap another table.";
  return null;
}

/** tables.add(address, hasHeaders): named Table1, Table2… (the first name no table of the workbook has). */
export function addTable(wb: FakeWorkbook, sheet: FakeSheet, box: Box, hasHeaders: boolean): FakeTable {
  const taken = new Set(wb.sheets.flatMap((s) => tablesOf(s).map((t) => t.name.toLowerCase())));
  let k = 1;
  while (taken.has(`table${k}`)) k++;
  const t: FakeTable = { id: String(nextTableId++), name: `Table${k}`, top: box.top, bottom: box.top + box.rows - 1, left: box.left, right: box.left + box.cols - 1, showHeaders: hasHeaders, showTotals: false };
  tablesOf(sheet).push(t);
  return t;
}

/** Every table of the workbook with its sheet. */
export function allTables(wb: FakeWorkbook): { sheet: FakeSheet; table: FakeTable }[] {
  return wb.sheets.flatMap((sheet) => tablesOf(sheet).map((table) => ({ sheet, table })));
}

/** Whole rows of `sheet` inserted (count > 0, before 0-based row `at`) or deleted (count < 0, rows at..at-count-1). */
export function tablesAfterRows(sheet: FakeSheet, at: number, count: number): void {
  const list = tablesOf(sheet);
  for (const t of [...list]) {
    if (count > 0) {
      if (at <= t.top) {
        t.top += count;
        t.bottom += count;
      } else if (at <= t.bottom) t.bottom += count;
      continue;
    }
    const n = -count;
    const end = at + n; // first row after the deleted ones
    const goneAbove = Math.max(0, Math.min(end, t.top) - at); // deleted rows above the table
    const goneInside = Math.max(0, Math.min(end, t.bottom + 1) - Math.max(at, t.top)); // deleted rows of the table
    const size = t.bottom - t.top + 1;
    if (goneInside >= size) {
      list.splice(list.indexOf(t), 1);
      continue;
    }
    t.top -= goneAbove;
    t.bottom -= goneAbove + goneInside;
    const least = (t.showHeaders ? 1 : 0) + 1 + (t.showTotals ? 1 : 0);
    if (t.bottom - t.top + 1 < least) t.bottom = t.top + least - 1;
  }
}
