/**
 * Excel's rules for what may be written, shared by the fake's proxies and the wire-level host (test/office-wire):
 * sheet names, what a typed value becomes (convert.ts, evaluate.ts), and the size limits of a cell.
 */
import { enter } from './convert';
import { evaluate } from './evaluate';
import type { FakeCell, FakeSheet, FakeWorkbook } from './model';

/** Excel: "Total number of characters that a cell can contain: 32,767"; "Length of formula contents: 8,192". */
export const MAX_CELL_CHARS = 32767;
export const MAX_FORMULA_CHARS = 8192;
export const MAX_SHEET_NAME = 31;

const INVALID_NAME = /[[\]:*?/\\]/;

/** Why Excel refuses `name` as a sheet name, or null. 'History' is reserved by Excel (change tracking). */
export function sheetNameProblem(name: unknown): string | null {
  if (typeof name !== 'string' || name.trim() === '') return 'a sheet name cannot be blank';
  if (name.length > MAX_SHEET_NAME) return `a sheet name has at most ${MAX_SHEET_NAME} characters`;
  if (INVALID_NAME.test(name)) return 'a sheet name cannot contain [ ] : * ? / \\';
  if (name.startsWith("'") || name.endsWith("'")) return 'a sheet name cannot begin or end with an apostrophe';
  if (name.toLowerCase() === 'history') return "'History' is a name Excel reserves";
  return null;
}

/** Why Excel refuses this input for one cell (values/formulas), or null. */
export function cellInputProblem(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  if (/^[=+\-@]/.test(input) && input.length > MAX_FORMULA_CHARS) return `a formula has at most ${MAX_FORMULA_CHARS} characters`;
  if (input.length > MAX_CELL_CHARS) return `a cell holds at most ${MAX_CELL_CHARS} characters`;
  return null;
}

/** A value written through range.values / range.formulas, entered as Excel would (undefined input leaves the cell). */
export function enterInto(wb: FakeWorkbook, sheet: FakeSheet, cell: FakeCell, input: unknown): void {
  const e = enter(input, cell.numberFormat);
  if (!e) return;
  cell.formula = e.formula;
  if (e.numberFormat) cell.numberFormat = e.numberFormat;
  if (e.formula) {
    const v = evaluate(e.formula, wb, sheet);
    cell.value = v.value;
    cell.type = v.type;
  } else {
    cell.value = e.value;
    cell.type = e.type;
  }
}
