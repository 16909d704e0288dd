/**
 * A deliberately small calculator for formulas the fake is given: numbers, + - * / and parentheses, cell and
 * range references (also on other sheets) and SUM. Anything else evaluates to #NAME? so a test never mistakes
 * the fake for Excel's calculation engine.
 */
import type { CellValue, ValueType } from '../../src/snapshot/types';
import { findSheet, getCell, type FakeSheet, type FakeWorkbook } from './model';
import { parseAddress } from './address';

type Result = { value: CellValue; type: ValueType };
class Unsupported extends Error {}

const TOKEN = /\s*(?:(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|((?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?|\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)|(SUM)\s*\(|([-+*/(),]))/iy;

export function evaluate(formula: string, wb: FakeWorkbook, home: FakeSheet): Result {
  const tokens: string[][] = [];
  TOKEN.lastIndex = 0;
  const src = formula.replace(/^=/, '');
  while (TOKEN.lastIndex < src.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(src);
    if (!m) {
      if (src.slice(at).trim() === '') break;
      return { value: '#NAME?', type: 'Error' };
    }
    tokens.push(m[1] ? ['num', m[1]] : m[2] ? ['ref', m[2]] : m[3] ? ['sum', ''] : ['op', m[4]]);
  }
  let i = 0;
  const peek = () => tokens[i];
  const cellsOf = (ref: string): number[] => {
    const p = parseAddress(ref);
    const sheet = p.sheet === null ? home : findSheet(wb, p.sheet);
    if (!sheet) throw new Unsupported('#REF!');
    const out: number[] = [];
    for (let r = 0; r < p.box.rows; r++)
      for (let c = 0; c < p.box.cols; c++) {
        const v = getCell(sheet, p.box.top + r, p.box.left + c).value;
        if (typeof v === 'number') out.push(v);
      }
    return out;
  };
  const primary = (): number => {
    const t = tokens[i++];
    if (!t) throw new Unsupported('#NAME?');
    if (t[0] === 'num') return Number(t[1]);
    if (t[0] === 'ref') return cellsOf(t[1]).reduce((a, b) => a + b, 0);
    if (t[0] === 'sum') {
      let total = 0;
      while (peek() && !(peek()[0] === 'op' && peek()[1] === ')')) {
        const a = peek();
        if (a[0] === 'ref' && (tokens[i + 1]?.[1] === ',' || tokens[i + 1]?.[1] === ')')) {
          i++;
          total += cellsOf(a[1]).reduce((x, y) => x + y, 0);
        } else total += expr();
        if (peek()?.[1] === ',') i++;
      }
      i++;
      return total;
    }
    if (t[1] === '(') {
      const v = expr();
      i++;
      return v;
    }
    if (t[1] === '-') return -primary();
    if (t[1] === '+') return primary();
    throw new Unsupported('#NAME?');
  };
  const term = (): number => {
    let v = primary();
    while (peek() && (peek()[1] === '*' || peek()[1] === '/')) {
      const op = tokens[i++][1];
      const w = primary();
      if (op === '/' && w === 0) throw new Unsupported('#DIV/0!');
      v = op === '*' ? v * w : v / w;
    }
    return v;
  };
  const expr = (): number => {
    let v = term();
    while (peek() && (peek()[1] === '+' || peek()[1] === '-')) v = tokens[i++][1] === '+' ? v + term() : v - term();
    return v;
  };
  try {
    const v = expr();
    if (i < tokens.length) return { value: '#NAME?', type: 'Error' };
    return { value: v, type: 'Double' };
  } catch (e) {
    if (e instanceof Unsupported) return { value: e.message, type: 'Error' };
    return { value: '#NAME?', type: 'Error' };
  }
}
