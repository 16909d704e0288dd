/**
 * New partner workbooks… in a real browser: the production build (the pane's chunk with the package reader and
 * writer on fflate loaded on the click), office.js answered by Microsoft's Excel library, the wire host and a
 * stand-in for getFileAsync handing over the sample's file in 8 kB slices. Each link downloads the file the
 * command line writes for that partner (the same parts; fflate deflates them, not zlib), Download all a zip of
 * them; the links' object URLs are revoked when the list closes. A host without the File API names the command.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { buildPaneSite, openTaskpane } from './harness';
import { serve, type Served } from './serve';
import { launchChromium, type Browser } from './browser';
import { cliInProcess } from '../support/cli-in-process';
import { readPackage } from '../../src/snapshot/package-reader';
import type { FixtureOptions } from './page';

const SHOTS = path.resolve(__dirname, '../../test-output/e2e');
const URL_OF_BOOK = 'https://contoso.sharepoint.com/sites/lead/Shared%20Documents/sample.xlsx?web=1';

let tmp: string;
let site: Served;
let browser: Browser;
let officeJs: string;
const at = (f: string) => path.join(tmp, f);

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'clusterix-e2e-partners-'));
  fs.mkdirSync(SHOTS, { recursive: true });
  expect((await cliInProcess('sample', at('sample.xlsx'))).code).toBe(0);
  expect((await cliInProcess('partner-workbook', at('sample.xlsx'), '--all', '-o', at('cli'))).code).toBe(0);
  officeJs = await buildPaneSite(tmp);
  site = await serve(path.join(tmp, 'site'));
  browser = await launchChromium();
}, 240000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

async function openPane(options: FixtureOptions): Promise<{ page: Page; refused: string[]; errors: string[] }> {
  const snapshot = readPackage(fs.readFileSync(at('sample.xlsx')), 'sample.xlsx').snapshot;
  return openTaskpane(browser, site.url, officeJs, snapshot, options, { width: 350, height: 900 });
}

/** Every part of a package, inflated, in its order. */
const partsOf = (bytes: Uint8Array) => Object.entries(unzipSync(bytes)).map(([name, b]) => [name, Buffer.from(b).toString('base64')]);

test('each link downloads the command line’s file for its partner, Download all a zip of them; Close revokes the links', async () => {
  const { page, refused, errors } = await openPane({ documentFile: { base64: fs.readFileSync(at('sample.xlsx')).toString('base64'), url: URL_OF_BOOK, sliceSize: 8192 } });
  const scripts: string[] = [];
  page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url().replace(/^.*\//, '')));
  // A check first: its findings stay in view under the list, its status comes back when the list closes.
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  const status = page.getByTestId('status');
  await status.filter({ hasText: /^Checked: / }).waitFor({ timeout: 60000 });
  const checkedStatus = await status.textContent();
  const findingsBefore = await page.getByRole('region', { name: 'Findings' }).textContent();
  expect(findingsBefore).toMatch(/P02/);
  await page.getByRole('button', { name: 'New partner workbooks…' }).click();
  const list = page.getByRole('list', { name: 'Partner workbooks to download' });
  await list.waitFor({ timeout: 60000 });
  expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-labelledby'))).toBe('partner-books-heading'); // the list takes focus
  expect(await page.getByTestId('status').textContent()).toBe('11 partner workbooks made from this workbook: download them below.');
  expect(await page.getByRole('region', { name: 'Findings' }).textContent()).toBe(findingsBefore);
  // The partner workbooks' code came on the click, as its own chunk.
  expect(scripts.some((s) => s.startsWith('partner-workbooks.'))).toBe(true);

  const cliFiles = fs.readdirSync(at('cli')).sort((a, b) => Number(/(\d+)\.xlsx$/.exec(a)![1]) - Number(/(\d+)\.xlsx$/.exec(b)![1]));
  const links = list.getByRole('link');
  expect(await links.allTextContents()).toEqual(cliFiles);
  // Every link's bytes (fetched as the browser holds them), and three of them downloaded by a click (here, headless
  // Chromium let the eleventh of eleven quick clicks in a row go without a download; Download all is one file).
  const hrefs = await list.locator('a[download]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  for (let i = 0; i < cliFiles.length; i++) {
    const b64 = await page.evaluate((u) => fetch(u).then((r) => r.arrayBuffer()).then((b) => btoa(String.fromCharCode(...new Uint8Array(b)))), hrefs[i]);
    expect(partsOf(Buffer.from(b64, 'base64'))).toEqual(partsOf(fs.readFileSync(at(`cli/${cliFiles[i]}`))));
  }
  for (const i of [0, 3, 10]) {
    const [download] = await Promise.all([page.waitForEvent('download'), links.nth(i).click()]);
    expect(download.suggestedFilename()).toBe(cliFiles[i]);
    expect(partsOf(fs.readFileSync((await download.path())!))).toEqual(partsOf(fs.readFileSync(at(`cli/${cliFiles[i]}`))));
  }
  const [all] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download all (sample partner workbooks.zip)' }).click()]);
  expect(all.suggestedFilename()).toBe('sample partner workbooks.zip');
  const zipped = unzipSync(fs.readFileSync((await all.path())!));
  expect(Object.keys(zipped).sort()).toEqual([...cliFiles].sort());
  for (const f of cliFiles) expect(partsOf(zipped[f])).toEqual(partsOf(fs.readFileSync(at(`cli/${f}`))));

  await page.getByRole('heading', { name: 'Partner workbooks' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, 'partner-workbooks-350.png') });

  // Close: the list goes and its object URLs with it.
  hrefs.push(await page.getByRole('link', { name: 'Download all (sample partner workbooks.zip)' }).evaluate((a) => (a as HTMLAnchorElement).href));
  expect(hrefs).toHaveLength(12);
  expect(await page.evaluate((u) => fetch(u).then((r) => r.ok), hrefs[0])).toBe(true);
  await page.getByRole('button', { name: 'Close' }).click();
  await list.waitFor({ state: 'detached' });
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('New partner workbooks…'); // focus back on the button
  expect(await status.textContent()).toBe(checkedStatus);
  for (const u of hrefs) expect(await page.evaluate((x) => fetch(x).then(() => 'fetched', () => 'revoked'), u)).toBe('revoked');
  expect(errors).toEqual([]);
  expect(refused).toEqual([]);
  await page.close();
});

test('without the File API, the status names the command line and no list shows', async () => {
  const { page, errors } = await openPane({});
  await page.getByRole('button', { name: 'New partner workbooks…' }).click();
  const status = page.getByTestId('status');
  await status.filter({ hasText: /^Could not finish/ }).waitFor({ timeout: 60000 });
  expect(await status.textContent()).toBe('Could not finish: This Excel cannot hand the add-in the workbook’s file (Office’s CompressedFile API). Make the partner workbooks with the command line instead: clusterix partner-workbook BOOK.xlsx --all -o DIR');
  expect(await page.locator('a[download]').count()).toBe(0);
  expect(errors).toEqual([]);
  await page.close();
});
