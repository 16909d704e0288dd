/** A WorkbookSpec as the snapshot a reader would give for it, so engine tests run without files. */
import type { SheetSnapshot, ValueType, WorkbookSnapshot, CellValue } from '../snapshot/types';
import { isFormula, type SheetSpec, type WorkbookSpec } from './spec';
import { boundingBox, emptySheet } from '../snapshot/cells';

const ERROR_TEXT = /^#(REF!|DIV\/0!|VALUE!|N\/A|NAME\?|NUM!|NULL!)$/;

function typeOf(v: CellValue): ValueType {
  if (v === null) return 'Empty';
  if (typeof v === 'number') return 'Double';
  if (typeof v === 'boolean') return 'Boolean';
  return ERROR_TEXT.test(v) ? 'Error' : 'String';
}

export function sheetSpecToSnapshot(spec: SheetSpec): SheetSnapshot {
  const used = spec.cells.filter((c) => c.value !== null && c.value !== '');
  const box = boundingBox(used);
  const snap = emptySheet(spec.name, 'Visible', box);
  if (box === null) return snap;
  const { top, left, height, width } = box;
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
