/** A snapshot written as a real .xlsx (values, cached formula results, errors) and read back by the product's reader. */
import ExcelJS from 'exceljs';
import type { WorkbookSnapshot } from '../../src/snapshot/types';
import { readXlsxSnapshot } from '../../src/snapshot/xlsx';

export async function snapshotToXlsx(snapshot: WorkbookSnapshot): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of snapshot.sheets) {
    const ws = wb.addWorksheet(s.name, { state: s.visibility === 'Visible' ? 'visible' : s.visibility === 'Hidden' ? 'hidden' : 'veryHidden' });
    s.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const type = s.valueTypes[r][c];
        const formula = s.formulas[r][c];
        const cell = ws.getCell(s.top + r + 1, s.left + c + 1);
        if (formula) cell.value = { formula: formula.slice(1), ...(type === 'Uncalculated' ? {} : { result: type === 'Error' ? { error: v } : v }) } as ExcelJS.CellFormulaValue;
        else if (type === 'Error') cell.value = { error: v as ExcelJS.CellErrorValue['error'] };
        else if (v !== null) cell.value = v;
      }),
    );
  }
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

export async function throughXlsx(snapshot: WorkbookSnapshot): Promise<WorkbookSnapshot> {
  return readXlsxSnapshot(await snapshotToXlsx(snapshot), 'property.xlsx');
}
