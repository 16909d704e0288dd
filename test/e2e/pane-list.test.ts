/**
 * The pane at scale in Chromium with Microsoft's Excel library (excel-web-16.00.js, unmodified) over the wire host
 * (test/e2e/wire-office-entry.ts; edits raise worksheets.onChanged as in Excel): 41 findings (test/e2e/forty-one.ts), filters, the header
 * that stays in view, the keyboard through the list, Accept… and its reopening, Copy findings, Cancel, Clear's
 * question, the template's to-do list. Screenshots at 350 px wide go to test-output/e2e/list-*.png.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { buildPaneSite, openTaskpane } from './harness';
import { serve, type Served } from './serve';
import { launchChromium, type Browser } from './browser';
import { writeFortyOne } from './forty-one';
import { readAndCheck } from '../../src/cli/book';
import { writeSpecXlsx } from '../../src/apply/xlsx/spec-writer';
import { buildTemplate } from '../../src/template';
import type { Finding } from '../../src/checks/types';
import type { WorkbookSnapshot } from '../../src/snapshot/types';
import type { FixtureOptions, PageFake } from './page';

const SHOTS = path.resolve(__dirname, '../../test-output/e2e');

let tmp: string;
let site: Served;
let browser: Browser;
let fakeOfficeJs: string;
let book: { snapshot: WorkbookSnapshot; findings: Finding[]; textCells: { sheet: string; cell: string }[] };
let template: { snapshot: WorkbookSnapshot; findings: Finding[] };

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'clusterix-e2e-list-'));
  fs.mkdirSync(SHOTS, { recursive: true });
  const file = path.join(tmp, 'forty-one.xlsx');
  const { textCells } = await writeFortyOne(file);
  const checked = await readAndCheck(file);
  book = { snapshot: checked.snapshot, findings: checked.findings, textCells };
  const t = path.join(tmp, 'template.xlsx');
  await writeSpecXlsx(buildTemplate(), t);
  const tc = await readAndCheck(t);
  template = { snapshot: tc.snapshot, findings: tc.findings };
  fakeOfficeJs = await buildPaneSite(tmp);
  site = await serve(path.join(tmp, 'site'));
  browser = await launchChromium();
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
}, 240000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

async function openPane(snapshot: WorkbookSnapshot, options: FixtureOptions = {}): Promise<{ page: Page; errors: string[] }> {
  return openTaskpane(browser, site.url, fakeOfficeJs, snapshot, options, { width: 350, height: 700 });
}

const FINAL = /^(Consolidated|Checked|Marks cleared|Nothing to clear|Cancelled|Warning accepted|Reporting workbook laid out|This workbook is not|Could not finish)/;
async function settles(page: Page, expected: RegExp): Promise<string> {
  const status = page.getByTestId('status');
  await status.filter({ hasText: FINAL }).waitFor({ timeout: 60000 });
  const words = (await status.textContent()) as string;
  expect(words).toMatch(expected);
  return words;
}
const shot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: path.join(SHOTS, `list-${name}.png`), fullPage });
const count = async (page: Page, kind: string) => Number(await page.getByTestId(`count-${kind}-number`).textContent());
const rows = (page: Page) => page.getByTestId('finding-link');
const focused = (page: Page) => page.evaluate(() => document.activeElement?.querySelector('span')?.textContent ?? document.activeElement?.textContent ?? null);
/** Types values into cells through the host (Excel.run), as the user's edits arrive: events on. */
async function setValues(page: Page, cells: [string, string, string | number][]): Promise<void> {
  await page.evaluate(async (cells) => {
    type Ctx = { workbook: { worksheets: { getItem(n: string): { getRange(a: string): { values: unknown[][] } } } }; sync(): Promise<void> };
    const excel = (window as unknown as { Excel: { run(b: (c: Ctx) => Promise<void>): Promise<void> } }).Excel;
    for (const [sheet, cell, value] of cells)
      await excel.run(async (context) => {
        context.workbook.worksheets.getItem(sheet).getRange(cell).values = [[value]];
        await context.sync();
      });
  }, cells);
}
const looks = (page: Page) => page.evaluate(() => (window as unknown as { __fake: PageFake }).__fake.looks());

