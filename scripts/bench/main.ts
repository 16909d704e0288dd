/**
 * `npm run bench`: reporting workbooks of 11, 100 and 500 partners, written as xlsx into a temp folder, and per size
 * the engine's time, the CLI's consolidate against the ExcelJS read+write floor, the Office.js adapter's round trips
 * and payloads on the strict fake, and peak memory. Options: --sizes 11,100 --runs 7 --keep (keep the files).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { bigProfile, bigWorkbookSpec, cellsRead } from '../../test/support/big-workbook';
import { writeSpecXlsx } from '../../src/apply/xlsx/spec-writer';
import { readXlsxSnapshot } from '../../src/snapshot/xlsx';
import { timeEngine, STEPS, type EngineTiming } from './engine';
import { runNode, type ChildRun } from './child';
import { median, moreRuns } from './stats';
import { compileCli, cliUsesLib } from './build';
import { formatTable, fmtBytes, fmtInt, fmtMs } from './table';
import { timeOffice, EXCEL_WEB_LIMIT, type OfficeResult } from './office';

const ROOT = path.join(__dirname, '..', '..');

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

interface ChildTiming {
  ms: number;
  cpuMs: number | null;
  peakMb: number | null;
  runs: number;
  code: number | null;
  stderr: string;
}

function summarize(all: ChildRun[]): ChildTiming {
  const peaks = all.map((r) => r.peakMb).filter((x): x is number => x !== null);
  const cpu = all.map((r) => r.cpuMs).filter((x): x is number => x !== null);
  return { ms: median(all.map((r) => r.ms)), cpuMs: cpu.length ? median(cpu) : null, peakMb: peaks.length ? Math.max(...peaks) : null, runs: all.length, code: all[0].code, stderr: all[0].stderr };
}

/**
 * The floor and the CLI run by turns (floor, CLI, floor, CLI…), so that other load on the machine weighs on both
 * alike; up to `wanted` runs each within `budgetMs`; the CLI is not repeated once it fails.
 */
async function timeFloorAndCli(floorArgs: string[], cliArgs: string[], wanted: number, budgetMs: number): Promise<{ floor: ChildTiming; cli: ChildTiming }> {
  const floor = [await runNode(floorArgs, ROOT)];
  const cli = [await runNode(cliArgs, ROOT)];
  const ok = cli[0].code === 0 || cli[0].code === 1;
  const more = ok ? moreRuns(floor[0].ms + cli[0].ms, wanted, budgetMs) : moreRuns(floor[0].ms, wanted, budgetMs);
  for (let i = 0; i < more; i++) {
    floor.push(await runNode(floorArgs, ROOT));
    if (ok) cli.push(await runNode(cliArgs, ROOT));
  }
  return { floor: summarize(floor), cli: summarize(cli) };
}

interface Row {
  partners: number;
  fileBytes: number;
  cells: number;
  engine: EngineTiming;
  floor: ChildTiming;
  cli: ChildTiming;
  office: OfficeResult;
}

async function measure(partners: number, dir: string, runs: number): Promise<Row> {
  const file = path.join(dir, `reporting-${partners}.xlsx`);
  await writeSpecXlsx(bigWorkbookSpec(partners), file);
  const profile = bigProfile(partners);
  const snapshot = await readXlsxSnapshot(file);
  const engine = timeEngine(snapshot, profile, runs, 20_000);
  const { floor, cli } = await timeFloorAndCli(
    [path.join(__dirname, 'floor.js'), file, path.join(dir, `floor-${partners}.xlsx`)],
    [path.join(ROOT, 'bin', 'clusterix.js'), 'consolidate', file, '-o', path.join(dir, `consolidated-${partners}.xlsx`)],
    Math.min(runs, 5),
    60_000,
  );
  const office = await timeOffice(snapshot, profile);
  return { partners, fileBytes: fs.statSync(file).size, cells: cellsRead(snapshot), engine, floor, cli, office };
}

const cliOk = (c: ChildTiming) => c.code === 0 || c.code === 1;
const cliCell = (c: ChildTiming) => (cliOk(c) ? fmtMs(c.ms) : `exit ${c.code}`);
const ratio = (r: Row) => (cliOk(r.cli) && r.floor.code === 0 ? r.cli.ms / r.floor.ms : null);
const cpuRatio = (r: Row) => (cliOk(r.cli) && r.floor.code === 0 && r.cli.cpuMs !== null && r.floor.cpuMs !== null ? r.cli.cpuMs / r.floor.cpuMs : null);
const fmtRatio = (x: number | null) => (x === null ? 'n/a' : `${x.toFixed(2)}x`);
const perK = (r: Row) => r.engine.total / (r.cells / 1000);

