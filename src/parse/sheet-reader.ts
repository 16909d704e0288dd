/** Random access to one snapshot sheet by 0-based sheet coordinates, with normalized labels cached. */
import type { CellValue, SheetSnapshot, ValueType } from '../snapshot/types';
import type { CellRef } from '../model/types';
import { normalizeLabel } from '../util/labels';
import { a1 } from '../util/a1';

export class SheetReader {
  readonly name: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number; // exclusive
  readonly right: number; // exclusive

  constructor(readonly sheet: SheetSnapshot) {
    this.name = sheet.name;
    this.top = sheet.top;
    this.left = sheet.left;
    this.bottom = sheet.top + sheet.values.length;
    let w = 0;
    for (let i = 0; i < sheet.values.length; i++) if (sheet.values[i].length > w) w = sheet.values[i].length;
    this.right = sheet.left + w;
  }

  value(row: number, col: number): CellValue {
    const r = this.sheet.values[row - this.top];
    if (!r) return null;
    const v = r[col - this.left];
    return v === undefined ? null : v;
  }

  type(row: number, col: number): ValueType {
    return this.sheet.valueTypes[row - this.top]?.[col - this.left] ?? (this.isBlank(row, col) ? 'Empty' : 'String');
  }

  formula(row: number, col: number): string | null {
    return this.sheet.formulas[row - this.top]?.[col - this.left] ?? null;
  }

  isBlank(row: number, col: number): boolean {
    const v = this.value(row, col);
    if (v !== null && !(typeof v === 'string' && v.trim() === '')) return false;
    return this.sheet.valueTypes[row - this.top]?.[col - this.left] !== 'Uncalculated';
  }

  /** The cell's text normalized for label matching ('' for numbers and blanks). */
  norm(row: number, col: number): string {
    const v = this.value(row, col);
    return typeof v === 'string' ? normalizeLabel(v) : '';
  }

  /** Display text of a cell, for messages. */
  text(row: number, col: number): string {
    const v = this.value(row, col);
    return v === null ? '' : String(v);
  }

  ref(row: number, col: number): CellRef {
    return { sheet: this.name, cell: a1(row, col), row, col };
  }

  rowIsBlank(row: number, fromCol = this.left, toCol = this.right): boolean {
    for (let c = fromCol; c < toCol; c++) if (!this.isBlank(row, c)) return false;
    return true;
  }
}
