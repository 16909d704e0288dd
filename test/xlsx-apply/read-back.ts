/** Reading an xlsx back for assertions: every user cell's value, formula, fill and note. */
import ExcelJS from 'exceljs';
import { teachExcelJsInternalLinks } from '../support/exceljs/internal-links';

teachExcelJsInternalLinks();

export async function load(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

export interface CellPrint {
  value: unknown;
  fill: unknown;
  note: unknown;
  numFmt: unknown;
}

/** Each non-empty or styled cell of the named sheets, by 'Sheet!A1'. */
export function cellPrints(wb: ExcelJS.Workbook, sheets: string[]): Record<string, CellPrint> {
  const out: Record<string, CellPrint> = {};
  for (const name of sheets) {
    const ws = wb.getWorksheet(name);
    if (!ws) continue;
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (c) => {
        const fill = c.fill && (c.fill as ExcelJS.FillPattern).pattern !== 'none' ? c.fill : undefined;
        if (c.value === null && !fill && c.note === undefined) return;
        out[`${name}!${c.address}`] = { value: JSON.parse(JSON.stringify(c.value)), fill: fill ?? null, note: c.note ?? null, numFmt: c.numFmt ?? null };
      }),
    );
  }
  return out;
}
