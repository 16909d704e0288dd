/**
 * The workbook as plain cells, shaped like what Office.js returns for a sheet's used range.
 * Both adapters fill it (xlsx via our package reader, Excel via Office.js); nothing after it knows either.
 */
export type SheetVisibility = 'Visible' | 'Hidden' | 'VeryHidden';

/** As Office.js Range.valueTypes; 'Uncalculated' is ours: a formula with no cached value (xlsx only). */
export type ValueType = 'Empty' | 'String' | 'Double' | 'Boolean' | 'Error' | 'Uncalculated';

/** Numbers (dates as Excel serials), strings, booleans; an error value as its text ('#REF!'); empty is null. */
export type CellValue = number | string | boolean | null;

export interface SheetSnapshot {
  name: string;
  visibility: SheetVisibility;
  /** 0-based row and column of the used range's top-left cell (values[0][0]). */
  top: number;
  left: number;
  /** Rectangular grids of the used range; rows may be omitted at the end when empty. */
  values: CellValue[][];
  valueTypes: ValueType[][];
  /** en-US formula ('=SUM(B2:B5)') where the cell holds one, else null. */
  formulas: (string | null)[][];
  /** Number format per cell ('General', '#,##0.00', 'yyyy-mm-dd'). */
  numberFormats: string[][];
}

export interface WorkbookSnapshot {
  /** Sheets in tab order. */
  sheets: SheetSnapshot[];
}