describe('41 findings in a 350 px pane', () => {
  test('the fixture has 41 findings: 2 data errors, 4 to fill in, 28 warnings, 7 infos', () => {
    expect(book.findings).toHaveLength(41);
    expect(book.findings.filter((f) => f.severity === 'warning')).toHaveLength(28);
    expect(book.findings.filter((f) => f.rule === 'B06' && f.severity === 'warning')).toHaveLength(book.textCells.length);
    expect(book.findings.filter((f) => f.toFill).map((f) => f.cell)).toEqual(['H29', 'H30', 'H32', 'H33']);
  });

  test('counts, tiles as filters, partner and sheet filters; the buttons and counts stay in view at the end of the list', async () => {
    const { page, errors } = await openPane(book.snapshot);
    await shot(page, '01-ready');
    await page.getByRole('button', { name: 'Check' }).click();
    await settles(page, /^Checked: 2 errors, 4 to fill in, 28 warnings, 7 info; \d+ cells marked\.$/);
    expect({ error: await count(page, 'error'), toFill: await count(page, 'toFill'), warning: await count(page, 'warning'), info: await count(page, 'info') }).toEqual({ error: 2, toFill: 4, warning: 28, info: 7 });
    expect(await rows(page).count()).toBe(41);
    expect(await page.getByText(/\bnotes?\b/).count()).toBe(0);
    await shot(page, '02-checked');

    // Scrolled to the end: the buttons and the counts are still on screen.
    await page.mouse.wheel(0, 20000);
    await page.waitForFunction(() => window.scrollY > 1000);
    for (const name of ['Consolidate', 'Check', 'Clear marks']) {
      const box = await page.getByRole('button', { name, exact: true }).boundingBox();
      expect(box && box.y >= 0 && box.y + box.height <= 700).toBe(true);
    }
    const tile = await page.getByTestId('count-warning').boundingBox();
    expect(tile && tile.y >= 0 && tile.y < 700).toBe(true);
    await shot(page, '03-scrolled-to-end');

    // The warnings tile shows only warnings; pressed again, all.
    await page.getByTestId('count-warning').click();
    expect(await page.getByTestId('count-warning').getAttribute('aria-pressed')).toBe('true');
    expect(await rows(page).count()).toBe(28);
    expect(await page.getByTestId('shown').textContent()).toBe('Showing 28 of 41');
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, '04-warnings-only');
    // And one partner: INMA's amounts typed as text.
    const inma = book.textCells.filter((c) => c.sheet === 'Budget INMA').length;
    expect(inma).toBe(4);
    await page.getByRole('combobox', { name: 'Partner' }).selectOption({ label: 'Partner 4 INMA' });
    expect(await rows(page).count()).toBe(inma);
    await shot(page, '05-warnings-of-inma');
    await page.getByTestId('count-warning').click();
    // INMA, every kind: its warnings and its blank approved budget on the Project sheet (to fill in).
    expect(await rows(page).count()).toBe(inma + 1);
    await page.getByRole('combobox', { name: 'Partner' }).selectOption({ label: 'All partners' });
    await page.getByRole('combobox', { name: 'Sheet' }).selectOption({ label: 'Project' });
    expect(await rows(page).count()).toBe(book.findings.filter((f) => f.sheet === 'Project').length);
    await page.getByRole('button', { name: 'Show all' }).click();
    expect(await rows(page).count()).toBe(41);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('by keyboard: one Tab stop for the list, arrows inside it, End reaches the 41st finding, Enter goes to its cell', async () => {
    const { page } = await openPane(book.snapshot);
    await page.getByRole('button', { name: 'Check' }).click();
    await settles(page, /^Checked/);
    await page.getByRole('button', { name: 'Check' }).focus();
    // Check → Clear marks → Undo? → tiles → Partner → Sheet → Copy findings → the list.
    let presses = 0;
    while (presses < 12 && (await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))) !== 'finding-link') {
      await page.keyboard.press('Tab');
      presses++;
    }
    expect(presses).toBe(7);
    const order = [...(await rows(page).evaluateAll((els) => els.map((e) => e.querySelector('span')?.textContent ?? '')))];
    expect(await focused(page)).toBe(order[0]);
    await page.keyboard.press('End');
    expect(await focused(page)).toBe(order[40]);
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toBe(order[2]);
    // Tab leaves the list (one stop); Shift+Tab comes back to the same finding.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).not.toBe('finding-link');
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe(order[2]);
    const third = book.findings.find((f) => f.message === order[2])!;
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (window as unknown as { __fake: PageFake }).__fake.selection() !== null);
    const sel = await page.evaluate(() => (window as unknown as { __fake: PageFake }).__fake.selection());
    expect(sel).toEqual({ sheet: third.sheet, cell: (third.cell as string).split(':')[0] });
    // Right arrow: what the check is; an error says it cannot be accepted.
    await page.keyboard.press('ArrowRight');
    await page.getByText('What it checks').first().waitFor();
    expect(await page.getByText('An error cannot be accepted').count()).toBe(third.severity === 'error' ? 1 : 0);
    await shot(page, '06-keyboard-more');
    await page.close();
  });

  test('Accept… a warning: reason and name required; accepted on the mark; opens again when its cell changes through the host', async () => {
    const { page } = await openPane(book.snapshot);
    await page.getByRole('button', { name: 'Check' }).click();
    await settles(page, /^Checked/);
    const target = book.findings.find((f) => f.rule === 'B06' && f.sheet === 'Budget INMA' && f.cell === 'B15')!;
    const row = page.locator('li', { hasText: target.message }).filter({ hasText: 'Budget INMA!B15' });
    await row.getByTitle('More about this finding').click();
    await row.getByRole('button', { name: 'Accept warning' }).click();
    await row.getByText('A reason is required.').waitFor();
    await shot(page, '07-accept-form');
    await row.getByRole('textbox', { name: /Why is it acceptable/ }).fill('Typed by the partner in its own locale; amount agreed');
    await row.getByRole('textbox', { name: /Your name or initials/ }).fill('JD');
    await row.getByRole('button', { name: 'Accept warning' }).click();
    await settles(page, /^Warning accepted\. Checked: 2 errors, 4 to fill in, 27 warnings, 7 info, 1 accepted\.$/);
    expect(await count(page, 'accepted')).toBe(1);
    await page.getByRole('heading', { name: 'Accepted warnings (1)' }).waitFor();
    expect(await page.getByText(/^Accepted: Typed by the partner in its own locale; amount agreed \(JD, \d{4}-\d{2}-\d{2}\)$/).count()).toBe(1);
    const marked = await looks(page);
    // ExcelApi 1.15 (the npm library's last): the mark is a comment (notes are ExcelApi 1.18).
    expect(marked['Budget INMA'].B15.comment).toMatch(/^Warning \(B06\): .*\. Accepted: Typed by the partner in its own locale; amount agreed \(JD, \d{4}-\d{2}-\d{2}\)\.$/);
    await page.getByRole('heading', { name: 'Accepted warnings (1)' }).scrollIntoViewIfNeeded();
    await shot(page, '08-accepted');

    // The user types the amount anew (same sum, another text): the acceptance no longer holds.
    await page.evaluate(async () => {
      const excel = (window as unknown as { Excel: { run(b: (c: { workbook: { worksheets: { getItem(n: string): { getRange(a: string): { values: unknown[][] } } } }; sync(): Promise<void> }) => Promise<void>): Promise<void> } }).Excel;
      await excel.run(async (context) => {
        context.workbook.worksheets.getItem('Budget INMA').getRange('B15').values = [['8708,34']];
        await context.sync();
      });
    });
    await page.getByRole('button', { name: 'Check' }).click();
    await settles(page, /^Checked: 2 errors, 4 to fill in, 28 warnings, 7 info; /);
    expect(await page.getByTestId('count-accepted').count()).toBe(0);
    await page.close();
  });

  test('a sheet of the user named like a report tab: Check says so in one line above the findings', async () => {
    const own = { name: 'Report Summary', visibility: 'Visible' as const, top: 0, left: 0, values: [['my own summary']], valueTypes: [['String' as const]], formulas: [[null]], numberFormats: [['General']] };
    const { page, errors } = await openPane({ sheets: [...book.snapshot.sheets, own] });
    await page.getByRole('button', { name: 'Check' }).click();
    await settles(page, /^Checked/);
    expect(await page.getByTestId('notices').textContent()).toBe("The sheet 'Report Summary' is your own but has the name of a report tab: it is checked as yours, and Consolidate will need it renamed.");
    await page.waitForFunction(() => !document.querySelector('button[aria-disabled="true"]'));
    await shot(page, '17-name-clash');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('live re-check: an edit through the host updates the counts without a click; edits on our own sheets do not', async () => {
    const { page, errors } = await openPane(book.snapshot);
    await page.getByRole('button', { name: 'Consolidate' }).click();
    await settles(page, /^Consolidated/);
    const status = await page.getByTestId('status').textContent();
    // Our tab and our state sheet: not the user's data, no re-check.
    await setValues(page, [['Report Summary', 'A40', 'typed on our tab'], ['_clusterix', 'B1', 'x']]);
    await page.waitForTimeout(1200);
    expect(await page.getByTestId('live').count()).toBe(0);
    // The user fixes Region Skåne's country and one amount typed as text, and types another amount as text.
    await setValues(page, [['Project', 'D39', 'SE'], ['Budget INMA', 'B15', 8708.34], ['Budget Lund', 'D15', '10 159,71']]);
    await page.getByTestId('live').filter({ hasText: 'Since the last run: 2 fixed, 1 new.' }).waitFor({ timeout: 10000 });
    expect(await page.getByTestId('live').textContent()).toContain('Marks and report tabs are out of date until you run Check or Consolidate.');
    expect({ error: await count(page, 'error'), warning: await count(page, 'warning') }).toEqual({ error: 1, warning: 28 });
    expect(await page.getByTestId('status').textContent()).toBe(status); // nothing was run, nothing written
    expect(await page.getByText('Country of partner 11 (Region Skåne) is SK').count()).toBe(0);
    await shot(page, '15-live-recheck');
    // Check makes it the new run: the banner goes.
    await page.getByRole('button', { name: 'Check' }).click();
    await settles(page, /^Checked: 1 error, 4 to fill in, 28 warnings, 7 info; /);
    expect(await page.getByTestId('live').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('Copy findings puts an HTML table and plain text on the clipboard, for the findings shown', async () => {
    const { page } = await openPane(book.snapshot);
    await page.getByRole('button', { name: 'Check' }).click();
    await settles(page, /^Checked/);
    await page.getByTestId('count-error').click();
    await page.getByRole('button', { name: 'Copy findings' }).click();
    await page.getByTestId('notice').filter({ hasText: 'Copied 2 findings as a table' }).waitFor();
    const clip = await page.evaluate(async () => {
      const items = await navigator.clipboard.read();
      const text = async (type: string) => (items[0].types.includes(type) ? (await items[0].getType(type)).text() : null);
      return { html: await text('text/html'), plain: await text('text/plain') };
    });
    expect(clip.html).toMatch(/<table[^>]*>.*<th[^>]*>Status<\/th>/s);
    expect(clip.html!.match(/<tr>/g)).toHaveLength(3); // header and the two errors shown
    const lines = clip.plain!.trimEnd().split('\n');
    expect(lines[2]).toBe('Status\tWhere\tPartner\tFinding\tRule');
    expect(lines.slice(3).map((l) => l.split('\t').slice(0, 2).join(' '))).toEqual(['error Project!C14', 'error Project!D39']);
    await shot(page, '09-copied');
    await page.close();
  });

  test('Cancel during a run writes nothing; Clear marks asks first, and a second Clear says there was nothing to clear', async () => {
    const { page } = await openPane(book.snapshot, { syncDelayMs: 500 });
    const before = await looks(page);
    await page.getByRole('button', { name: 'Consolidate' }).click();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await shot(page, '10-cancelling');
    await settles(page, /^Cancelled: nothing was written\.$/);
    expect(await looks(page)).toEqual(before);

    expect(await page.getByTestId('undo-note').count()).toBe(1); // nothing written yet: the note is there
    await page.getByRole('button', { name: 'Check' }).click();
    await settles(page, /^Checked/);
    // After the first write the note steps aside, and comes back on request.
    expect(await page.getByTestId('undo-note').count()).toBe(0);
    await page.getByRole('button', { name: 'Undo?' }).click();
    expect(await page.getByTestId('undo-note').textContent()).toMatch(/^Ctrl\+Z cannot undo the marks and report tabs that Check and Consolidate add\. Clear marks takes them away/);
    await shot(page, '16-undo-on-request');
    await page.getByRole('button', { name: 'Undo?' }).click();
    expect(await page.getByTestId('undo-note').count()).toBe(0);
    await page.getByRole('button', { name: 'Clear marks' }).click();
    await page.getByRole('alertdialog').waitFor();
    expect(await page.getByRole('button', { name: 'Remove marks and tabs' }).evaluate((el) => el === document.activeElement)).toBe(true);
    await shot(page, '11-clear-asks');
    await page.getByRole('button', { name: 'Keep them' }).click();
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    await page.getByRole('button', { name: 'Clear marks' }).click();
    await page.getByRole('button', { name: 'Remove marks and tabs' }).click();
    await settles(page, /^Marks cleared/);
    expect(await looks(page)).toEqual(before);
    await page.getByRole('button', { name: 'Clear marks' }).click();
    await page.getByRole('button', { name: 'Remove marks and tabs' }).click();
    await settles(page, /^Nothing to clear: this workbook has no marks or report tabs\.$/);
    await shot(page, '12-nothing-to-clear');
    await page.close();
  });

  test('a new template reads as a to-do list; the dark theme keeps the cues readable', async () => {
    const { page } = await openPane(template.snapshot, { bodyBackgroundColor: '#262626' });
    await page.getByRole('button', { name: 'Check' }).click();
    await settles(page, /^Checked: 2 errors, 11 to fill in, 0 warnings, 7 info; /);
    await page.getByRole('heading', { name: 'Still to fill in (11)' }).waitFor();
    const headings = await page.getByRole('heading', { level: 2 }).allTextContents();
    expect(headings).toEqual(['Errors (2)', 'Still to fill in (11)', 'Info (7)']);
    await shot(page, '13-template-dark');
    await shot(page, '14-template-dark-full', true);
    await page.close();
  });
});
