/**
 * Where the CLI's consolidate spends its time, step by step as src/apply/xlsx/files.ts does it, beside the floor
 * (one ExcelJS load and one write). `node scripts/bench/cli-phases.js BOOK.xlsx`.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';

async function main(book: string): Promise<void> {
  const out = path.join(os.tmpdir(), `clusterix-phases-${process.pid}.xlsx`);
  const ms: [string, number][] = [];
  let t = performance.now();
  const step = (name: string) => {
    const now = performance.now();
    ms.push([name, now - t]);
    t = now;
  };
  const { readBytes, openXlsx } = await import('../../src/snapshot/xlsx-open');
  const { snapshotOfWorkbook } = await import('../../src/snapshot/xlsx');
  const { assertCarriable } = await import('../../src/apply/xlsx/carry-check');
  const { consolidateWorkbook } = await import('../../src/engine');
  const { applyPlan } = await import('../../src/apply/xlsx/apply-plan');
  step('load the modules');
  const bytes = await readBytes(book);
  const zip = await openXlsx(bytes, book);
  step('unzip to check it is an xlsx (JSZip)');
  await assertCarriable(zip, book, bytes);
  step('check the parts can be carried (native inflate)');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  step('ExcelJS load (once, for reading and writing)');
  const snapshot = await snapshotOfWorkbook({ bytes, zip, workbook }, book);
  step('snapshot of the loaded cells');
  const outcome = consolidateWorkbook(snapshot, { now: new Date() });
  step('engine (cold)');
  applyPlan(workbook, outcome.plan);
  step('apply the plan to the ExcelJS workbook');
  await workbook.xlsx.writeFile(out);
  step('ExcelJS write');
  const total = ms.reduce((a, [, x]) => a + x, 0);
  for (const [name, x] of ms) process.stdout.write(`${x.toFixed(0).padStart(7)} ms ${((100 * x) / total).toFixed(0).padStart(3)}%  ${name}\n`);
  process.stdout.write(`${total.toFixed(0).padStart(7)} ms       total in-process\n`);
  fs.rmSync(out, { force: true });
}

main(process.argv[2]).catch((e) => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exitCode = 1;
});
