/**
 * Shuffles a reporting workbook the ways workbook.md allows: sheet order, columns of every table, budget-line rows
 * (Total row too), indicator rows, and labels swapped for their synonyms or retyped in other case and punctuation.
 * Remembers where every cell came from, so findings can be compared cell for cell.
 */
import type { SheetSnapshot, WorkbookSnapshot } from '../../src/snapshot/types';
import { a1, parseA1 } from '../../src/util/a1';
import { normalizeLabel } from '../../src/util/labels';

/** Random choices, drawn by fast-check: a stream of numbers in [0, 1). */
export type Draw = () => number;

export interface Shuffled {
  snapshot: WorkbookSnapshot;
  /** Sheet name → (new A1 → original A1). */
  origin: Map<string, Map<string, string>>;
}

// Labels as the spec lists them (workbook.md), each with what a person may type instead.
const SYNONYMS: Record<string, string[]> = {
  'staff costs': ['Staff', 'STAFF COSTS', 'staff-costs'],
  'office and administration': ['Office & administration', 'Administration', 'Office, and administration'],
  'travel and accommodation': ['Travel', 'TRAVEL and  accommodation'],
  'external expertise and services': ['External expertise', 'External costs'],
  equipment: ['EQUIPMENT', ' equipment '],
  'budget line': ['Cost category', 'Budget item', 'budget-line'],
  reported: ['Reported expenditure', 'Actual'],
  'erdf rate': ['Co-financing rate'],
  'approved budget (eur)': ['Approved budget', 'Budget'],
  'report date': ['Reporting date'],
  'total budget (eur)': ['Total eligible budget', 'Total budget'],
  'partner no': ['PP No'],
};
const PERIOD = /^p(\d+)$/i;

function pick<T>(draw: Draw, xs: readonly T[]): T {
  return xs[Math.floor(draw() * xs.length) % xs.length];
}

function permutation(draw: Draw, n: number): number[] {
  const p = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(draw() * (i + 1)) % (i + 1);
    [p[i], p[j]] = [p[j], p[i]];
  }
  return p;
}

type Cell = { v: SheetSnapshot['values'][number][number]; t: SheetSnapshot['valueTypes'][number][number]; f: string | null; n: string };

/** A sheet as a sparse map of cells, so rows and columns can move freely. */
function cellsOf(s: SheetSnapshot): Map<string, Cell> {
  const m = new Map<string, Cell>();
  // Empty cells too: a finding may name one, and it must move with its row and column.
  const w = s.values.reduce((x, r) => Math.max(x, r.length), 0);
  s.values.forEach((row, r) => {
    for (let c = 0; c < w; c++) m.set(a1(s.top + r, s.left + c), { v: row[c] ?? null, t: s.valueTypes[r][c] ?? 'Empty', f: s.formulas[r][c] ?? null, n: s.numberFormats[r]?.[c] ?? 'General' });
  });
  return m;
}

function sheetOf(name: string, visibility: SheetSnapshot['visibility'], cells: Map<string, Cell>): SheetSnapshot {
  let h = 0;
  let w = 0;
  for (const k of cells.keys()) {
    const { row, col } = parseA1(k);
    h = Math.max(h, row + 1);
    w = Math.max(w, col + 1);
  }
  const grid = <T>(x: T) => Array.from({ length: h }, () => Array.from({ length: w }, () => x));
  const s: SheetSnapshot = { name, visibility, top: 0, left: 0, values: grid(null), valueTypes: grid('Empty'), formulas: grid(null), numberFormats: grid('General') };
  for (const [k, c] of cells) {
    const { row, col } = parseA1(k);
    s.values[row][col] = c.v;
    s.valueTypes[row][col] = c.t;
    s.formulas[row][col] = c.f;
    s.numberFormats[row][col] = c.n;
  }
  return s;
}

const text = (cells: Map<string, Cell>, r: number, c: number) => {
  const v = cells.get(a1(r, c))?.v;
  return typeof v === 'string' ? normalizeLabel(v) : '';
};

function rowsOf(cells: Map<string, Cell>): number {
  let h = 0;
  for (const k of cells.keys()) h = Math.max(h, parseA1(k).row + 1);
  return h;
}
function colsOf(cells: Map<string, Cell>): number {
  let w = 0;
  for (const k of cells.keys()) w = Math.max(w, parseA1(k).col + 1);
  return w;
}

