/**
 * Reads an .xlsx package into the plain-cell snapshot the engine works on, with our own reader (Node's zlib to
 * inflate the parts we need, saxes over their XML), in the shape the ExcelJS-based reader gave. What it read
 * (the package, styles, each sheet's cells and style indexes) stays at hand for the package writer.
 */
import { UserError } from '../util/errors';
import { a1, parseA1 } from '../util/a1';
import type { CellValue, SheetSnapshot, ValueType, WorkbookSnapshot } from './types';
import { emptySheet } from './cells';
import { openPackage, readBytes, readRels, resolveTarget, type PackageSheet, type XlsxPackage } from './package/open';
import { isDateFormat, numberFormatOf, readStyles, type StylesInfo } from './package/styles';
import { cellOf, noCells, readSharedStrings, readSheetColumns, type CellColumns, type ColumnSheet, type RawCell } from './package/sheet';
import { Evaluator, type Grid } from './package/evaluate';

export interface ReadSheet {
  info: PackageSheet;
  /**
   * The style index of each cell the file lists (even an empty one), by row * 16384 + col; undefined for a cell it
   * does not list. The writer asks for the cells it marks only, so the cells read are not kept for it: their keys and
   * styles are, in two typed arrays (a cell object each was 8 MB kept through the run at 500 partners).
   */
  readonly at: { get(key: number): { readonly style: number } | undefined };
}

function readSheet(info: PackageSheet, cells: CellColumns): ReadSheet {
  const keys = new Float64Array(cells.rows.length);
  const styles = Int32Array.from(cells.styles);
  for (let i = 0; i < keys.length; i++) keys[i] = cells.rows[i] * KEY + cells.cols[i];
  let byKey: Map<number, number> | null = null;
  const at = {
    get(key: number): { readonly style: number } | undefined {
      if (byKey === null) {
        byKey = new Map();
        // A cell listed twice: the last one, as a later entry replaces an earlier one.
        for (let i = 0; i < keys.length; i++) byKey.set(keys[i], i);
      }
      const i = byKey.get(key);
      return i === undefined ? undefined : { style: styles[i] };
    },
  };
  return { info, at };
}

/** A worksheet while it is read: its cells as read. */
interface SheetRead {
  info: PackageSheet;
  raw: ColumnSheet;
}

export interface ReadBook {
  pkg: XlsxPackage;
  styles: StylesInfo;
  stylesPart: string | null;
  /** Worksheets in tab order (chart sheets and others are not in the snapshot). */
  sheets: ReadSheet[];
  snapshot: WorkbookSnapshot;
}

/** A used range larger than this would not fit in memory as a grid (Office.js refuses far less). */
const MAX_USED_CELLS = 20_000_000;
const KEY = 16384;
/** Days between the 1900 and the 1904 date systems. */
const DAYS_1904 = 1462;

function inMergeNotTopLeft(merges: { top: number; left: number; bottom: number; right: number }[], row: number, col: number): boolean {
  for (const m of merges) if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right && (row !== m.top || col !== m.left)) return true;
  return false;
}

function parseRange(ref: string): { top: number; left: number; bottom: number; right: number } | null {
  const [x, y] = ref.split(':');
  try {
    const a = parseA1(x);
    const b = y ? parseA1(y) : a;
    return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
  } catch {
    return null;
  }
}

