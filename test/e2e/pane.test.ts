/**
 * The task pane in a real browser: the production build served over http, Debian's Chromium, and office.js
 * answered with Microsoft's Excel library (excel-web-16.00.js, unmodified), a stand-in for the office.js loader
 * (Office.onReady, Office.actions, Office.context) and the wire host holding the sample workbook as the command
 * line reads it. The host claims ExcelApi 1.15 (the npm library's last): marks carry comments.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import type { Page } from 'playwright-core';
import { buildPaneSite, openTaskpane } from './harness';
import { serve, type Served } from './serve';
import { launchChromium, type Browser } from './browser';
import { writeSpecXlsx } from '../../src/apply/xlsx/spec-writer';
import { buildSample } from '../../src/template';
import { readAndCheck } from '../../src/cli/book';
import { consolidateWorkbook } from '../../src/engine';
import { MARK_FILL, REPORT_TAB_NAMES } from '../../src/plan/types';
import type { Finding } from '../../src/checks/types';
import type { WorkbookSnapshot } from '../../src/snapshot/types';
import type { FixtureOptions, PageFake } from './page';
import { NORDLINK_FINDINGS, nordLinkSnapshot } from '../support/second-project';

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const SHOTS = path.resolve(__dirname, '../../test-output/e2e');

let tmp: string;
let site: Served;
let browser: Browser;
let fakeOfficeJs: string;
let sample: { snapshot: WorkbookSnapshot; findings: Finding[] };

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'clusterix-e2e-'));
  fs.mkdirSync(SHOTS, { recursive: true });
  // The fixture as the CLI sees it: the sample written to .xlsx, read back by the xlsx reader, checked.
  const book = path.join(tmp, 'sample.xlsx');
  await writeSpecXlsx(buildSample(), book);
  const checked = await readAndCheck(book);
  sample = { snapshot: checked.snapshot, findings: checked.findings };
  fakeOfficeJs = await buildPaneSite(tmp);
  site = await serve(path.join(tmp, 'site'));
  browser = await launchChromium();
}, 240000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** Opens taskpane.html with Excel's library over the wire host for `snapshot`; any request off 127.0.0.1 but office.js is refused and kept. */
async function openPane(snapshot: WorkbookSnapshot, options: FixtureOptions = {}): Promise<{ page: Page; refused: string[]; errors: string[] }> {
  return openTaskpane(browser, site.url, fakeOfficeJs, snapshot, options);
}

const fake = (page: Page) => ({
  selection: () => page.evaluate(() => (window as unknown as { __fake: PageFake }).__fake.selection()),
  sheetNames: () => page.evaluate(() => (window as unknown as { __fake: PageFake }).__fake.sheetNames()),
  looks: () => page.evaluate(() => (window as unknown as { __fake: PageFake }).__fake.looks()),
});

/** Any sentence the status ends a run with (summarize.ts). */
const FINAL = /^(Consolidated|Checked|Marks cleared|Reporting workbook laid out|This workbook is not|Could not finish)/;

/** Waits until the run has ended, then insists the status says `expected` (so another ending shows its words). */
async function settles(page: Page, expected: RegExp): Promise<void> {
  const status = page.getByTestId('status');
  await status.filter({ hasText: FINAL }).waitFor({ timeout: 60000 });
  expect(await status.textContent()).toMatch(expected);
}

function countsOf(findings: Finding[]) {
  return {
    error: findings.filter((f) => f.severity === 'error').length,
    warning: findings.filter((f) => f.severity === 'warning').length,
    info: findings.filter((f) => f.severity === 'info').length,
  };
}

async function paneCounts(page: Page) {
  const n = async (s: string) => Number(await page.getByTestId(`count-${s}-number`).textContent());
  return { error: await n('error'), warning: await n('warning'), info: await n('info') };
}

/** 'C12', "'Budget WP'!J12" or 'Project!C12:C13' → the sheet-less first cell, upper case. */
const firstCell = (address: string) => address.replace(/^.*!/, '').replace(/\$/g, '').split(':')[0].toUpperCase();

describe('the production build', () => {
  test('taskpane.html loads office.js from Microsoft’s CDN and our scripts, under 180 kB gzipped in all', () => {
    const dir = path.join(tmp, 'site');
    const html = fs.readFileSync(path.join(dir, 'taskpane.html'), 'utf8');
    const scripts = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)/g)].map((m) => m[1]);
    expect(scripts[0]).toBe(OFFICE_JS);
    const ours = scripts.slice(1);
    expect(ours.some((s) => s.startsWith('taskpane.'))).toBe(true);
    expect(ours.some((s) => s.startsWith('commands.'))).toBe(true);
    const sizes = Object.fromEntries(ours.map((s) => {
      const bytes = fs.readFileSync(path.join(dir, s));
      return [s, { bytes: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length }];
    }));
    const total = Object.values(sizes).reduce((t, s) => ({ bytes: t.bytes + s.bytes, gzip: t.gzip + s.gzip }), { bytes: 0, gzip: 0 });
    fs.writeFileSync(path.join(SHOTS, 'bundle-size.json'), JSON.stringify({ total, sizes }, null, 2));
    expect(total.gzip).toBeLessThan(180_000);
    // office.js is Microsoft's: never in our bundle.
    for (const s of ours) expect(fs.readFileSync(path.join(dir, s), 'utf8')).not.toContain('OSF.DDA');
  });
});

