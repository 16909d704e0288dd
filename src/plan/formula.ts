/**
 * Live formulas over the input sheets: a figure becomes =SUM of its source cells (contiguous cells as ranges),
 * carrying the value we computed. Where Excel would not agree with what we read, the formula says so in a note:
 * numeric text (SUM ignores it) goes in as a constant; a missing cell makes the figure a plain number.
 */
import type { Amount, CellRef } from '../model/types';
import { a1, ref } from '../util/a1';
import { formatEur, type Cents } from '../util/money';
import type { PlanValue } from './types';

export type Term =
  | { kind: 'ref'; at: CellRef }
  /** A number with more than two decimals: rounded as we read it. */
  | { kind: 'round'; at: CellRef }
  /** Numeric text: the number we read, written into the formula. */
  | { kind: 'constant'; value: number; at: CellRef; raw: string }
  /** An error value, an uncalculated formula or text that is no number: counted as 0. */
  | { kind: 'missing'; at: CellRef; raw: string };

/** Excel's limits on a formula: 255 arguments, 8,192 characters. */
const MAX_ARGS = 255;
const MAX_LENGTH = 8000;

export function amountTerm(a: Amount): Term {
  switch (a.source) {
    case 'text':
      return { kind: 'constant', value: (a.cents ?? 0) / 100, at: a.at, raw: a.raw };
    case 'error':
    case 'uncalculated':
    case 'invalid':
      return { kind: 'missing', at: a.at, raw: a.raw || (a.source === 'uncalculated' ? `an uncalculated formula ${a.formula ?? ''}`.trim() : a.source) };
    default:
      return a.twoDecimals ? { kind: 'ref', at: a.at } : { kind: 'round', at: a.at };
  }
}

/** An indicator's period cell: a number or blank is live; anything else the parser could not read counts as 0. */
export function countTerm(v: { value: number | null; at: CellRef; raw: string }): Term {
  if (v.value === null && v.raw.trim() !== '') return { kind: 'missing', at: v.at, raw: v.raw };
  return { kind: 'ref', at: v.at };
}

export interface LiveFigure {
  value: PlanValue;
  /** Why this figure is not a plain live SUM, for the Checks tab. */
  notes: string[];
}

/** The figure `result` as a live SUM of its source cells, or as a plain number where that cannot agree. */
export function liveSum(terms: Term[], result: number, unit: 'EUR' | 'count' = 'EUR'): LiveFigure {
  const missing = terms.filter((t): t is Extract<Term, { kind: 'missing' }> => t.kind === 'missing');
  if (missing.length > 0) {
    const cells = missing.map((t) => `${ref(t.at.sheet, t.at.cell)} (${t.raw})`).join(', ');
    return { value: { kind: 'number', value: result }, notes: [`written as the number ${show(result, unit)}, not a formula: ${cells} ${missing.length > 1 ? 'hold' : 'holds'} no readable value and ${missing.length > 1 ? 'count' : 'counts'} as 0`] };
  }
  const refs = terms.filter((t) => t.kind === 'ref').map((t) => t.at);
  const constants = terms.filter((t): t is Extract<Term, { kind: 'constant' }> => t.kind === 'constant');
  const notes = constants.map((t) => `${ref(t.at.sheet, t.at.cell)} holds the text '${t.raw}', which Excel's SUM ignores: the formula carries ${show(t.value, unit)} in its place (type it as a number to make it live)`);
  // Each sheet gives at least one argument: more sheets than SUM takes arguments cannot be one formula.
  if (new Set(refs.map((r) => r.sheet)).size > MAX_ARGS) return scattered(result, unit, notes);
  const args = [...ranges(refs), ...terms.filter((t) => t.kind === 'round').map((t) => `ROUND(${ref(t.at.sheet, t.at.cell)},2)`)];
  if (args.length === 0) return { value: { kind: 'number', value: result }, notes };
  const formula = `=SUM(${args.join(',')})${constants.map((t) => (t.value < 0 ? `-${plain(-t.value)}` : `+${plain(t.value)}`)).join('')}`;
  if (args.length > MAX_ARGS || formula.length > MAX_LENGTH) return scattered(result, unit, notes);
  return { value: { kind: 'formula', formula, result }, notes };
}

function scattered(result: number, unit: 'EUR' | 'count', notes: string[]): LiveFigure {
  return { value: { kind: 'number', value: result }, notes: [...notes, `written as the number ${show(result, unit)}: its source cells are too scattered for one formula`] };
}

/** Cells grouped into as few rectangles as runs allow: a row's periods B8:I8, a column's lines B8:B13. */
export function ranges(cells: CellRef[]): string[] {
  const out: string[] = [];
  const bySheet = new Map<string, CellRef[]>();
  for (const c of cells) {
    const list = bySheet.get(c.sheet);
    if (list) list.push(c);
    else bySheet.set(c.sheet, [c]);
  }
  for (const [sheet, list] of bySheet) {
    const runs = columnRuns(list);
    // Runs with the same rows in adjacent columns join into one rectangle.
    const rects: { c1: number; c2: number; r1: number; r2: number }[] = [];
    for (const run of runs) {
      const prev = rects.find((r) => r.r1 === run.r1 && r.r2 === run.r2 && r.c2 === run.col - 1);
      if (prev) prev.c2 = run.col;
      else rects.push({ c1: run.col, c2: run.col, r1: run.r1, r2: run.r2 });
    }
    for (const r of rects) {
      const first = a1(r.r1, r.c1);
      const last = a1(r.r2, r.c2);
      out.push(ref(sheet, first === last ? first : `${first}:${last}`));
    }
  }
  return out;
}

function columnRuns(cells: CellRef[]): { col: number; r1: number; r2: number }[] {
  // Keyed by one number (the cells are of one sheet): no string made per cell.
  const unique = new Map<number, CellRef>();
  for (const c of cells) unique.set(c.row * 16384 + c.col, c);
  const sorted = [...unique.values()].sort((a, b) => a.col - b.col || a.row - b.row);
  const runs: { col: number; r1: number; r2: number }[] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.col === c.col && last.r2 === c.row - 1) last.r2 = c.row;
    else runs.push({ col: c.col, r1: c.row, r2: c.row });
  }
  return runs;
}

/** A number as a formula constant: no exponent, no thousands separator. */
function plain(n: number): string {
  return String(Math.round(n * 100) / 100);
}

function show(n: number, unit: 'EUR' | 'count'): string {
  return unit === 'EUR' ? formatEur(Math.round(n * 100) as Cents) : String(n);
}
