/**
 * The workbook the pane issue was measured on, rebuilt: the sample with amounts typed as text on every partner's
 * budget sheet (B06 warnings, same amounts) and four approved budgets not yet typed (to fill in): 41 findings.
 */
import ExcelJS from 'exceljs';
import { writeSpecXlsx } from '../../src/apply/xlsx/spec-writer';
import { buildSample } from '../../src/template';

/** 8708.34 → '8 708,34': how a partner's spreadsheet in another locale types it. */
export function asLocaleText(n: number): string {
  const [int, dec] = n.toFixed(2).split('.');
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ' ')},${dec}`;
}

export async function writeFortyOne(file: string): Promise<{ textCells: { sheet: string; cell: string }[]; blanked: string[] }> {
  const sample = `${file}.sample.xlsx`;
  await writeSpecXlsx(buildSample(), sample);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(sample);
  const textCells: { sheet: string; cell: string }[] = [];
  wb.worksheets.filter((w) => w.name.startsWith('Budget ')).forEach((ws, i) => {
    for (const cell of ['B15', 'C15', i < 7 ? 'B16' : null, ws.name === 'Budget INMA' ? 'B17' : null]) {
      if (!cell) continue;
      const v = ws.getCell(cell).value;
      if (typeof v !== 'number') continue;
      ws.getCell(cell).value = asLocaleText(v);
      textCells.push({ sheet: ws.name, cell });
    }
  });
  const project = wb.getWorksheet('Project')!;
  const blanked = ['H29', 'H30', 'H32', 'H33'];
  for (const c of blanked) project.getCell(c).value = null;
  await wb.xlsx.writeFile(file);
  return { textCells, blanked };
}
