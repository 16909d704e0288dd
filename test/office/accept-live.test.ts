/**
 * Accepting a warning and re-checking while the user types, through the Office.js adapter on Microsoft's Excel
 * library over the wire host (edits raise worksheets.onChanged as Excel does):
 * an acceptance made in Excel is honoured by `clusterix check` on the saved file and the reverse; an error is
 * refused; an edit re-checks reading only the edited sheet, and edits on our own sheets are not reported.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { installWireOffice, type WireOffice } from '../office-wire/install';
import { workbookFromXlsx, xlsxFromWorkbook } from '../fake-excel/xlsx';
import { createOfficeActions } from '../../src/apply/office';
import { CLUSTERIX2 } from '../../src/profile/clusterix2';
import { STATE_SHEET } from '../../src/plan/types';
import { writeFortyOne } from '../e2e/forty-one';
import { cliInProcess } from '../support/cli-in-process';
import { cellOf, NOW } from './helpers';
import type { Finding } from '../../src/checks/types';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cx-accept-live-'));
const book = path.join(dir, 'forty-one.xlsx');
let fake: WireOffice | null = null;
beforeAll(() => writeFortyOne(book));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  fake?.uninstall();
  fake = null;
});

async function open(file: string) {
  fake = installWireOffice(globalThis, await workbookFromXlsx(fs.readFileSync(file)));
  return { fake, actions: createOfficeActions({ profile: CLUSTERIX2, now: () => NOW }) };
}

async function setValue(sheet: string, cell: string, value: unknown): Promise<void> {
  await Excel.run(async (context) => {
    context.workbook.worksheets.getItem(sheet).getRange(cell).values = [[value]];
    await context.sync();
  });
}

const b06 = (findings: Finding[]) => findings.find((f) => f.rule === 'B06' && f.sheet === 'Budget INMA' && f.cell === 'B15')!;

test('accepted in Excel: the mark says so, the CLI shows it as accepted on the saved file; an error is refused', async () => {
  const { fake, actions } = await open(book);
  expect((await actions.check()).kind).toBe('done');
  const refused = await actions.accept!({ rule: 'P01', sheet: 'Project', cell: 'D39', reason: 'x', by: 'JD' });
  expect(refused).toEqual({ kind: 'failed', message: 'Could not accept: P01 on Project!D39 is an error: only a warning can be accepted; correct the cell instead.' });
  fake.resetStats();
  const out = await actions.accept!({ rule: 'B06', sheet: 'Budget INMA', cell: 'B15', reason: 'Locale of the partner', by: 'JD' });
  expect(fake.stats.roundTrips).toBe(3);
  if (out.kind !== 'done') throw new Error(JSON.stringify(out));
  expect(b06(out.findings).accepted).toEqual({ reason: 'Locale of the partner', by: 'JD', date: '2024-05-02' });
  expect(out.counts).toMatchObject({ error: 2, warning: 27, accepted: 1 });
  // ExcelApi 1.15 (the npm library's last): the mark is a comment (notes are ExcelApi 1.18).
  expect(cellOf(fake, 'Budget INMA', 'B15').comment).toMatch(/^Warning \(B06\): .*\. Accepted: Locale of the partner \(JD, 2024-05-02\)\.$/s);

  const saved = path.join(dir, 'saved-in-excel.xlsx');
  fs.writeFileSync(saved, await xlsxFromWorkbook(fake.workbook));
  const cli = await cliInProcess('check', saved, '--json');
  expect(b06(JSON.parse(cli.stdout)).accepted).toEqual({ reason: 'Locale of the partner', by: 'JD', date: '2024-05-02' });
  // Clear marks in Excel keeps the decision.
  await actions.clearMarks();
  const kept = await actions.check();
  expect(kept.kind === 'done' && b06(kept.findings).accepted).toEqual({ reason: 'Locale of the partner', by: 'JD', date: '2024-05-02' });
});

test('accepted on the command line: Excel honours it, and it opens again when the cell changes', async () => {
  const accepted = path.join(dir, 'accepted-by-cli.xlsx');
  expect((await cliInProcess('accept', book, '--rule', 'B06', '--cell', 'Budget INMA!B15', '--reason', 'Agreed', '--by', 'AB', '-o', accepted)).code).toBe(0);
  const { actions } = await open(accepted);
  const first = await actions.check();
  expect(first.kind === 'done' && b06(first.findings).accepted?.by).toBe('AB');
  await setValue('Budget INMA', 'B15', '8708,34'); // the same amount typed anew
  const again = await actions.check();
  if (again.kind !== 'done') throw new Error(JSON.stringify(again));
  expect(b06(again.findings).accepted).toBeUndefined();
  expect(again.counts).toMatchObject({ warning: 28, accepted: 0 });
});

test('live: an edit on a user sheet is reported and re-checked in one round trip reading that sheet; our sheets are not', async () => {
  const { fake, actions } = await open(book);
  fake.resetStats();
  await actions.consolidate();
  const fullRead = fake.stats.largestResponseBytes;
  const edits: string[] = [];
  const stop = await actions.watchEdits!((sheet) => edits.push(sheet));
  await setValue('Report Summary', 'A60', 'ours');
  await setValue(STATE_SHEET, 'B1', 'ours');
  await setValue('Project', 'D39', 'SE');
  await new Promise((r) => setTimeout(r, 20));
  expect(edits).toEqual(['Project']);

  fake.resetStats();
  const out = await actions.recheck!(['Project']);
  expect(fake.stats.roundTrips).toBe(1);
  expect(fake.stats.writes).toBe(0);
  // Only Project's used range was read: a fraction of the whole workbook's read.
  expect(fake.stats.largestResponseBytes).toBeLessThan(fullRead / 3);
  if (out.kind !== 'done') throw new Error(JSON.stringify(out));
  expect(out.findings.some((f) => f.rule === 'P01')).toBe(false);
  expect(out.counts).toMatchObject({ error: 1, toFill: 4, warning: 28, info: 7 });

  await stop();
  await setValue('Project', 'D40', 'after stop');
  await new Promise((r) => setTimeout(r, 20));
  expect(edits).toEqual(['Project']);
});
