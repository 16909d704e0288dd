/**
 * The five tabs as a finance officer prints them, for the sample and a 100-partner workbook: each tab alone
 * (the other sheets hidden in the package itself, so the charts stay) printed to PDF by LibreOffice, each page
 * to PNG in test-output/report-tabs (gitignored) for a person to look at. Asserts on the PDF what a reader needs:
 * A4 landscape; every page carries the whole column header (so the tab is one page wide) and the footer with the
 * tab's name and "Page x of y"; the charts are drawn; no cell shows ###.
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { consolidateFile } from '../../src/apply/xlsx';
import { writeSpecXlsx } from '../../src/apply/xlsx/spec-writer';
import { REPORT_TAB_NAMES } from '../../src/plan/types';
import { bigWorkbookSpec } from '../support/big-workbook';
import { renderToPng } from '../support/libreoffice';
import { onlyTabs } from '../support/only-tabs';
import { writeSample } from './books';

const OUT_DIR = join(__dirname, '..', '..', 'test-output', 'report-tabs');
const now = new Date('2026-01-15T10:00:00Z');

/** Words of each tab's column header (one word each: a label may wrap over lines in the PDF's text). */
const HEADER_WORDS: Record<string, string[]> = {
  'Report Summary': ['Budget line', 'Previously', 'This period', 'Remaining'],
  'Report By partner': ['No', 'Partner', 'Country', 'Staff', 'Preparation', 'ERDF', 'contribution', 'Remaining'],
  'Report Spending plan': ['Period', 'Phase', 'Status', 'Planned', 'Variance to date'],
  'Report Indicators': ['No', 'Partner', 'PLE', 'PI-REG'],
  'Report Checks': ['Severity', 'Rule', 'Cell', 'Message', 'Status'],
};
const CHART_TITLES: Record<string, string[]> = {
  'Report Summary': ['Budget and reported to date by budget line (EUR)', 'Reported to date'],
  'Report Spending plan': ['Cumulative planned and reported expenditure (EUR)', 'Cumulative reported'],
};

const books = ['sample', 'partners-100'] as const;
const pages = new Map<string, string[]>();
const sizes = new Map<string, string>();
const fileOf = (book: string, i: number, tab: string) => `${book}-${i + 1}-${tab.replace(/\s+/g, '-')}`;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'clx-render-'));
  const files: string[] = [];
  for (const book of books) {
    const src = join(dir, `${book}.xlsx`);
    if (book === 'sample') await writeSample(src);
    else await writeSpecXlsx(bigWorkbookSpec(100), src);
    const out = join(dir, `${book}.consolidated.xlsx`);
    await consolidateFile(src, out, { now });
    const bytes = new Uint8Array(readFileSync(out));
    REPORT_TAB_NAMES.forEach((tab, i) => {
      const f = join(dir, `${fileOf(book, i, tab)}.xlsx`);
      writeFileSync(f, onlyTabs(bytes, [tab]));
      files.push(f);
    });
  }
  rmSync(OUT_DIR, { recursive: true, force: true });
  await renderToPng(files, OUT_DIR, 70);
  for (const book of books)
    REPORT_TAB_NAMES.forEach((tab, i) => {
      const pdf = join(OUT_DIR, `${fileOf(book, i, tab)}.pdf`);
      const text = execFileSync('/usr/bin/pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      pages.set(`${book} ${tab}`, text.split('\f').filter((p) => p.trim() !== ''));
      sizes.set(`${book} ${tab}`, /Page size:\s+(.*)/.exec(execFileSync('/usr/bin/pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
    });
}, 600000);

describe.each(books)('%s', (book) => {
  it.each([...REPORT_TAB_NAMES])('%s prints one page wide on A4 landscape, header and footer on every page, no ###', (tab) => {
    const list = pages.get(`${book} ${tab}`)!;
    expect(list.length).toBeGreaterThan(0);
    expect(sizes.get(`${book} ${tab}`)).toMatch(/^841\.8\d x 595\.\d+ pts \(A4\)/);
    list.forEach((page, i) => {
      const missing = HEADER_WORDS[tab].filter((w) => !page.includes(w));
      expect([i + 1, missing]).toEqual([i + 1, []]);
      expect(page).toContain(tab);
      expect(page).toContain(`Page ${i + 1} of ${list.length}`);
      expect(page).not.toContain('###');
    });
    const all = list.join('\n');
    for (const title of CHART_TITLES[tab] ?? []) expect(all).toContain(title);
    expect(all).toContain('Report date: 2019-03-31, in period P6 (2018-10-01 to 2019-03-31)');
  });
});

it('the 100-partner By partner puts the reported table on a page of its own', () => {
  const list = pages.get('partners-100 Report By partner')!;
  const start = list.findIndex((p) => p.includes('Reported to date (up to'));
  expect(start).toBeGreaterThan(0);
  expect(list[start].trimStart().split('\n').slice(0, 12).join('\n')).toContain('Reported to date (up to');
});
