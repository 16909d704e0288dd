/**
 * A planned report tab onto a new worksheet: number formats first (so text cells are text before their text
 * arrives), then the whole grid as `formulas` in row blocks, then styles, links, widths, panes and merges.
 * Text is kept as text even when it starts with = + - @ or looks like a number: such cells get the text
 * format '@', or a leading apostrophe where the plan asks for another format.
 */
import type { CellStyleName, PlannedCell, PlannedTab } from '../../plan/types';
import { a1, columnLetters, quoteSheet } from '../../util/a1';
import { OPS, rowBlocks, stepsOf, type WriteQueue } from './queue';

type GridValue = string | number;

/** Text Excel would turn into something else when entered (formula, number, date, boolean, error). */
export function wouldConvert(text: string): boolean {
  const t = text.trim();
  return /^[=+\-@']/.test(text) || /^[\d.,%$€\s()+-]+$/.test(t) || /^\d{1,4}[-/.]\d{1,2}([-/.]\d{1,4})?/.test(t) || /^(true|false)$/i.test(t) || /^#/.test(t);
}

function cellEntry(cell: PlannedCell): { value: GridValue; format: string } {
  const v = cell.value;
  const format = cell.numberFormat ?? 'General';
  switch (v.kind) {
    case 'number':
      return { value: v.value, format };
    case 'formula':
      return { value: v.formula, format };
    case 'text':
    case 'link': {
      const text = v.text;
      if (!wouldConvert(text)) return { value: text, format };
      if (cell.numberFormat === undefined || cell.numberFormat === '@') return { value: text, format: '@' };
      return { value: `'${text}`, format };
    }
  }
}

const HEADER_FILL = '#D9E1F2';

function styleRuns(cells: PlannedCell[]): { style: CellStyleName; address: string }[] {
  const byRow = new Map<string, PlannedCell[]>();
  for (const c of cells) {
    if (!c.style || c.style === 'body') continue;
    const k = `${c.style}\u0000${c.row}`;
    byRow.set(k, [...(byRow.get(k) ?? []), c]);
  }
  const runs: { style: CellStyleName; address: string }[] = [];
  for (const list of byRow.values()) {
    const cols = list.map((c) => c.col).sort((x, y) => x - y);
    let start = cols[0];
    for (let i = 1; i <= cols.length; i++) {
      if (i < cols.length && cols[i] === cols[i - 1] + 1) continue;
      const row = list[0].row;
      const end = cols[i - 1];
      runs.push({ style: list[0].style as CellStyleName, address: start === end ? a1(row, start) : `${a1(row, start)}:${a1(row, end)}` });
      start = cols[i];
    }
  }
  return runs;
}

function applyStyle(range: Excel.Range, style: CellStyleName): void {
  if (style === 'title') {
    range.format.font.bold = true;
    range.format.font.size = 14;
  } else if (style === 'header') {
    range.format.font.bold = true;
    range.format.fill.color = HEADER_FILL;
    range.format.wrapText = true;
  } else if (style === 'total' || style === 'band') range.format.font.bold = true;
  else if (style === 'subtitle' || style === 'note') range.format.font.italic = true;
}

/** Excel character units to points (the width of n zeros in Calibri 11 plus padding: 7 px each + 5 px). */
export function widthInPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** The plan's print settings (ExcelApi 1.9 pageLayout): orientation, fit to one page wide, title rows on each page. */
export function queuePrint(ws: Excel.Worksheet, print: PlannedTab['print']): void {
  ws.pageLayout.orientation = print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  if (print.fitToWidth) ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  if (print.repeatRows) ws.pageLayout.setPrintTitleRows(`$${print.repeatRows.first + 1}:$${print.repeatRows.last + 1}`);
}

/** Queue the writes of one tab onto the sheet `sheetName` (already added in an earlier step). */
export function queueTab(queue: WriteQueue, sheetName: string, tab: PlannedTab): void {
  const sheet = (context: Excel.RequestContext) => context.workbook.worksheets.getItem(sheetName);
  const rows = tab.cells.reduce((m, c) => Math.max(m, c.row + 1), 0);
  const cols = tab.cells.reduce((m, c) => Math.max(m, c.col + 1), 0);
  if (rows > 0 && cols > 0) {
    const values: GridValue[][] = Array.from({ length: rows }, () => Array.from({ length: cols }, () => ''));
    const formats: string[][] = Array.from({ length: rows }, () => Array.from({ length: cols }, () => 'General'));
    for (const c of tab.cells) {
      const e = cellEntry(c);
      values[c.row][c.col] = e.value;
      formats[c.row][c.col] = e.format;
    }
    // Blocks of an eighth of a chunk pack well beside the small steps; half-chunk blocks left chunks a third empty.
    for (const block of rowBlocks(values, queue.chunkBytes / 8)) {
      const address = `A${block.start + 1}:${columnLetters(cols - 1)}${block.start + block.rows.length}`;
      const blockFormats = formats.slice(block.start, block.start + block.rows.length);
      queue.add((context) => {
        const range = sheet(context).getRange(address);
        range.numberFormat = blockFormats;
        range.formulas = block.rows;
      }, [block.rows, blockFormats]);
    }
  }
  // Styles and links are many small operations: queued in blocks, each counted at its size, so no step outgrows a chunk.
  for (const block of stepsOf(styleRuns(tab.cells), styleWeight(3), queue.chunkBytes)) {
    queue.add(
      (context) => {
        const ws = sheet(context);
        for (const run of block) applyStyle(ws.getRange(run.address), run.style);
      },
      block,
      block.reduce((n, run) => n + styleWeight(STYLE_OPERATIONS[run.style]), 0),
    );
  }
  const links = tab.cells.flatMap((c) => (c.value.kind === 'link' ? [{ address: a1(c.row, c.col), documentReference: `${quoteSheet(c.value.sheet)}!${c.value.cell}`, textToDisplay: c.value.text }] : []));
  for (const block of stepsOf(links, OPS.link, queue.chunkBytes)) {
    queue.add(
      (context) => {
        const ws = sheet(context);
        for (const l of block) ws.getRange(l.address).hyperlink = { documentReference: l.documentReference, textToDisplay: l.textToDisplay };
      },
      block,
      block.length * OPS.link,
    );
  }
  queue.add(
    (context) => {
      const ws = sheet(context);
      tab.columnWidths.forEach((w, i) => {
        if (w > 0) ws.getRange(`${columnLetters(i)}:${columnLetters(i)}`).format.columnWidth = widthInPoints(w);
      });
      const { rows: fr, cols: fc } = tab.freeze;
      if (fr > 0 && fc > 0) ws.freezePanes.freezeAt(ws.getRange(`A1:${a1(fr - 1, fc - 1)}`));
      else if (fr > 0) ws.freezePanes.freezeRows(fr);
      else if (fc > 0) ws.freezePanes.freezeColumns(fc);
      for (const m of tab.merges) ws.getRange(m).merge(false);
      queuePrint(ws, tab.print);
    },
    [tab.columnWidths, tab.merges],
    tab.columnWidths.length + tab.merges.length + 4,
  );
}

/** Properties each style sets (applyStyle). */
const STYLE_OPERATIONS: Record<CellStyleName, number> = { title: 2, header: 3, total: 1, band: 1, subtitle: 1, note: 1, body: 0 };

/** A run's properties share one range path: the range and its first property cost 1.2 small operations, each other property 0.35 (measured). */
function styleWeight(properties: number): number {
  return properties === 0 ? 0 : 1.2 + (properties - 1) * 0.35;
}

