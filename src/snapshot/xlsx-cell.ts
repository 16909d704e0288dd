/** One ExcelJS cell as the snapshot's plain value, value type and formula. */
import type { Cell } from 'exceljs';
import { calendarDate, toSerial } from '../util/dates';
import type { CellValue, ValueType } from './types';

export interface PlainCell {
  value: CellValue;
  type: ValueType;
  formula: string | null;
}

const EMPTY: PlainCell = { value: null, type: 'Empty', formula: null };
// ExcelJS's ValueType enum, spelled out so this file does not need ExcelJS at run time.
const T = { Null: 0, Merge: 1, Number: 2, String: 3, Date: 4, Hyperlink: 5, Formula: 6, SharedString: 7, RichText: 8, Boolean: 9, Error: 10 } as const;

/** A JS Date from ExcelJS (UTC midnight for a calendar day) to an Excel serial, whatever the machine's time zone. */
export function dateToSerial(d: Date): number {
  const day = calendarDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  if (day === null || Number.isNaN(d.getTime())) return NaN;
  const msOfDay = d.getUTCHours() * 3600000 + d.getUTCMinutes() * 60000 + d.getUTCSeconds() * 1000 + d.getUTCMilliseconds();
  return toSerial(day) + msOfDay / 86400000;
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
