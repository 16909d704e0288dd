/**
 * Our tabs are recognised by ownership (plan/ownership.ts), never by name alone: a user's budget sheet renamed
 * `Report Indicators` is checked as the user's (no false P03), `check` says in one line that consolidate will need
 * it renamed, and `consolidate` exits 2. A tab we wrote (listed in the state) is still left out of the check.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { cliInProcess as cli } from '../support/cli-in-process';
import { writeSpecXlsx } from '../../src/apply/xlsx/spec-writer';
import { buildSample } from '../../src/template';
import { isOurSheet, sortSheets } from '../../src/plan/ownership';
import { emptyState } from '../../src/plan/state';

let dir: string;
let renamed: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clx-own-'));
  const book = join(dir, 'sample.xlsx');
  await writeSpecXlsx(buildSample(), book);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(book);
  wb.getWorksheet('Budget Lund')!.name = 'Report Indicators';
  renamed = join(dir, 'renamed.xlsx');
  await wb.xlsx.writeFile(renamed);
});

test('check reads a user sheet with a report tab name as the user\'s, and says consolidate will need it renamed', async () => {
  const r = await cli('check', renamed, '--json');
  const findings = JSON.parse(r.stdout) as { rule: string; sheet: string; cell: string; severity: string }[];
  expect(findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.sheet}!${f.cell}`)).toEqual(['P02 Project!C14', 'P01 Project!D39']);
  expect(r.stderr).toBe("clusterix: The sheet 'Report Indicators' is your own but has the name of a report tab: it is checked as yours, and Consolidate will need it renamed.\n");
  expect(r.code).toBe(1);
});

test('consolidate refuses it: exit 2, one line', async () => {
  const r = await cli('consolidate', renamed);
  expect(r).toEqual({ code: 2, stdout: '', stderr: "clusterix: the workbook has a sheet of its own named 'Report Indicators', the name of a report tab; rename that sheet and run again\n" });
});

test('a consolidated workbook checks as before: our tabs (in the state) are not read as data', async () => {
  const out = join(dir, 'sample.consolidated.xlsx');
  expect((await cli('consolidate', join(dir, 'sample.xlsx'), '-o', out)).code).toBe(1);
  const before = await cli('check', join(dir, 'sample.xlsx'), '--json');
  const after = await cli('check', out, '--json');
  expect(after.stdout).toBe(before.stdout);
  expect(after.stderr).toBe('');
});

test('ownership: the state sheet always; a report name only when the state lists it or our mark claims it', () => {
  const state = { ...emptyState(), tabs: ['Report Summary'] };
  expect(isOurSheet(state, '_clusterix')).toBe(true);
  expect(isOurSheet(state, 'report summary')).toBe(true);
  expect(isOurSheet(state, 'Report Checks')).toBe(false);
  expect(isOurSheet(state, 'Report Checks', true)).toBe(true);
  expect(isOurSheet(state, 'Budget Lund', true)).toBe(false);
  const sheet = (name: string) => ({ name, visibility: 'Visible' as const, top: 0, left: 0, values: [[1]], valueTypes: [['Double' as const]], formulas: [[null]], numberFormats: [['General']] });
  const sorted = sortSheets({ sheets: [sheet('Project'), sheet('Report Summary'), sheet('Report Checks')] }, state);
  expect(sorted.user.sheets.map((s) => s.name)).toEqual(['Project', 'Report Checks']);
  expect(sorted.clashes).toEqual(['Report Checks']);
});
