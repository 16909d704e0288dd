/** One planned report tab onto a fresh ExcelJS worksheet: values, live formulas with cached results, looks, print setup. */
import type { Cell, Worksheet } from 'exceljs';
import { HIGHLIGHT_FILL, HIGHLIGHT_FONT, type PlannedTab, type PlanValue } from '../../plan/types';
import { a1, columnLetters, quoteSheet } from '../../util/a1';
import { CELL_STYLES, LINK_FONT } from './styles';
import { tabLayout } from './print-layout';

function setValue(cell: Cell, v: PlanValue): void {
  switch (v.kind) {
    case 'text':
      cell.value = v.text; // ExcelJS writes a string as a string, even '=…': text stays text
      return;
    case 'number':
      cell.value = v.value;
      return;
    case 'formula':
      cell.value = { formula: v.formula.replace(/^=/, ''), result: v.result } as Cell['value'];
      return;
    case 'link':
      cell.value = { text: v.text, hyperlink: `#${quoteSheet(v.sheet)}!${v.cell}` };
      return;
  }
}

export function writeTab(ws: Worksheet, tab: PlannedTab): void {
  const layout = tabLayout(tab);
  for (const pc of tab.cells) {
    const cell = ws.getCell(a1(pc.row, pc.col));
    setValue(cell, pc.value);
    const look = pc.style ? CELL_STYLES[pc.style] : {};
    const font = pc.value.kind === 'link' ? { ...(look.font ?? {}), ...LINK_FONT } : look.font;
    const k = `${pc.row},${pc.col}`;
    const alignment = {
      ...(look.alignment ?? {}),
      ...(layout.rightAligned.has(k) ? { horizontal: 'right' as const } : {}),
      ...(layout.wrapped.has(k) ? { wrapText: true } : {}),
      // In a row grown for wrapped text every cell starts at the top; a header's labels sit on its bottom line.
      ...(layout.rowHeights.has(pc.row) ? { vertical: pc.style === 'header' ? ('bottom' as const) : ('top' as const) } : {}),
    };
    const hl = pc.highlight;
    const hlFont = hl && HIGHLIGHT_FONT[hl] ? { ...(font ?? look.font ?? {}), color: { argb: argb(HIGHLIGHT_FONT[hl]!) } } : font;
    cell.style = {
      ...look,
      ...(hlFont ? { font: hlFont } : {}),
      ...(hl ? { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(HIGHLIGHT_FILL[hl]) } } } : {}),
      ...(Object.keys(alignment).length ? { alignment } : {}),
      ...(pc.numberFormat ? { numFmt: pc.numberFormat } : {}),
    };
  }
  for (const pc of tab.cells) if (pc.note) ws.getCell(a1(pc.row, pc.col)).note = pc.note;
  for (const [row, height] of layout.rowHeights) ws.getRow(row + 1).height = height;
  layout.columnWidths.forEach((w, i) => {
    if (w > 0) ws.getColumn(i + 1).width = w;
  });
  for (const m of tab.merges) ws.mergeCells(m);
  const { rows, cols } = tab.freeze;
  ws.views = rows || cols ? [{ state: 'frozen', xSplit: cols, ySplit: rows, topLeftCell: a1(rows, cols), showGridLines: false }] : [{ showGridLines: false }];
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, // A4: the programme's partners are in Europe
    orientation: tab.print.orientation,
    fitToPage: tab.print.fitToWidth,
    fitToWidth: layout.pagesWide,
    fitToHeight: 0,
    horizontalCentered: false,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(tab.print.repeatRows ? { printTitlesRow: `${tab.print.repeatRows.first + 1}:${tab.print.repeatRows.last + 1}` } : {}),
    ...(layout.pagesWide > 1 && cols > 0 ? { printTitlesColumn: `A:${columnLetters(cols - 1)}` } : {}),
  };
  ws.headerFooter.oddFooter = '&L&8&A&R&8Page &P of &N';
  for (const r of tab.print.breaksBefore ?? []) if (r > 0) ws.getRow(r).addPageBreak();
  if (tab.autoFilter) ws.autoFilter = tab.autoFilter;
  ws.properties.tabColor = { argb: 'FF1F4E79' };
}

function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}
