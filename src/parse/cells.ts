/** Reading typed values (amounts, dates, numbers, text) from cells, logging what cannot be read. */
import type { Amount, Located } from '../model/types';
import type { Cents } from '../util/money';
import { hasTwoDecimals, roundToCents } from '../util/money';
import { fromSerial, parseDateText, type CalendarDate } from '../util/dates';
import type { SheetReader } from './sheet-reader';
import type { ReadLog } from './read-log';
import { parseNumericText } from './numeric-text';
import { partnerNumber } from './vocabulary';

/** An error value or an uncalculated formula: logged, and the caller treats the cell as missing. */
function logMissingValue(s: SheetReader, row: number, col: number, log: ReadLog, what: string): boolean {
  const type = s.type(row, col);
  if (type === 'Error') {
    log.issue({ kind: 'error', at: s.ref(row, col), raw: s.text(row, col), what });
    return true;
  }
  if (type === 'Uncalculated') {
    log.issue({ kind: 'uncalculated', at: s.ref(row, col), formula: s.formula(row, col) ?? '', what });
    return true;
  }
  return false;
}

/**
 * String(v) for a number, quicker for amounts of whole cents (every period cell): v is then the double nearest to
 * c / 100 and, with at most 15 significant digits, String(v) is that decimal written shortest ('12.5', '-3', '0.07').
 */
export function numberText(v: number): string {
  const c = Math.round(v * 100);
  if (c / 100 !== v || c > 1e15 || c < -1e15) return String(v);
  if (c === 0) return '0'; // also -0, as String(-0)
  const a = c < 0 ? -c : c;
  const frac = a % 100;
  const whole = (a - frac) / 100;
  const s = frac === 0 ? String(whole) : frac % 10 === 0 ? `${whole}.${frac / 10}` : `${whole}.${frac < 10 ? '0' : ''}${frac}`;
  return c < 0 ? `-${s}` : s;
}

/**
 * An amount whose `cents` is null, made at the start of each parse (parse/index.ts). Every amount literal below has
 * the same keys in the same order, so V8 gives them one hidden class, and this one makes its `cents` field hold any
 * value (tagged). Otherwise the first amount above 2^31 cents (a total of €21M) turns the field into a double field,
 * and every amount read after it carries a 16-byte box for its cents that the garbage collector copies; tagged,
 * small cents sit in the object itself. Only its shape matters.
 */
export function taggedCents(): Amount {
  return { cents: null, source: 'invalid', twoDecimals: true, formula: null, raw: '', at: { sheet: '', cell: 'A1', row: 0, col: 0 } };
}

export function readAmount(s: SheetReader, row: number, col: number, log: ReadLog, what: string): Amount {
  // Hot path (every period cell of every budget sheet): one shape of object literal, no spreads.
  const at = s.ref(row, col);
  const formula = s.formula(row, col);
  const v = s.value(row, col);
  const raw = v === null ? '' : typeof v === 'number' ? numberText(v) : String(v); // s.text
  const type = s.type(row, col);
  if (type === 'Error' || type === 'Uncalculated') {
    logMissingValue(s, row, col, log, what);
    return { cents: null, source: type === 'Error' ? 'error' : 'uncalculated', twoDecimals: true, formula, raw, at };
  }
  if (v === null || (typeof v === 'string' && v.trim() === '')) return { cents: 0 as Cents, source: 'empty', twoDecimals: true, formula, raw, at };
  if (typeof v === 'number') {
    // numberToCents, without its object: one per cell is many.
    const cents = roundToCents(v);
    const twoDecimals = hasTwoDecimals(v, cents);
    if (!twoDecimals) log.issue({ kind: 'badDecimals', at, raw, what });
    if (v < 0) log.issue({ kind: 'negative', at, raw, what });
    return { cents, source: formula ? 'formula' : 'number', twoDecimals, formula, raw, at };
  }
  if (typeof v === 'string') {
    const parsed = parseNumericText(v);
    if (parsed) {
      log.issue({ kind: 'numericText', at, raw, cents: parsed.cents as Cents, what });
      if (!parsed.twoDecimals) log.issue({ kind: 'badDecimals', at, raw, what });
      if (parsed.cents < 0) log.issue({ kind: 'negative', at, raw, what });
      return { cents: parsed.cents as Cents, source: 'text', twoDecimals: parsed.twoDecimals, formula, raw, at };
    }
  }
  log.issue({ kind: 'notAmount', at, raw, what });
  return { cents: null, source: 'invalid', twoDecimals: true, formula, raw, at };
}

export function readDate(s: SheetReader, row: number, col: number, log: ReadLog, what: string): Located<CalendarDate> {
  const at = s.ref(row, col);
  if (logMissingValue(s, row, col, log, what)) return { value: null, at };
  const v = s.value(row, col);
  if (v === null || (typeof v === 'string' && v.trim() === '')) return { value: null, at };
  const d = typeof v === 'number' ? fromSerial(v) : typeof v === 'string' ? parseDateText(v) : null;
  if (d === null) log.issue({ kind: 'unreadable', at, raw: String(v), what, expected: 'a date (2019-04-01 or 01/04/2019)' });
  return { value: d, at };
}

/** A whole or decimal number; numeric text such as '24' is accepted. */
export function readNumber(s: SheetReader, row: number, col: number, log: ReadLog, what: string): Located<number> {
  const at = s.ref(row, col);
  if (logMissingValue(s, row, col, log, what)) return { value: null, at };
  const v = s.value(row, col);
  if (v === null || (typeof v === 'string' && v.trim() === '')) return { value: null, at };
  if (typeof v === 'number') return { value: v, at };
  if (typeof v === 'string' && /^\s*-?\d+([.,]\d+)?\s*$/.test(v)) return { value: Number(v.trim().replace(',', '.')), at };
  log.issue({ kind: 'unreadable', at, raw: String(v), what, expected: 'a number' });
  return { value: null, at };
}

export function readText(s: SheetReader, row: number, col: number, log: ReadLog, what: string): Located<string> {
  const at = s.ref(row, col);
  if (logMissingValue(s, row, col, log, what)) return { value: null, at };
  const v = s.value(row, col);
  if (v === null) return { value: null, at };
  const t = String(v).trim();
  return { value: t === '' ? null : t, at };
}

/** A Partner No cell (on the Partners table or a budget sheet): a number, or text such as 'PP3'. */
export function readPartnerNo(s: SheetReader, row: number, col: number, log: ReadLog): Located<number> {
  const t = readText(s, row, col, log, 'Partner No');
  if (t.value === null) return { value: null, at: t.at };
  const n = partnerNumber(t.value);
  if (n === null) log.issue({ kind: 'unreadable', at: t.at, raw: t.value, what: 'Partner No', expected: 'a partner number (1, 2, 3…)' });
  return { value: n, at: t.at };
}
