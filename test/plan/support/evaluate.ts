/**
 * A tiny spreadsheet evaluator for the formulas our plan writes (SUM, ROUND, ROUNDDOWN, IF, ISNUMBER, IFERROR,
 * + - * / and comparisons over refs and ranges), against the input snapshot and the plan's own tabs.
 * It proves that every formula points at the cells holding what we summed, before LibreOffice does.
 */
import type { WorkbookSnapshot } from '../../../src/snapshot/types';
import { cellAt } from '../../../src/snapshot/cells';
import type { PlannedCell, ReportPlan } from '../../../src/plan/types';
import { parseA1 } from '../../../src/util/a1';

type Scalar = number | string | boolean | null;
class XlError extends Error {}
interface RangeVal {
  cells: Scalar[];
}
type Val = Scalar | RangeVal;

export class Evaluator {
  private tabs = new Map<string, Map<string, PlannedCell>>();
  private busy = new Set<string>();
  /** Every input-sheet cell a formula read, as 'Sheet!A1'. */
  readonly inputReads = new Set<string>();

  constructor(
    private snapshot: WorkbookSnapshot,
    plan: ReportPlan,
  ) {
    for (const t of plan.tabs) this.tabs.set(t.name, new Map(t.cells.map((c) => [`${c.row},${c.col}`, c])));
  }

  /** The value of a formula as Excel would compute it (an error value as its text). */
  evaluate(formula: string, onTab: string): Scalar {
    try {
      const p = new Parser(formula.replace(/^=/, ''), onTab, this);
      const v = p.expr();
      p.end();
      return scalar(v);
    } catch (e) {
      if (e instanceof XlError) return e.message;
      throw e;
    }
  }

  cell(sheet: string, row: number, col: number): Scalar {
    const tab = this.tabs.get(sheet);
    if (tab) {
      const c = tab.get(`${row},${col}`);
      if (!c) return null;
      const v = c.value;
      if (v.kind === 'number') return v.value;
      if (v.kind === 'text' || v.kind === 'link') return v.kind === 'text' ? v.text : v.text;
      const key = `${sheet}!${row},${col}`;
      if (this.busy.has(key)) throw new Error(`circular reference at ${key}`);
      this.busy.add(key);
      const r = this.evaluate(v.formula, sheet);
      this.busy.delete(key);
      if (typeof r === 'string' && r.startsWith('#')) throw new XlError(r);
      return r;
    }
    const s = this.snapshot.sheets.find((x) => x.name === sheet);
    if (!s) throw new XlError('#REF!');
    this.inputReads.add(`${sheet}!${row},${col}`);
    const c = cellAt(s, row, col);
    if (c.type === 'Error') throw new XlError(String(c.value));
    if (c.type === 'Uncalculated') throw new XlError('#UNCALC');
    return c.value;
  }
}

function scalar(v: Val): Scalar {
  if (v !== null && typeof v === 'object') {
    if (v.cells.length !== 1) throw new XlError('#VALUE!');
    return v.cells[0];
  }
  return v;
}

function num(v: Val): number {
  const s = scalar(v);
  if (s === null) return 0;
  if (typeof s === 'number') return s;
  if (typeof s === 'boolean') return s ? 1 : 0;
  throw new XlError('#VALUE!');
}

const FUNCS: Record<string, (args: (() => Val)[]) => Val> = {
  SUM: (args) => {
    let s = 0;
    for (const a of args) {
      const v = a();
      if (v !== null && typeof v === 'object') for (const c of v.cells) s += typeof c === 'number' ? c : 0; // text in a range is ignored
      else s += num(v);
    }
    return s;
  },
  ROUND: ([x, n]) => {
    const f = 10 ** num(n());
    const v = num(x());
    return (Math.sign(v) * Math.round(Math.abs(v) * f)) / f;
  },
  // Plain truncation, stricter than Excel's: a product 1437.0799999 would lose a cent here.
  ROUNDDOWN: ([x, n]) => {
    const f = 10 ** num(n());
    return Math.trunc(num(x()) * f) / f;
  },
  INT: ([x]) => Math.floor(num(x())),
  IF: ([c, a, b]) => (truthy(scalar(c())) ? a() : b ? b() : false),
  ISNUMBER: ([x]) => {
    try {
      return typeof scalar(x()) === 'number';
    } catch (e) {
      if (e instanceof XlError) return false;
      throw e;
    }
  },
  IFERROR: ([x, alt]) => {
    try {
      return scalar(x());
    } catch (e) {
      if (e instanceof XlError) return alt();
      throw e;
    }
  },
};

function truthy(v: Scalar): boolean {
  if (typeof v === 'string') throw new XlError('#VALUE!');
  return !!v;
}