export function readPackage(bytes: Uint8Array, file: string): ReadBook {
  const pkg = openPackage(bytes, file);
  const wbRels = readRels(pkg, pkg.workbookPart);
  const relPart = (suffix: string) => {
    const r = wbRels.find((x) => x.type.endsWith(suffix) && !x.external);
    return r ? resolveTarget(pkg.workbookPart, r.target) : null;
  };
  const stylesPart = relPart('/styles');
  const sstPart = relPart('/sharedStrings');
  const styles = readStyles(stylesPart ? pkg.text(stylesPart) : undefined);
  const strings = sstPart ? readSharedStrings(pkg.text(sstPart), sstPart, file) : [];
  const worksheets = pkg.sheets.filter((info) => info.kind === 'worksheet');
  const readRaw = (info: PackageSheet): SheetRead => {
    const text = info.part ? pkg.text(info.part) : undefined;
    const raw: ColumnSheet = text !== undefined ? readSheetColumns(text, info.part!, file, strings) : { cells: noCells(), merges: [], rowStyles: new Map(), colStyles: [] };
    if (info.part) pkg.forget(info.part); // read once; the writer inflates again only the sheets it marks
    return { info, raw };
  };
  const formats = new FormatsOf(styles);
  const book = (sheets: ReadSheet[], snapshots: SheetSnapshot[]): ReadBook => ({ pkg, styles, stylesPart, sheets, snapshot: { sheets: snapshots } });
  // Each sheet made into its snapshot as soon as it is read: its columns of cells are dropped while young, instead
  // of every sheet's living (and being copied to the old generation) until the last sheet is read.
  const sheets: ReadSheet[] = [];
  const snapshots: SheetSnapshot[] = [];
  for (const info of worksheets) {
    const s = readRaw(info);
    if (s.raw.cells.types.includes('Uncalculated')) {
      // A formula without its cached value (rare): computed from the cells of every sheet, so all are read (the
      // sheets before this one again) and kept as read until then.
      const read = worksheets.map((i) => (i === info ? s : readRaw(i)));
      computeUncalculated(read);
      return book(
        read.map((r) => readSheet(r.info, r.raw.cells)),
        read.map((r) => toSnapshot(r, formats, pkg.date1904, file)),
      );
    }
    sheets.push(readSheet(info, s.raw.cells));
    snapshots.push(toSnapshot(s, formats, pkg.date1904, file));
  }
  return book(sheets, snapshots);
}

/** Number formats by style index, looked up once for the whole workbook. */
class FormatsOf {
  private readonly byStyle: (string | undefined)[] = [];
  constructor(private readonly styles: StylesInfo) {}
  of(style: number): string {
    let f = this.byStyle[style];
    if (f === undefined) f = this.byStyle[style] = numberFormatOf(this.styles, style);
    return f;
  }
}

/** Formulas without a cached value that the workbook's own cells determine exactly get their value (rare: cells as objects here). */
function computeUncalculated(sheets: SheetRead[]): void {
  if (!sheets.some((s) => s.raw.cells.types.includes('Uncalculated'))) return;
  const objects = new Map(sheets.map((s) => [s, s.raw.cells.rows.map((_, i) => cellOf(s.raw.cells, i))]));
  const byName = new Map(sheets.map((s) => [s.info.name.toLowerCase(), s]));
  const cellsByKey = new Map<SheetRead, Map<number, RawCell>>();
  const at = (s: SheetRead | undefined, key: number): RawCell | undefined => {
    if (!s) return undefined;
    let m = cellsByKey.get(s);
    if (!m) {
      cellsByKey.set(s, (m = new Map()));
      for (const c of objects.get(s)!) m.set(c.row * KEY + c.col, c);
    }
    return m.get(key);
  };
  const grid: Grid = {
    hasSheet: (name) => byName.has(name.toLowerCase()),
    cell(name, row, col) {
      const c = at(byName.get(name.toLowerCase()), row * KEY + col);
      if (!c) return { kind: 'empty' };
      if (c.type === 'Uncalculated') return { kind: 'formula', formula: c.formula! };
      if (c.type === 'Double') return { kind: 'number', value: c.value as number };
      if (c.type === 'Empty') return c.formula === null ? { kind: 'empty' } : { kind: 'text' };
      if (c.type === 'Error') return { kind: 'error' };
      return { kind: 'text' };
    },
    cellsIn(name, top, left, bottom, right) {
      const list = objects.get(byName.get(name.toLowerCase())!)!;
      return list.filter((c) => c.row >= top && c.row <= bottom && c.col >= left && c.col <= right && (c.type !== 'Empty' || c.formula !== null));
    },
  };
  const ev = new Evaluator(grid);
  for (const s of sheets) {
    const list = objects.get(s)!;
    for (let i = 0; i < list.length; i++) {
      const c = list[i];
      if (c.type !== 'Uncalculated') continue;
      const v = ev.value(s.info.name, c.row, c.col, c.formula!);
      if (v !== null) {
        c.value = s.raw.cells.values[i] = v;
        c.type = s.raw.cells.types[i] = 'Double';
      }
    }
  }
}

