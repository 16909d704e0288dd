/**
 * A worksheet part's sheetData as rows of cells, for the partner workbooks: rows taken away, rows moved
 * (their r= and relative formula references follow), cells given new values in place with the cell's own
 * style kept. Everything outside sheetData stays byte for byte, but for the dimension and the merged ranges
 * below a moved row. Shared formulas are written out per cell first, so a row can go without its master.
 */
import { a1, parseA1 } from '../../../util/a1';
import { attr } from '../../../snapshot/package/styles';
import { escapeText } from '../../../snapshot/package/xml';
import { shiftFormula } from '../../../snapshot/package/formula-shift';
import type { CellValue, ValueType } from '../../../snapshot/types';
import { setAttr } from './styles-edit';

export interface CellXml {
  col: number;
  xml: string;
}

export interface RowXml {
  /** 1-based, as in the file. */
  r: number;
  /** The row's start tag (without the closing of a self-closing one). */
  start: string;
  cells: CellXml[];
}

export interface SheetRows {
  prefix: string;
  /** The part before sheetData's content and after it. */
  head: string;
  tail: string;
  rows: RowXml[];
}

/** What a cell holds, as the snapshot gives it. */
export interface CellContent {
  value: CellValue;
  type: ValueType;
  /** '=SUM(…)' or null. */
  formula: string | null;
}

const CELL = /<(\w+:)?c\b[^>]*?(?:\/>|>[\s\S]*?<\/(\w+:)?c>)/g;
const ROW = /<(\w+:)?row\b[^>]*?(?:\/>|>([\s\S]*?)<\/(\w+:)?row>)/g;

export function parseRows(xml: string): SheetRows {
  const prefix = /<(\w+:)?worksheet\b/.exec(xml)?.[1] ?? '';
  const sd = /<(\w+:)?sheetData\b[^>]*?(\/?)>/.exec(xml);
  if (!sd) {
    const at = /<\/(\w+:)?worksheet>/.exec(xml)!.index;
    return { prefix, head: `${xml.slice(0, at)}<${prefix}sheetData>`, tail: `</${prefix}sheetData>${xml.slice(at)}`, rows: [] };
  }
  if (sd[2] === '/') {
    return { prefix, head: `${xml.slice(0, sd.index)}<${prefix}sheetData>`, tail: `</${prefix}sheetData>${xml.slice(sd.index + sd[0].length)}`, rows: [] };
  }
  const innerStart = sd.index + sd[0].length;
  const end = /<\/(\w+:)?sheetData>/g;
  end.lastIndex = innerStart;
  const close = end.exec(xml)!;
  const inner = xml.slice(innerStart, close.index);
  const rows: RowXml[] = [];
  let last = 0;
  for (const m of inner.matchAll(ROW)) {
    const start = /^<(\w+:)?row\b[^>]*?(?=\/?>)/.exec(m[0])![0] + '>';
    const r = Number(attr(start, 'r') ?? last + 1);
    last = r;
    const cells: CellXml[] = [];
    let col = -1;
    for (const c of (m[2] ?? '').matchAll(CELL)) {
      const ref = attr(c[0], 'r');
      col = ref !== undefined ? parseA1(ref).col : col + 1;
      cells.push({ col, xml: ref !== undefined ? c[0] : c[0].replace(/^<(\w+:)?c\b/, (t) => `${t} r="${a1(r - 1, col)}"`) });
    }
    rows.push({ r, start: setAttr(start, 'r', String(r)), cells });
  }
  return { prefix, head: xml.slice(0, innerStart), tail: xml.slice(close.index), rows };
}

export function serializeRows(s: SheetRows): string {
  const p = s.prefix;
  const body = [...s.rows]
    .sort((a, b) => a.r - b.r)
    .map((row) => `${row.start}${[...row.cells].sort((a, b) => a.col - b.col).map((c) => c.xml).join('')}</${p}row>`)
    .join('');
  let xml = s.head + body + s.tail;
  const lastRow = s.rows.reduce((m, r) => Math.max(m, r.r), 1);
  const lastCol = s.rows.reduce((m, r) => r.cells.reduce((k, c) => Math.max(k, c.col), m), 0);
  xml = xml.replace(/<(\w+:)?dimension\b[^>]*?\/>/, (t) => setAttr(t, 'ref', `A1:${a1(lastRow - 1, lastCol)}`));
  return xml;
}

