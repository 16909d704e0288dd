/**
 * The five tabs as a finance officer prints them: the consolidated sample with only our tabs visible, printed to
 * PDF by LibreOffice and each page to PNG in test-output/ (gitignored) for a person to look at. Asserts every tab
 * prints, and that a tab too wide for one legible A4 page spreads over pages with its row labels repeated.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readdirSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { consolidateFile } from '../../src/apply/xlsx';
import { REPORT_TAB_NAMES } from '../../src/plan/types';
import { renderToPng } from '../support/libreoffice';
import { writeSample } from './books';

const OUT_DIR = join(__dirname, '..', '..', 'test-output', 'report-tabs');

it('prints each report tab legibly', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'clx-render-'));
  const book = join(dir, 'sample.xlsx');
  await writeSample(book);
  const out = join(dir, 'sample.consolidated.xlsx');
  await consolidateFile(book, out, { now: new Date('2026-01-15T10:00:00Z') });
  // One file per tab, the other sheets hidden, so each tab's pages are named after it.
  const files: string[] = [];
  for (const [i, tab] of REPORT_TAB_NAMES.entries()) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    for (const ws of wb.worksheets) if (ws.name !== tab && ws.state === 'visible') ws.state = 'hidden';
    wb.views = [{ ...wb.views[0], activeTab: wb.worksheets.findIndex((w) => w.name === tab), firstSheet: 0 } as ExcelJS.WorkbookView];
    const f = join(dir, `${i + 1}-${tab.replace(/\s+/g, '-')}.xlsx`);
    await wb.xlsx.writeFile(f);
    files.push(f);
  }
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const wide = Object.fromEntries(REPORT_TAB_NAMES.map((t) => [t, wb.getWorksheet(t)!.pageSetup.fitToWidth]));
  expect(wide).toEqual({ 'Report Summary': 1, 'Report By partner': 2, 'Report Spending plan': 1, 'Report Indicators': 2, 'Report Checks': 1 });
  expect(wb.getWorksheet('Report By partner')!.pageSetup.printTitlesColumn).toBe('A:B');
  rmSync(OUT_DIR, { recursive: true, force: true });
  const pngs = await renderToPng(files, OUT_DIR);
  for (const [i, tab] of REPORT_TAB_NAMES.entries()) {
    const pages = pngs.filter((p) => p.includes(`/${i + 1}-${tab.replace(/\s+/g, '-')}-`));
    expect([tab, pages.length >= wide[tab]!]).toEqual([tab, true]);
  }
  expect(readdirSync(OUT_DIR).filter((n) => n.endsWith('.pdf'))).toHaveLength(5);
}, 300000);
