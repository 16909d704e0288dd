/** The workbooks the LibreOffice tests consolidate: the sample, and hand-typed layouts written to xlsx. */
import ExcelJS from 'exceljs';
import type { WorkbookSnapshot } from '../../src/snapshot/types';
import { buildSample } from '../../src/template';
import { writeSpecXlsx } from '../../src/apply/xlsx/spec-writer';
import { CLUSTERIX2 } from '../../src/profile';
import { buildWorkbook, type Layout } from '../support/workbook-builder';

export async function writeSample(path: string): Promise<void> {
  await writeSpecXlsx(buildSample(), path);
}

/** A snapshot as an xlsx: values, formulas with their cached values, number formats, visibility. */
export async function writeSnapshot(snap: WorkbookSnapshot, path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const state = { Visible: 'visible', Hidden: 'hidden', VeryHidden: 'veryHidden' } as const;
  for (const s of snap.sheets) {
    const ws = wb.addWorksheet(s.name, { state: state[s.visibility] });
    s.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const f = s.formulas[r]?.[c];
        const cell = ws.getCell(s.top + r + 1, s.left + c + 1);
        if (f) cell.value = { formula: f.replace(/^=/, ''), result: v as number } as ExcelJS.CellValue;
        else if (v !== null) cell.value = v;
        const fmt = s.numberFormats[r]?.[c];
        if (fmt && fmt !== 'General') cell.numFmt = fmt;
      }),
    );
  }
  await wb.xlsx.writeFile(path);
}

export const LAYOUTS: Record<string, Partial<Layout>> = {
  'hand-typed': {},
  'hand-typed-odd': {
    projectSheetName: 'Projekt',
    budgetSheetName: (no, short) => `${no} ${short}`.slice(0, 31),
    indicatorSheetNames: ['Ind phase 1', 'Ind phase 2'],
    order: 'reversed',
    hidden: ['Ind phase 2'],
    fieldGap: 1,
    synonyms: true,
    reorderColumns: true,
    totalColumn: false,
    indicatorNames: true,
    userSheet: true,
    titleRows: 2,
    datesAsText: true,
  },
};

export async function writeLayout(name: string, path: string): Promise<void> {
  await writeSnapshot(buildWorkbook(CLUSTERIX2, LAYOUTS[name]), path);
}
