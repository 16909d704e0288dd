/**
 * The worksheet reader as it was before scan.ts: one saxes pass per part (src/snapshot/package/sheet.ts had it).
 * Kept for tests only, as an independent reading of the same XML to hold the scanner to.
 */
import type { CellValue, ValueType } from '../../src/snapshot/types';
import { parseXml, unescapeOoxml } from '../../src/snapshot/package/xml';
import { shiftFormula } from '../../src/snapshot/package/formula-shift';
import type { RawCell, RawSheet } from '../../src/snapshot/package/sheet';

// The same cell shapes as the scanner's reader, so the property compares like with like.
export type { RawCell, RawSheet };

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
  const cells: RawCell[] = [];
  const merges: string[] = [];
  const rowStyles = new Map<number, number>();
  const colStyles: RawSheet['colStyles'] = [];
  const shared = new Map<string, { row: number; col: number; text: string }>();
  let row = -1;
  let col = -1;
  // The cell being read.
  let inCell = false;
  let cellType = 'n';
  let cellStyle = 0;
  let v: string | null = null;
  let f: string | null = null;
  let fAttrs: Record<string, string> | null = null;
  let inline: string | null = null;
  let depth: 'v' | 'f' | 't' | null = null;
  let inPhonetic = false;
  let inSheetData = false;

  const finishCell = () => {
    let formula: string | null = null;
    if (fAttrs) {
      if (fAttrs.t === 'shared' && fAttrs.si !== undefined) {
        if (f && f.length > 0) {
          shared.set(fAttrs.si, { row, col, text: f });
          formula = f;
        } else {
          const master = shared.get(fAttrs.si);
          formula = master ? shiftFormula(master.text, row - master.row, col - master.col) : null;
        }
      } else if (fAttrs.t !== 'dataTable') formula = f && f.length > 0 ? f : null;
    }
    let value: CellValue = null;
    let type: ValueType = 'Empty';
    if (cellType === 'inlineStr') {
      const s = inline ?? v ?? '';
      if (s !== '') { value = s; type = 'String'; }
    } else if (v === null) {
      if (formula !== null) type = 'Uncalculated';
    } else if (cellType === 's') {
      const s = sharedStrings[Number(v)] ?? '';
      if (s !== '') { value = s; type = 'String'; }
    } else if (cellType === 'str') {
      if (v !== '') { value = unescapeOoxml(v); type = 'String'; }
    } else if (cellType === 'b') {
      if (v !== '') { value = v.trim() === '1' || v.trim() === 'true'; type = 'Boolean'; }
    } else if (cellType === 'e') {
      if (v !== '') { value = v.trim(); type = 'Error'; }
    } else if (cellType === 'd') {
      if (v.trim() !== '') { value = isoToSerial(v.trim()); type = 'Double'; }
    } else if (v.trim() !== '') {
      const n = Number(v);
      value = Number.isNaN(n) ? v : n;
      type = Number.isNaN(n) ? 'String' : 'Double';
    }
    if (type !== 'Empty' || formula !== null || cellStyle !== 0) cells.push({ row, col, value, type, formula, style: cellStyle });
  };

  parseXml(xml, part, file, {
    open(name, a) {
      if (inCell) {
        if (name === 'v') {
          depth = 'v';
          v = '';
        }
        else if (name === 'f') {
          depth = 'f';
          f = '';
          fAttrs = a;
        }
        else if (name === 'rPh') inPhonetic = true;
        else if (name === 't' && !inPhonetic) {
          depth = 't';
          inline ??= '';
        }
        return;
      }
      switch (name) {
        case 'sheetData':
          inSheetData = true;
          return;
        case 'row': {
          const r = a.r !== undefined ? Number(a.r) - 1 : row + 1;
          row = Number.isInteger(r) && r >= 0 ? r : row + 1;
          col = -1;
          if (a.s !== undefined && (a.customFormat === '1' || a.customFormat === 'true')) rowStyles.set(row, Number(a.s) || 0);
          return;
        }
        case 'c': {
          if (!inSheetData) return;
          const ref = a.r !== undefined ? decodeRef(a.r) : null;
          if (ref) {
            row = ref.row;
            col = ref.col;
          }
          else col += 1;
          if (row < 0) row = 0;
          inCell = true;
          cellType = a.t ?? 'n';
          cellStyle = a.s !== undefined ? Number(a.s) || 0 : 0;
          v = f = inline = null;
          fAttrs = null;
          depth = null;
          return;
        }
        case 'col': {
          if (a.style !== undefined && Number(a.style) > 0) colStyles.push({ min: Number(a.min) - 1, max: Number(a.max) - 1, style: Number(a.style) });
          return;
        }
        case 'mergeCell':
          if (a.ref) merges.push(a.ref);
          return;
      }
    },
    text(t) {
      if (depth === 'v') v += t;
      else if (depth === 'f') f += t;
      else if (depth === 't') inline += t;
    },
    close(name) {
      if (name === 'sheetData') inSheetData = false;
      if (!inCell) return;
      if (name === 'c') {
        inCell = false;
        finishCell();
      } else if (name === 'rPh') inPhonetic = false;
      else if (name === 'v' || name === 'f' || name === 't') depth = null;
    },
  });
  return { cells, merges, rowStyles, colStyles };
}

/** The shared strings part: each <si>'s text (runs joined, phonetic guides left out). */
export function readSharedStrings(xml: string | undefined, part: string, file: string): string[] {
  const out: string[] = [];
  if (xml === undefined) return out;
  let cur: string | null = null;
  let inT = false;
  let inPhonetic = false;
  parseXml(xml, part, file, {
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
