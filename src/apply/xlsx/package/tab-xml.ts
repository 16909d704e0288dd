/**
 * Our sheets as SheetML, written new: a planned report tab (values, live formulas with their cached results,
 * looks, widths, merges, frozen header, links, print settings) and the very hidden _clusterix state sheet.
 * Text goes in inline strings, so the user's shared strings part is never touched.
 */
import { HIGHLIGHT_FILL, HIGHLIGHT_FONT, type Highlight, type PlannedCell, type PlannedTab, type PlanValue } from '../../../plan/types';
import { a1, columnLetters, parseA1, quoteSheet } from '../../../util/a1';
import { escapeText, escapeXml } from '../../../snapshot/package/xml';
import { cellKey, tabLayout } from '../print-layout';
import type { StylesEdit } from './styles-edit';
import { concat } from '../../../snapshot/package/zip';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

interface Look {
  font?: { size: number; bold?: boolean; italic?: boolean; color?: string; underline?: boolean };
  fill?: string;
  border?: { top?: 'thin' | 'double'; bottom?: 'thin' | 'double' };
  wrap?: boolean;
  vertical?: 'top' | 'bottom';
}

const GREY = 'FF808080';
/** How each named cell style of the plan looks (as src/apply/office and the former ExcelJS writer draw them). */
const LOOKS: Record<NonNullable<PlannedCell['style']>, Look> = {
  title: { font: { size: 14, bold: true, color: 'FF1F3864' } },
  subtitle: { font: { size: 10, color: 'FF595959' } },
  header: { font: { size: 11, bold: true }, fill: 'FFD9E1F2', border: { bottom: 'thin' }, wrap: true, vertical: 'bottom' },
  body: { font: { size: 11 } },
  total: { font: { size: 11, bold: true }, border: { top: 'thin', bottom: 'double' } },
  note: { font: { size: 9, italic: true, color: 'FF595959' } },
  band: { font: { size: 12, bold: true, color: 'FF1F3864' }, border: { bottom: 'thin' } },
};
const LINK_COLOUR = 'FF0563C1';
/** The named styles and highlights as small numbers, for TabStyles' numeric keys (0: none). */
const STYLE_NUMBER: Record<NonNullable<PlannedCell['style']>, number> = { title: 1, subtitle: 2, header: 3, body: 4, total: 5, note: 6, band: 7 };
const HIGHLIGHT_NUMBER: Record<Highlight, number> = { notLive: 1, error: 2, warning: 3, info: 4, current: 5, notDue: 6 };

function fontXml(f: NonNullable<Look['font']>, link: boolean): string {
  const colour = link ? LINK_COLOUR : f.color;
  return `<font>${f.bold ? '<b/>' : ''}${f.italic ? '<i/>' : ''}${link ? '<u/>' : ''}<sz val="${f.size}"/>${colour ? `<color rgb="${colour}"/>` : ''}<name val="Calibri"/><family val="2"/></font>`;
}

function borderXml(b: NonNullable<Look['border']>): string {
  const side = (name: string, style?: string) => (style ? `<${name} style="${style}"><color rgb="${GREY}"/></${name}>` : `<${name}/>`);
  return `<border>${side('left')}${side('right')}${side('top', b.top)}${side('bottom', b.bottom)}<diagonal/></border>`;
}

export function solidFillXml(argb: string): string {
  return `<fill><patternFill patternType="solid"><fgColor rgb="${argb}"/></patternFill></fill>`;
}

/** Style indexes for our cells, made once per distinct look. */
export class TabStyles {
  private readonly cache = new Map<string, number>();
  constructor(private readonly styles: StylesEdit) {}

  private readonly byNumber = new Map<number, number>();
  private readonly formats = new Map<string, number>();