/** Shared formulas written out as each cell's own formula (the master's text moved to the cell). */
export function unshareFormulas(s: SheetRows): void {
  const masters = new Map<string, { row: number; col: number; text: string }>();
  for (const row of s.rows) {
    for (const c of row.cells) {
      const f = /<(\w+:)?f\b([^>]*?)>([\s\S]*?)<\/(\w+:)?f>/.exec(c.xml);
      if (f && /\bt\s*=\s*"shared"/.test(f[2]) && f[3] !== '') masters.set(attr(`<f${f[2]}>`, 'si') ?? '', { row: row.r, col: c.col, text: f[3] });
    }
  }
  if (masters.size === 0) return;
  for (const row of s.rows) {
    for (const c of row.cells) {
      c.xml = c.xml.replace(/<(\w+:)?f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(\w+:)?f>)/, (m, fp = '', attrs: string, text?: string) => {
        if (!/\bt\s*=\s*"shared"/.test(attrs)) return m;
        const master = masters.get(attr(`<f${attrs}>`, 'si') ?? '');
        if (!master) return m;
        const own = text ? text : shiftFormula(master.text, row.r - master.row, c.col - master.col);
        return `<${fp}f>${own}</${fp}f>`;
      });
    }
  }
}

function styleAttr(xml: string | undefined): string {
  const s = xml ? attr(/^<(\w+:)?c\b[^>]*?(?=\/?>)/.exec(xml)![0] + '>', 's') : undefined;
  return s && s !== '0' ? ` s="${s}"` : '';
}

/** A cell's XML holding `content`, with the style of `like` (the cell it replaces, or a cell of the same column); null for an empty cell without style. */
export function cellXml(prefix: string, row: number, col: number, content: CellContent, like?: string): string | null {
  const p = prefix;
  const s = styleAttr(like);
  const r = a1(row - 1, col);
  const v = content.value;
  const f = content.formula !== null ? `<${p}f>${escapeText(content.formula.replace(/^=/, ''))}</${p}f>` : '';
  if (content.type === 'Uncalculated' || ((v === null || content.type === 'Empty') && f)) return `<${p}c r="${r}"${s}>${f}</${p}c>`;
  if (v === null || content.type === 'Empty') return s ? `<${p}c r="${r}"${s}/>` : null;
  if (typeof v === 'number') return `<${p}c r="${r}"${s}>${f}<${p}v>${v}</${p}v></${p}c>`;
  if (typeof v === 'boolean') return `<${p}c r="${r}"${s} t="b">${f}<${p}v>${v ? 1 : 0}</${p}v></${p}c>`;
  if (content.type === 'Error') return `<${p}c r="${r}"${s} t="e">${f}<${p}v>${escapeText(v)}</${p}v></${p}c>`;
  if (f) return `<${p}c r="${r}"${s} t="str">${f}<${p}v>${escapeText(v)}</${p}v></${p}c>`;
  return `<${p}c r="${r}"${s} t="inlineStr"><${p}is><${p}t xml:space="preserve">${escapeText(v)}</${p}t></${p}is></${p}c>`;
}

/** Sets a cell's content in place (its style kept); a new cell takes the style of the column's cell in `styleRow`, if given. */
export function setCell(s: SheetRows, row: number, col: number, content: CellContent, styleRow?: RowXml): void {
  let target = s.rows.find((r) => r.r === row);
  if (!target) {
    target = { r: row, start: `<${s.prefix}row r="${row}">`, cells: [] };
    s.rows.push(target);
  }
  const i = target.cells.findIndex((c) => c.col === col);
  const like = i >= 0 ? target.cells[i].xml : styleRow?.cells.find((c) => c.col === col)?.xml;
  const xml = cellXml(s.prefix, row, col, content, like);
  if (i >= 0) {
    if (xml === null) target.cells.splice(i, 1);
    else target.cells[i] = { col, xml };
  } else if (xml !== null) target.cells.push({ col, xml });
}
