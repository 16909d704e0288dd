/**
 * The user's cells as the engine needs them (values and value types: Excel always holds a calculated value, so
 * formula text is never read) and their fills (colour and
 * pattern: white fill and no fill both answer '#FFFFFF', only the pattern tells them apart), read in pieces
 * whose responses stay under Excel on the web's 5 MB. Number formats are not read: the parser never uses them.
 */
import type { CellValue, SheetSnapshot, SheetVisibility, ValueType } from '../../snapshot/types';
import { a1 } from '../../util/a1';

/** Budget per read sync: under 5 MB whichever way Excel counts a megabyte. */
export const DEFAULT_READ_BYTES = 4_900_000;
/** The fill of one cell as getCellProperties answers it (a solid fill one byte more). */
const FILL_BYTES = JSON.stringify({ format: { fill: { color: '#FFFFFF', pattern: 'Solid' } } }).length + 1;
/** A value type with its quotes and comma ("Boolean" the longest, "Empty" the shortest). */
const TYPE_BYTES = 9;
/** A value as JSON with its comma: 3 for an empty cell, 8 or so for an amount, a label's length + 3
 * (5.6 on average over the 200-partner book, labels 12.6). Long text reads more: the safety net halves then. */
const VALUE_BYTES = 8;
/** Response bytes a cell of the used range is counted at before anything is read (72 measured at 200 partners). */
export const BYTES_PER_CELL = FILL_BYTES + TYPE_BYTES + VALUE_BYTES;

export interface Box {
  top: number;
  left: number;
  rows: number;
  cols: number;
}

/** One rectangle of a sheet, read. */
export interface Piece {
  top: number;
  left: number;
  values: unknown[][];
  valueTypes: ValueType[][];
  fills: (string | null)[][];
}

/** A rectangle to read: the sheet's used range (size not known yet) or an address planned from its size. */
export interface PieceRequest {
  sheet: string;
  address: string | null;
  box: Box | null;
}

export interface QueuedPiece {
  sheet: string;
  range: Excel.Range;
  props: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
}

export function queuePiece(context: Excel.RequestContext, req: PieceRequest): QueuedPiece {
  const ws = context.workbook.worksheets.getItem(req.sheet);
  const range = (req.address === null ? ws.getUsedRange(true) : ws.getRange(req.address)).load('values,valueTypes,rowIndex,columnIndex,rowCount,columnCount');
  return { sheet: req.sheet, range, props: range.getCellProperties({ format: { fill: { color: true, pattern: true } } }) };
}

export function pieceOf(q: QueuedPiece): Piece {
  return {
    top: q.range.rowIndex,
    left: q.range.columnIndex,
    values: q.range.values,
    valueTypes: q.range.valueTypes as ValueType[][],
    fills: q.props.value.map((row) => row.map((cell) => (!cell.format?.fill || cell.format.fill.pattern === 'None' ? null : (cell.format.fill.color ?? null)))),
  };
}

function request(sheet: string, box: Box): PieceRequest {
  return { sheet, box, address: `${a1(box.top, box.left)}:${a1(box.top + box.rows - 1, box.left + box.cols - 1)}` };
}

/** A sheet's used range as rectangles of whole rows, each within the budget (a very wide row goes alone). */
function bands(sheet: string, box: Box, budget: number, perCell: number): PieceRequest[] {
  const perBand = Math.max(1, Math.floor(budget / (box.cols * perCell)));
  const out: PieceRequest[] = [];
  for (let r = 0; r < box.rows; r += perBand) out.push(request(sheet, { ...box, top: box.top + r, rows: Math.min(perBand, box.rows - r) }));
  return out;
}

/** Pieces grouped into syncs, each group's estimate within the budget: one round trip per group. The first
 * group shares its sync with `reserved` bytes of other reads (it may be left empty). */
export function planChunks(sheets: { name: string; box: Box }[], budget: number, perCell: number = BYTES_PER_CELL, reserved = 0): PieceRequest[][] {
  const groups: PieceRequest[][] = [];
  let group: PieceRequest[] = [];
  let bytes = reserved;
  for (const s of sheets)
    for (const piece of bands(s.name, s.box, budget, perCell)) {
      const b = (piece.box as Box).rows * (piece.box as Box).cols * perCell;
      if (bytes > 0 && bytes + b > budget) {
        groups.push(group);
        group = [];
        bytes = 0;
      }
      group.push(piece);
      bytes += b;
    }
  if (group.length > 0) groups.push(group);
  return groups;
}

/** A group split in two for a retry (the estimate was wrong): by pieces, or one piece by its rows. */
export function halve(group: PieceRequest[]): PieceRequest[][] | null {
  if (group.length > 1) return [group.slice(0, Math.ceil(group.length / 2)), group.slice(Math.ceil(group.length / 2))];
  const box = group[0].box;
  if (!box || box.rows < 2) return null;
  const half = Math.ceil(box.rows / 2);
  return [[request(group[0].sheet, { ...box, rows: half })], [request(group[0].sheet, { ...box, top: box.top + half, rows: box.rows - half })]];
}

/** The sheet's pieces put together over its used range `box`, as the CLI's reader gives it. */
export function sheetSnapshot(name: string, visibility: SheetVisibility, box: Box, pieces: Piece[]): { sheet: SheetSnapshot; fills: (string | null)[][] } {
  const grid = <T>(fill: T): T[][] => Array.from({ length: box.rows }, () => Array.from({ length: box.cols }, () => fill));
  const values = grid<CellValue>(null);
  const valueTypes = grid<ValueType>('Empty');
  const formulas = grid<string | null>(null);
  const fills = grid<string | null>(null);
  for (const p of pieces)
    p.values.forEach((row, i) =>
      row.forEach((v, j) => {
        const r = p.top - box.top + i;
        const c = p.left - box.left + j;
        if (r < 0 || c < 0 || r >= box.rows || c >= box.cols) return;
        const type = p.valueTypes[i][j];
        valueTypes[r][c] = type;
        values[r][c] = type === 'Empty' ? null : (v as CellValue);
        fills[r][c] = p.fills[i][j];
      }),
    );
  const base = { name, visibility };
  if (valueTypes.every((row) => row.every((t) => t === 'Empty'))) return { sheet: { ...base, top: 0, left: 0, values: [], valueTypes: [], formulas: [], numberFormats: [] }, fills };
  const numberFormats = grid('General');
  return { sheet: { ...base, top: box.top, left: box.left, values, valueTypes, formulas, numberFormats }, fills };
}