  /**
   * index(), keyed by a number rather than a string made per cell: the same style index for the same look,
   * made (by index()) in the same order.
   */
  indexOf(style: PlannedCell['style'], link: boolean, numberFormat: string | undefined, right: boolean, wrap: boolean, vertical: 'top' | 'bottom' | undefined, highlight?: Highlight): number {
    let nf = 0;
    if (numberFormat !== undefined) {
      nf = this.formats.get(numberFormat) ?? 0;
      if (nf === 0) this.formats.set(numberFormat, (nf = this.formats.size + 1));
    }
    const key = ((((((nf * 8 + (style ? STYLE_NUMBER[style] : 0)) * 2 + (link ? 1 : 0)) * 2 + (right ? 1 : 0)) * 2 + (wrap ? 1 : 0)) * 3 + (vertical === 'top' ? 1 : vertical === 'bottom' ? 2 : 0)) * 8 + (highlight ? HIGHLIGHT_NUMBER[highlight] : 0));
    const hit = this.byNumber.get(key);
    if (hit !== undefined) return hit;
    const i = this.index(style, link, numberFormat, { right: right || undefined, wrap: wrap || undefined, vertical }, highlight);
    this.byNumber.set(key, i);
    return i;
  }

  index(style: PlannedCell['style'], link: boolean, numberFormat: string | undefined, align: { right?: boolean; wrap?: boolean; vertical?: 'top' | 'bottom' }, highlight?: Highlight): number {
    const key = `${style}|${link ? 1 : 0}|${numberFormat ?? ''}|${align.right ? 1 : 0}${align.wrap ? 1 : 0}|${align.vertical ?? ''}|${highlight ?? ''}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const base: Look = style ? LOOKS[style] : {};
    // A highlight (a figure that cannot be live, a partner over budget, the current period, a severity) fills the cell.
    const hlFont = highlight ? HIGHLIGHT_FONT[highlight] : undefined;
    const look: Look = highlight
      ? { ...base, fill: `FF${HIGHLIGHT_FILL[highlight].slice(1)}`, ...(hlFont ? { font: { ...(base.font ?? { size: 11 }), color: `FF${hlFont.slice(1)}` } } : {}) }
      : base;
    const s = this.styles;
    const fontId = look.font || link ? s.font(fontXml(look.font ?? { size: 11 }, link)) : 0;
    const fillId = look.fill ? s.fill(solidFillXml(look.fill)) : 0;
    const borderId = look.border ? s.border(borderXml(look.border)) : 0;
    const numFmtId = s.numFmt(numberFormat);
    const wrap = align.wrap ?? look.wrap;
    const vertical = align.vertical ?? look.vertical;
    const alignAttrs = `${align.right ? ' horizontal="right"' : ''}${vertical ? ` vertical="${vertical}"` : ''}${wrap ? ' wrapText="1"' : ''}`;
    const xf =
      `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"` +
      `${numFmtId ? ' applyNumberFormat="1"' : ''}${fontId ? ' applyFont="1"' : ''}${fillId ? ' applyFill="1"' : ''}${borderId ? ' applyBorder="1"' : ''}` +
      (alignAttrs ? ` applyAlignment="1"><alignment${alignAttrs}/></xf>` : '/>');
    const i = s.xf(xf);
    this.cache.set(key, i);
    return i;
  }
}

/** Column letters by 0-based column, made once each (a report tab writes the same few columns on every row). */
const LETTERS: string[] = [];
function letters(col: number): string {
  return LETTERS[col] ?? (LETTERS[col] = columnLetters(col));
}

function cellXml(ref: string, s: number, v: PlanValue): string {
  const st = s ? ` s="${s}"` : '';
  switch (v.kind) {
    case 'text':
    case 'link':
      return v.text === '' ? `<c r="${ref}"${st}/>` : `<c r="${ref}"${st} t="inlineStr"><is><t xml:space="preserve">${escapeText(v.text)}</t></is></c>`;
    case 'number':
      return Number.isFinite(v.value) ? `<c r="${ref}"${st}><v>${v.value}</v></c>` : `<c r="${ref}"${st} t="e"><v>#NUM!</v></c>`;
    case 'formula': {
      const f = `<f>${escapeXml(v.formula.charCodeAt(0) === 61 ? v.formula.slice(1) : v.formula)}</f>`;
      if (typeof v.result === 'number') return `<c r="${ref}"${st}>${f}<v>${v.result}</v></c>`;
      return `<c r="${ref}"${st} t="str">${f}<v>${escapeText(v.result)}</v></c>`;
    }
  }
}

