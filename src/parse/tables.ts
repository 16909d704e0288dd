/**
 * Tables are found by their header row: the first row holding all required labels, in any order, other cells
 * allowed between them. A table's body runs to its first blank row or the next table's header row.
 */
import type { SheetReader } from './sheet-reader';
import { normalizeLabel } from '../util/labels';
import { periodNumber } from './vocabulary';

export interface ColumnSpec {
  key: string;
  synonyms: readonly string[];
  required: boolean;
}

export interface FoundHeader {
  row: number;
  /** Column of each found key. */
  cols: Record<string, number>;
  /** Period columns (P1, Period 2…), in column order. */
  periods: { number: number; col: number }[];
  /** Leftmost and rightmost (exclusive) columns the header spans. */
  firstCol: number;
  endCol: number;
}

export interface TableSpec {
  columns: ColumnSpec[];
  /** The header's first non-empty cell must be this column (Budget line…, Reported…). */
  firstColumn?: string;
  /** A header row that also holds one of these labels belongs to another table (Phases vs Periods). */
  excludeIfHas?: readonly string[];
  minPeriods?: number;
}

const normCache = new Map<readonly string[], Set<string>>();
function normSet(synonyms: readonly string[]): Set<string> {
  let s = normCache.get(synonyms);
  if (!s) {
    s = new Set(synonyms.map(normalizeLabel));
    normCache.set(synonyms, s);
  }
  return s;
}

/** Match a row against a table spec; null when it is not that table's header. */
export function matchHeader(s: SheetReader, row: number, spec: TableSpec): FoundHeader | null {
  const cols: Record<string, number> = {};
  const periods: { number: number; col: number }[] = [];
  let firstNonEmpty: number | null = null;
  let lastCol = -1;
  const exclude = spec.excludeIfHas ? normSet(spec.excludeIfHas) : null;
  for (let c = s.left; c < s.right; c++) {
    const n = s.norm(row, c);
    if (n === '') continue;
    if (firstNonEmpty === null) firstNonEmpty = c;
    if (exclude?.has(n)) return null;
    let matched = false;
    for (const col of spec.columns) {
      if (cols[col.key] === undefined && normSet(col.synonyms).has(n)) {
        cols[col.key] = c;
        matched = true;
        break;
      }
    }
    if (!matched && spec.minPeriods !== undefined) {
      const p = periodNumber(n);
      if (p !== null) periods.push({ number: p, col: c });
      else continue;
    } else if (!matched) continue;
    lastCol = c;
  }
  if (firstNonEmpty === null) return null;
  if (spec.firstColumn !== undefined && cols[spec.firstColumn] !== firstNonEmpty) return null;
  for (const col of spec.columns) if (col.required && cols[col.key] === undefined) return null;
  if (spec.minPeriods !== undefined && periods.length < spec.minPeriods) return null;
  return { row, cols, periods, firstCol: firstNonEmpty, endCol: lastCol + 1 };
}

export function findHeader(s: SheetReader, spec: TableSpec, fromRow = s.top): FoundHeader | null {
  for (let r = fromRow; r < s.bottom; r++) {
    const h = matchHeader(s, r, spec);
    if (h) return h;
  }
  return null;
}

/** A row that holds some but not all of the required labels: to say which column is missing. */
export function nearHeader(s: SheetReader, spec: TableSpec): { row: number; missing: string[] } | null {
  const required = spec.columns.filter((c) => c.required);
  let best: { row: number; missing: string[]; found: number } | null = null;
  for (let r = s.top; r < s.bottom; r++) {
    const norms = new Set<string>();
    for (let c = s.left; c < s.right; c++) norms.add(s.norm(r, c));
    const missing = required.filter((col) => !col.synonyms.some((syn) => norms.has(normalizeLabel(syn))));
    const found = required.length - missing.length;
    if (found >= 2 && found * 2 >= required.length && (!best || found > best.found)) {
      best = { row: r, missing: missing.map((m) => m.synonyms[0]), found };
    }
  }
  return best && best.missing.length > 0 ? { row: best.row, missing: best.missing } : null;
}

/** Rows of a table's body: from the row after the header to the first blank row (within the header's span) or stop row. */
export function bodyRows(s: SheetReader, header: FoundHeader, isStop: (row: number) => boolean): number[] {
  const rows: number[] = [];
  for (let r = header.row + 1; r < s.bottom; r++) {
    if (s.rowIsBlank(r, header.firstCol, header.endCol)) break;
    if (isStop(r)) break;
    rows.push(r);
  }
  return rows;
}
