/**
 * Live formulas over the input sheets: a figure becomes =SUM of its source cells (contiguous cells as ranges),
 * carrying the value we computed. Where Excel would not agree with what we read, the formula says so in a note:
 * numeric text (SUM ignores it) goes in as a constant; a missing cell makes the figure a plain number.
 */
import type { Amount, BudgetLineKey, CellRef } from '../model/types';
import { BUDGET_LINE_KEYS } from '../model/types';
import type { PartnerSources, PeriodAmount } from '../figures/sources';
import { a1, ref } from '../util/a1';
import { formatEur, type Cents } from '../util/money';
import type { PlanValue } from './types';

export type Term =
  /** A cell summed as it is: the cell itself (what amountTerm and countTerm make, no object of their own)… */
  | CellRef
  /** …or the same as a term of its own. */
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
      return a.twoDecimals ? a.at : { kind: 'round', at: a.at };
  }
}

/** Each line's terms of a partner, plan and reported: the same order as its PeriodAmount lists (figures/sources.ts). */
export type LineTerms = Record<BudgetLineKey, Term[]>;
export interface PartnerTerms {
  plan: LineTerms;
  reported: LineTerms;
}

/** A partner's terms, made once per cell for the tabs that sum them (By partner, Spending plan). */
export function partnerTerms(s: PartnerSources): PartnerTerms {
  const lineTerms = (cells: Record<BudgetLineKey, PeriodAmount[]>): LineTerms => {
    const out = {} as LineTerms;
    for (const k of BUDGET_LINE_KEYS) {
      const list = cells[k];
      const terms: Term[] = new Array(list.length);
      for (let j = 0; j < list.length; j++) terms[j] = amountTerm(list[j].amount);
      out[k] = terms;
    }
    return out;
  };
  return { plan: lineTerms(s.plan), reported: lineTerms(s.reported) };
}

/** An indicator's period cell: a number or blank is live; anything else the parser could not read counts as 0. */
export function countTerm(v: { value: number | null; at: CellRef; raw: string }): Term {
  if (v.value === null && v.raw.trim() !== '') return { kind: 'missing', at: v.at, raw: v.raw };
  return v.at;
}

export interface LiveFigure {
  value: PlanValue;
  /** Why this figure is not a plain live SUM, for the Checks tab. */
  notes: string[];
}

/** No notes: shared by the figures that have none (most), never changed. */
const NO_NOTES: string[] = [];

/** The figure `result` as a live SUM of its source cells, or as a plain number where that cannot agree. */
export function liveSum(terms: readonly Term[], result: number, unit: 'EUR' | 'count' = 'EUR'): LiveFigure {
  // One pass over the terms (a figure per report cell, thousands of them): the lists other than refs are rare.
  // Where every term is a bare cell (most figures), the terms are the cells: no list of them is made.
  let refs: CellRef[] | null = null;
  let missing: Extract<Term, { kind: 'missing' }>[] | null = null;
  let constants: Extract<Term, { kind: 'constant' }>[] | null = null;
  let rounds: Extract<Term, { kind: 'round' }>[] | null = null;
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i];
    if (!('kind' in t)) {
      if (refs !== null) refs.push(t);
      continue;
    }
    if (refs === null) refs = terms.slice(0, i) as CellRef[];
    if (t.kind === 'ref') refs.push(t.at);
    else if (t.kind === 'missing') (missing ??= []).push(t);
    else if (t.kind === 'constant') (constants ??= []).push(t);
    else (rounds ??= []).push(t);
  }
  if (refs === null) refs = terms as readonly CellRef[] as CellRef[];
  if (missing !== null) {
    const cells = missing.map((t) => `${ref(t.at.sheet, t.at.cell)} (${t.raw})`).join(', ');
    return { value: { kind: 'number', value: result }, notes: [`written as the number ${show(result, unit)}, not a formula: ${cells} ${missing.length > 1 ? 'hold' : 'holds'} no readable value and ${missing.length > 1 ? 'count' : 'counts'} as 0`] };
  }
  if (constants === null && rounds === null && refs.length > 0) {
    // The usual figure: one unbroken row or column of one sheet, one range ('=SUM(S!B8:I8)'), no list made for it.
    const one = oneRange(refs);
    if (one !== null) {
      const formula = `=SUM(${one})`;
      if (formula.length <= MAX_LENGTH) return { value: { kind: 'formula', formula, result }, notes: NO_NOTES };
    }
  }
  const notes = constants === null ? NO_NOTES : constants.map((t) => `${ref(t.at.sheet, t.at.cell)} holds the text '${t.raw}', which Excel's SUM ignores: the formula carries ${show(t.value, unit)} in its place (type it as a number to make it live)`);
  // Each sheet gives at least one argument: more sheets than SUM takes arguments cannot be one formula.
  if (refs.length > MAX_ARGS && new Set(refs.map((r) => r.sheet)).size > MAX_ARGS) return scattered(result, unit, notes);
  const args = ranges(refs);
  if (rounds !== null) for (const t of rounds) args.push(`ROUND(${ref(t.at.sheet, t.at.cell)},2)`);
  if (args.length === 0) return { value: { kind: 'number', value: result }, notes };
  let formula = args.length === 1 ? `=SUM(${args[0]})` : `=SUM(${args.join(',')})`;
  if (constants !== null) for (const t of constants) formula += t.value < 0 ? `-${plain(-t.value)}` : `+${plain(t.value)}`;
  if (args.length > MAX_ARGS || formula.length > MAX_LENGTH) return scattered(result, unit, notes);
  return { value: { kind: 'formula', formula, result }, notes };
}

