/**
 * `clusterix consolidate` and `clusterix clear` on the sample with the real engine: exit statuses, output, where
 * OUT goes, and every user cell unchanged by consolidate, by consolidating OUT again, and restored by clear.
 */
import { spawnSync } from 'child_process';
import ExcelJS from 'exceljs';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { cliInProcess } from '../support/cli-in-process';
import { parseState } from '../../src/plan/state';
import { MARK_FILL, REPORT_TAB_NAMES, STATE_SHEET } from '../../src/plan/types';
import { writeSpecXlsx } from '../../src/apply/xlsx/spec-writer';
import { buildSample } from '../../src/template';
import { cellPrints, load } from './read-back';

let dir: string;
let book: string;
let userSheets: string[];

const cli = cliInProcess;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clx-cli-'));
  book = join(dir, 'sample.xlsx');
  await writeSpecXlsx(buildSample(), book);
  userSheets = (await load(book)).worksheets.map((w) => w.name);
});

describe('clusterix consolidate', () => {
  it('writes BOOK.consolidated.xlsx beside BOOK, says where, and exits 1 for the sample’s two errors', async () => {
    const r = await cli('consolidate', book);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const out = join(dir, 'sample.consolidated.xlsx');
    expect(r.stdout).toContain(`Report written to ${out}`);
    expect(r.stdout).toMatch(/2 errors, 0 warnings, 7 infos/);
    const wb = await load(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual([...userSheets, ...REPORT_TAB_NAMES, STATE_SHEET]);
  });

  it('--json prints the figures and nothing else', async () => {
    const r = await cli('consolidate', book, '-o', join(dir, 'j.xlsx'), '--json');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.project).toEqual({ acronym: 'ClusteriX 2.0', totalBudget: 2126574 });
    expect(json.partners).toHaveLength(11);
    expect(json.totals.budget.total).toBe(2126574);
    expect(existsSync(join(dir, 'j.xlsx'))).toBe(true);
  });

  it('leaves every user cell as it was but the marked ones, again on its own output, and clear restores them exactly', async () => {
    const out1 = join(dir, 'o1.xlsx');
    const out2 = join(dir, 'o2.xlsx');
    const cleared = join(dir, 'cleared.xlsx');
    expect((await cli('consolidate', book, '-o', out1)).code).toBe(1);
    expect((await cli('consolidate', out1, '-o', out2)).code).toBe(1); // same findings: our tabs are not read as data
    expect((await cli('clear', out2, '-o', cleared)).code).toBe(0);
    const before = cellPrints(await load(book), userSheets);
    const wb1 = await load(out1);
    const state = parseState(String(wb1.getWorksheet(STATE_SHEET)!.getCell('A1').value));
    const marked = new Set(state.marks.map((m) => `${m.sheet}!${m.cell}`));
    expect([...marked].sort()).toEqual(['Project!C14', 'Project!C43', 'Project!C44', 'Project!C45', 'Project!C46', 'Project!C47', 'Project!C48', 'Project!C49', 'Project!D39']);
    for (const path of [out1, out2]) {
      const after = cellPrints(await load(path), userSheets);
      for (const [k, v] of Object.entries(before)) {
        if (marked.has(k)) expect([k, after[k].value]).toEqual([k, v.value]);
        else expect([k, after[k]]).toEqual([k, v]);
      }
      expect(after['Project!C14'].fill).toMatchObject({ fgColor: { argb: `FF${MARK_FILL.error.slice(1)}` } });
      expect(String(after['Project!C14'].note)).toMatch(/^Error \(P02\): Phase 2 ends .*How to fix: /);
    }
    expect(cellPrints(await load(cleared), userSheets)).toEqual(before);
    expect((await load(cleared)).worksheets.map((w) => w.name)).toEqual(userSheets);
  });

  it('exit 2 with one line: a user sheet named like a report tab', async () => {
    const wb = await load(book);
    wb.addWorksheet('Report Summary').getCell('A1').value = 'my own summary';
    const clash = join(dir, 'clash.xlsx');
    await wb.xlsx.writeFile(clash);
    const r = await cli('consolidate', clash);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: "clusterix: the workbook has a sheet of its own named 'Report Summary', the name of a report tab; rename that sheet and run again\n",
    });
    expect(existsSync(join(dir, 'clash.consolidated.xlsx'))).toBe(false);
  });

  it('exit 2 with one line: a directory where OUT should go', async () => {
    const target = join(dir, 'taken.xlsx');
    mkdirSync(target);
    const r = await cli('consolidate', book, '-o', target);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `clusterix: cannot write ${target}: a directory is in the way\n` });
  });

  it('exit 2: no Project sheet', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Notes').getCell('A1').value = 'nothing here';
    const p = join(dir, 'notes.xlsx');
    await wb.xlsx.writeFile(p);
    const r = await cli('consolidate', p);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^clusterix: .*notes\.xlsx is not a reporting workbook: no Project sheet/);
  });

  it('the installed command exits 1 and writes OUT (one real process)', () => {
    const out = join(dir, 'proc.xlsx');
    const r = spawnSync(process.execPath, [join(__dirname, '..', '..', 'bin', 'clusterix.js'), 'consolidate', book, '-o', out], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`Report written to ${out}`);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });
});