function toSnapshot(s: SheetRead, formats: FormatsOf, date1904: boolean, file: string): SheetSnapshot {
  const name = s.info.name;
  const merges = s.raw.merges.map(parseRange).filter((m): m is NonNullable<typeof m> => m !== null);
  const { rows, cols, styles, values, types, formulas } = s.raw.cells;
  const n = rows.length;
  // The cells with a value or a formula (by index), and the box around them (the used range).
  const valued: number[] = [];
  const slave = new Uint8Array(merges.length > 0 ? n : 0);
  // The box around every merge: most cells are outside it, and need no look at each merge.
  let mTop = Infinity, mBottom = -1, mLeft = Infinity, mRight = -1;
  for (const m of merges) {
    mTop = Math.min(mTop, m.top);
    mBottom = Math.max(mBottom, m.bottom);
    mLeft = Math.min(mLeft, m.left);
    mRight = Math.max(mRight, m.right);
  }
  let top = Infinity, left = Infinity, bottom = -1, rightmost = -1;
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    const col = cols[i];
    if (row >= mTop && row <= mBottom && col >= mLeft && col <= mRight && inMergeNotTopLeft(merges, row, col)) slave[i] = 1;
    else if (types[i] !== 'Empty' || formulas[i] !== null) {
      valued.push(i);
      if (row < top) top = row;
      if (col < left) left = col;
      if (row > bottom) bottom = row;
      if (col > rightmost) rightmost = col;
    }
  }
  if (bottom < 0) return emptySheet(name, s.info.visibility, null);
  const height = bottom - top + 1;
  const width = rightmost - left + 1;
  if (height * width > MAX_USED_CELLS) {
    throw new UserError(`cannot read ${file}: sheet '${name}' has a used range ${a1(top, left)}:${a1(top + height - 1, left + width - 1)} too large to read (a stray value far from the data?)`);
  }
  // By row of the used range: whether it holds a value (or a merged cell's hidden part), and its last cell's column.
  const rowHasValue = new Uint8Array(height);
  const lastCol = new Int32Array(height).fill(-1);
  for (let i = 0; i < n; i++) {
    const r = rows[i] - top;
    if (r < 0 || r >= height) continue;
    if (cols[i] > lastCol[r]) lastCol[r] = cols[i];
    if (slave.length > 0 && slave[i] === 1) rowHasValue[r] = 1;
  }
  const snap = emptySheet(name, s.info.visibility, { top, left, height, width });
  for (let j = 0; j < valued.length; j++) {
    const i = valued[j];
    const r = rows[i] - top;
    const k = cols[i] - left;
    rowHasValue[r] = 1;
    let value: CellValue = values[i];
    const type: ValueType = types[i];
    if (date1904 && type === 'Double') {
      const numberFormat = formats.of(styles[i]);
      if (numberFormat !== 'General' && isDateFormat(numberFormat)) value = (value as number) + DAYS_1904;
    }
    snap.values[r][k] = value;
    snap.valueTypes[r][k] = type;
    const formula = formulas[i];
    snap.formulas[r][k] = formula !== null ? `=${formula}` : null;
  }
  // Number formats of every cell of a row with values, as far as that row's last cell (Office.js reports them):
  // a cell the file has takes its own style; one it does not, its row's (customFormat) or else its column's.
  const colStyle = (col: number) => {
    for (const cs of s.raw.colStyles) if (col >= cs.min && col <= cs.max) return cs.style;
    return 0;
  };
  const hasStyledDefault = s.raw.rowStyles.size > 0 || s.raw.colStyles.length > 0;
  const right = left + width - 1;
  if (hasStyledDefault) {
    for (let r = 0; r < height; r++) {
      if (rowHasValue[r] === 0) continue;
      const last = Math.min(lastCol[r], right);
      const rowStyle = s.raw.rowStyles.get(r + top);
      for (let col = left; col <= last; col++) {
        const style = rowStyle ?? colStyle(col);
        if (style) snap.numberFormats[r][col - left] = formats.of(style);
      }
    }
  }
  for (let i = 0; i < n; i++) {
    const r = rows[i] - top;
    const col = cols[i];
    if (r < 0 || r >= height || rowHasValue[r] === 0 || col < left || col > Math.min(lastCol[r], right)) continue;
    if (styles[i]) snap.numberFormats[r][col - left] = formats.of(styles[i]);
    else if (hasStyledDefault) snap.numberFormats[r][col - left] = 'General';
  }
  return snap;
}

export async function readPackageFile(input: string | Buffer, name = typeof input === 'string' ? input : 'the workbook'): Promise<ReadBook> {
  const bytes = typeof input === 'string' ? await readBytes(input) : input;
  return readPackage(bytes, name);
}

export async function readXlsxSnapshotOwn(input: string | Buffer, name = typeof input === 'string' ? input : 'the workbook'): Promise<WorkbookSnapshot> {
  return (await readPackageFile(input, name)).snapshot;
}
