/**
 * Test-only bridges between xlsx files and the fake (Node only: not bundled for the browser). An xlsx is loaded
 * with the CLI's own reader for the cells and ExcelJS for fills, notes and visibility (the very hidden _clusterix
 * included); the fake is exported back with values, formulas, number formats, fills, notes and visibility.
 */
import ExcelJS from 'exceljs';
import { readXlsxSnapshot } from '../../src/snapshot/xlsx';
import { findSheet, touchCell, workbookFromSnapshot, type FakeWorkbook } from './model';

function solid(fill: ExcelJS.Fill | undefined): string | null {
  if (!fill || fill.type !== 'pattern' || fill.pattern !== 'solid') return null;
  const argb = fill.fgColor?.argb;
  return argb ? `#${argb.slice(-6).toUpperCase()}` : null;
}

function noteText(note: ExcelJS.Cell['note']): string | null {
  if (note === undefined || note === null) return null;
  return typeof note === 'string' ? note : (note.texts ?? []).map((t) => t.text).join('');
}

export async function workbookFromXlsx(bytes: Buffer): Promise<FakeWorkbook> {
  const wb = workbookFromSnapshot(await readXlsxSnapshot(bytes, 'test.xlsx'));
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  for (const ws of book.worksheets) {
    const sheet = findSheet(wb, ws.name);
    if (!sheet) continue;
    sheet.visibility = ws.state === 'veryHidden' ? 'VeryHidden' : ws.state === 'hidden' ? 'Hidden' : 'Visible';
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        const fill = solid(cell.style?.fill);
        const note = noteText(cell.note);
        if (fill === null && note === null) return;
        const c = touchCell(sheet, Number(cell.row) - 1, Number(cell.col) - 1);
        c.fill = fill;
        c.note = note;
      }),
    );
  }
  return wb;
}

const STATE = { Visible: 'visible', Hidden: 'hidden', VeryHidden: 'veryHidden' } as const;

export async function xlsxFromWorkbook(wb: FakeWorkbook): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const sheet of wb.sheets) {
    const ws = book.addWorksheet(sheet.name, { state: STATE[sheet.visibility] });
    for (const [key, c] of sheet.cells) {
      const [r, col] = key.split(',').map(Number);
      const cell = ws.getCell(r + 1, col + 1);
      if (c.formula) cell.value = { formula: c.formula.slice(1), result: c.value ?? undefined } as ExcelJS.CellValue;
      else if (c.type === 'Error') cell.value = { error: String(c.value) } as ExcelJS.CellValue;
      else if (c.type !== 'Empty') cell.value = c.value as ExcelJS.CellValue;
      if (c.numberFormat !== 'General') cell.numFmt = c.numberFormat;
      if (c.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${c.fill.slice(1)}` } };
      if (c.note !== null) cell.note = c.note;
    }
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
