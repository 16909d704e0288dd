import type { CellValue, SheetSnapshot, ValueType } from './types';

/** Read one cell of a snapshot by 0-based sheet coordinates (not relative to the used range). */
export function cellAt(sheet: SheetSnapshot, row: number, col: number): { value: CellValue; type: ValueType; formula: string | null; numberFormat: string } {
  const r = row - sheet.top;
  const c = col - sheet.left;
  const vr = sheet.values[r];
  if (r < 0 || c < 0 || !vr || c >= vr.length) return { value: null, type: 'Empty', formula: null, numberFormat: 'General' };
  return {
    value: vr[c] ?? null,
    type: sheet.valueTypes[r]?.[c] ?? 'Empty',
    formula: sheet.formulas[r]?.[c] ?? null,
    numberFormat: sheet.numberFormats[r]?.[c] ?? 'General',
  };
}

export function rowCount(sheet: SheetSnapshot): number {
  return sheet.top + sheet.values.length;
}

export function colCount(sheet: SheetSnapshot): number {
  let w = 0;
  for (const r of sheet.values) if (r.length > w) w = r.length;
  return sheet.left + w;
}

/** Build a snapshot from a sparse list of cells (for tests and the template writer). */
export function snapshotFromGrid(name: string, grid: CellValue[][], opts: { visibility?: SheetSnapshot['visibility']; formulas?: (string | null)[][] } = {}): SheetSnapshot {
  const width = grid.reduce((w, r) => Math.max(w, r.length), 0);
  const values = grid.map((r) => Array.from({ length: width }, (_, c) => (r[c] === undefined || r[c] === '' ? null : r[c])));
  const valueTypes: ValueType[][] = values.map((r) =>
    r.map((v) => (v === null ? 'Empty' : typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : /^#(REF!|DIV\/0!|VALUE!|N\/A|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)$/.test(v) ? 'Error' : 'String')),
  );
  const formulas = values.map((r, i) => r.map((_, c) => opts.formulas?.[i]?.[c] ?? null));
  const numberFormats = values.map((r) => r.map(() => 'General'));
  return { name, visibility: opts.visibility ?? 'Visible', top: 0, left: 0, values, valueTypes, formulas, numberFormats };
}

export interface Box {
  top: number;
  left: number;
  height: number;
  width: number;
}

/** The box around every cell given (the used range); null for none. Loops, not Math.min(...cells): spreading a few hundred thousand cells overflows the stack. */
export function boundingBox(cells: Iterable<{ row: number; col: number }>): Box | null {
  let top = Infinity, left = Infinity, bottom = -1, right = -1;
  const list = Array.isArray(cells) ? (cells as { row: number; col: number }[]) : [...cells];
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (c.row < top) top = c.row;
    if (c.col < left) left = c.col;
    if (c.row > bottom) bottom = c.row;
    if (c.col > right) right = c.col;
  }
  return bottom < 0 ? null : { top, left, height: bottom - top + 1, width: right - left + 1 };
}

/** A sheet snapshot over `box` with every cell empty, to be filled in. */
export function emptySheet(name: string, visibility: SheetSnapshot['visibility'], box: Box | null): SheetSnapshot {
  if (box === null) return { name, visibility, top: 0, left: 0, values: [], valueTypes: [], formulas: [], numberFormats: [] };
  // Plain loops and fill(): Array.from with a callback costs a tenth of a second on a large workbook.
  const grid = <T>(fill: T): T[][] => {
    const rows: T[][] = new Array(box.height);
    for (let r = 0; r < box.height; r++) rows[r] = new Array<T>(box.width).fill(fill);
    return rows;
  };
  return { name, visibility, top: box.top, left: box.left, values: grid(null), valueTypes: grid<ValueType>('Empty'), formulas: grid(null), numberFormats: grid('General') };
}
