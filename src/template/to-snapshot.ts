/** A WorkbookSpec as the snapshot a reader would give for it, so engine tests run without files. */
import type { SheetSnapshot, ValueType, WorkbookSnapshot, CellValue } from '../snapshot/types';
import { isFormula, type SheetSpec, type WorkbookSpec } from './spec';

const ERROR_TEXT = /^#(REF!|DIV\/0!|VALUE!|N\/A|NAME\?|NUM!|NULL!)$/;

function typeOf(v: CellValue): ValueType {
  if (v === null) return 'Empty';
  if (typeof v === 'number') return 'Double';
  if (typeof v === 'boolean') return 'Boolean';
  return ERROR_TEXT.test(v) ? 'Error' : 'String';
}

export function sheetSpecToSnapshot(spec: SheetSpec): SheetSnapshot {
  const used = spec.cells.filter((c) => c.value !== null && c.value !== '');
  const base = { name: spec.name, visibility: 'Visible' as const };
  if (used.length === 0) return { ...base, top: 0, left: 0, values: [], valueTypes: [], formulas: [], numberFormats: [] };
  // Loops, not Math.min(...cells): spreading a few hundred thousand cells overflows the stack.
  let top = Infinity, left = Infinity, bottom = -1, right = -1;
  for (const c of used) {
    top = Math.min(top, c.row);
    left = Math.min(left, c.col);
    bottom = Math.max(bottom, c.row);
    right = Math.max(right, c.col);
  }
  const height = bottom - top + 1;
  const width = right - left + 1;
  const grid = <T>(fill: T): T[][] => Array.from({ length: height }, () => Array.from({ length: width }, () => fill));
  const snap: SheetSnapshot = { ...base, top, left, values: grid(null), valueTypes: grid('Empty'), formulas: grid(null), numberFormats: grid('General') };
  for (const c of spec.cells) {
    const r = c.row - top;
    const k = c.col - left;
    if (r < 0 || r >= height || k < 0 || k >= width) continue;
    if (c.numberFormat) snap.numberFormats[r][k] = c.numberFormat;
    if (isFormula(c.value)) {
      snap.values[r][k] = c.value.result;
      snap.valueTypes[r][k] = c.value.result === null ? 'Uncalculated' : typeOf(c.value.result);
      snap.formulas[r][k] = `=${c.value.formula}`;
    } else {
      const v = c.value === '' ? null : c.value;
      snap.values[r][k] = v;
      snap.valueTypes[r][k] = typeOf(v);
    }
  }
  return snap;
}

export function specToSnapshot(spec: WorkbookSpec): WorkbookSnapshot {
  return { sheets: spec.sheets.map(sheetSpecToSnapshot) };
}
