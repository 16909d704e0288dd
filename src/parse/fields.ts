/** A field is a label cell with its value in the next non-empty cell to the right (never a header cell). */
import type { SheetReader } from './sheet-reader';
import { labelSet } from '../util/labels';

export interface FoundField {
  labelRow: number;
  labelCol: number;
  /** Column of the value, null when nothing follows the label on its row. */
  valueCol: number | null;
}

export function findField(s: SheetReader, synonyms: readonly string[], excludedRows: ReadonlySet<number>): FoundField | null {
  return findFields(s, [synonyms], excludedRows)[0];
}

/** findField for several fields in one pass over the sheet: each is the first cell, row by row, that has one of its labels. */
export function findFields(s: SheetReader, fields: readonly (readonly string[])[], excludedRows: ReadonlySet<number>): (FoundField | null)[] {
  const wanted = fields.map(labelSet);
  const found: (FoundField | null)[] = fields.map(() => null);
  let left = fields.length;
  for (let r = s.top; r < s.bottom && left > 0; r++) {
    if (excludedRows.has(r)) continue;
    for (let c = s.left; c < s.right && left > 0; c++) {
      const n = s.norm(r, c);
      for (let k = 0; k < wanted.length; k++) {
        if (found[k] !== null || !wanted[k].has(n)) continue;
        found[k] = { labelRow: r, labelCol: c, valueCol: valueColOf(s, r, c) };
        left--;
      }
    }
  }
  return found;
}

/** The next non-empty cell right of the label, on its row. */
function valueColOf(s: SheetReader, r: number, c: number): number | null {
  for (let v = c + 1; v < s.right; v++) if (!s.isBlank(r, v)) return v;
  return null;
}
