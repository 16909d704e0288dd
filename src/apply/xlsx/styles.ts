/** How each named cell style of the plan looks in an xlsx (ExcelJS style parts). */
import type { Style } from 'exceljs';
import type { CellStyleName } from '../../plan/types';

const thin = { style: 'thin' as const, color: { argb: 'FF808080' } };

export const CELL_STYLES: Record<CellStyleName, Partial<Style>> = {
  title: { font: { name: 'Calibri', size: 14, bold: true, color: { argb: 'FF1F3864' } } },
  subtitle: { font: { name: 'Calibri', size: 10, color: { argb: 'FF595959' } } },
  header: {
    font: { name: 'Calibri', size: 11, bold: true },
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } },
    alignment: { wrapText: true, vertical: 'bottom' },
    border: { bottom: thin },
  },
  body: { font: { name: 'Calibri', size: 11 } },
  total: { font: { name: 'Calibri', size: 11, bold: true }, border: { top: thin, bottom: { style: 'double', color: { argb: 'FF808080' } } } },
  band: { font: { name: 'Calibri', size: 12, bold: true, color: { argb: 'FF1F3864' } }, border: { bottom: thin } },
  note: { font: { name: 'Calibri', size: 9, italic: true, color: { argb: 'FF595959' } }, alignment: { wrapText: false } },
};

export const LINK_FONT: Partial<Style['font']> = { color: { argb: 'FF0563C1' }, underline: true };
