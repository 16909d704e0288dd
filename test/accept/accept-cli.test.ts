/** Accepting a warning on the command line: stored in _clusterix, honoured by check and consolidate, reopened by a change, refused for errors. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { writeSpecXlsx } from '../../src/apply/xlsx/spec-writer';
import { buildSample, buildTemplate } from '../../src/template';
import { cliInProcess } from '../support/cli-in-process';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clusterix-accept-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const at = (f: string) => path.join(dir, f);

async function edit(from: string, to: string, sheet: string, cell: string, value: ExcelJS.CellValue): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(at(from));
  wb.getWorksheet(sheet)!.getCell(cell).value = value;
  await wb.xlsx.writeFile(at(to));
}

async function json(file: string) {
  const r = await cliInProcess('check', at(file), '--json');
  return JSON.parse(r.stdout) as { rule: string; severity: string; sheet: string; cell: string; accepted?: { reason: string; by: string; date: string } }[];
}

beforeAll(async () => {
  await writeSpecXlsx(buildSample(), at('sample.xlsx'));
  // An amount typed as text: read, and a B06 warning (the sample itself has none).
  await edit('sample.xlsx', 'warned.xlsx', 'Budget INMA', 'B15', '8 708,34');
});

test('a warning accepted with a reason is shown as accepted by check, not counted as a warning, and BOOK is not written', async () => {
  const before = fs.readFileSync(at('warned.xlsx'));
  const r = await cliInProcess('accept', at('warned.xlsx'), '--rule', 'B06', '--cell', 'Budget INMA!B15', '--reason', 'Typed by the partner; amount agreed', '--by', 'JD');
  expect(r).toMatchObject({ code: 0, stderr: '' });
  expect(r.stdout).toContain('warned.accepted.xlsx');
  expect(fs.readFileSync(at('warned.xlsx')).equals(before)).toBe(true);

  const found = await json('warned.accepted.xlsx');
  const b06 = found.find((f) => f.rule === 'B06')!;
  expect(b06).toMatchObject({ severity: 'warning', sheet: 'Budget INMA', cell: 'B15' });
  expect(b06.accepted).toEqual({ reason: 'Typed by the partner; amount agreed', by: 'JD', date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
  const table = await cliInProcess('check', at('warned.accepted.xlsx'));
  expect(table.stdout.split('\n')[0]).toMatch(/2 errors, 0 warnings, 7 infos, 1 accepted$/);
  expect(table.stdout).toMatch(/B06\s+accepted\s+Budget INMA!B15/);
});

test('the acceptance reopens when its cell changes, and survives consolidate and clear; the mark’s note says accepted', async () => {
  await edit('warned.accepted.xlsx', 'changed.xlsx', 'Budget INMA', 'B15', '8708,34'); // the same amount, typed anew: the cell changed
  const reopened = (await json('changed.xlsx')).find((f) => f.rule === 'B06')!;
  expect(reopened.accepted).toBeUndefined();
  expect((await cliInProcess('check', at('changed.xlsx'))).stdout.split('\n')[0]).toMatch(/2 errors, 1 warning, 7 infos$/);

  expect((await cliInProcess('consolidate', at('warned.accepted.xlsx'), '-o', at('consolidated.xlsx'))).code).toBe(1);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(at('consolidated.xlsx'));
  const note = wb.getWorksheet('Budget INMA')!.getCell('B15').note;
  const text = typeof note === 'string' ? note : (note?.texts ?? []).map((t) => t.text).join('');
  expect(text).toMatch(/^Warning \(B06\): .*Accepted: Typed by the partner; amount agreed \(JD, \d{4}-\d{2}-\d{2}\)\./s);
  expect((await json('consolidated.xlsx')).find((f) => f.rule === 'B06')!.accepted?.by).toBe('JD');

  expect((await cliInProcess('clear', at('consolidated.xlsx'), '-o', at('cleared.xlsx'))).code).toBe(0);
  expect((await json('cleared.xlsx')).find((f) => f.rule === 'B06')!.accepted?.reason).toBe('Typed by the partner; amount agreed');
});

test('errors cannot be accepted, nor a finding that is not there; reason and name are required; one line, exit 2, no OUT', async () => {
  const refuse = async (args: string[], line: RegExp) => {
    const r = await cliInProcess('accept', at('warned.xlsx'), ...args, '-o', at('refused.xlsx'));
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(line);
    expect(fs.existsSync(at('refused.xlsx'))).toBe(false);
  };
  await refuse(['--rule', 'P02', '--cell', 'Project!C14', '--reason', 'x', '--by', 'JD'], /P02 on Project!C14 is an error: only a warning can be accepted/);
  await refuse(['--rule', 'B06', '--cell', 'Budget INMA!B16', '--reason', 'x', '--by', 'JD'], /no B06 finding on Budget INMA!B16/);
  await refuse(['--rule', 'B06', '--cell', 'Budget INMA!B15', '--reason', '  ', '--by', 'JD'], /a reason is required/);
  await refuse(['--rule', 'B06', '--cell', 'B15', '--reason', 'x', '--by', 'JD'], /--cell must be SHEET!CELL/);
});

test('a new template’s blanks are flagged as still to fill in; the facts’ own errors are not', async () => {
  await writeSpecXlsx(buildTemplate(), at('template.xlsx'));
  const found = (await json('template.xlsx')) as { rule: string; cell: string; toFill?: boolean; severity: string }[];
  const toFill = found.filter((f) => f.toFill).map((f) => `${f.rule} ${f.cell}`).sort();
  // Ten partners' approved budgets are blank (partner 3's is filled) and partner 3's budget sheet has no plan yet.
  expect(toFill).toEqual(['B04 J12', 'P04 H29', 'P04 H30', 'P04 H32', 'P04 H33', 'P04 H34', 'P04 H35', 'P04 H36', 'P04 H37', 'P04 H38', 'P04 H39']);
  const errorsNotToFill = found.filter((f) => f.severity === 'error' && !f.toFill).map((f) => `${f.rule} ${f.cell}`);
  expect(errorsNotToFill.sort()).toEqual(['P01 D39', 'P02 C14']);
  const table = await cliInProcess('check', at('template.xlsx'));
  expect(table.stdout.split('\n')[0]).toMatch(/: 13 errors \(11 of them still to fill in\), 0 warnings, 7 infos$/);
  expect(table.stdout.split('\n').filter((l) => /^\S+\s+to fill in\s/.test(l))).toHaveLength(11);
  // The sample has nothing to fill in.
  expect((await json('sample.xlsx')).filter((f) => (f as { toFill?: boolean }).toFill)).toEqual([]);
});