/** Moves cells: `to(row, col)` says where the cell at (row, col) goes. */
function move(cells: Map<string, Cell>, origin: Map<string, string>, to: (row: number, col: number) => [number, number]): [Map<string, Cell>, Map<string, string>] {
  const out = new Map<string, Cell>();
  const from = new Map<string, string>();
  for (const [k, c] of cells) {
    const { row, col } = parseA1(k);
    const [r2, c2] = to(row, col);
    out.set(a1(r2, c2), c);
    from.set(a1(r2, c2), origin.get(k) ?? k);
  }
  return [out, from];
}

const N = normalizeLabel;
const TABLE_HEADS = new Set(['phase', 'period', 'no', 'code'].map(N));

export function shuffleWorkbook(snapshot: WorkbookSnapshot, draw: Draw): Shuffled {
  const origin = new Map<string, Map<string, string>>();
  const sheets = snapshot.sheets.map((s) => {
    let cells = cellsOf(s);
    let from = new Map([...cells.keys()].map((k) => [k, k] as [string, string]));
    const h = rowsOf(cells);
    const isBudget = [...Array(h).keys()].some((r) => text(cells, r, 0) === N('Budget line'));
    const isIndicators = [...Array(h).keys()].some((r) => text(cells, r, 0) === N('Partner') && text(cells, r, 1) === N('Indicator'));
    const isProject = [...Array(h).keys()].some((r) => text(cells, r, 0) === N('Project acronym'));
    // Which rows hold something, and how wide each is: moving cells within rows never changes either.
    const filled = new Map<number, number>();
    for (const [k, c] of cells) {
      if (c.v === null && c.t === 'Empty') continue;
      const p = parseA1(k);
      filled.set(p.row, Math.max(filled.get(p.row) ?? 0, p.col + 1));
    }
    const blank = (r: number) => !filled.has(r);
    if (isBudget || isIndicators) {
      // Columns: all of them on an indicator sheet; all but the first (where labels start the header) on a budget sheet.
      const w = colsOf(cells);
      const fixed = isBudget ? 1 : 0;
      const perm = permutation(draw, w - fixed);
      [cells, from] = move(cells, from, (r, c) => [r, c < fixed ? c : fixed + perm[c - fixed]]);
      // Rows of each table body, the Total row too.
      for (let r = 0; r < h; r++) {
        const head = text(cells, r, 0);
        const isHead = isBudget ? head === N('Budget line') || head === N('Reported') : [...Array(w).keys()].some((c) => text(cells, r, c) === N('Indicator'));
        if (!isHead) continue;
        let end = r + 1;
        while (end < h && !blank(end)) end++;
        const rp = permutation(draw, end - r - 1);
        [cells, from] = move(cells, from, (row, c) => [row > r && row < end ? r + 1 + rp[row - r - 1] : row, c]);
        r = end;
      }
    } else if (isProject) {
      // Columns of each table within its own rows (fields above keep their label-then-value order).
      for (let r = 0; r < h; r++) {
        if (!TABLE_HEADS.has(text(cells, r, 0))) continue;
        let end = r + 1;
        while (end < h && !blank(end)) end++;
        const w = Math.max(...[...Array(end - r).keys()].map((i) => filled.get(r + i) ?? 0));
        const perm = permutation(draw, w);
        [cells, from] = move(cells, from, (row, c) => [row, row >= r && row < end && c < w ? perm[c] : c]);
        r = end;
      }
    }
    // Labels: synonyms and other spellings.
    for (const [k, c] of cells) {
      if (typeof c.v !== 'string') continue;
      const alts = SYNONYMS[c.v.trim().toLowerCase()];
      const period = PERIOD.exec(c.v.trim());
      if (alts && draw() < 0.7) cells.set(k, { ...c, v: pick(draw, alts) });
      else if (period && draw() < 0.5) cells.set(k, { ...c, v: pick(draw, [`Period ${period[1]}`, `p ${period[1]}`, `P.${period[1]}`]) });
    }
    origin.set(s.name, from);
    return sheetOf(s.name, s.visibility, cells);
  });
  const order = permutation(draw, sheets.length);
  return { snapshot: { sheets: order.map((i) => sheets[i]) }, origin };
}

/**
 * A finding's cell moved back to where it was before the shuffle.
 */
export function originalCell(shuffled: Shuffled, sheet: string | null, cell: string | null): string | null {
  if (sheet === null || cell === null) return cell;
  const m = shuffled.origin.get(sheet);
  const back = (x: string) => m?.get(x) ?? `${x}(not in the sheet)`;
  if (!cell.includes(':')) return back(cell);
  return rangeRows(cell);
}

/** Ranges (a row's or a table's period cells) span whatever the layout puts between their corners: compared as 'a range'. */
export function rangeRows(range: string): string {
  return range.includes(':') ? 'a range' : range;
}