/** Whether the cells are in row, then column order already. */
function inOrder(cells: PlannedCell[]): boolean {
  for (let i = 1; i < cells.length; i++) {
    const a = cells[i - 1];
    const b = cells[i];
    if (a.row > b.row || (a.row === b.row && a.col > b.col)) return false;
  }
  return true;
}

/**
 * The cells in row, then column order, cells of one address in the order planned (a stable sort): counted
 * into their rows in one pass, then each row (a few cells) put in column order.
 */
export function inRowOrder(cells: PlannedCell[]): PlannedCell[] {
  if (inOrder(cells)) return cells;
  let maxRow = 0;
  // Indexed loops: for...of would make an object per cell (this runs once per tab, seldom optimized in time).
  for (let i = 0; i < cells.length; i++) maxRow = Math.max(maxRow, cells[i].row);
  if (!(maxRow < 4 * cells.length + 65536) || cells.some((c) => !(c.row >= 0) || !Number.isInteger(c.row))) return [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
  const starts = new Int32Array(maxRow + 2);
  for (let i = 0; i < cells.length; i++) starts[cells[i].row + 1]++;
  for (let r = 1; r < starts.length; r++) starts[r] += starts[r - 1];
  const out: PlannedCell[] = new Array<PlannedCell>(cells.length);
  const next = starts.slice();
  for (let i = 0; i < cells.length; i++) out[next[cells[i].row]++] = cells[i];
  for (let r = 0; r <= maxRow; r++) {
    const from = starts[r];
    const to = starts[r + 1];
    if (to - from > 64) {
      const sorted = out.slice(from, to).sort((a, b) => a.col - b.col);
      for (let i = from; i < to; i++) out[i] = sorted[i - from];
      continue;
    }
    // Insertion sort: stable, and a row's few cells are mostly in order already.
    for (let i = from + 1; i < to; i++) {
      const c = out[i];
      let j = i - 1;
      while (j >= from && out[j].col > c.col) {
        out[j + 1] = out[j];
        j--;
      }
      out[j + 1] = c;
    }
  }
  return out;
}

function assertMergesApart(tab: PlannedTab): { top: number; left: number; bottom: number; right: number }[] {
  const boxes = tab.merges.map((m) => {
    const [a, b] = m.split(':').map(parseA1);
    return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col), ref: m };
  });
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const x = boxes[i];
      const y = boxes[j];
      if (x.top <= y.bottom && y.top <= x.bottom && x.left <= y.right && y.left <= x.right) throw new Error(`merges ${x.ref} and ${y.ref} on '${tab.name}' overlap`);
    }
  return boxes;
}

export interface TabXml {
  xml: string;
  /** The print titles' defined name text ('Report Summary'!$5:$6), or null. */
  printTitles: string | null;
}

/** Where a TabSheet's rows go in its sheet: its sheetData, written empty. */
export const EMPTY_SHEET_DATA = '<sheetData></sheetData>';

/**
 * A report tab as its sheet without the rows (sheetData written empty, EMPTY_SHEET_DATA) and the rows: what
 * comes after the cells (notes' legacyDrawing, charts' drawing) is added to the small sheet, and the megabytes
 * of rows are put in once, as bytes, just before the package is zipped (sheetBytes): never copied or searched.
 */
export interface TabSheet {
  sheet: string;
  /** The rows' SheetML as UTF-8 (RowBytes), each row encoded as soon as it is made. */
  rows: RowBytes;
  printTitles: string | null;
}

export function tabXml(tab: PlannedTab, styles: TabStyles): TabXml {
  const { sheet, rows, printTitles } = tabSheet(tab, styles);
  return { xml: withRows(sheet, rows), printTitles };
}

/** The sheet with its rows in its empty sheetData. */
export function withRows(sheet: string, rows: RowBytes): string {
  const cut = rowsAt(sheet);
  return sheet.slice(0, cut) + rows.text() + sheet.slice(cut);
}