function scattered(result: number, unit: 'EUR' | 'count', notes: string[]): LiveFigure {
  return { value: { kind: 'number', value: result }, notes: [...notes, `written as the number ${show(result, unit)}: its source cells are too scattered for one formula`] };
}

/** Cells grouped into as few rectangles as runs allow: a row's periods B8:I8, a column's lines B8:B13. */
export function ranges(cells: readonly CellRef[]): string[] {
  const out: string[] = [];
  if (cells.length === 0) return out;
  const sheet0 = cells[0].sheet;
  let oneSheet = true;
  for (let i = 1; i < cells.length && oneSheet; i++) if (cells[i].sheet !== sheet0) oneSheet = false;
  if (oneSheet) {
    // Most figures: the cells of one sheet (a partner's line or period), often one unbroken row or column.
    const line = lineRange(cells);
    if (line !== null) out.push(ref(sheet0, line));
    else sheetRanges(sheet0, cells, out);
    return out;
  }
  const bySheet = new Map<string, CellRef[]>();
  for (const c of cells) {
    const list = bySheet.get(c.sheet);
    if (list) list.push(c);
    else bySheet.set(c.sheet, [c]);
  }
  for (const [sheet, list] of bySheet) sheetRanges(sheet, list, out);
  return out;
}

/** What ranges() makes of cells of one sheet that run unbroken along one row or column: that one range; else null. */
function oneRange(cells: readonly CellRef[]): string | null {
  const sheet0 = cells[0].sheet;
  for (let i = 1; i < cells.length; i++) if (cells[i].sheet !== sheet0) return null;
  const line = lineRange(cells);
  return line === null ? null : ref(sheet0, line);
}

/** The rectangles of one sheet's cells, appended to `out` as sheet-qualified ranges. */
function sheetRanges(sheet: string, list: readonly CellRef[], out: string[]): void {
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
    if (r.r1 === r.r2 && r.c1 === r.c2) out.push(ref(sheet, first));
    else out.push(ref(sheet, `${first}:${a1(r.r2, r.c2)}`));
  }
}

/**
 * The range of cells that run unbroken down one column or along one row, in order ('C5:C11', 'C5:J5', 'C5'); null
 * otherwise. What sheetRanges makes of such cells, without its runs and rectangles.
 */
function lineRange(cells: readonly CellRef[]): string | null {
  const first = cells[0];
  const last = cells[cells.length - 1];
  if (cells.length === 1) return a1(first.row, first.col);
  const down = first.col === last.col;
  if (!down && first.row !== last.row) return null;
  for (let i = 1; i < cells.length; i++) {
    const c = cells[i];
    if (down ? c.col !== first.col || c.row !== first.row + i : c.row !== first.row || c.col !== first.col + i) return null;
  }
  return `${a1(first.row, first.col)}:${a1(last.row, last.col)}`;
}

/** Whether the cells are in column, then row order with no cell twice (as a row's or a column's cells come). */
function inOrder(cells: readonly CellRef[]): boolean {
  for (let i = 1; i < cells.length; i++) {
    const a = cells[i - 1];
    const b = cells[i];
    if (!(a.col < b.col || (a.col === b.col && a.row < b.row))) return false;
  }
  return true;
}

function columnRuns(cells: readonly CellRef[]): { col: number; r1: number; r2: number }[] {
  let sorted: readonly CellRef[] = cells;
  if (!inOrder(cells)) {
    // Keyed by one number (the cells are of one sheet): no string made per cell.
    const unique = new Map<number, CellRef>();
    for (const c of cells) unique.set(c.row * 16384 + c.col, c);
    sorted = [...unique.values()].sort((a, b) => a.col - b.col || a.row - b.row);
  }
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
