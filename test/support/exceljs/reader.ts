/**
 * The ExcelJS-based reader the command line had before its own package reader, kept for tests as an independent
 * reader: an .xlsx file into the plain-cell snapshot. Unreadable input is a UserError with a one-line reason.
 */
import ExcelJS from 'exceljs';
import type JSZip from 'jszip';
import { UserError } from '../../../src/util/errors';
import { a1 } from '../../../src/util/a1';
import type { SheetSnapshot, SheetVisibility, WorkbookSnapshot } from '../../../src/snapshot/types';
import { openXlsx, readBytes } from './xlsx-open';
import { blankResultCells } from './xlsx-blank-results';
import { readCell, type PlainCell } from './xlsx-cell';
import { boundingBox, emptySheet } from '../../../src/snapshot/cells';

export interface OpenedXlsx {
  bytes: Buffer;
  zip: JSZip;
  workbook: ExcelJS.Workbook;
}

/** The file's bytes, its zip package and its ExcelJS workbook; a UserError with the reason when it is no readable xlsx. */
export async function openXlsxWorkbook(input: string | Buffer, name = typeof input === 'string' ? input : 'the workbook', checkPackage?: (zip: JSZip, bytes: Buffer) => Promise<void>): Promise<OpenedXlsx> {
  const bytes = typeof input === 'string' ? await readBytes(input) : input;
  const zip = await openXlsx(bytes, name);
  // A check of the package itself (what the writer cannot carry) speaks before ExcelJS can fail on it.
  if (checkPackage) await checkPackage(zip, bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new UserError(`cannot read ${name}: its contents could not be read (${String((e as Error).message ?? e).split('\n')[0]})`);
  }
  return { bytes, zip, workbook };
}

/** The snapshot of a workbook already opened (consolidate opens BOOK once for reading and writing). */
export async function snapshotOfWorkbook(opened: OpenedXlsx, name: string): Promise<WorkbookSnapshot> {
  const sheets: SheetSnapshot[] = [];
  for (const ws of opened.workbook.worksheets) sheets.push(await sheetSnapshot(ws, name, (sheet) => blankResultCells(opened.zip, sheet)));
  return { sheets };
}

export async function readXlsxSnapshot(input: string | Buffer, name = typeof input === 'string' ? input : 'the workbook'): Promise<WorkbookSnapshot> {
  return snapshotOfWorkbook(await openXlsxWorkbook(input, name), name);
}

/** A used range larger than this would not fit in memory as a grid (Office.js refuses far less). */
const MAX_USED_CELLS = 20_000_000;

const VISIBILITY: Record<string, SheetVisibility> = { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' };

async function sheetSnapshot(ws: ExcelJS.Worksheet, file: string, blankResults: (sheet: string) => Promise<Set<string>>): Promise<SheetSnapshot> {
  const cells: { row: number; col: number; address: string; cell: PlainCell; numFmt: string }[] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      const plain = readCell(cell);
      if (plain.type === 'Empty' && plain.formula === null) return;
      cells.push({ row: Number(cell.row) - 1, col: Number(cell.col) - 1, address: cell.address, cell: plain, numFmt: cell.numFmt || 'General' });
    });
  });
  // Only when some formula looks uncalculated: is its cached value really missing, or empty text?
  if (cells.some((c) => c.cell.type === 'Uncalculated')) {
    const blank = await blankResults(ws.name);
    for (const c of cells) if (c.cell.type === 'Uncalculated' && blank.has(c.address)) c.cell = { ...c.cell, type: 'Empty' };
  }
  const box = boundingBox(cells);
  const visibility = VISIBILITY[ws.state] ?? 'Visible';
  if (box === null) return emptySheet(ws.name, visibility, null);
  const { top, left, height, width } = box;
  if (height * width > MAX_USED_CELLS) {
    throw new UserError(`cannot read ${file}: sheet '${ws.name}' has a used range ${a1(top, left)}:${a1(top + height - 1, left + width - 1)} too large to read (a stray value far from the data?)`);
  }
  const snap = emptySheet(ws.name, visibility, box);
  for (const c of cells) {
    const r = c.row - top;
    const k = c.col - left;
    snap.values[r][k] = c.cell.value;
    snap.valueTypes[r][k] = c.cell.type;
    snap.formulas[r][k] = c.cell.formula;
    snap.numberFormats[r][k] = c.numFmt;
  }
  // Formats of empty cells inside the box (Office.js reports them too).
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      const r = Number(cell.row) - 1 - top;
      const k = Number(cell.col) - 1 - left;
      if (r >= 0 && r < height && k >= 0 && k < width && cell.numFmt) snap.numberFormats[r][k] = cell.numFmt;
    });
  });
  return snap;
}
