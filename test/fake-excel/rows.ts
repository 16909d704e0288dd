/**
 * Whole rows inserted or deleted in the fake's workbook, as Excel does it (Range.insert(Down) / delete(Up) on
 * '12:13', ExcelApi 1.1): the cells below move with everything they carry (values, formulas, formats, notes,
 * comments, links); inserted rows take the formatting of the row above them (Excel's "format same as above",
 * no content); every formula of the workbook that refers to the sheet's moved rows is rewritten (a reference
 * to a cell that moved follows it, $-fixed or not; a range grows by rows inserted inside it and shrinks by rows
 * deleted from it; a reference whose cells all went becomes #REF!); merged ranges move, grow and shrink alike.
 * Formulas whose text changed are calculated again by the fake's small calculator; one it cannot calculate
 * keeps its value. Its Excel tables move, grow and shrink as tables.ts says. Written apart from
 * src/plan/row-moves.ts on purpose: the tests compare the two.
 */
import { cellKey, findSheet, type FakeCell, type FakeSheet, type FakeWorkbook } from './model';
import { evaluate } from './evaluate';
import { tablesAfterRows } from './tables';

/** What a reference's first and last row (0-based) become, or null when none of its rows is left. */
type Span = { first: number; last: number } | null;

function spanAfter(first: number, last: number, at: number, count: number): Span {
  if (count > 0) return { first: first >= at ? first + count : first, last: last >= at ? last + count : last };
  const n = -count;
  const keptAbove = first < at;
  const keptBelow = last >= at + n;
  if (!keptAbove && !keptBelow && first >= at && last < at + n) return null;
  const f = first < at ? first : first >= at + n ? first - n : at;
  const l = last >= at + n ? last - n : last < at ? last : at - 1;
  return l < f ? null : { first: f, last: l };
}

const ROW_OF = /^(\$?[A-Za-z]{1,3}\$?)(\d+)$/;

function rewriteRef(ref: string, at: number, count: number): string | null {
  const ends = ref.split(':');
  const rowOnly = ends.every((e) => /^\$?\d+$/.test(e));
  const rows = ends.map((e) => (rowOnly ? Number(e.replace('$', '')) : Number(ROW_OF.exec(e)![2])) - 1);
  const s = spanAfter(Math.min(...rows), Math.max(...rows), at, count);
  if (!s) return null;
  const put = (e: string, row: number) => (rowOnly ? e.replace(/\d+$/, String(row + 1)) : e.replace(ROW_OF, (_m, col: string) => `${col}${row + 1}`));
  if (ends.length === 1) return put(ends[0], s.first);
  const topFirst = rows[0] <= rows[1];
  return `${put(ends[0], topFirst ? s.first : s.last)}:${put(ends[1], topFirst ? s.last : s.first)}`;
}

/** The formula `text` on sheet `home` after rows of `sheet` moved. */
export function formulaAfterRows(text: string, home: string, sheet: string, at: number, count: number): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      const end = text.indexOf('"', i + 1);
      const stop = end < 0 ? text.length : end + 1;
      out += text.slice(i, stop);
      i = stop;
      continue;
    }
    const prev = i > 0 ? text[i - 1] : '';
    const m = /^(?:('(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?|\$?\d+:\$?\d+)(?![A-Za-z0-9_(!.])/.exec(text.slice(i));
    if (m && !/[A-Za-z0-9_.$]/.test(prev)) {
      const on = m[1] === undefined ? home : m[1].startsWith("'") ? m[1].slice(1, -1).replace(/''/g, "'") : m[1];
      if (on.toLowerCase() === sheet.toLowerCase()) {
        const moved = rewriteRef(m[2], at, count);
        out += `${m[1] !== undefined ? `${m[1]}!` : ''}${moved ?? '#REF!'}`;
      } else out += m[0];
      i += m[0].length;
      continue;
    }
    // A name or function: copied whole, so its letters and digits are never read as a reference.
    const word = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(text.slice(i));
    if (word) {
      out += word[0];
      i += word[0].length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

const FORMAT_KEYS = ['numberFormat', 'fill', 'bold', 'italic', 'fontSize', 'wrap'] as const;

/** Inserts (count > 0) or deletes (count < 0) whole rows of `sheet` at 0-based row `at`. */
export function moveRows(wb: FakeWorkbook, sheetName: string, at: number, count: number): void {
  const sheet = findSheet(wb, sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  const moved = new Map<string, FakeCell>();
  const above = new Map<number, FakeCell>();
  for (const [k, cell] of sheet.cells) {
    const [r, c] = k.split(',').map(Number);
    if (count > 0 && r === at - 1) above.set(c, cell);
    if (r < at) moved.set(k, cell);
    else if (count > 0) moved.set(cellKey(r + count, c), cell);
    else if (r >= at - count) moved.set(cellKey(r + count, c), cell);
  }
  if (count > 0)
    for (const [c, cell] of above) {
      const look: Partial<FakeCell> = {};
      for (const key of FORMAT_KEYS) (look as Record<string, unknown>)[key] = cell[key];
      for (let r = at; r < at + count; r++) moved.set(cellKey(r, c), { value: null, type: 'Empty', formula: null, note: null, comment: null, hyperlink: null, ...(look as Pick<FakeCell, (typeof FORMAT_KEYS)[number]>) });
    }
  sheet.cells = moved;
  sheet.merges = sheet.merges.flatMap((m) => {
    const r = rewriteRef(m, at, count);
    return r === null ? [] : [r];
  });
  tablesAfterRows(sheet, at, count);
  for (const s of wb.sheets) recalcMoved(wb, s, sheet.name, at, count);
}

function recalcMoved(wb: FakeWorkbook, s: FakeSheet, sheet: string, at: number, count: number): void {
  for (const cell of s.cells.values()) {
    if (cell.formula === null) continue;
    const f = formulaAfterRows(cell.formula, s.name, sheet, at, count);
    if (f === cell.formula) continue;
    cell.formula = f;
    const v = evaluate(f, wb, s);
    if (!(v.type === 'Error' && v.value === '#NAME?')) Object.assign(cell, v);
  }
}
