/** Reading the template's and sample's snapshots by label, as a finance officer would look them up. */
import type { SheetSnapshot, WorkbookSnapshot } from '../../src/snapshot/types';
import { cellAt, colCount, rowCount } from '../../src/snapshot/cells';

export function sheet(book: WorkbookSnapshot, name: string): SheetSnapshot {
  const s = book.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

/** 0-based row of the first cell in column A holding `label`, at or after `from`. */
export function rowOf(s: SheetSnapshot, label: string | number, from = 0): number {
  for (let r = from; r < rowCount(s); r++) if (cellAt(s, r, 0).value === label) return r;
  throw new Error(`no row ${label} on ${s.name}`);
}

export function colOf(s: SheetSnapshot, row: number, header: string): number {
  for (let c = 0; c < colCount(s); c++) if (cellAt(s, row, c).value === header) return c;
  throw new Error(`no column ${header} on ${s.name} row ${row + 1}`);
}

export const v = (s: SheetSnapshot, r: number, c: number) => cellAt(s, r, c).value;

/** A number cell as cents (the sheet holds EUR with at most two decimals). */
export function cents(s: SheetSnapshot, r: number, c: number): number {
  const x = v(s, r, c);
  if (typeof x !== 'number') throw new Error(`${s.name} r${r + 1} c${c + 1} is not a number: ${x}`);
  return Math.round(x * 100);
}