describe('task pane in Chromium on Microsoft’s Excel library over the wire host', () => {
  test('Consolidate shows the command line’s counts, marks the cells, and Clear marks puts every look back', async () => {
    const { page, refused, errors } = await openPane(sample.snapshot);
    expect(await page.getByRole('note').textContent()).toContain('Ctrl+Z cannot undo the marks and report tabs that Check and Consolidate add');
    await page.screenshot({ path: path.join(SHOTS, '01-ready.png'), fullPage: true });
    const before = await fake(page).looks();

    await page.getByRole('button', { name: 'Consolidate' }).click();
    await settles(page, /^Consolidated/);
    const expected = countsOf(sample.findings);
    expect(expected.error).toBe(2); // the sample's own two (P01 Skåne, P02 Phase 2's end)
    expect(await paneCounts(page)).toEqual(expected);
    expect(await page.getByTestId('finding-link').count()).toBe(sample.findings.filter((f) => f.sheet !== null).length);
    await page.screenshot({ path: path.join(SHOTS, '02-consolidated.png'), fullPage: true });

    // The marks in the workbook are the plan's, at the severity's fill, with a comment; the report tabs are there.
    const plan = consolidateWorkbook(sample.snapshot, { now: new Date() }).plan;
    const marked = await fake(page).looks();
    expect(plan.marks.length).toBeGreaterThan(0);
    for (const mark of plan.marks) {
      expect({ at: `${mark.sheet}!${mark.cell}`, fill: marked[mark.sheet][mark.cell]?.fill }).toEqual({ at: `${mark.sheet}!${mark.cell}`, fill: MARK_FILL[mark.severity] });
      expect(marked[mark.sheet][mark.cell]?.comment ?? '').toMatch(new RegExp(`^(Error|Warning|Info) \\(${mark.rules[0]}\\): .+ How to fix: `));
    }
    expect(await fake(page).sheetNames()).toEqual(expect.arrayContaining([...REPORT_TAB_NAMES]));

    await page.getByRole('button', { name: 'Clear marks' }).click();
    await page.getByRole('button', { name: 'Remove marks and tabs' }).click(); // Clear marks asks first
    await settles(page, /^Marks cleared/);
    expect(await fake(page).looks()).toEqual(before);
    const names = await fake(page).sheetNames();
    for (const tab of REPORT_TAB_NAMES) expect(names).not.toContain(tab);
    await page.screenshot({ path: path.join(SHOTS, '04-cleared.png'), fullPage: true });
    expect(errors).toEqual([]);
    expect(refused).toEqual([]);
    await page.close();
  });

  test('the second project (NordLink): Consolidate shows its hand-worked counts and writes the five tabs', async () => {
    const { page, errors, refused } = await openPane(nordLinkSnapshot());
    await page.getByRole('button', { name: 'Consolidate' }).click();
    await settles(page, /^Consolidated/);
    // Typed by hand (test/support/second-project.ts): nothing wrong, progress against its three targets.
    expect(await paneCounts(page)).toEqual({ error: 0, warning: 0, info: NORDLINK_FINDINGS.length });
    expect(await fake(page).sheetNames()).toEqual(expect.arrayContaining([...REPORT_TAB_NAMES]));
    expect(errors).toEqual([]);
    expect(refused).toEqual([]);
    await page.close();
  });

  test('a finding’s link selects its cell on its sheet; its rule’s explanation opens beside it', async () => {
    const { page } = await openPane(sample.snapshot);
    await page.getByRole('button', { name: 'Check' }).click();
    await settles(page, /^Checked/);
    for (const finding of sample.findings.filter((f) => f.severity === 'error' && f.sheet && f.cell)) {
      await page.getByRole('button', { name: finding.message }).click();
      // Wait for this finding's cell (two errors can be on one sheet; the live re-check's registration also talks to Excel).
      const want = { sheet: finding.sheet, cell: firstCell(finding.cell as string) };
      await page.waitForFunction((w) => {
        const s = (window as unknown as { __fake: PageFake }).__fake.selection();
        return s?.sheet === w.sheet && s.cell === w.cell;
      }, want);
      expect(await fake(page).selection()).toEqual({ sheet: finding.sheet, cell: firstCell(finding.cell as string) });
    }
    const p01 = page.locator('li', { hasText: 'P01' }).first();
    await p01.getByTitle('More about this finding').click();
    expect(await p01.getByText('What it checks').isVisible()).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, '03-finding-explained.png'), fullPage: true });
    await page.close();
  });

  test('by keyboard alone: Consolidate shows its progress, then a finding’s link takes Enter', async () => {
    const { page } = await openPane(sample.snapshot, { syncDelayMs: 400 });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Consolidate');
    await page.keyboard.press('Enter');
    const bar = page.getByRole('progressbar');
    await bar.waitFor();
    const step = await page.getByTestId('status').textContent();
    expect(await bar.getAttribute('aria-label')).toBe(step);
    expect(await page.getByRole('button', { name: 'Check' }).isDisabled()).toBe(true); // one task at a time
    await page.screenshot({ path: path.join(SHOTS, '07-progress.png'), fullPage: true });
    await settles(page, /^Consolidated/);
    // Focus stayed on Consolidate; Tab goes Check, Clear marks, Undo?, the count tiles (one stop), the partner and
    // sheet filters, Copy findings, then the list (one stop: its first finding).
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Consolidate');
    const first = sample.findings[0];
    for (let i = 0; i < 8; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.querySelector('span')?.textContent)).toBe(first.message);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (window as unknown as { __fake: PageFake }).__fake.selection() !== null);
    expect(await fake(page).selection()).toEqual({ sheet: first.sheet, cell: firstCell(first.cell as string) });
    await page.close();
  });

  test('refusals reach the pane in words, not a stack trace, and the pane is ready to try again', async () => {
    const ending = async (page: Page, shot: string) => {
      await page.getByRole('button', { name: 'Consolidate' }).click();
      await settles(page, /^Could not finish: /);
      const words = (await page.getByTestId('status').textContent()) as string;
      expect(words).not.toMatch(/\bat \S+:\d+|TypeError|undefined/);
      expect(await page.getByRole('button', { name: 'Consolidate' }).isEnabled()).toBe(true);
      await page.screenshot({ path: path.join(SHOTS, shot), fullPage: true });
      await page.close();
      return words;
    };
    // A user's own sheet with one of our tabs' names is never overwritten: the pane says so.
    const clash: WorkbookSnapshot = {
      sheets: [...sample.snapshot.sheets, { name: 'Report Summary', visibility: 'Visible', top: 0, left: 0, values: [['My own summary']], valueTypes: [['String']], formulas: [[null]], numberFormats: [['General']] }],
    };
    expect(await ending((await openPane(clash)).page, '08-refused-name.png')).toMatch(/Report Summary/);
    // Excel on the web refuses a request over its payload limit.
    expect(await ending((await openPane(sample.snapshot, { payloadLimitBytes: 3000 })).page, '09-refused-size.png')).toMatch(/too large/);
  });

  test('the ribbon’s Consolidate completes its event after the work, and the pane shows its outcome', async () => {
    const { page } = await openPane(sample.snapshot);
    const run = await page.evaluate(() => (window as unknown as { __fake: PageFake }).__fake.runRibbon('consolidate'));
    // Completed only after the work: the shared store already held the outcome, and the pane shows it.
    expect(run.atCompletion).toEqual({ working: false, lastTask: 'consolidate', lastKind: 'done' });
    expect(await page.getByTestId('status').textContent()).toMatch(/^Consolidated/);
    expect(await paneCounts(page)).toEqual(countsOf(sample.findings));
    expect(await fake(page).sheetNames()).toEqual(expect.arrayContaining([...REPORT_TAB_NAMES]));
    await page.close();
  });

  test('a workbook without a Project sheet: the pane says what it looked for and lays out a new one', async () => {
    const other: WorkbookSnapshot = {
      sheets: [{ name: 'Sheet1', visibility: 'Visible', top: 0, left: 0, values: [['Shopping list']], valueTypes: [['String']], formulas: [[null]], numberFormats: [['General']] }],
    };
    const { page } = await openPane(other, { bodyBackgroundColor: '#262626' });
    await page.getByRole('button', { name: 'Check' }).click();
    await settles(page, /^This workbook is not a reporting workbook/);
    await page.getByRole('heading', { name: 'Not a reporting workbook yet' }).waitFor();
    expect(await page.getByText('Looked for:').textContent()).toMatch(/Project acronym/);
    // Excel's dark theme: the pane follows it.
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(darkness(background)).toBeLessThan(0.3);
    await page.screenshot({ path: path.join(SHOTS, '05-not-reporting-dark.png'), fullPage: true });

    await page.getByRole('button', { name: 'New reporting workbook' }).click();
    await settles(page, /^Reporting workbook laid out/);
    const names = await fake(page).sheetNames();
    expect(names[0]).toBe('Sheet1'); // the user's sheet stays, untouched
    expect(names.length).toBeGreaterThan(10); // Project, 11 budget sheets, Indicators
    expect((await fake(page).looks()).Sheet1).toEqual({ A1: { value: 'Shopping list', formula: null, fill: null, note: null, comment: null } });
    await page.screenshot({ path: path.join(SHOTS, '06-new-workbook-dark.png'), fullPage: true });
    await page.close();
  });
});

/** 0 black … 1 white, from a CSS rgb() colour. */
function darkness(css: string): number {
  const [r, g, b] = (css.match(/\d+/g) ?? ['255', '255', '255']).map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}
