/**
 * What a printed report needs that the plan leaves to the applier: headers aligned with their numbers, wide text
 * columns narrowed and their text wrapped so the tab fits the page, rows tall enough to show wrapped text
 * (neither LibreOffice nor Excel grows a row on opening a file), and tabs still too wide spread over as many
 * pages as keep the print legible, the frozen columns repeated on each.
 */
import type { PlannedCell, PlannedTab } from '../../plan/types';
import { parseA1 } from '../../util/a1';

/** Character units that print legibly on one A4 landscape page (about 75% scale). */
const UNITS_PER_PAGE = 175;
const DEFAULT_WIDTH = 9;
/** A text column is never narrowed below this. */
const MIN_TEXT_WIDTH = 28;
/** Points per line of 11 pt text, and the cap on a wrapped row. */
const LINE = 15;
const MAX_LINES = 15;
/** Calibri's average character is narrower than the '0' that defines a width unit. */
const CHAR = 0.9;
const CHAR_BOLD = 1.15;

export interface TabLayout {
  columnWidths: number[];
  /** Header cells over numbers, aligned right like them, by cellKey. */
  rightAligned: Set<number>;
  /** Cells whose text is wrapped, by cellKey. */
  wrapped: Set<number>;
  /** Heights in points of rows taller than one line, by 0-based row. */
  rowHeights: Map<number, number>;
  /** Every tab prints one page wide (A4 landscape, scaled to fit). */
  pagesWide: number;
  widthUnits: number;
}

/** A cell of a tab as one number (a report tab has far fewer than 16,384 columns): no string made per cell. */
export const cellKey = (r: number, c: number): number => r * 16384 + c;
const key = cellKey;

function textOf(c: PlannedCell): string | null {
  const v = c.value;
  if (v.kind === 'text' || v.kind === 'link') return v.text;
  if (v.kind === 'formula' && typeof v.result === 'string') return v.result;
  return null;
}

const isNumber = (c: PlannedCell | undefined) =>
  !!c && (c.value.kind === 'number' || (c.value.kind === 'formula' && typeof c.value.result === 'number'));

/** Widths with the widest text-only columns narrowed (not below MIN_TEXT_WIDTH) when that makes the tab fit one page. */
function fittedWidths(tab: PlannedTab): number[] {
  const widths = tab.columnWidths.map((w) => w || DEFAULT_WIDTH);
  // Columns with text in a body cell (in the order of their first) and none with a number: one pass over the cells.
  const textCols = new Set<number>();
  const numberCols = new Set<number>();
  // Indexed loops over the cells here and below: run once per tab, for...of would make an object per cell.
  const cells = tab.cells;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (c.style !== 'body' && c.style !== undefined) continue;
    if (isNumber(c)) numberCols.add(c.col);
    else if (textOf(c) !== null) textCols.add(c.col);
  }
  for (const c of numberCols) textCols.delete(c);
  let excess = widths.reduce((a, w) => a + w, 0) - UNITS_PER_PAGE;
  const byWidth = [...textCols].filter((c) => c < widths.length).sort((a, b) => widths[b] - widths[a]);
  const room = byWidth.reduce((a, c) => a + Math.max(0, widths[c] - MIN_TEXT_WIDTH), 0);
  if (excess > room) return widths; // it will not fit one page anyway: keep the text on one line, print wider
  for (const c of byWidth) {
    if (excess <= 0) break;
    const cut = Math.min(excess, Math.max(0, widths[c] - MIN_TEXT_WIDTH));
    widths[c] -= cut;
    excess -= cut;
  }
  return widths;
}

export function tabLayout(tab: PlannedTab): TabLayout {
  const columnWidths = fittedWidths(tab);
  const width = (c: number) => columnWidths[c] ?? DEFAULT_WIDTH;
  const spans = new Map<number, number>();
  for (const m of tab.merges) {
    const [a, b] = m.split(':').map(parseA1);
    let w = 0;
    for (let c = a.col; c <= b.col; c++) w += width(c);
    spans.set(key(a.row, a.col), w);
  }
  // The cells a header looks at (the two below it), not a map of every cell: the last planned of each, as a map would hold.
  const cells = tab.cells;
  const below = new Set<number>();
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (c.style === 'header') below.add(key(c.row + 1, c.col)).add(key(c.row + 2, c.col));
  }
  const at = new Map<number, PlannedCell>();
  if (below.size > 0) {
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i];
      const k = key(c.row, c.col);
      if (below.has(k)) at.set(k, c);
    }
  }
  const rightAligned = new Set<number>();
  const wrapped = new Set<number>();
  const rowHeights = new Map<number, number>();
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (c.style === 'header' && isNumber(at.get(key(c.row + 1, c.col)) ?? at.get(key(c.row + 2, c.col)))) rightAligned.add(key(c.row, c.col));
    const text = textOf(c);
    if (text === null || c.style === 'title' || c.style === 'subtitle' || c.style === 'note') continue;
    const w = Math.max(1, (spans.get(key(c.row, c.col)) ?? width(c.col)) - 1);
    const units = text.length * (c.style === 'header' || c.style === 'total' ? CHAR_BOLD : CHAR);
    if (units <= w) continue;
    wrapped.add(key(c.row, c.col));
    const lines = Math.min(MAX_LINES, Math.ceil(units / w));
    rowHeights.set(c.row, Math.max(rowHeights.get(c.row) ?? LINE, lines * LINE));
  }
  const total = columnWidths.reduce((a, w) => a + w, 0);
  return { columnWidths, rightAligned, wrapped, rowHeights, pagesWide: 1, widthUnits: total };
}
