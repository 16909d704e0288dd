/**
 * Writes a WorkbookSpec (the template, the sample) to an .xlsx file with ExcelJS: whole or not at all
 * (a temporary file beside the target, then a rename).
 */
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import { isFormula, type SheetSpec, type SpecFill, type WorkbookSpec } from '../../template/spec';
import { writeWhole } from './safe-write';

const FILL_ARGB: Record<SpecFill, string> = { header: 'FFDDEBF7', input: 'FFFFF2CC', total: 'FFEDEDED' };

function addSheet(workbook: ExcelJS.Workbook, spec: SheetSpec): void {
  const ws = workbook.addWorksheet(spec.name, {
    ...(spec.frozenRows > 0 ? { views: [{ state: 'frozen', ySplit: spec.frozenRows }] } : {}),
    // Printed, a sheet fits the page's width (landscape), however many pages long.
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
  });
  spec.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const c of spec.cells) {
    const cell = ws.getCell(c.row + 1, c.col + 1);
    if (isFormula(c.value)) {
      // A null result is left out so the file says "not calculated yet", as Excel would.
      cell.value = c.value.result === null ? { formula: c.value.formula, date1904: false } : ({ formula: c.value.formula, result: c.value.result, date1904: false } as ExcelJS.CellFormulaValue);
    } else {
      cell.value = c.value;
    }
    if (c.numberFormat) cell.numFmt = c.numberFormat;
    if (c.bold || c.italic) cell.font = { ...(c.bold ? { bold: true } : {}), ...(c.italic ? { italic: true } : {}) };
    if (c.align) cell.alignment = { horizontal: c.align };
    if (c.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL_ARGB[c.fill] } };
  }
  for (const m of spec.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
}

export function specToWorkbook(spec: WorkbookSpec): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ClusteriX Reporting';
  for (const sheet of spec.sheets) addSheet(workbook, sheet);
  return workbook;
}

/** Writes the spec to `target` atomically; a UserError (exit 2) when the place cannot be written. */
export async function writeSpecXlsx(spec: WorkbookSpec, target: string): Promise<void> {
  const buf = await specToWorkbook(spec).xlsx.writeBuffer();
  await writeWhole(target, (temp) => fs.writeFile(temp, Buffer.from(buf as ArrayBuffer)));
}
