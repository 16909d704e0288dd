/** A field is a label cell with its value in the next non-empty cell to the right (never a header cell). */
import type { SheetReader } from './sheet-reader';
import { normalizeLabel } from '../util/labels';

export interface FoundField {
  labelRow: number;
  labelCol: number;
  /** Column of the value, null when nothing follows the label on its row. */
  valueCol: number | null;
}

export function findField(s: SheetReader, synonyms: readonly string[], excludedRows: ReadonlySet<number>): FoundField | null {
  const wanted = new Set(synonyms.map(normalizeLabel));
  for (let r = s.top; r < s.bottom; r++) {
    if (excludedRows.has(r)) continue;
    for (let c = s.left; c < s.right; c++) {
      if (!wanted.has(s.norm(r, c))) continue;
      let valueCol: number | null = null;
      for (let v = c + 1; v < s.right; v++) {
        if (!s.isBlank(r, v)) {
          valueCol = v;
          break;
        }
      }
      return { labelRow: r, labelCol: c, valueCol };
    }
  }
  return null;
}
