/**
 * NordLink (the second project, test/support/second-project.ts) through the command line and a real xlsx round
 * trip: findings and figures as worked out by hand, report tabs written, every user cell kept, Clear marks restoring.
 */
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { cliInProcess as cli } from '../support/cli-in-process';
import { writeSnapshot } from '../libreoffice/books';
import { REPORT_TAB_NAMES, STATE_SHEET } from '../../src/plan/types';
import { cellPrints, load } from '../xlsx-apply/read-back';
import { NORDLINK_FIGURES, NORDLINK_FINDINGS, NORDLINK_SHEETS, nordLinkSnapshot } from '../support/second-project';

let dir: string;
let book: string;
const userSheets = nordLinkSnapshot().sheets.map((s) => s.name);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clx-nordlink-'));
  book = join(dir, 'nordlink.xlsx');
  await writeSnapshot(nordLinkSnapshot(), book);
});

test('check: exit 0, the three progress infos, as JSON and as a table', async () => {
  const json = await cli('check', book, '--json');
  expect(json.code).toBe(0);
  expect(JSON.parse(json.stdout)).toEqual(NORDLINK_FINDINGS);
  const table = await cli('check', book);
  expect(table.stdout).toMatch(/0 errors, 0 warnings, 3 infos/);
  expect(table.stderr).toBe('');
});

test('consolidate --json: the figures worked out by hand', async () => {
  const r = await cli('consolidate', book, '-o', join(dir, 'j.xlsx'), '--json');
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout)).toMatchObject(NORDLINK_FIGURES);
});

test('consolidate writes the five tabs with our figures, keeps every user cell, and clear restores the workbook', async () => {
  const out = join(dir, 'out.xlsx');
  const again = join(dir, 'again.xlsx');
  const cleared = join(dir, 'cleared.xlsx');
  expect((await cli('consolidate', book, '-o', out)).code).toBe(0);
  expect((await cli('consolidate', out, '-o', again)).code).toBe(0);
  expect((await cli('check', again, '--json')).stdout).toBe((await cli('check', book, '--json')).stdout);
  expect((await cli('clear', again, '-o', cleared)).code).toBe(0);
  const wb = await load(out);
  expect(wb.worksheets.map((w) => w.name)).toEqual([...userSheets, ...REPORT_TAB_NAMES, STATE_SHEET]);
  const before = cellPrints(await load(book), userSheets);
  // The I02 infos mark three target cells; everything else is untouched, and clear gives back the same cells.
  const after = cellPrints(wb, userSheets);
  for (const [k, v] of Object.entries(before)) expect([k, after[k].value]).toEqual([k, v.value]);
  expect(cellPrints(await load(cleared), userSheets)).toEqual(before);
  expect((await load(cleared)).worksheets.map((w) => w.name)).toEqual(userSheets);
  // Report By partner: each partner's budget total, ERDF, contribution and reported total as cached results (over its
  // two rows: the budget table and the reported table), typed by hand.
  const byPartner = wb.getWorksheet('Report By partner')!;
  const results: Record<string, number[]> = {};
  byPartner.eachRow((row) => {
    const name = row.getCell(2).value;
    if (typeof name !== 'string' || !NORDLINK_FIGURES.partners.some((_, i) => name.includes(['Porto', 'Turku', 'Bergen', 'Thessaloniki'][i]))) return;
    const nums: number[] = [];
    row.eachCell((c) => {
      const v = c.value as { result?: unknown } | number | null;
      const n = typeof v === 'number' ? v : typeof v === 'object' && v !== null && typeof v.result === 'number' ? v.result : null;
      if (n !== null) nums.push(n);
    });
    results[name] = [...(results[name] ?? []), ...nums]; // a row in the budget table and one in the reported table
  });
  expect(Object.keys(results)).toHaveLength(4);
  NORDLINK_FIGURES.partners.forEach((p, i) => {
    const row = Object.entries(results).find(([name]) => name.includes(['Porto', 'Turku', 'Bergen', 'Thessaloniki'][i]))![1];
    expect(row).toEqual(expect.arrayContaining([p.budget.total, p.erdf, p.contribution, p.reported.total]));
  });
  expect(NORDLINK_SHEETS.budgets.every((s) => userSheets.includes(s))).toBe(true);
});
