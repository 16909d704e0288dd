/**
 * One worksheet part read cell by cell in one pass of our scanner (scan.ts: saxes cost the most here): values, cached formula results, formula text (a shared
 * formula given to each of its cells), style index. Rows and cells without an r= reference follow the previous
 * one. Merges are kept as ranges; data validations and conditional formats are not read at all, so a rule over
 * whole columns costs nothing.
 */
import type { CellValue, ValueType } from '../types';
import { own, unescapeOoxml } from './xml';
import { scanXml, type ScanAttrs, type ScanHandlers } from './scan';
import { shiftFormula } from './formula-shift';

export interface RawCell {
  row: number;
  col: number;
  value: CellValue;
  type: ValueType;
  formula: string | null;
  style: number;
}

export interface RawSheet {
  cells: RawCell[];
  merges: string[];
  /** Style index by 0-based row, for rows with customFormat. */
  rowStyles: Map<number, number>;
  /** Column style ranges (0-based, inclusive). */
  colStyles: { min: number; max: number; style: number }[];
}

/**
 * The cells of a sheet as columns, the i-th cell across them, in the order the part lists them: what the package
 * reader takes. Six arrays instead of an object a cell: less for the young generation's collections to copy while
 * the read goes on (the cells of a 500-partner workbook were 117,000 objects of 72 bytes, dropped after the read).
 */
export interface CellColumns {
  rows: number[];
  cols: number[];
  styles: number[];
  values: CellValue[];
  types: ValueType[];
  formulas: (string | null)[];
}

export interface ColumnSheet {
  cells: CellColumns;
  merges: string[];
  /** Style index by 0-based row, for rows with customFormat. */
  rowStyles: Map<number, number>;
  /** Column style ranges (0-based, inclusive). */
  colStyles: { min: number; max: number; style: number }[];
}

const DAY_MS = 86400000;
const EXCEL_DAY_ZERO = Date.UTC(1899, 11, 30);

function decodeRef(ref: string): { row: number; col: number } | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else if (c !== 36) break;
  }
  const row = Number(ref.slice(i).replace('$', ''));
  if (!col || !Number.isInteger(row) || row < 1) return null;
  return { row: row - 1, col: col - 1 };
}

/** An ISO date (t="d", written by some tools and in strict OOXML) as an Excel serial. */
function isoToSerial(text: string): number {
  const ms = Date.parse(/Z|[+-]\d\d:\d\d$/.test(text) || !/T/.test(text) ? text : `${text}Z`);
  return Number.isNaN(ms) ? NaN : (ms - EXCEL_DAY_ZERO) / DAY_MS;
}

export function readSheetColumns(xml: string, part: string, file: string, sharedStrings: string[]): ColumnSheet {
  const reader = new SheetReader(xml, sharedStrings);
  scanXml(xml, part, file, reader);
  return reader.sheet;
}

export const noCells = (): CellColumns => ({ rows: [], cols: [], styles: [], values: [], types: [], formulas: [] });

/** The i-th cell of the columns as an object. */
export const cellOf = (c: CellColumns, i: number): RawCell => ({ row: c.rows[i], col: c.cols[i], value: c.values[i], type: c.types[i], formula: c.formulas[i], style: c.styles[i] });

/** A worksheet part's cells as objects (tests hold this reading to the saxes one). */
export function readSheetXml(xml: string, part: string, file: string, sharedStrings: string[]): RawSheet {
  const { cells, merges, rowStyles, colStyles } = readSheetColumns(xml, part, file, sharedStrings);
  return { cells: cells.rows.map((_, i) => cellOf(cells, i)), merges, rowStyles, colStyles };
}

/** A cell's t= as written, so that its usual values need no string of their own. */
const CELL_TYPES = ['s', 'str', 'inlineStr', 'n', 'b', 'e', 'd'] as const;
const FORMULA_TYPES = ['shared', 'normal', 'array', 'dataTable'] as const;
const TRUE_VALUES = ['1', 'true'] as const;
/** Powers of ten a double holds exactly. */
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/**
 * Number(text) for text of the form -?digits(.digits)? with at most 15 digits, read in place: the digits make an
 * integer a double holds exactly and dividing it by an exact power of ten rounds once, as Number() does. NaN for
 * any other text (the caller asks Number() then).
 */
