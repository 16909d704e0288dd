/** One ExcelJS cell as the snapshot's plain value, value type and formula. */
import type { Cell } from 'exceljs';
import type { CellValue, ValueType } from '../../../src/snapshot/types';

export interface PlainCell {
  value: CellValue;
  type: ValueType;
  formula: string | null;
}

const DAY_MS = 86400000;
const EXCEL_DAY_ZERO = Date.UTC(1899, 11, 30);

const EMPTY: PlainCell = { value: null, type: 'Empty', formula: null };
// ExcelJS's ValueType enum, spelled out so this file does not need ExcelJS at run time.
const T = { Null: 0, Merge: 1, Number: 2, String: 3, Date: 4, Hyperlink: 5, Formula: 6, SharedString: 7, RichText: 8, Boolean: 9, Error: 10 } as const;

/**
 * A JS Date from ExcelJS back to the Excel serial it came from, whatever the machine's time zone: ExcelJS maps
 * serial s to 1899-12-30 + s days in UTC (linearly, without Excel's 1900-02-29), so the inverse is linear too;
 * a time of day (0.5 with h:mm) stays a fraction, and serials 1–60 keep their numbers.
 */
export function dateToSerial(d: Date): number {
  if (Number.isNaN(d.getTime())) return NaN;
  const day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  const msOfDay = d.getTime() - day;
  return Math.round((day - EXCEL_DAY_ZERO) / DAY_MS) + msOfDay / DAY_MS;
}

/** A plain value (number, text, boolean, error text) from any ExcelJS value or formula result. */
function plain(v: unknown): PlainCell {
  if (v === null || v === undefined) return EMPTY;
  if (typeof v === 'number') return { value: v, type: 'Double', formula: null };
  if (typeof v === 'string') return v === '' ? EMPTY : { value: v, type: 'String', formula: null };
  if (typeof v === 'boolean') return { value: v, type: 'Boolean', formula: null };
  if (v instanceof Date) return { value: dateToSerial(v), type: 'Double', formula: null };
  if (typeof v === 'object') {
    const o = v as { error?: string; richText?: { text: string }[]; text?: unknown; hyperlink?: string };
    if (typeof o.error === 'string') return { value: o.error, type: 'Error', formula: null };
    if (Array.isArray(o.richText)) return plain(o.richText.map((r) => r.text).join(''));
    if (o.text !== undefined) return plain(o.text);
  }
  return { value: String(v), type: 'String', formula: null };
}

export function readCell(cell: Cell): PlainCell {
  switch (cell.type as number) {
    case T.Null:
    case T.Merge: // Office.js gives the value only in a merged area's top-left cell
      return EMPTY;
    case T.Formula: {
      const text = cell.formula;
      const formula = text ? `=${text}` : null;
      // cell.result, not cell.value.result: ExcelJS drops a cached 0 (or false) from the latter.
      const result = (cell as unknown as { result: unknown }).result;
      if (result === undefined || result === null) return { value: null, type: 'Uncalculated', formula };
      return { ...plain(result), formula };
    }
    default:
      return plain(cell.value);
  }
}
