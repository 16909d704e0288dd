/**
 * What Excel makes of a value written through `range.values` / `range.formulas`: strings are parsed as if
 * typed ('=…', '+1+1', '-2+3', '@SUM(1)' become formulas, '12.5' a number, 'TRUE' a boolean, '2024-01-31' a
 * date) unless the cell is formatted as text ('@') or the string starts with an apostrophe.
 */
import type { CellValue, ValueType } from '../../src/snapshot/types';

export interface Entered {
  value: CellValue;
  type: ValueType;
  formula: string | null;
  /** Excel gives a typed date a date format. */
  numberFormat?: string;
}

const ERRORS = /^#(REF!|DIV\/0!|VALUE!|N\/A|NAME\?|NUM!|NULL!)$/i;

function parseNumber(s: string): number | null {
  const t = s.trim();
  const pct = t.endsWith('%');
  const body = pct ? t.slice(0, -1) : t;
  if (!/^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?$/.test(body) || !/\d/.test(body)) return null;
  const n = Number(body.replace(/,/g, ''));
  if (!Number.isFinite(n)) return null;
  return pct ? n / 100 : n;
}

function isoSerial(s: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s.trim());
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const d = new Date(t);
  if (d.getUTCMonth() !== Number(m[2]) - 1) return null;
  return Math.round((t - Date.UTC(1899, 11, 30)) / 86400000);
}

/** undefined means "leave the cell as it is" (Office.js: null in a values array). */
export function enter(input: unknown, numberFormat: string): Entered | undefined {
  if (input === null || input === undefined) return undefined;
  if (typeof input === 'number') return { value: input, type: 'Double', formula: null };
  if (typeof input === 'boolean') return { value: input, type: 'Boolean', formula: null };
  if (typeof input !== 'string') throw new Error(`cannot enter ${typeof input}`);
  const s = input;
  if (s === '') return { value: null, type: 'Empty', formula: null };
  if (numberFormat === '@') return { value: s, type: 'String', formula: null };
  if (s.startsWith("'")) return { value: s.slice(1), type: s.length > 1 ? 'String' : 'Empty', formula: null };
  if (s.startsWith('=') && s.length > 1) return { value: null, type: 'Empty', formula: s };
  if (s.startsWith('@') && s.length > 1) return { value: null, type: 'Empty', formula: `=${s.slice(1)}` };
  const n = parseNumber(s);
  if (n !== null) return { value: n, type: 'Double', formula: null };
  if ((s.startsWith('+') || s.startsWith('-')) && s.length > 1) return { value: null, type: 'Empty', formula: `=${s}` };
  if (/^(true|false)$/i.test(s.trim())) return { value: s.trim().toLowerCase() === 'true', type: 'Boolean', formula: null };
  if (ERRORS.test(s.trim())) return { value: s.trim().toUpperCase(), type: 'Error', formula: null };
  const serial = isoSerial(s);
  if (serial !== null) return { value: serial, type: 'Double', formula: null, numberFormat: numberFormat === 'General' ? 'yyyy-mm-dd' : undefined };
  return { value: s, type: 'String', formula: null };
}
