/** Indicator sheets: one row per partner and indicator, whole numbers per period. */
import type { IndicatorRow, IndicatorSheet } from '../model/types';
import type { SheetReader } from './sheet-reader';
import type { ReadLog } from './read-log';
import { readText } from './cells';
import { bodyRows, isAnyHeader, type FoundHeader, type TableSpec } from './tables';
import { COLUMN } from './vocabulary';

export const INDICATORS: TableSpec = {
  columns: [
    { key: 'partner', synonyms: COLUMN.partner, required: true },
    { key: 'indicator', synonyms: COLUMN.indicator, required: true },
    { key: 'total', synonyms: COLUMN.total, required: false },
    { key: 'comment', synonyms: COLUMN.comment, required: false },
  ],
  minPeriods: 1,
};

const INDICATOR_TABLE = [INDICATORS];

/** `h`: the table's header, which the caller found in telling an indicator sheet (parse/index.ts). */
export function parseIndicatorSheet(s: SheetReader, log: ReadLog, h: FoundHeader): { sheet: IndicatorSheet; rows: IndicatorRow[] } {
  const rows = bodyRows(s, h, (r) => isAnyHeader(s, r, INDICATOR_TABLE)).map((r) => readRow(s, r, h, log));
  return {
    sheet: {
      sheet: s.name,
      header: s.ref(h.row, h.firstCol),
      periods: h.periods.map((p) => ({ number: p.number, col: p.col, header: s.ref(h.row, p.col) })),
      totalCol: h.cols.total ?? null,
    },
    rows,
  };
}

type Whole = { value: number | null; at: IndicatorRow['values'][number]['at']; raw: string };

/** What readCount read: its value and text, left here rather than in an object of their own (one per cell). */
let countValue: number | null = null;
let countRaw = '';

/**
 * A whole-number cell of an indicator row: its CellRef, with its value and text in countValue and countRaw; `name`
 * and `period` say what it is in the read log (the words made only when something is logged: 'PLE P3', 'PLE Total').
 */
function readCount(s: SheetReader, r: number, c: number, log: ReadLog, name: string, period: number | null, blank: 0 | null): Whole['at'] {
  const at = s.ref(r, c);
  const type = s.type(r, c);
  const v = s.value(r, c);
  const raw = v === null ? '' : String(v); // s.text
  countRaw = raw;
  countValue = null;
  if (type === 'Error') {
    log.issue({ kind: 'error', at, raw, what: whatOf(name, period) });
  } else if (type === 'Uncalculated') {
    log.issue({ kind: 'uncalculated', at, formula: s.formula(r, c) ?? '', what: whatOf(name, period) });
  } else if (v === null || (typeof v === 'string' && v.trim() === '')) {
    countValue = blank;
    countRaw = '';
  } else {
    // Whether it is whole and not negative is I01's to say; text is not a number here.
    countValue = typeof v === 'number' ? v : null;
  }
  return at;
}

function readWhole(s: SheetReader, r: number, c: number, log: ReadLog, name: string, period: number | null, blank: 0 | null = 0): Whole {
  const at = readCount(s, r, c, log, name, period, blank);
  return { value: countValue, at, raw: countRaw };
}

function whatOf(name: string, period: number | null): string {
  return period === null ? `${name} Total` : `${name} P${period}`;
}

function readRow(s: SheetReader, r: number, h: FoundHeader, log: ReadLog): IndicatorRow {
  const partner = readText(s, r, h.cols.partner, log, 'Partner');
  const indicator = readText(s, r, h.cols.indicator, log, 'Indicator');
  const name = indicator.value ?? 'Indicator';
  const values: IndicatorRow['values'] = new Array(h.periods.length);
  for (let i = 0; i < h.periods.length; i++) {
    const p = h.periods[i];
    const at = readCount(s, r, p.col, log, name, p.number, 0);
    values[i] = { period: p.number, value: countValue, at, raw: countRaw };
  }
  return {
    sheet: s.name,
    row: r,
    partner,
    indicator,
    values,
    total: h.cols.total !== undefined ? readWhole(s, r, h.cols.total, log, name, null, null) : null,
    comment: h.cols.comment !== undefined ? readText(s, r, h.cols.comment, log, 'Comment').value : null,
  };
}