export function plainDecimal(s: string, from: number, to: number): number {
  let i = from;
  const neg = s.charCodeAt(i) === 45;
  if (neg) i++;
  let n = 0;
  let digits = 0;
  let frac = -1;
  for (; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      n = n * 10 + (c - 48);
      digits++;
      if (frac >= 0) frac++;
    } else if (c === 46 && frac < 0) frac = 0;
    else return NaN;
  }
  if (digits === 0 || digits > 15 || frac === 0) return NaN;
  const x = frac > 0 ? n / POW10[frac] : n;
  return neg ? -x : x;
}

function indexOrEnd(s: string, what: string, from: number): number {
  const i = s.indexOf(what, from);
  return i < 0 ? s.length : i;
}

/** The value of up to 9 digits in [from, to); -1 for anything else. */
function digitsIn(s: string, from: number, to: number): number {
  if (to <= from || to - from > 9) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** The scanner's handlers for a worksheet; a class so that V8 compiles them once for every sheet. */
class SheetReader implements ScanHandlers {
  readonly sheet: ColumnSheet = { cells: noCells(), merges: [], rowStyles: new Map(), colStyles: [] };
  private readonly shared = new Map<string, { row: number; col: number; text: string }>();
  private row = -1;
  private col = -1;
  // The cell being read.
  private inCell = false;
  private cellType = 'n';
  private cellStyle = 0;
  /** <v>'s text; while it is one span of the part's text needing no decoding, that span (vFrom ≥ 0) and v is ''. */
  private v: string | null = null;
  private vFrom = -1;
  private vTo = -1;
  private f: string | null = null;
  // The <f> element's t= and si= (hasF: there was one).
  private hasF = false;
  private fType: string | undefined = undefined;
  private fSi: string | undefined = undefined;
  private inline: string | null = null;
  private depth: 'v' | 'f' | 't' | null = null;
  private inPhonetic = false;
  private inSheetData = false;
  // A cell's r= read in place.
  private refRow = 0;
  private refCol = 0;
  // The next '&', carriage return and ']' at or after a position (the text's length when none), for fastElement:
  // looked up again only once passed, so linear overall (builtins: most of a part is read before V8 optimizes).
  private nextAmp = -1;
  private nextCr = -1;
  private nextBracket = -1;

  constructor(
    private readonly xml: string,
    private readonly sharedStrings: string[],
  ) {}

  wantsText(): boolean {
    return this.depth !== null;
  }

  /** Where text from `from` ends at a '<'; -1 when it holds a reference, a carriage return or a ']' first (or never ends). */
  private plainTextEnd(from: number): number {
    const xml = this.xml;
    const lt = xml.indexOf('<', from);
    if (lt < 0) return -1;
    if (this.nextAmp < from) this.nextAmp = indexOrEnd(xml, '&', from);
    if (this.nextCr < from) this.nextCr = indexOrEnd(xml, '\r', from);
    if (this.nextBracket < from) this.nextBracket = indexOrEnd(xml, ']', from);
    return this.nextAmp < lt || this.nextCr < lt || this.nextBracket < lt ? -1 : lt;
  }

  /** The cells' tags, '<c', go to fastElement first. */
  readonly fastFirst = 99;

  /**
   * A cell as writers usually write it, read in place without the scanner's open/text/close: <c> with r=, s=, t=
   * (double quotes; a reference, digits, a type), then <f> without attributes and <v>, or an inline string's <is><t>, or
   * nothing, with text that holds no reference, carriage return or ']'. Anything else (-1) goes through the
   * scanner, which checks it and reads it the same way.
   */
  fastElement(lt: number): number {
    if (!this.inSheetData || this.inCell) return -1;
    let end = this.fastCell(lt);
    if (end < 0) return -1;
    // The cells that follow too, without a turn of the scanner's loop each (fastCell changes nothing when it says -1).
    const xml = this.xml;
    for (;;) {
      if (xml.charCodeAt(end) !== 60 || xml.charCodeAt(end + 1) !== 99) return end;
      const next = this.fastCell(end);
      if (next < 0) return end;
      end = next;
    }
  }

  /** One cell at lt read as fastElement says, and the position after it; -1 when it is not in that form. */
  private fastCell(lt: number): number {
    const xml = this.xml;
    let p = lt + 2;
    let rFrom = -1;
    let rTo = -1;
    let sFrom = -1;
    let sTo = -1;
    let tFrom = -1;
    let tTo = -1;
    while (xml.charCodeAt(p) === 32) {
      const name = xml.charCodeAt(p + 1);
      if (xml.charCodeAt(p + 2) !== 61 || xml.charCodeAt(p + 3) !== 34) return -1;
      // Each value is checked below, character by character (a reference, digits, a type), so none holds a '<' or '&'.
      const from = p + 4;
      const q = xml.indexOf('"', from);
      if (q <= from) return -1;
      if (name === 114 && rFrom < 0) {
        rFrom = from;
        rTo = q;
      } else if (name === 115 && sFrom < 0) {
        sFrom = from;
        sTo = q;
      } else if (name === 116 && tFrom < 0) {
        tFrom = from;
        tTo = q;
      } else return -1;
      p = q + 1;
    }
    let selfClosing = false;
    if (xml.charCodeAt(p) === 62) p += 1;
    else if (xml.charCodeAt(p) === 47 && xml.charCodeAt(p + 1) === 62) {
      p += 2;
      selfClosing = true;
    } else return -1;
    let cellType = 'n';
    if (tFrom >= 0) {
      let k = 0;
      while (k < CELL_TYPES.length && !(CELL_TYPES[k].length === tTo - tFrom && xml.startsWith(CELL_TYPES[k], tFrom))) k++;
      if (k === CELL_TYPES.length) return -1;
      cellType = CELL_TYPES[k];
    }
    const style = sFrom >= 0 ? digitsIn(xml, sFrom, sTo) : 0;
    if (style < 0 || (rFrom >= 0 && !this.refIn(rFrom, rTo))) return -1;
    let fFrom = -1;
    let fTo = -1;
    let vFrom = -1;
    let vTo = -1;
    let iFrom = -1;
    let iTo = -1;
    if (!selfClosing) {
      if (xml.startsWith('<f>', p)) {
        fFrom = p + 3;
        fTo = this.plainTextEnd(fFrom);
        if (fTo < 0 || !xml.startsWith('</f>', fTo)) return -1;
        p = fTo + 4;
      }
      if (xml.startsWith('<v>', p)) {
        vFrom = p + 3;
        vTo = this.plainTextEnd(vFrom);
        if (vTo < 0 || !xml.startsWith('</v>', vTo)) return -1;
        p = vTo + 4;
      } else if (fFrom < 0) {
        if (xml.startsWith('<is><t>', p)) iFrom = p + 7;
        else if (xml.startsWith('<is><t xml:space="preserve">', p)) iFrom = p + 28;
        if (iFrom >= 0) {
          iTo = this.plainTextEnd(iFrom);
          if (iTo < 0 || !xml.startsWith('</t></is>', iTo)) return -1;
          p = iTo + 9;
        }
      }
      if (!xml.startsWith('</c>', p)) return -1;
      p += 4;
    }
    // What open('c'), the text and close('c') would have set.
    if (rFrom >= 0) {
      this.row = this.refRow;
      this.col = this.refCol;
    } else this.col += 1;
    if (this.row < 0) this.row = 0;
    this.cellType = cellType;
    this.cellStyle = style;
    this.v = vFrom < 0 ? null : '';
    this.vFrom = vFrom < vTo ? vFrom : -1;
    this.vTo = vTo;
    this.hasF = fFrom >= 0;
    this.f = fFrom >= 0 ? xml.slice(fFrom, fTo) : null;
    this.fType = this.fSi = undefined;
    this.inline = iFrom >= 0 ? xml.slice(iFrom, iTo) : null;
    this.depth = null;
    this.finishCell();
    return p;
  }

  /** The span of <v> made a string, when there is one. */
  private vText(): string | null {
    if (this.vFrom >= 0) {
      this.v = this.xml.slice(this.vFrom, this.vTo);
      this.vFrom = -1;
    }
    return this.v;
  }

  textAt(from: number, to: number): void {
    if (this.depth === 'v') {
      if (this.v === '' && this.vFrom < 0) {
        this.vFrom = from;
        this.vTo = to;
      } else this.v = this.vText()! + this.xml.slice(from, to);
    } else this.text(this.xml.slice(from, to));
  }

  text(t: string): void {
    if (this.depth === 'v') this.v = this.vText()! + t;
    else if (this.depth === 'f') this.f += t;
    else if (this.depth === 't') this.inline += t;
  }

  /** A cell's r= of letters then digits (B12) into refRow and refCol (0-based); false for any other form. */
  private refIn(from: number, to: number): boolean {
    const xml = this.xml;
    let col = 0;
    let i = from;
    for (; i < to && i - from < 4; i++) {
      const c = xml.charCodeAt(i);
      if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
      else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
      else break;
    }
    if (col === 0 || i === to || to - i > 9) return false;
    let row = 0;
    for (; i < to; i++) {
      const c = xml.charCodeAt(i) - 48;
      if (c < 0 || c > 9) return false;
      row = row * 10 + c;
    }
    if (row < 1) return false;
    this.refRow = row - 1;
    this.refCol = col - 1;
    return true;
  }

  open(name: string, a: ScanAttrs): void {
    if (this.inCell) {
      if (name === 'v') {
        this.depth = 'v';
        this.v = '';
        this.vFrom = -1;
      } else if (name === 'f') {
        this.depth = 'f';
        this.f = '';
        this.hasF = true;
        this.fType = a.choice('t', FORMULA_TYPES);
        this.fSi = a.get('si');
      } else if (name === 'rPh') this.inPhonetic = true;
      else if (name === 't' && !this.inPhonetic) {
        this.depth = 't';
        this.inline ??= '';
      }
      return;
    }
    switch (name) {
      case 'sheetData':
        this.inSheetData = true;
        return;
      case 'row': {
        const rAttr = a.number('r');
        const r = rAttr !== undefined ? rAttr - 1 : this.row + 1;
        this.row = Number.isInteger(r) && r >= 0 ? r : this.row + 1;
        this.col = -1;
        const s = a.number('s');
        if (s !== undefined) {
          const custom = a.choice('customFormat', TRUE_VALUES);
          if (custom === '1' || custom === 'true') this.sheet.rowStyles.set(this.row, s || 0);
        }
        return;
      }
      case 'c': {
        if (!this.inSheetData) return;
        const k = a.find('r');
        if (k >= 0 && this.refIn(a.valueStart(k), a.valueEnd(k))) {
          this.row = this.refRow;
          this.col = this.refCol;
        } else {
          const ref = k >= 0 ? decodeRef(a.get('r')!) : null;
          if (ref) {
            this.row = ref.row;
            this.col = ref.col;
          } else this.col += 1;
        }
        if (this.row < 0) this.row = 0;
        this.inCell = true;
        this.cellType = a.choice('t', CELL_TYPES) ?? 'n';
        this.cellStyle = a.number('s') || 0;
        this.v = this.f = this.inline = null;
        this.vFrom = -1;
        this.hasF = false;
        this.depth = null;
        return;
      }
      case 'col': {
        const style = a.number('style');
        if (style !== undefined && style > 0) this.sheet.colStyles.push({ min: (a.number('min') ?? NaN) - 1, max: (a.number('max') ?? NaN) - 1, style });
        return;
      }
      case 'mergeCell': {
        const ref = a.get('ref');
        if (ref) this.sheet.merges.push(own(ref));
        return;
      }
    }
  }

  close(name: string): void {
    if (name === 'sheetData') this.inSheetData = false;
    if (!this.inCell) return;
    if (name === 'c') {
      this.inCell = false;
      this.finishCell();
    } else if (name === 'rPh') this.inPhonetic = false;
    else if (name === 'v' || name === 'f' || name === 't') this.depth = null;
  }

  private finishCell(): void {
    const { row, col, f } = this;
    let formula: string | null = null;
    if (this.hasF) {
      if (this.fType === 'shared' && this.fSi !== undefined) {
        if (f && f.length > 0) {
          formula = own(f);
          this.shared.set(this.fSi, { row, col, text: formula });
        } else {
          const master = this.shared.get(this.fSi);
          formula = master ? shiftFormula(master.text, row - master.row, col - master.col) : null;
        }
      } else if (this.fType !== 'dataTable') formula = f && f.length > 0 ? own(f) : null;
    }
    const cellType = this.cellType;
    let value: CellValue = null;
    let type: ValueType = 'Empty';
    // A number (or a shared string's index) read in place, when its text is plain.
    const inPlace = this.vFrom >= 0 && (cellType === 'n' || cellType === 's') ? plainDecimal(this.xml, this.vFrom, this.vTo) : NaN;
    if (!Number.isNaN(inPlace)) {
      if (cellType === 'n') {
        value = inPlace;
        type = 'Double';
      } else {
        const s = this.sharedStrings[inPlace] ?? '';
        if (s !== '') {
          value = s;
          type = 'String';
        }
      }
      this.vFrom = -1;
    } else {
      const v = this.vText();
      if (cellType === 'inlineStr') {
        const s = this.inline ?? v ?? '';
        if (s !== '') {
          value = own(s);
          type = 'String';
        }
      } else if (v === null) {
        if (formula !== null) type = 'Uncalculated';
      } else if (cellType === 's') {
        const s = this.sharedStrings[Number(v)] ?? '';
        if (s !== '') {
          value = s;
          type = 'String';
        }
      } else if (cellType === 'str') {
        if (v !== '') {
          value = own(unescapeOoxml(v));
          type = 'String';
        }
      } else if (cellType === 'b') {
        if (v !== '') {
          value = v.trim() === '1' || v.trim() === 'true';
          type = 'Boolean';
        }
      } else if (cellType === 'e') {
        if (v !== '') {
          value = own(v.trim());
          type = 'Error';
        }
      } else if (cellType === 'd') {
        if (v.trim() !== '') {
          value = isoToSerial(v.trim());
          type = 'Double';
        }
      } else if (v.trim() !== '') {
        const n = Number(v);
        value = Number.isNaN(n) ? own(v) : n;
        type = Number.isNaN(n) ? 'String' : 'Double';
      }
    }
    if (type !== 'Empty' || formula !== null || this.cellStyle !== 0) {
      const cells = this.sheet.cells;
      cells.rows.push(row);
      cells.cols.push(col);
      cells.styles.push(this.cellStyle);
      cells.values.push(value);
      cells.types.push(type);
      cells.formulas.push(formula);
    }
  }
}

/** The shared strings part: each <si>'s text (runs joined, phonetic guides left out). */
export function readSharedStrings(xml: string | undefined, part: string, file: string): string[] {
  const out: string[] = [];
  if (xml === undefined) return out;
  let cur: string | null = null;
  let inT = false;
  let inPhonetic = false;
  scanXml(xml, part, file, {
    wantsText: () => inT && cur !== null,
    open(name) {
      if (name === 'si') cur = '';
      else if (name === 'rPh') inPhonetic = true;
      else if (name === 't' && !inPhonetic) inT = true;
    },
    text(t) {
      if (inT && cur !== null) cur += t;
    },
    close(name) {
      if (name === 't') inT = false;
      else if (name === 'rPh') inPhonetic = false;
      else if (name === 'si') {
        out.push(own(unescapeOoxml(cur ?? '')));
        cur = null;
      }
    },
  });
  return out;
}
