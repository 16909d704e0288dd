/**
 * Tables are found by their header row: the first row holding all required labels, in any order, other cells
 * allowed between them. A table's body runs to its first blank row or the next table's header row.
 */
import type { SheetReader } from './sheet-reader';
import { labelSet, normalizeLabel } from '../util/labels';
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

/** Match a row against a table spec; null when it is not that table's header. */
export function matchHeader(s: SheetReader, row: number, spec: TableSpec): FoundHeader | null {
  const cols: Record<string, number> = {};
  const periods: { number: number; col: number }[] = [];
  let firstNonEmpty: number | null = null;
  let lastCol = -1;
  const exclude = spec.excludeIfHas ? labelSet(spec.excludeIfHas) : null;
  for (let c = s.left; c < s.right; c++) {
    const n = s.norm(row, c);
    if (n === '') continue;
    if (firstNonEmpty === null) firstNonEmpty = c;
    if (exclude?.has(n)) return null;
    let matched = false;
    for (let k = 0; k < spec.columns.length; k++) {
      const col = spec.columns[k];
      if (cols[col.key] === undefined && labelSet(col.synonyms).has(n)) {
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
  const specs = [spec];
  for (let r = fromRow; r < s.bottom; r++) {
    if (!mayBeHeader(s, r, specs)) continue;
    const h = matchHeader(s, r, spec);
    if (h) return h;
  }
  return null;
}

/** Whether the row is the header of one of the tables (a body ends there). */
export function isAnyHeader(s: SheetReader, row: number, specs: readonly TableSpec[]): boolean {
  if (!mayBeHeader(s, row, specs)) return false;
  for (const spec of specs) if (matchHeader(s, row, spec) !== null) return true;
  return false;
}

/**
 * A quick look before matchHeader, which is exact: a header holds every required label of its table, so a row with
 * none of the required labels of any of `specs` is no header of theirs. One pass, one look-up per text cell.
 */
function mayBeHeader(s: SheetReader, row: number, specs: readonly TableSpec[]): boolean {
  const wanted = requiredLabels(specs);
  if (wanted === null) return true;
  for (let c = s.left; c < s.right; c++) {
    const v = s.value(row, c);
    if (typeof v === 'string' && wanted.has(s.norm(row, c))) return true;
  }
  return false;
}

const requiredOne = new Map<TableSpec, Set<string> | null>();
const requiredMany = new Map<readonly TableSpec[], Set<string> | null>();

/** The required columns' labels (normalized) of every spec, as one set; null when a spec requires no column. */
function requiredLabels(specs: readonly TableSpec[]): Set<string> | null {
  if (specs.length === 1) {
    const spec = specs[0];
    let set = requiredOne.get(spec);
    if (set === undefined) {
      set = spec.columns.some((col) => col.required) ? new Set() : null;
      if (set) for (const col of spec.columns) if (col.required) for (const n of labelSet(col.synonyms)) set.add(n);
      if (requiredOne.size >= 100) requiredOne.clear();
      requiredOne.set(spec, set);
    }
    return set;
  }
  let set = requiredMany.get(specs);
  if (set === undefined) {
    set = new Set<string>();
    for (const spec of specs) {
      const one = requiredLabels([spec]);
      if (one === null) {
        set = null;
        break;
      }
      for (const n of one) set.add(n);
    }
    if (requiredMany.size >= 100) requiredMany.clear();
    requiredMany.set(specs, set);
  }
  return set;
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
