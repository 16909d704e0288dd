/**
 * One worksheet part read cell by cell in one pass of our scanner (scan.ts: saxes cost the most here): values, cached formula results, formula text (a shared
 * formula given to each of its cells), style index. Rows and cells without an r= reference follow the previous
 * one. Merges are kept as ranges; data validations and conditional formats are not read at all, so a rule over
 * whole columns costs nothing.
 */
import type { CellValue, ValueType } from '../types';
import { unescapeOoxml } from './xml';
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

export function readSheetXml(xml: string, part: string, file: string, sharedStrings: string[]): RawSheet {
  const reader = new SheetReader(sharedStrings);
  scanXml(xml, part, file, reader);
  return reader.sheet;
}

/** The scanner's handlers for a worksheet; a class so that V8 compiles them once for every sheet. */
class SheetReader implements ScanHandlers {
  readonly sheet: RawSheet = { cells: [], merges: [], rowStyles: new Map(), colStyles: [] };
  private readonly shared = new Map<string, { row: number; col: number; text: string }>();
  private row = -1;
  private col = -1;
  // The cell being read.
  private inCell = false;
  private cellType = 'n';
  private cellStyle = 0;
  private v: string | null = null;
  private f: string | null = null;
  // The <f> element's t= and si= (hasF: there was one).
  private hasF = false;
  private fType: string | undefined = undefined;
  private fSi: string | undefined = undefined;
  private inline: string | null = null;
  private depth: 'v' | 'f' | 't' | null = null;
  private inPhonetic = false;
  private inSheetData = false;

  constructor(private readonly sharedStrings: string[]) {}

  wantsText(): boolean {
    return this.depth !== null;
  }

  text(t: string): void {
    if (this.depth === 'v') this.v += t;
    else if (this.depth === 'f') this.f += t;
    else if (this.depth === 't') this.inline += t;
  }

  open(name: string, a: ScanAttrs): void {
    if (this.inCell) {
      if (name === 'v') {
        this.depth = 'v';
        this.v = '';
      } else if (name === 'f') {
        this.depth = 'f';
        this.f = '';
        this.hasF = true;
        this.fType = a.get('t');
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
        const rAttr = a.get('r');
        const r = rAttr !== undefined ? Number(rAttr) - 1 : this.row + 1;
        this.row = Number.isInteger(r) && r >= 0 ? r : this.row + 1;
        this.col = -1;
        const s = a.get('s');
        if (s !== undefined) {
          const custom = a.get('customFormat');
          if (custom === '1' || custom === 'true') this.sheet.rowStyles.set(this.row, Number(s) || 0);
        }
        return;
      }
      case 'c': {
        if (!this.inSheetData) return;
        const rAttr = a.get('r');
        const ref = rAttr !== undefined ? decodeRef(rAttr) : null;
        if (ref) {
          this.row = ref.row;
          this.col = ref.col;
        } else this.col += 1;
        if (this.row < 0) this.row = 0;
        this.inCell = true;
        this.cellType = a.get('t') ?? 'n';
        const s = a.get('s');
        this.cellStyle = s !== undefined ? Number(s) || 0 : 0;
        this.v = this.f = this.inline = null;
        this.hasF = false;
        this.depth = null;
        return;
      }
      case 'col': {
        const style = a.get('style');
        if (style !== undefined && Number(style) > 0) this.sheet.colStyles.push({ min: Number(a.get('min')) - 1, max: Number(a.get('max')) - 1, style: Number(style) });
        return;
      }
      case 'mergeCell': {
        const ref = a.get('ref');
        if (ref) this.sheet.merges.push(ref);
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
    const { row, col, v, f } = this;
    let formula: string | null = null;
    if (this.hasF) {
      if (this.fType === 'shared' && this.fSi !== undefined) {
        if (f && f.length > 0) {
          this.shared.set(this.fSi, { row, col, text: f });
          formula = f;
        } else {
          const master = this.shared.get(this.fSi);
          formula = master ? shiftFormula(master.text, row - master.row, col - master.col) : null;
        }
      } else if (this.fType !== 'dataTable') formula = f && f.length > 0 ? f : null;
    }
    const cellType = this.cellType;
    let value: CellValue = null;
    let type: ValueType = 'Empty';
    if (cellType === 'inlineStr') {
      const s = this.inline ?? v ?? '';
      if (s !== '') {
        value = s;
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
        value = unescapeOoxml(v);
        type = 'String';
      }
    } else if (cellType === 'b') {
      if (v !== '') {
        value = v.trim() === '1' || v.trim() === 'true';
        type = 'Boolean';
      }
    } else if (cellType === 'e') {
      if (v !== '') {
        value = v.trim();
        type = 'Error';
      }
    } else if (cellType === 'd') {
      if (v.trim() !== '') {
        value = isoToSerial(v.trim());
        type = 'Double';
      }
    } else if (v.trim() !== '') {
      const n = Number(v);
      value = Number.isNaN(n) ? v : n;
      type = Number.isNaN(n) ? 'String' : 'Double';
    }
    if (type !== 'Empty' || formula !== null || this.cellStyle !== 0) this.sheet.cells.push({ row, col, value, type, formula, style: this.cellStyle });
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
        out.push(unescapeOoxml(cur ?? ''));
        cur = null;
      }
    },
  });
  return out;
}
