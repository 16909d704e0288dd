/**
 * Whole rows inserted or deleted on a sheet, and what that does to addresses, decided once for both faces:
 * Excel moves every reference to a moved cell (relative and $-fixed alike), a range grows when rows go in
 * inside it and shrinks when some of its rows go, and a reference whose cells all went becomes #REF!.
 * The CLI applies this to the package (formulas, merges, validations, conditional formats, names, notes);
 * Excel does it itself; both faces move the addresses our `_clusterix` state keeps with it.
 */
import { a1, parseA1 } from '../util/a1';
import type { ClusterixState, SavedCell } from './types';

/**
 * One insert (count > 0: `count` rows go in before 0-based row `at`) or delete (count < 0: rows `at` to
 * `at - count - 1` go). A list is applied in order, each move's `at` counted after the moves before it.
 */
export interface RowMove {
  sheet: string;
  at: number;
  count: number;
  /** Inserted rows formatted as nothing (right under a table's header, whose look is not a row's); else as the row above. */
  plain?: boolean;
}

/** Sheet names as Excel compares them: without regard to case. */
export const sameSheet = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Rows (0-based) of a sheet deleted as whole rows: one move per run of neighbouring rows, bottom-up, so each move's rows are those read. */
export function rowDeletions(sheet: string, rows: Iterable<number>): RowMove[] {
  const sorted = [...new Set(rows)].sort((a, b) => b - a);
  const out: RowMove[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const bottom = sorted[i];
    let top = bottom;
    while (i + 1 < sorted.length && sorted[i + 1] === top - 1) top = sorted[++i];
    out.push({ sheet, at: top, count: -(bottom - top + 1) });
  }
  return out;
}

/** A 0-based row after the moves, or null when its row was deleted. */
export function movedRow(moves: readonly RowMove[], sheet: string, row: number): number | null {
  let r = row;
  for (const m of moves) {
    if (!sameSheet(m.sheet, sheet)) continue;
    if (m.count > 0) {
      if (r >= m.at) r += m.count;
    } else if (r >= m.at) {
      if (r < m.at - m.count) return null;
      r += m.count;
    }
  }
  return r;
}

/** Rows top..bottom (0-based) as a range reference moves: grown by rows inserted inside, shrunk by rows deleted; null when all went. */
export function movedSpan(moves: readonly RowMove[], sheet: string, top: number, bottom: number): { top: number; bottom: number } | null {
  let t = top;
  let b = bottom;
  for (const m of moves) {
    if (!sameSheet(m.sheet, sheet)) continue;
    if (m.count > 0) {
      if (t >= m.at) t += m.count;
      if (b >= m.at) b += m.count;
      continue;
    }
    const end = m.at - m.count; // first row after the deleted ones
    const nt = t < m.at ? t : t >= end ? t + m.count : m.at;
    const nb = b < m.at ? b : b >= end ? b + m.count : m.at - 1;
    if (nb < nt) return null;
    t = nt;
    b = nb;
  }
  return { top: t, bottom: b };
}

/**
 * A range of formatting (a conditional format's or a validation's cells) after the moves: as movedSpan, and
 * rows inserted right under it join it, since they take the formatting of the row above (Excel's "format
 * same as above" copies conditional formats and validation with the rest).
 */
export function movedFormatSpan(moves: readonly RowMove[], sheet: string, top: number, bottom: number): { top: number; bottom: number } | null {
  let span: { top: number; bottom: number } | null = { top, bottom };
  for (const m of moves) {
    if (!span) return null;
    if (m.count > 0 && sameSheet(m.sheet, sheet) && span.bottom === m.at - 1) span = { top: span.top, bottom: span.bottom + m.count };
    else span = movedSpan([m], sheet, span.top, span.bottom);
  }
  return span;
}

/**
 * An Excel table's rows (0-based, `top` its header row when it has one, `bottom` its last row) after the
 * moves, as Excel keeps a table: rows inserted above it move it; rows inserted inside it (below its header, up
 * to its last row) grow it; rows inserted right under its last row join it too, unless it has a totals row
 * (they are a partner's rows going in under its block, and Excel takes rows written right under a table in);
 * rows deleted shrink it, never below its header, one data row and its totals row (`header`, `totals`: 0 or 1
 * each, as the table part counts them); null when every row of it went. `joinBelow` false: Excel's own
 * whole-row insert, which leaves rows inserted right under a table's last row out of it (the add-in resizes
 * such a table to this rule's span: plan/table-moves.ts).
 */
export function movedTableSpan(moves: readonly RowMove[], sheet: string, top: number, bottom: number, header = 1, totals = 0, joinBelow = true): { top: number; bottom: number } | null {
  let t = top;
  let b = bottom;
  for (const m of moves) {
    if (!sameSheet(m.sheet, sheet)) continue;
    if (m.count > 0) {
      if (m.at <= t) t += m.count;
      if (m.at <= b || (joinBelow && m.at === b + 1 && totals === 0)) b += m.count;
      continue;
    }
    const s = movedSpan([m], sheet, t, b);
    if (!s) return null;
    t = s.top;
    b = Math.max(s.bottom, s.top + header + totals);
  }
  return { top: t, bottom: b };
}

