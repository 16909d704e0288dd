/**
 * Where the CLI's consolidate spends its time, step by step as src/apply/xlsx/files.ts does it.
 * `node scripts/bench/cli-phases.js BOOK.xlsx`.
 */
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
  const { readPackage } = await import('../../src/snapshot/package-reader');
  const { consolidateWorkbook } = await import('../../src/engine');
  const { consolidatePackage, readPackageState } = await import('../../src/apply/xlsx/package/apply');
  const { userSheetsOnly } = await import('../../src/apply/xlsx/files');
  step('load the modules');
  const bytes = fs.readFileSync(book);
  step('read the file');
  const read = readPackage(bytes, book);
  step('read the package (inflate the parts read, SAX over their XML)');
  const snapshot = userSheetsOnly(read.snapshot, readPackageState(read));
  const outcome = consolidateWorkbook(snapshot, { now: new Date() });
  step('engine (cold)');
  const written = consolidatePackage(read, outcome.plan);
  step('patch the package (marks, tabs, state) and zip it');
  fs.writeFileSync(out, written);
  step('write the file');
  const total = ms.reduce((a, [, x]) => a + x, 0);
  for (const [name, x] of ms) process.stdout.write(`${x.toFixed(0).padStart(7)} ms ${((100 * x) / total).toFixed(0).padStart(3)}%  ${name}\n`);
  process.stdout.write(`${total.toFixed(0).padStart(7)} ms       total in-process\n`);
  fs.rmSync(out, { force: true });
}

main(process.argv[2]).catch((e) => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exitCode = 1;
});
