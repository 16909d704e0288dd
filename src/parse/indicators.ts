/** Indicator sheets: one row per partner and indicator, whole numbers per period. */
import type { IndicatorRow, IndicatorSheet } from '../model/types';
import type { SheetReader } from './sheet-reader';
import type { ReadLog } from './read-log';
import { readText } from './cells';
import { bodyRows, findHeader, matchHeader, type FoundHeader, type TableSpec } from './tables';
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

export function isIndicatorSheet(s: SheetReader): boolean {
  return findHeader(s, INDICATORS) !== null;
}

export function parseIndicatorSheet(s: SheetReader, log: ReadLog): { sheet: IndicatorSheet; rows: IndicatorRow[] } {
  const h = findHeader(s, INDICATORS)!;
  const rows = bodyRows(s, h, (r) => matchHeader(s, r, INDICATORS) !== null).map((r) => readRow(s, r, h, log));
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

function readWhole(s: SheetReader, r: number, c: number, log: ReadLog, what: string, blank: 0 | null = 0): { value: number | null; at: IndicatorRow['values'][number]['at']; raw: string } {
  const at = s.ref(r, c);
  const type = s.type(r, c);
  const raw = s.text(r, c);
  if (type === 'Error') {
    log.issue({ kind: 'error', at, raw, what });
    return { value: null, at, raw };
  }
  if (type === 'Uncalculated') {
    log.issue({ kind: 'uncalculated', at, formula: s.formula(r, c) ?? '', what });
    return { value: null, at, raw };
  }
  const v = s.value(r, c);
  if (v === null || (typeof v === 'string' && v.trim() === '')) return { value: blank, at, raw: '' };
  // Whether it is whole and not negative is I01's to say; text is not a number here.
  return { value: typeof v === 'number' ? v : null, at, raw };
}

function readRow(s: SheetReader, r: number, h: FoundHeader, log: ReadLog): IndicatorRow {
  const partner = readText(s, r, h.cols.partner, log, 'Partner');
  const indicator = readText(s, r, h.cols.indicator, log, 'Indicator');
  return {
    sheet: s.name,
    row: r,
    partner,
    indicator,
    values: h.periods.map((p) => ({ period: p.number, ...readWhole(s, r, p.col, log, `${indicator.value ?? 'Indicator'} P${p.number}`) })),
    total: h.cols.total !== undefined ? readWhole(s, r, h.cols.total, log, `${indicator.value ?? 'Indicator'} Total`, null) : null,
    comment: h.cols.comment !== undefined ? readText(s, r, h.cols.comment, log, 'Comment').value : null,
  };
}
