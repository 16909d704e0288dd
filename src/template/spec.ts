/**
 * A workbook as plain data: what the template and the sample are, before any writer (the package writer for the CLI,
 * Office.js for "New reporting workbook") lays them out. Rows and columns are 0-based.
 */
export type SpecScalar = number | string | boolean | null;
/** A formula (en-US, without '=') with the result it computes, so readers see the value before recalculation. */
export interface SpecFormula {
  formula: string;
  result: SpecScalar;
}
export type SpecValue = SpecScalar | SpecFormula;

/** Named looks, so each writer maps them to its own styles. */
export type SpecFill = 'header' | 'input' | 'total';

export interface SpecCell {
  row: number;
  col: number;
  value: SpecValue;
  numberFormat?: string;
  bold?: boolean;
  italic?: boolean;
  fill?: SpecFill;
  align?: 'left' | 'center' | 'right';
}

export interface SpecMerge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetSpec {
  name: string;
  cells: SpecCell[];
  /** Widths in characters, by column from A. */
  columnWidths: number[];
  merges: SpecMerge[];
  /** Rows kept in view when scrolling (0 = none). */
  frozenRows: number;
}

export interface WorkbookSpec {
  sheets: SheetSpec[];
}

export function isFormula(v: SpecValue): v is SpecFormula {
  return v !== null && typeof v === 'object';
}

export const FORMAT = { date: 'yyyy-mm-dd', amount: '#,##0.00', rate: '0%', whole: '0' } as const;
