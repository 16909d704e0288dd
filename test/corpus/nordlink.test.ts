/**
 * Bad input on the second project (NordLink, test/support/second-project.ts), through real files and the command
 * line: each case is one change and exactly what the user sees, typed by hand.
 */
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { WorkbookSnapshot } from '../../src/snapshot/types';
import { cliInProcess as cli } from '../support/cli-in-process';
import { snapshotToXlsx } from '../property/xlsx';
import { setCell } from '../checks/support/workbook';
import { NORDLINK_FIGURES, NORDLINK_FINDINGS, nordLinkSnapshot } from '../support/second-project';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'clx-nordlink-corpus-'));
});

interface Seen {
  findings: { rule: string; severity: string; sheet: string | null; cell: string | null; message: string }[];
  code: number;
  stderr: string;
}

/** Values, error values and formulas as the snapshot has them, in a real xlsx. */
async function write(book: WorkbookSnapshot, file: string): Promise<void> {
  writeFileSync(file, await snapshotToXlsx(book));
}

let n = 0;
async function checkOf(change: (book: WorkbookSnapshot) => void): Promise<Seen> {
  const book = nordLinkSnapshot();
  change(book);
  const file = join(dir, `case-${++n}.xlsx`);
  await write(book, file);
  const r = await cli('check', file, '--json');
  return { findings: JSON.parse(r.stdout), code: r.code, stderr: r.stderr };
}

/** The findings besides NordLink's own three progress infos. */
const extra = (s: Seen) => s.findings.filter((f) => !NORDLINK_FINDINGS.some((g) => g.rule === f.rule && g.cell === f.cell && g.message === f.message)).map((f) => `${f.rule} ${f.severity} ${f.sheet}!${f.cell}: ${f.message}`);

test('an error value in a budget cell: T01 there, and no sum that would include it', async () => {
  const s = await checkOf((b) => setCell(b, 'PP3 Bergen', 'C5', '#DIV/0!'));
  expect(extra(s)).toEqual(['T01 error PP3 Bergen!C5: Budget Staff costs P2 holds the error #DIV/0!: it cannot be read']);
  expect(s.code).toBe(1);
});

test('an amount typed as text: read, and flagged as a warning', async () => {
  const s = await checkOf((b) => setCell(b, 'PP1 Porto', 'C8', '5 000,00'));
  expect(extra(s).map((x) => x.split(':')[0])).toEqual(['B06 warning PP1 Porto!C8']);
  expect(s.code).toBe(0);
});

test('an achievement typed for "Port", which is no partner: I01, and the EV total drops by that row only', async () => {
  const s = await checkOf((b) => setCell(b, 'Outputs 2019-20', 'A2', 'Port'));
  expect(extra(s)).toEqual(['I01 error Outputs 2019-20!A2: Partner Port is not a partner listed on the Project sheet', 'I02 info Facts!E19: EV Events organised: 5 achieved of 12 (41.7%)']);
});

test("a stray Catering row on Thessaloniki's plan: B02 alone, the figures as before", async () => {
  const book = nordLinkSnapshot();
  for (const [addr, v] of [['A10', 'Catering'], ['B10', 120], ['C10', 80], ['G10', 200]] as const) setCell(book, 'PP4 Thessaloniki', addr, v);
  const file = join(dir, 'catering.xlsx');
  await write(book, file);
  const s = await cli('check', file, '--json');
  expect(extra({ findings: JSON.parse(s.stdout), code: s.code, stderr: s.stderr })).toEqual([
    'B02 error PP4 Thessaloniki!A10: Catering is not a budget line of the programme (staff costs, office and administration, travel and accommodation, external expertise and services, equipment, preparation costs)',
  ]);
  const c = await cli('consolidate', file, '-o', join(dir, 'catering-out.xlsx'), '--json');
  expect(JSON.parse(c.stdout)).toMatchObject(NORDLINK_FIGURES);
});

test('a user sheet named Report Summary: checked as the user\'s with a one-line notice; consolidate exits 2', async () => {
  const s = await checkOf((b) => {
    const own = nordLinkSnapshot().sheets.find((x) => x.name === 'Outputs 2019-20')!;
    b.sheets.push({ ...own, name: 'Report Summary', values: [['my notes']], valueTypes: [['String']], formulas: [[null]], numberFormats: [['General']] });
  });
  expect(extra(s)).toEqual([]);
  expect(s.stderr).toBe("clusterix: The sheet 'Report Summary' is your own but has the name of a report tab: it is checked as yours, and Consolidate will need it renamed.\n");
  const r = await cli('consolidate', join(dir, `case-${n}.xlsx`), '-o', join(dir, 'never.xlsx'));
  expect(r.code).toBe(2);
});
