/** Small helpers to lay out a SheetSpec row by row. */
import type { SheetSpec, SpecCell, SpecValue } from './spec';

export function newSheet(name: string, columnWidths: number[], frozenRows = 0): SheetSpec {
  return { name, cells: [], columnWidths, merges: [], frozenRows };
}

export function put(sheet: SheetSpec, row: number, col: number, value: SpecValue, look: Omit<SpecCell, 'row' | 'col' | 'value'> = {}): void {
  sheet.cells.push({ row, col, value, ...look });
}

/** A bold title in column A, merged across `span` columns. */
export function title(sheet: SheetSpec, row: number, text: string, span: number): void {
  put(sheet, row, 0, text, { bold: true });
  if (span > 1) sheet.merges.push({ top: row, left: 0, bottom: row, right: span - 1 });
}

/** A table's header; headers of columns holding figures sit right, above their numbers. */
export function headerRow(sheet: SheetSpec, row: number, labels: string[], holdsFigures: (col: number) => boolean = () => false): void {
  labels.forEach((label, col) => put(sheet, row, col, label, { bold: true, fill: 'header', ...(holdsFigures(col) ? { align: 'right' as const } : {}) }));
}

/** A field: its label in column A, its value in B. */
export function field(sheet: SheetSpec, row: number, label: string, value: SpecValue, numberFormat?: string): void {
  put(sheet, row, 0, label, { bold: true });
  put(sheet, row, 1, value, { fill: 'input', ...(numberFormat ? { numberFormat } : {}) });
}
