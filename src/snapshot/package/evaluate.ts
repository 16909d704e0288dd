/**
 * Formulas a file holds without a cached value (written by openpyxl and other libraries), computed where the
 * result is certain: numbers, cells and ranges of the workbook, + - * / and unary minus, parentheses, SUM,
 * ROUND, ROUNDDOWN, ROUNDUP. Anything else (another function, text, an error, a name, a cycle) leaves the
 * cell uncalculated, for T02 to report; never a guessed 0.
 */
import { parseA1 } from '../../util/a1';

export interface Grid {
  /** The value of a cell: a number, null for empty, a formula without a value, text (or a boolean), an error. */
  cell(sheet: string, row: number, col: number): { kind: 'number'; value: number } | { kind: 'empty' } | { kind: 'formula'; formula: string } | { kind: 'text' } | { kind: 'error' };
  /** Every non-empty cell of a sheet inside a box (for ranges). */
  cellsIn(sheet: string, top: number, left: number, bottom: number, right: number): { row: number; col: number }[];
  hasSheet(sheet: string): boolean;
}

class Unknown extends Error {}
const fail = (): never => {
  throw new Unknown();
};

type Token = { t: 'num'; v: number } | { t: 'ref'; sheet: string | null; a: string; b: string | null } | { t: 'fn'; name: string } | { t: 'op'; v: string };

const TOKEN = /\s*(?:(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)|(?:(?:'((?:[^']|'')+)'|([A-Za-z_][A-Za-z0-9_.]*))!)?(\$?[A-Za-z]{1,3}\$?\d+)(?::(\$?[A-Za-z]{1,3}\$?\d+))?(?![A-Za-z0-9_(])|([A-Za-z_][A-Za-z0-9_.]*)\s*\(|([-+*/(),]))/y;

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  let p = 0;
  while (p < text.length) {
    if (/^\s*$/.test(text.slice(p))) break;
    TOKEN.lastIndex = p;
    const m = TOKEN.exec(text);
    if (!m) fail();
    p = TOKEN.lastIndex;
    if (m![1] !== undefined) out.push({ t: 'num', v: Number(m![1]) });
    else if (m![4] !== undefined) out.push({ t: 'ref', sheet: m![2] !== undefined ? m![2].replace(/''/g, "'") : (m![3] ?? null), a: m![4], b: m![5] ?? null });
    else if (m![6] !== undefined) out.push({ t: 'fn', name: m![6].toUpperCase().replace(/^_XLFN\./, '') });
    else out.push({ t: 'op', v: m![7] });
  }
  return out;
}

/** Excel's ROUND family on a double: the value as Excel shows it (15 digits) rounded half away from zero. */
export function roundExcel(x: number, digits: number, mode: 'half' | 'down' | 'up'): number {
  const d = Math.trunc(digits);
  const f = Math.pow(10, Math.abs(d));
  const a = Math.abs(x);
  const scaled = Number((d >= 0 ? a * f : a / f).toPrecision(15));
  const r = mode === 'half' ? Math.floor(scaled + 0.5) : mode === 'down' ? Math.floor(scaled) : Math.ceil(scaled);
  const back = d >= 0 ? r / f : r * f;
  return x < 0 ? -back : back;
}

export class Evaluator {
  private readonly done = new Map<string, number | null>();
  private readonly busy = new Set<string>();
  constructor(private readonly grid: Grid) {}

  /** The value of the formula in sheet!row,col, or null when it cannot be computed with certainty. */
  value(sheet: string, row: number, col: number, formula: string): number | null {
    const key = `${sheet}\u0000${row}\u0000${col}`;
    if (this.done.has(key)) return this.done.get(key)!;
    if (this.busy.has(key)) return null;
    this.busy.add(key);
    let out: number | null;
    try {
      const tokens = tokenize(formula.replace(/^=/, ''));
      const p = { i: 0 };
      const v = this.expr(tokens, p, sheet);
      if (p.i !== tokens.length || !Number.isFinite(v)) fail();
      out = Number(v.toPrecision(15)); // as Excel keeps a result: 15 significant digits
    } catch (e) {
      if (!(e instanceof Unknown)) throw e;
      out = null;
    }
    this.busy.delete(key);
    this.done.set(key, out);
    return out;
  }

  private expr(ts: Token[], p: { i: number }, sheet: string): number {
    let v = this.term(ts, p, sheet);
    for (;;) {
      const t = ts[p.i];
      if (t?.t !== 'op' || (t.v !== '+' && t.v !== '-')) return v;
      p.i++;
      const r = this.term(ts, p, sheet);
      v = t.v === '+' ? v + r : v - r;
    }
  }