function report(rows: Row[], built: string, usesLib: boolean, load: string): string {
  const out: string[] = [];
  out.push(`ClusteriX benchmark: node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, load average ${load}; ${built}; the CLI ran ${usesLib ? 'the compiled lib/' : 'src/ transpiled on the fly (lib/ older than src/)'}.`);
  out.push('');
  out.push(
    formatTable(
      ['partners', 'cells read', 'xlsx', 'engine ms', 'ms/1k cells', 'CLI consolidate ms', 'floor ms', 'CLI/floor', 'CPU CLI/floor', 'round trips', 'clean-up', 'largest request', 'largest response', 'peak MB CLI', 'peak MB floor'],
      rows.map((r) => [
        String(r.partners),
        fmtInt(r.cells),
        fmtBytes(r.fileBytes),
        `${fmtMs(r.engine.total)} (${r.engine.runs})`,
        fmtMs(perK(r)),
        `${cliCell(r.cli)} (${r.cli.runs})`,
        `${fmtMs(r.floor.ms)} (${r.floor.runs})`,
        fmtRatio(ratio(r)),
        fmtRatio(cpuRatio(r)),
        r.office.ok ? String(r.office.roundTrips) : 'n/a',
        r.office.ok ? String(r.office.cleanups) : 'n/a',
        r.office.ok ? fmtBytes(r.office.largestRequestBytes) : 'n/a',
        r.office.ok ? fmtBytes(r.office.largestResponseBytes) : 'n/a',
        r.cli.peakMb === null || !cliOk(r.cli) ? 'n/a' : r.cli.peakMb.toFixed(0),
        r.floor.peakMb === null ? 'n/a' : r.floor.peakMb.toFixed(0),
      ]),
    ),
  );
  out.push('(n) = runs in the median. Engine: in-process, median of warm runs. CLI and floor: wall time of a fresh node process each, run by turns;');
  out.push('CPU CLI/floor: the same ratio on the children\'s CPU time (user + system), steadier when the machine is shared.');
  out.push('');
  out.push('Engine by step (ms, median of warm runs; cold = the first run, as a CLI call makes it):');
  out.push(formatTable(['partners', ...STEPS, 'total', 'cold', 'findings'], rows.map((r) => [String(r.partners), ...STEPS.map((s) => fmtMs(r.engine.steps[s])), fmtMs(r.engine.total), fmtMs(r.engine.cold), String(r.engine.findings)])));
  for (const r of rows) {
    if (r.engine.failed) out.push(`  ${r.partners} partners: ${r.engine.failed}`);
    if (!cliOk(r.cli)) out.push(`  ${r.partners} partners: CLI consolidate exit ${r.cli.code}: ${r.cli.stderr.split('\n')[0]}`);
    if (!r.office.ok) out.push(`  ${r.partners} partners: Office.js adapter: ${r.office.why}`);
    else out.push(`  ${r.partners} partners, Office.js data syncs (request → response, bytes as serialized; then ${r.office.cleanups} clean-up request): ${r.office.syncs.map((s) => `${fmtBytes(s.requestBytes)} → ${fmtBytes(s.responseBytes)}`).join('; ')}`);
  }
  out.push('');
  out.push('Targets:');
  for (const t of targets(rows)) out.push(`  [${t.met === null ? 'n/a ' : t.met ? 'met ' : 'MISS'}] ${t.text}`);
  return out.join('\n');
}

function targets(rows: Row[]): { met: boolean | null; text: string }[] {
  const t: { met: boolean | null; text: string }[] = [];
  const ratios = rows.map(ratio);
  t.push({
    met: ratios.every((x) => x !== null) ? ratios.every((x) => x! <= 1.5) : null,
    text: `CLI consolidate at most 1.5x the ExcelJS read+write floor at every size: ${rows.map((r, i) => `${r.partners}: ${fmtRatio(ratios[i])} (CPU ${fmtRatio(cpuRatio(r))})`).join(', ')}`,
  });
  const office = rows.filter((r) => r.office.ok);
  // The sheet list, then the cells in one sync per 5 MB of response, then the writes in one per 5 MB of request.
  const expected = (o: Extract<OfficeResult, { ok: true }>) => 1 + Math.max(1, Math.ceil(o.readResponseBytes / EXCEL_WEB_LIMIT)) + Math.max(1, Math.ceil(o.writeRequestBytes / EXCEL_WEB_LIMIT));
  t.push({
    met: office.length === rows.length ? office.every((r) => r.office.ok && r.office.roundTrips <= expected(r.office) && r.office.overLimit.length === 0) : null,
    text: `Office.js round trips 3, plus one per extra 5 MB chunk (read or write), none over 5 MB: ${rows
      .map((r) => `${r.partners}: ${r.office.ok ? `${r.office.roundTrips} (ideal ${expected(r.office)})${r.office.overLimit.length ? `, over 5 MB: ${r.office.overLimit.join(', ')}` : ''}` : 'n/a'}`)
      .join('; ')}`,
  });
  const small = rows.find((r) => r.partners === 11);
  if (small) t.push({ met: small.engine.total <= 50, text: `engine time for 11 partners at most 50 ms: ${fmtMs(small.engine.total)} ms warm, ${fmtMs(small.engine.cold)} ms cold` });
  const per = rows.map(perK);
  const spread = Math.max(...per) / Math.min(...per);
  t.push({ met: spread <= 2, text: `engine cost linear in the cells read (ms per 1,000 cells within 2x across sizes): ${rows.map((r, i) => `${r.partners}: ${fmtMs(per[i])}`).join(', ')}; largest/smallest ${spread.toFixed(1)}x` });
  return t;
}

const loadAverage = (l: number[]) => l.map((x) => x.toFixed(1)).join('/');

async function main(): Promise<void> {
  const before = os.loadavg();
  const sizes = option('sizes', '11,100,500').split(',').map(Number);
  const runs = Number(option('runs', '7'));
  const built = process.argv.includes('--no-build') ? 'lib/ not rebuilt (--no-build)' : compileCli(ROOT);
  const usesLib = cliUsesLib(ROOT);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clusterix-bench-'));
  const rows: Row[] = [];
  try {
    for (const n of sizes) {
      process.stderr.write(`bench: ${n} partners…\n`);
      rows.push(await measure(n, dir, runs));
    }
  } finally {
    if (process.argv.includes('--keep')) process.stderr.write(`bench: files kept in ${dir}\n`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
  const load = `${loadAverage(before)} before, ${loadAverage(os.loadavg())} after`;
  process.stdout.write(report(rows, built, usesLib, load) + '\n');
}

main().catch((e) => {
  process.stderr.write(`bench: ${(e as Error).stack ?? e}\n`);
  process.exitCode = 1;
});
