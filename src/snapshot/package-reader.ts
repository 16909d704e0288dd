/**
 * Reads an .xlsx package into the plain-cell snapshot the engine works on, with our own reader (Node's zlib to
 * inflate the parts we need, saxes over their XML), in the shape the ExcelJS-based reader gave. What it read
 * (the package, styles, each sheet's cells and style indexes) stays at hand for the package writer.
 */
import { UserError } from '../util/errors';
import { a1, parseA1 } from '../util/a1';
import type { CellValue, SheetSnapshot, ValueType, WorkbookSnapshot } from './types';
import { boundingBox, emptySheet } from './cells';
import { openPackage, readBytes, readRels, resolveTarget, type PackageSheet, type XlsxPackage } from './package/open';
import { isDateFormat, numberFormatOf, readStyles, type StylesInfo } from './package/styles';
import { readSharedStrings, readSheetXml, type RawCell, type RawSheet } from './package/sheet';
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

function readSheet(info: PackageSheet, cells: readonly RawCell[]): ReadSheet {
  const keys = new Float64Array(cells.length);
  const styles = new Int32Array(cells.length);
  for (let i = 0; i < cells.length; i++) {
    keys[i] = cells[i].row * KEY + cells[i].col;
    styles[i] = cells[i].style;
  }
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
  raw: RawSheet;
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
  const read: SheetRead[] = [];
  for (const info of pkg.sheets) {
    if (info.kind !== 'worksheet') continue;
    const text = info.part ? pkg.text(info.part) : undefined;
    const raw: RawSheet = text !== undefined ? readSheetXml(text, info.part!, file, strings) : { cells: [], merges: [], rowStyles: new Map(), colStyles: [] };
    if (info.part) pkg.forget(info.part); // read once; the writer inflates again only the sheets it marks
    read.push({ info, raw });
  }
  computeUncalculated(read);
  const formats = new FormatsOf(styles);
  const snapshot = { sheets: read.map((s) => toSnapshot(s, formats, pkg.date1904, file)) };
  return { pkg, styles, stylesPart, sheets: read.map((s) => readSheet(s.info, s.raw.cells)), snapshot };
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

/** Formulas without a cached value that the workbook's own cells determine exactly get their value. */
function computeUncalculated(sheets: SheetRead[]): void {
  if (!sheets.some((s) => s.raw.cells.some((c) => c.type === 'Uncalculated'))) return;
  const byName = new Map(sheets.map((s) => [s.info.name.toLowerCase(), s]));
  const cellsByKey = new Map<SheetRead, Map<number, RawCell>>();
  const at = (s: SheetRead | undefined, key: number): RawCell | undefined => {
    if (!s) return undefined;
    let m = cellsByKey.get(s);
    if (!m) {
      cellsByKey.set(s, (m = new Map()));
      for (const c of s.raw.cells) m.set(c.row * KEY + c.col, c);
    }
    return m.get(key);
  };
  const sorted = new Map<SheetRead, RawCell[]>();
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
      const s = byName.get(name.toLowerCase())!;
      let list = sorted.get(s);
      if (!list) sorted.set(s, (list = s.raw.cells));
      return list.filter((c) => c.row >= top && c.row <= bottom && c.col >= left && c.col <= right && (c.type !== 'Empty' || c.formula !== null));
    },
  };
  const ev = new Evaluator(grid);
  for (const s of sheets) {
    for (const c of s.raw.cells) {
      if (c.type !== 'Uncalculated') continue;
      const v = ev.value(s.info.name, c.row, c.col, c.formula!);
      if (v !== null) {
        c.value = v;
        c.type = 'Double';
      }
    }
  }
}

function toSnapshot(s: SheetRead, formats: FormatsOf, date1904: boolean, file: string): SheetSnapshot {
  const name = s.info.name;
  const merges = s.raw.merges.map(parseRange).filter((m): m is NonNullable<typeof m> => m !== null);
  const cells = s.raw.cells;
  // Indexed loops over the cells: for…of allocates an iterator result per cell until the loop is optimized.
  const valued: RawCell[] = [];
  const slave = new Uint8Array(merges.length > 0 ? cells.length : 0);
  if (merges.length === 0) {
    for (let i = 0; i < cells.length; i++) if (cells[i].type !== 'Empty' || cells[i].formula !== null) valued.push(cells[i]);
  } else {
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i];
      if (inMergeNotTopLeft(merges, c.row, c.col)) slave[i] = 1;
      else if (c.type !== 'Empty' || c.formula !== null) valued.push(c);
    }
  }
  const box = boundingBox(valued);
  if (box === null) return emptySheet(name, s.info.visibility, null);
  const { top, left, height, width } = box;
  if (height * width > MAX_USED_CELLS) {
    throw new UserError(`cannot read ${file}: sheet '${name}' has a used range ${a1(top, left)}:${a1(top + height - 1, left + width - 1)} too large to read (a stray value far from the data?)`);
  }
  // By row of the used range: whether it holds a value (or a merged cell's hidden part), and its last cell's column.
  const rowHasValue = new Uint8Array(height);
  const lastCol = new Int32Array(height).fill(-1);
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    const r = c.row - top;
    if (r < 0 || r >= height) continue;
    if (c.col > lastCol[r]) lastCol[r] = c.col;
    if (slave.length > 0 && slave[i] === 1) rowHasValue[r] = 1;
  }
  for (let i = 0; i < valued.length; i++) rowHasValue[valued[i].row - top] = 1;
  const snap = emptySheet(name, s.info.visibility, box);
  const fmt = (style: number) => formats.of(style);
  for (let i = 0; i < valued.length; i++) {
    const c = valued[i];
    const r = c.row - top;
    const k = c.col - left;
    let value: CellValue = c.value;
    const type: ValueType = c.type;
    const numberFormat = fmt(c.style);
    if (date1904 && type === 'Double' && numberFormat !== 'General' && isDateFormat(numberFormat)) value = (value as number) + DAYS_1904;
    snap.values[r][k] = value;
    snap.valueTypes[r][k] = type;
    snap.formulas[r][k] = c.formula !== null ? `=${c.formula}` : null;
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
        if (style) snap.numberFormats[r][col - left] = fmt(style);
      }
    }
  }
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    const r = c.row - top;
    if (r < 0 || r >= height || rowHasValue[r] === 0 || c.col < left || c.col > Math.min(lastCol[r], right)) continue;
    if (c.style) snap.numberFormats[r][c.col - left] = fmt(c.style);
    else if (hasStyledDefault) snap.numberFormats[r][c.col - left] = 'General';
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
