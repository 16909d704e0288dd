import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

const root = path.join(__dirname, '..', '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clusterix-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function clusterix(...args: string[]) {
  const r = spawnSync(process.execPath, ['--unhandled-rejections=strict', path.join(root, 'bin', 'clusterix.js'), ...args], { cwd: dir, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Exit 2 with exactly one line on stderr, no stack trace, nothing on stdout. */
function expectRefusal(r: ReturnType<typeof clusterix>, line: string | RegExp) {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(line);
  expect(r.stderr).not.toMatch(/^\s+at /m);
}

describe('clusterix template and sample', () => {
  it('writes the sample and the template as xlsx workbooks', async () => {
    const s = clusterix('sample', 'sample.xlsx');
    expect(s).toMatchObject({ code: 0, stderr: '' });
    expect(s.stdout).toMatch(/^wrote sample\.xlsx/);
    const t = clusterix('template', 'template.xlsx');
    expect(t.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'sample.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toHaveLength(13);
    expect(wb.getWorksheet('Project')!.getCell('B4').value).toBe('ClusteriX 2.0');
  });
  it('refuses a folder that does not exist', () => {
    expectRefusal(clusterix('sample', 'no/such/dir/x.xlsx'), /^clusterix: cannot write no\/such\/dir\/x\.xlsx: its folder does not exist$/);
  });
});

describe('clusterix check', () => {
  beforeAll(() => {
    if (!fs.existsSync(path.join(dir, 'sample.xlsx'))) clusterix('sample', 'sample.xlsx');
  });

  it('--json prints nothing but a JSON array of findings: on the sample its two errors, exit 1', () => {
    const r = clusterix('check', 'sample.xlsx', '--json');
    const findings = JSON.parse(r.stdout);
    expect(Array.isArray(findings)).toBe(true);
    for (const f of findings) expect(Object.keys(f)).toEqual(expect.arrayContaining(['rule', 'severity', 'sheet', 'cell', 'message']));
    const errors = findings.filter((f: { severity: string }) => f.severity !== 'info').map((f: { rule: string; sheet: string; cell: string }) => `${f.rule} ${f.sheet}!${f.cell}`);
    expect(errors.sort()).toEqual(['P01 Project!D39', 'P02 Project!C14']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
  });
  it('prints a short table headed by the counts', () => {
    const r = clusterix('check', 'sample.xlsx');
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^sample\.xlsx: 2 errors, 0 warnings, \d+ infos?$/);
    expect(lines[2]).toMatch(/^rule +severity +where +message$/);
    expect(lines[3]).toMatch(/^P0[12] +error +Project!(C14|D39) +\S/);
  });

  it('refuses a text file named .xlsx', () => {
    fs.writeFileSync(path.join(dir, 'text.xlsx'), 'Budget line;P1\nStaff costs;100\n');
    expectRefusal(clusterix('check', 'text.xlsx'), 'clusterix: cannot read text.xlsx: not an xlsx file (not a zip archive)');
  });
  it('refuses a truncated xlsx', () => {
    const full = fs.readFileSync(path.join(dir, 'sample.xlsx'));
    fs.writeFileSync(path.join(dir, 'cut.xlsx'), full.subarray(0, 4000));
    expectRefusal(clusterix('check', 'cut.xlsx'), 'clusterix: cannot read cut.xlsx: the file is truncated or damaged (its zip archive cannot be read)');
  });
  it('refuses a zip that is not an xlsx', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', '<w:document/>');
    fs.writeFileSync(path.join(dir, 'zip.xlsx'), await zip.generateAsync({ type: 'nodebuffer' }));
    expectRefusal(clusterix('check', 'zip.xlsx'), 'clusterix: cannot read zip.xlsx: a zip archive but not an xlsx workbook (no xl/workbook.xml)');
  });
  it('refuses a workbook with no Project sheet', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').value = 'Budget notes';
    await wb.xlsx.writeFile(path.join(dir, 'other.xlsx'));
    expectRefusal(clusterix('check', 'other.xlsx'), /^clusterix: other\.xlsx is not a reporting workbook: no Project sheet/);
  });
  it('refuses a missing file', () => {
    expectRefusal(clusterix('check', 'missing.xlsx'), 'clusterix: cannot read missing.xlsx: no such file');
  });
});

describe('the command line itself', () => {
  it('exits 2 on an unknown command, option or missing argument', () => {
    expectRefusal(clusterix('frobnicate'), "error: unknown command 'frobnicate'");
    expectRefusal(clusterix('check', 'sample.xlsx', '--xml'), "error: unknown option '--xml'");
    expectRefusal(clusterix('check'), "error: missing required argument 'book'");
  });
  it('prints its version and help with exit 0', () => {
    expect(clusterix('--version')).toMatchObject({ code: 0, stdout: '0.1.0\n' });
    const help = clusterix('--help');
    expect(help.code).toBe(0);
    for (const cmd of ['template', 'sample', 'check', 'consolidate', 'clear']) expect(help.stdout).toContain(cmd);
  });
});