  private term(ts: Token[], p: { i: number }, sheet: string): number {
    let v = this.unary(ts, p, sheet);
    for (;;) {
      const t = ts[p.i];
      if (t?.t !== 'op' || (t.v !== '*' && t.v !== '/')) return v;
      p.i++;
      const r = this.unary(ts, p, sheet);
      if (t.v === '/' && r === 0) fail(); // #DIV/0!
      v = t.v === '*' ? v * r : v / r;
    }
  }

  private unary(ts: Token[], p: { i: number }, sheet: string): number {
    const t = ts[p.i];
    if (t?.t === 'op' && (t.v === '-' || t.v === '+')) {
      p.i++;
      const v = this.unary(ts, p, sheet);
      return t.v === '-' ? -v : v;
    }
    return this.primary(ts, p, sheet);
  }

  private primary(ts: Token[], p: { i: number }, sheet: string): number {
    const t = ts[p.i++];
    if (!t) return fail();
    if (t.t === 'num') return t.v;
    if (t.t === 'op' && t.v === '(') {
      const v = this.expr(ts, p, sheet);
      if (!(ts[p.i]?.t === 'op' && (ts[p.i] as { v: string }).v === ')')) fail();
      p.i++;
      return v;
    }
    if (t.t === 'ref') {
      if (t.b !== null) return fail(); // a range outside SUM
      return this.single(t.sheet ?? sheet, t.a);
    }
    if (t.t === 'fn') {
      const args: Token[][] = [];
      let depth = 0;
      let cur: Token[] = [];
      for (;;) {
        const a = ts[p.i++];
        if (!a) return fail();
        if (a.t === 'fn' || (a.t === 'op' && a.v === '(')) depth++;
        if (a.t === 'op' && a.v === ')') {
          if (depth === 0) break;
          depth--;
        }
        if (a.t === 'op' && a.v === ',' && depth === 0) {
          args.push(cur);
          cur = [];
          continue;
        }
        cur.push(a);
      }
      if (cur.length || args.length) args.push(cur);
      return this.call(t.name, args, sheet);
    }
    return fail();
  }

  private arg(tokens: Token[], sheet: string): number {
    const p = { i: 0 };
    const v = this.expr(tokens, p, sheet);
    if (p.i !== tokens.length) fail();
    return v;
  }

  private call(name: string, args: Token[][], sheet: string): number {
    if (name === 'SUM') {
      let total = 0;
      for (const a of args) {
        if (a.length === 1 && a[0].t === 'ref') total += this.sumRef(a[0], sheet);
        else total += this.arg(a, sheet);
      }
      return total;
    }
    if (name === 'ROUND' || name === 'ROUNDDOWN' || name === 'ROUNDUP') {
      if (args.length !== 2) fail();
      return roundExcel(this.arg(args[0], sheet), this.arg(args[1], sheet), name === 'ROUND' ? 'half' : name === 'ROUNDDOWN' ? 'down' : 'up');
    }
    return fail();
  }

  /** A cell used in arithmetic: a number, empty as 0; text, a boolean or an error is not certain. */
  private single(sheet: string, ref: string): number {
    if (!this.grid.hasSheet(sheet)) fail();
    const { row, col } = parseA1(ref);
    const c = this.grid.cell(sheet, row, col);
    if (c.kind === 'number') return c.value;
    if (c.kind === 'empty') return 0;
    if (c.kind === 'formula') {
      const v = this.value(sheet, row, col, c.formula);
      return v === null ? fail() : v;
    }
    return fail();
  }

  /** SUM of a cell or range: numbers added, empty cells and text skipped (as Excel does), an error not certain. */
  private sumRef(t: Extract<Token, { t: 'ref' }>, base: string): number {
    const sheet = t.sheet ?? base;
    if (!this.grid.hasSheet(sheet)) fail();
    const a = parseA1(t.a);
    const b = t.b ? parseA1(t.b) : a;
    const [top, bottom] = a.row <= b.row ? [a.row, b.row] : [b.row, a.row];
    const [left, right] = a.col <= b.col ? [a.col, b.col] : [b.col, a.col];
    let total = 0;
    for (const { row, col } of this.grid.cellsIn(sheet, top, left, bottom, right)) {
      const c = this.grid.cell(sheet, row, col);
      if (c.kind === 'number') total += c.value;
      else if (c.kind === 'formula') {
        const v = this.value(sheet, row, col, c.formula);
        if (v === null) fail();
        total += v!;
      } else if (c.kind === 'error') fail();
    }
    return total;
  }
}
