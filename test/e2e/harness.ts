/**
 * What the two pane suites (pane.test.ts, pane-list.test.ts) share: the production build and the page's office.js
 * (Microsoft's Excel library, excel-web-16.00.js unmodified, then the wire host's entry), and taskpane.html opened
 * on a snapshot with office.js answered by that script and any request off the site refused.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { buildAddin, buildWireOffice } from './build';
import { libraryPath } from '../office-wire/load';
import type { Browser } from './browser';
import type { WorkbookSnapshot } from '../../src/snapshot/types';
import type { FixtureOptions } from './page';

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** Builds the add-in into tmp/site and the wire host into tmp/wire; returns the page's office.js. */
export async function buildPaneSite(tmp: string): Promise<string> {
  await Promise.all([buildAddin(path.join(tmp, 'site')), buildWireOffice(path.join(tmp, 'wire'))]);
  return [fs.readFileSync(libraryPath('excel-web-16.00.js'), 'utf8'), fs.readFileSync(path.join(tmp, 'wire', 'wire-office.js'), 'utf8')].join('\n;\n');
}

/** Opens taskpane.html from `siteUrl` over the wire host for `snapshot`; requests refused and page errors are kept. */
export async function openTaskpane(
  browser: Browser,
  siteUrl: string,
  officeJs: string,
  snapshot: WorkbookSnapshot,
  options: FixtureOptions,
  viewport?: { width: number; height: number },
): Promise<{ page: Page; refused: string[]; errors: string[] }> {
  const page = await browser.context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  const refused: string[] = [];
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS) return route.fulfill({ status: 200, contentType: 'text/javascript', body: officeJs });
    if (url.startsWith(siteUrl)) return route.continue();
    refused.push(url);
    return route.abort();
  });
  await page.addInitScript((fixture) => {
    (window as unknown as { __clusterixFixture: unknown }).__clusterixFixture = fixture;
  }, { snapshot, options });
  await page.goto(`${siteUrl}/taskpane.html`);
  await page.getByRole('heading', { name: 'ClusteriX Reporting' }).waitFor();
  return { page, refused, errors };
}