/** 'B3', 'B3:D5' or '3:5' (with or without $) on `sheet` after the moves; null when all its rows went. */
export function movedAddress(moves: readonly RowMove[], sheet: string, address: string, spanOf: typeof movedSpan = movedSpan): string | null {
  const rows = /^(\$?)(\d+):(\$?)(\d+)$/.exec(address);
  if (rows) {
    const s = spanOf(moves, sheet, Number(rows[2]) - 1, Number(rows[4]) - 1);
    return s && `${rows[1]}${s.top + 1}:${rows[3]}${s.bottom + 1}`;
  }
  const [x, y] = address.split(':');
  const p = parseA1(x);
  const fix = (ref: string, row: number) => ref.replace(/(\$?)\d+$/, (_m, d: string) => `${d}${row + 1}`);
  if (y === undefined && spanOf === movedSpan) {
    const r = movedRow(moves, sheet, p.row);
    return r === null ? null : fix(x, r);
  }
  const q = parseA1(y ?? x);
  const s = spanOf(moves, sheet, Math.min(p.row, q.row), Math.max(p.row, q.row));
  if (!s) return null;
  if (y === undefined) return s.top === s.bottom ? fix(x, s.top) : `${fix(x, s.top)}:${fix(x, s.bottom)}`;
  return p.row <= q.row ? `${fix(x, s.top)}:${fix(y, s.bottom)}` : `${fix(x, s.bottom)}:${fix(y, s.top)}`;
}

// A string literal; a bracketed part of a structured reference (Table1[[#This Row],[P1]]: a column named
// like a cell is no cell); or a reference with an optional sheet: a cell, a cell range or a row range ('3:5').
// Not after ']' (another workbook's sheet: [1]Indicators!A5).
const REF =
  /("(?:[^"]|"")*"|\[(?:[^[\]']|'.)*\])|(?<![\w.$'"\]!])((?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?(?:(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)|(\$?\d+:\$?\d+))(?![\w(!.])/g;

function sheetOfPrefix(prefix: string): string {
  const name = prefix.slice(0, -1);
  return name.startsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
}

/** A formula's text (with or without '=') on sheet `home` with its references to moved rows moved as Excel moves them. */
export function movedFormula(formula: string, home: string, moves: readonly RowMove[]): string {
  if (moves.length === 0) return formula;
  return formula.replace(REF, (m, str: string | undefined, prefix: string | undefined, cells: string | undefined, rows: string | undefined) => {
    if (str !== undefined) return m;
    const sheet = prefix ? sheetOfPrefix(prefix) : home;
    if (!moves.some((x) => sameSheet(x.sheet, sheet))) return m;
    const moved = movedAddress(moves, sheet, (cells ?? rows)!);
    return moved === null ? `${prefix ?? ''}#REF!` : `${prefix ?? ''}${moved}`;
  });
}

/**
 * The state after the moves: each saved mark at its cell's new address (a mark whose row was deleted has no
 * cell left to restore: dropped). An accepted warning whose cell moved or went is dropped: what it was computed
 * from includes its address (checks/acceptance.ts), so the warning opens again to be looked at.
 */
export function movedState(state: ClusterixState, moves: readonly RowMove[]): ClusterixState {
  if (moves.length === 0) return state;
  const marks = state.marks.flatMap((m) => {
    const cell = movedAddress(moves, m.sheet, m.cell);
    return cell === null ? [] : [{ ...m, cell }];
  });
  const accepted = state.accepted?.filter((a) => movedAddress(moves, a.sheet, a.cell.replace(/\$/g, '')) === a.cell.replace(/\$/g, ''));
  return { ...state, marks, ...(accepted ? { accepted } : {}) };
}

/**
 * Rows inserted under a row carrying our marks copy its formatting (Excel's "format same as above", and the
 * CLI does as Excel does): the mark's fill would spread to cells no state knows of, and Clear marks would
 * never take it away. For each such marked cell: the insert (its index in `moves`), the column, the user's
 * look saved for it (what the new cells get instead), and the new cells' addresses once every move is made.
 */
export interface InheritedLook {
  move: number;
  col: number;
  saved: SavedCell;
  cells: string[];
}

export function marksAbove(state: ClusterixState, moves: readonly RowMove[]): InheritedLook[] {
  const out: InheritedLook[] = [];
  moves.forEach((m, i) => {
    if (m.count <= 0 || m.at === 0) return;
    for (const saved of state.marks) {
      if (!sameSheet(saved.sheet, m.sheet) || !/^\$?[A-Z]{1,3}\$?\d+$/i.test(saved.cell)) continue;
      const p = parseA1(saved.cell);
      if (movedRow(moves.slice(0, i), saved.sheet, p.row) !== m.at - 1) continue;
      const cells: string[] = [];
      for (let k = 0; k < m.count; k++) {
        const r = movedRow(moves.slice(i + 1), m.sheet, m.at + k);
        if (r !== null) cells.push(a1(r, p.col));
      }
      out.push({ move: i, col: p.col, saved, cells });
    }
  });
  return out;
}