class Parser {
  private i = 0;
  constructor(
    private s: string,
    private tab: string,
    private ev: Evaluator,
  ) {}

  end(): void {
    if (this.i !== this.s.length) throw new Error(`unparsed formula tail: ${this.s.slice(this.i)}`);
  }

  expr(): Val {
    const a = this.additive();
    const m = /^(<>|>=|<=|=|>|<)/.exec(this.s.slice(this.i));
    if (!m) return a;
    this.i += m[1].length;
    const b = this.additive();
    const x = scalar(a) ?? 0;
    const y = scalar(b) ?? 0;
    switch (m[1]) {
      case '=': return x === y;
      case '<>': return x !== y;
      case '>': return x > y;
      case '<': return x < y;
      case '>=': return x >= y;
      default: return x <= y;
    }
  }

  additive(): Val {
    let v = this.term();
    while (this.peek('+') || this.peek('-')) {
      const op = this.s[this.i++];
      const r = this.term();
      v = op === '+' ? num(v) + num(r) : num(v) - num(r);
    }
    return v;
  }

  term(): Val {
    let v = this.unary();
    while (this.peek('*') || this.peek('/')) {
      const op = this.s[this.i++];
      const r = this.unary();
      if (op === '/' && num(r) === 0) throw new XlError('#DIV/0!');
      v = op === '*' ? num(v) * num(r) : num(v) / num(r);
    }
    return v;
  }

  unary(): Val {
    if (this.peek('-')) {
      this.i++;
      return -num(this.unary());
    }
    return this.primary();
  }

  primary(): Val {
    const rest = this.s.slice(this.i);
    let m: RegExpExecArray | null;
    if (this.peek('(')) {
      this.i++;
      const v = this.expr();
      this.expect(')');
      return v;
    }
    if ((m = /^\d+(\.\d+)?/.exec(rest))) {
      this.i += m[0].length;
      return Number(m[0]);
    }
    if ((m = /^"((?:[^"]|"")*)"/.exec(rest))) {
      this.i += m[0].length;
      return m[1].replace(/""/g, '"');
    }
    if ((m = /^([A-Z]+)\(/.exec(rest)) && FUNCS[m[1]]) {
      this.i += m[0].length;
      const args: (() => Val)[] = [];
      // Arguments are parsed now and evaluated lazily, so IF and IFERROR only touch the branch they take.
      while (!this.peek(')')) {
        const start = this.i;
        this.skipArg();
        const text = this.s.slice(start, this.i);
        args.push(() => {
          const p = new Parser(text, this.tab, this.ev);
          const v = p.expr();
          p.end();
          return v;
        });
        if (this.peek(',')) this.i++;
      }
      this.expect(')');
      return FUNCS[m[1]](args);
    }
    return this.reference();
  }

  private skipArg(): void {
    let depth = 0;
    let quote: string | null = null;
    while (this.i < this.s.length) {
      const ch = this.s[this.i];
      if (quote) {
        if (ch === quote) {
          if (this.s[this.i + 1] === quote) this.i++;
          else quote = null;
        }
      } else if (ch === '"' || ch === "'") quote = ch;
      else if (ch === '(') depth++;
      else if (ch === ')') {
        if (depth === 0) return;
        depth--;
      } else if (ch === ',' && depth === 0) return;
      this.i++;
    }
  }

  reference(): Val {
    const rest = this.s.slice(this.i);
    let sheet = this.tab;
    let m: RegExpExecArray | null;
    if ((m = /^'((?:[^']|'')+)'!/.exec(rest))) sheet = m[1].replace(/''/g, "'");
    else if ((m = /^([A-Za-z_][A-Za-z0-9_.]*)!/.exec(rest))) sheet = m[1];
    if (m) this.i += m[0].length;
    const r = /^([A-Z]{1,3}\d+)(?::([A-Z]{1,3}\d+))?/.exec(this.s.slice(this.i));
    if (!r) throw new Error(`cannot read a reference at: ${this.s.slice(this.i)}`);
    this.i += r[0].length;
    const a = parseA1(r[1]);
    const b = r[2] ? parseA1(r[2]) : a;
    if (!r[2]) return this.ev.cell(sheet, a.row, a.col);
    const cells: Scalar[] = [];
    for (let row = a.row; row <= b.row; row++) for (let col = a.col; col <= b.col; col++) cells.push(this.ev.cell(sheet, row, col));
    return { cells };
  }

  private peek(ch: string): boolean {
    return this.s[this.i] === ch;
  }

  private expect(ch: string): void {
    if (this.s[this.i] !== ch) throw new Error(`expected ${ch} at ${this.s.slice(this.i)}`);
    this.i++;
  }
}
