/**
 * The plain data behind the fake Excel: a workbook of sheets of cells. The fake's proxies read and write
 * this; tests build it from a WorkbookSnapshot and export it back to assert on. No Node-only imports.
 */
import type { CellValue, SheetSnapshot, SheetVisibility, ValueType, WorkbookSnapshot } from '../../src/snapshot/types';

export interface FakeHyperlink {
  documentReference?: string;
  address?: string;
  textToDisplay?: string;
}

export interface FakeCell {
  value: CellValue;
  type: ValueType;
  formula: string | null;
  numberFormat: string;
  /** Solid fill '#RRGGBB', or null for no fill. */
  fill: string | null;
  bold: boolean;
  italic: boolean;
  fontSize: number;
  wrap: boolean;
  /** A legacy note (ExcelApi 1.18 notes API) and a threaded comment (1.10); Excel allows one of the two per cell. */
  note: string | null;
  comment: string | null;
  hyperlink: FakeHyperlink | null;
}

export interface FakeSheet {
  id: number;
  name: string;
  visibility: SheetVisibility;
  protected: boolean;
  /** Keyed by `${row},${col}` (0-based). */
  cells: Map<string, FakeCell>;
  customProperties: Map<string, string>;
  frozenRows: number;
  frozenCols: number;
  /** Column widths in points, by 0-based column. */
  columnWidths: Map<number, number>;
  merges: string[];
  /** Print settings (ExcelApi 1.9 pageLayout): fit to pages (0 = automatic), rows repeated at the top ('$1:$3'). */
  pageLayout: { orientation: 'Portrait' | 'Landscape'; fitWide: number | null; fitTall: number | null; scale: number | null; printTitleRows: string | null };
}

export interface FakeWorkbook {
  sheets: FakeSheet[];
  activeSheetId: number | null;
  selection: { sheet: string; address: string } | null;
  calculationMode: 'Automatic' | 'AutomaticExceptTables' | 'Manual';
  enableEvents: boolean;
}

let nextSheetId = 1;
/** Ids are never reused, even after a failed batch rolls the workbook back. */
export function newSheetId(): number {
  return nextSheetId++;
}

export function emptyCell(): FakeCell {
  return { value: null, type: 'Empty', formula: null, numberFormat: 'General', fill: null, bold: false, italic: false, fontSize: 11, wrap: false, note: null, comment: null, hyperlink: null };
}

export function newSheet(name: string): FakeSheet {
  return { id: newSheetId(), name, visibility: 'Visible', protected: false, cells: new Map(), customProperties: new Map(), frozenRows: 0, frozenCols: 0, columnWidths: new Map(), merges: [], pageLayout: { orientation: 'Portrait', fitWide: null, fitTall: null, scale: null, printTitleRows: null } };
}

export function cellKey(row: number, col: number): string {
  return `${row},${col}`;
}

export function getCell(sheet: FakeSheet, row: number, col: number): FakeCell {
  return sheet.cells.get(cellKey(row, col)) ?? emptyCell();
}

/** The cell for writing: created on first touch. */
export function touchCell(sheet: FakeSheet, row: number, col: number): FakeCell {
  const k = cellKey(row, col);
  let c = sheet.cells.get(k);
  if (!c) {
    c = emptyCell();
    sheet.cells.set(k, c);
  }
  return c;
}

export function findSheet(wb: FakeWorkbook, name: string): FakeSheet | undefined {
  const n = name.toLowerCase();
  return wb.sheets.find((s) => s.name.toLowerCase() === n);
}

export interface Box {
  top: number;
  left: number;
  rows: number;
  cols: number;
}

/** Bounding box of cells with a value (valuesOnly) or with anything set; null when the sheet is blank. */
export function usedBox(sheet: FakeSheet, valuesOnly: boolean): Box | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const [k, c] of sheet.cells) {
    const hasValue = c.type !== 'Empty' || c.formula !== null;
    const hasAnything = hasValue || c.fill !== null || c.bold || c.italic || c.fontSize !== 11 || c.wrap || c.numberFormat !== 'General' || c.note !== null || c.comment !== null || c.hyperlink !== null;
    if (!(valuesOnly ? hasValue : hasAnything)) continue;
    const [r, col] = k.split(',').map(Number);
    top = Math.min(top, r);
    left = Math.min(left, col);
    bottom = Math.max(bottom, r);
    right = Math.max(right, col);
  }
  if (bottom < 0) return null;
  return { top, left, rows: bottom - top + 1, cols: right - left + 1 };
}

/** A workbook holding the snapshot's sheets, values, formulas and number formats. */
export function workbookFromSnapshot(snapshot: WorkbookSnapshot): FakeWorkbook {
  const sheets = snapshot.sheets.map((s) => {
    const sheet = newSheet(s.name);
    sheet.visibility = s.visibility;
    s.values.forEach((row, r) =>
      row.forEach((value, c) => {
        const type = s.valueTypes[r]?.[c] ?? 'Empty';
        const formula = s.formulas[r]?.[c] ?? null;
        const numberFormat = s.numberFormats[r]?.[c] ?? 'General';
        if (type === 'Empty' && formula === null && numberFormat === 'General') return;
        const cell = touchCell(sheet, s.top + r, s.left + c);
        cell.value = type === 'Uncalculated' ? null : value;
        cell.type = type === 'Uncalculated' ? 'Empty' : type;
        cell.formula = formula;
        cell.numberFormat = numberFormat;
      }),
    );
    return sheet;
  });
  const firstVisible = sheets.find((s) => s.visibility === 'Visible') ?? null;
  return { sheets, activeSheetId: firstVisible ? firstVisible.id : null, selection: null, calculationMode: 'Automatic', enableEvents: true };
}

/** The workbook back as a snapshot (values-only used ranges), as the CLI path would read it. */
export function snapshotFromWorkbook(wb: FakeWorkbook): WorkbookSnapshot {
  return { sheets: wb.sheets.map(sheetSnapshot) };
}

function sheetSnapshot(sheet: FakeSheet): SheetSnapshot {
  const box = usedBox(sheet, true) ?? { top: 0, left: 0, rows: 1, cols: 1 };
  const grid = <T>(f: (c: FakeCell) => T): T[][] =>
    Array.from({ length: box.rows }, (_, r) => Array.from({ length: box.cols }, (_, c) => f(getCell(sheet, box.top + r, box.left + c))));
  return {
    name: sheet.name,
    visibility: sheet.visibility,
    top: box.top,
    left: box.left,
    values: grid((c) => c.value),
    valueTypes: grid((c) => c.type),
    formulas: grid((c) => c.formula),
    numberFormats: grid((c) => c.numberFormat),
  };
}

/** Set a user's look on cells directly (test set-up, not through the proxies). */
export function setLook(wb: FakeWorkbook, sheetName: string, row: number, col: number, look: Partial<FakeCell>): void {
  const sheet = findSheet(wb, sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  Object.assign(touchCell(sheet, row, col), look);
}
