/**
 * LibreOffice headless for tests: recalculate xlsx files (and render them to PNG) in one soffice call per batch.
 * Each call has its own profile with OOXMLRecalcMode = 0 (always recalculate) written BEFORE the run: by default
 * LibreOffice trusts the cached results of an xlsx, so a test would only read back what we wrote. A canary file
 * whose cached result is deliberately wrong rides along in every batch and proves the recalculation ran.
 */
import { execFile } from 'child_process';
import ExcelJS from 'exceljs';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync, readdirSync } from 'fs';
import { tmpdir } from 'os';
import { basename, join } from 'path';

const SOFFICE = '/usr/bin/soffice';

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

function run(cmd: string, args: string[], timeoutMs: number): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${cmd} failed: ${err.message}\n${stderr}`));
      else resolve({ stdout, stderr });
    });
  });
}

/** A fresh profile directory for one soffice process, with "always recalculate" already set. */
function freshProfile(): string {
  const dir = mkdtempSync(join(tmpdir(), `lo-${process.pid}-`));
  mkdirSync(join(dir, 'user'), { recursive: true });
  writeFileSync(join(dir, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS);
  return dir;
}

async function soffice(args: string[], timeoutMs = 180000): Promise<void> {
  const profile = freshProfile();
  try {
    await run(SOFFICE, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--nolockcheck', ...args], timeoutMs);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

const CANARY = 'zz-recalc-canary.xlsx';

async function writeCanary(dir: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Canary');
  ws.getCell('A1').value = 2;
  ws.getCell('A2').value = { formula: 'A1*3', result: 999 }; // wrong on purpose: only a recalculation gives 6
  const p = join(dir, CANARY);
  await wb.xlsx.writeFile(p);
  return p;
}

/**
 * Recalculates each file in LibreOffice and returns the paths of the recalculated copies (same base names,
 * in a new directory). Throws when the canary shows LibreOffice kept cached results.
 */
export async function recalculate(files: string[]): Promise<string[]> {
  const names = files.map((f) => basename(f));
  if (new Set(names).size !== names.length || names.includes(CANARY)) throw new Error('recalculate: file names must be distinct');
  const inDir = mkdtempSync(join(tmpdir(), 'lo-in-'));
  const outDir = mkdtempSync(join(tmpdir(), 'lo-out-'));
  const canary = await writeCanary(inDir);
  await soffice(['--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', outDir, ...files, canary]);
  const got = new ExcelJS.Workbook();
  await got.xlsx.readFile(join(outDir, CANARY));
  const v = got.getWorksheet('Canary')!.getCell('A2').value as { result?: unknown };
  if (v?.result !== 6) throw new Error(`LibreOffice did not recalculate: the canary reads ${JSON.stringify(v)}`);
  rmSync(inDir, { recursive: true, force: true });
  const out = names.map((n) => join(outDir, n));
  for (const p of out) if (!existsSync(p)) throw new Error(`LibreOffice wrote no ${p} (got ${readdirSync(outDir).join(', ')})`);
  return out;
}

/** Each file printed to PDF (as a finance officer would print it), then every page to PNG: returns the PNG paths. */
export async function renderToPng(files: string[], outDir: string, resolution = 90): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  await soffice(['--convert-to', 'pdf', '--outdir', outDir, ...files]);
  const pngs: string[] = [];
  for (const f of files) {
    const stem = basename(f).replace(/\.xlsx$/i, '');
    await run('/usr/bin/pdftoppm', ['-png', '-r', String(resolution), join(outDir, `${stem}.pdf`), join(outDir, stem)], 60000);
    pngs.push(...readdirSync(outDir).filter((n) => n.startsWith(stem) && n.endsWith('.png')).map((n) => join(outDir, n)));
  }
  return pngs.sort();
}

/** The recalculated value of every formula cell, by 'Sheet!A1'. */
export function formulaResults(wb: ExcelJS.Workbook, sheets?: string[]): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const ws of wb.worksheets) {
    if (sheets && !sheets.includes(ws.name)) continue;
    ws.eachRow((row) =>
      row.eachCell((c) => {
        // cell.result, not value.result: ExcelJS drops a cached 0 from the latter.
        if (c.type === ExcelJS.ValueType.Formula) out.set(`${ws.name}!${c.address}`, (c as unknown as { result: unknown }).result);
      }),
    );
  }
  return out;
}

export async function readWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}