function rowsAt(sheet: string): number {
  const at = sheet.indexOf(EMPTY_SHEET_DATA);
  if (at < 0) throw new Error('a report sheet without its empty sheetData');
  return at + '<sheetData>'.length;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Room kept before a tab's rows for the start of its sheet (up to its sheetData), and after them for its end. */
const ROOM = 64 * 1024;

/**
 * A report tab's rows as UTF-8, each encoded as soon as it is made: no row stays a string until the tab is done
 * (at 500 partners they were 8 MB of strings, every one copied by the young generation's collections into the
 * old one). Room is kept before and after the rows, so that the part's bytes (sheetBytes) are the rows with the
 * sheet's start and end written beside them, not a copy of the megabytes. Rows end at '</row>', so no character
 * is cut in two.
 */
export class RowBytes {
  private buf: Uint8Array;
  private end = ROOM;
  private closed = false;

  /** `expected`: about how many bytes the rows take (more only costs address space: pages are touched as written). */
  constructor(expected: number) {
    this.buf = new Uint8Array(ROOM + expected + ROOM);
  }

  add(text: string): void {
    if (this.closed) throw new Error('a report tab\'s rows added to after its sheet was written around them');
    let rest = text;
    for (;;) {
      // Up to the room kept at the end: that is for the sheet's end.
      const { read, written } = encoder.encodeInto(rest, this.buf.subarray(this.end, this.buf.length - ROOM));
      this.end += written;
      if (read === rest.length) return;
      rest = rest.slice(read);
      this.grow(rest.length * 3);
    }
  }

  private grow(atLeast: number): void {
    const bigger = new Uint8Array(this.buf.length + Math.max(atLeast, this.buf.length >> 1));
    bigger.set(this.buf.subarray(0, this.end));
    this.buf = bigger;
  }

  get byteLength(): number {
    return this.end - ROOM;
  }

  text(): string {
    return decoder.decode(this.buf.subarray(ROOM, this.end));
  }

  /**
   * `head`, the rows, then `tail`, as UTF-8: in place when head and tail fit the room kept, else copied. The bytes
   * returned may be this buffer itself, so the rows take no more (add() refuses) and this is asked once.
   */
  between(head: string, tail: string): Uint8Array {
    if (this.closed) throw new Error('a report tab\'s sheet written around its rows twice');
    this.closed = true;
    const h = encoder.encode(head);
    if (h.length > ROOM) return concat([h, this.buf.subarray(ROOM, this.end), encoder.encode(tail)]);
    const t = encoder.encode(tail);
    if (this.end + t.length > this.buf.length) this.grow(t.length);
    this.buf.set(h, ROOM - h.length);
    this.buf.set(t, this.end);
    return this.buf.subarray(ROOM - h.length, this.end + t.length);
  }
}

/**
 * withRows' UTF-8 bytes: the sheet's start and end around the rows' bytes, written where RowBytes kept room for
 * them (the megabytes of a report tab never become one string, and are not copied again).
 */
export function sheetBytes(sheet: string, rows: RowBytes): Uint8Array {
  const cut = rowsAt(sheet);
  return rows.between(sheet.slice(0, cut), sheet.slice(cut));
}

export function tabSheet(tab: PlannedTab, styles: TabStyles): TabSheet {
  assertMergesApart(tab);
  const layout = tabLayout(tab);
  // Row, then column order; of several values planned for one cell, the first (a stable sort keeps it first).
  const cells = inRowOrder(tab.cells);
  let maxRow = 0;
  let maxCol = 0;
  // Each row's cells joined into one flat string and encoded at once (a rope of a million short pieces, or the
  // rows kept as strings, would live until the zip). About 100 bytes a cell is room enough for most tabs.
  const rows = new RowBytes(cells.length * 100);
  let cellsXml: string[] = [];
  const endRow = () => {
    cellsXml.push('</row>');
    rows.add(cellsXml.join(''));
  };
  const links: string[] = [];
  let row = -1;
  let lastCol = -1;
  let height: number | undefined;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (c.row !== row) {
      if (row >= 0) endRow();
      cellsXml = [];
      row = c.row;
      lastCol = -1;
      height = layout.rowHeights.get(row);
      cellsXml.push(height ? `<row r="${row + 1}" ht="${height}" customHeight="1">` : `<row r="${row + 1}">`);
      maxRow = Math.max(maxRow, row);
    }
    if (c.col === lastCol) continue; // one value per cell: the first planned
    lastCol = c.col;
    const k = cellKey(c.row, c.col);
    const isLink = c.value.kind === 'link';
    const s = styles.indexOf(c.style, isLink, c.numberFormat, layout.rightAligned.has(k), layout.wrapped.has(k), height !== undefined ? (c.style === 'header' ? 'bottom' : 'top') : undefined, c.highlight);
    const ref = letters(c.col) + (c.row + 1);
    cellsXml.push(cellXml(ref, s, c.value));
    if (c.value.kind === 'link') links.push(`<hyperlink ref="${ref}" location="${escapeXml(`${quoteSheet(c.value.sheet)}!${c.value.cell}`)}" display="${escapeXml(c.value.text)}"/>`);
    maxCol = Math.max(maxCol, c.col);
  }
  if (row >= 0) endRow();
  const { rows: fr, cols: fc } = tab.freeze;
  const pane =
    fr || fc
      ? `<pane${fc ? ` xSplit="${fc}"` : ''}${fr ? ` ySplit="${fr}"` : ''} topLeftCell="${a1(fr, fc)}" activePane="${fr && fc ? 'bottomRight' : fr ? 'bottomLeft' : 'topRight'}" state="frozen"/>`
      : '';
  const cols = layout.columnWidths
    .map((w, i) => (w > 0 ? `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>` : ''))
    .join('');
  const merges = tab.merges.length ? `<mergeCells count="${tab.merges.length}">${tab.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '';
  const fit = tab.print.fitToWidth;
  const sheet =
    `${HEAD}<worksheet ${NS}>` +
    `<sheetPr><tabColor rgb="FF1F4E79"/>${fit ? '<pageSetUpPr fitToPage="1"/>' : ''}</sheetPr>` +
    `<dimension ref="A1:${a1(maxRow, maxCol)}"/>` +
    `<sheetViews><sheetView showGridLines="0" workbookViewId="0">${pane}</sheetView></sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : '') +
    EMPTY_SHEET_DATA +
    (tab.autoFilter ? `<autoFilter ref="${tab.autoFilter}"/>` : '') +
    merges +
    (links.length ? `<hyperlinks>${links.join('')}</hyperlinks>` : '') +
    '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>' +
    `<pageSetup paperSize="9" orientation="${tab.print.orientation}"${fit ? ` fitToWidth="${layout.pagesWide}" fitToHeight="0"` : ''}/>` +
    '<headerFooter><oddFooter>&amp;L&amp;8&amp;A&amp;R&amp;8Page &amp;P of &amp;N</oddFooter></headerFooter>' +
    rowBreaks(tab.print.breaksBefore ?? []) +
    '</worksheet>';
  const q = quoteSheet(tab.name);
  const titles: string[] = [];
  if (layout.pagesWide > 1 && fc > 0) titles.push(`${q}!$A:$${columnLetters(fc - 1)}`);
  if (tab.print.repeatRows) titles.push(`${q}!$${tab.print.repeatRows.first + 1}:$${tab.print.repeatRows.last + 1}`);
  return { sheet, rows, printTitles: titles.length ? titles.join(',') : null };
}

/** Page breaks before the given 0-based rows (a break after the row above each). */
function rowBreaks(before: number[]): string {
  const rows = before.filter((r) => r > 0);
  if (rows.length === 0) return '';
  return `<rowBreaks count="${rows.length}" manualBreakCount="${rows.length}">${rows.map((r) => `<brk id="${r}" max="16383" man="1"/>`).join('')}</rowBreaks>`;
}

/** The _clusterix sheet: the state's chunks in column A from A1, as inline strings. */
export function stateSheetXml(chunks: string[]): string {
  const rows = chunks.map((c, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t xml:space="preserve">${escapeText(c)}</t></is></c></row>`).join('');
  return `${HEAD}<worksheet ${NS}><dimension ref="A1:A${Math.max(1, chunks.length)}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData>${rows}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
}
