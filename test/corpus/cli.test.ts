/**
 * The real command line (node --unhandled-rejections=strict bin/clusterix.js) over corpus files: exit 2 with one
 * line on stderr and nothing on stdout for the unreadable ones; and dates read the same under two far-apart time
 * zones (UTC+14 and UTC-8/-7), as serials and as text.
 */
import { spawnSync } from 'child_process';
import { promises as fs } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { CASES } from './cases';
import { sampleBytes } from './books';

const root = join(__dirname, '..', '..');
let dir: string;

function clusterix(args: string[], tz = 'UTC') {
  const r = spawnSync(process.execPath, ['--unhandled-rejections=strict', join(root, 'bin', 'clusterix.js'), ...args], { encoding: 'utf8', timeout: 60000, env: { ...process.env, TZ: tz } });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'clx-corpus-cli-'));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

describe('clusterix check on unreadable files', () => {
  it.each(CASES.filter((c) => c.reason).map((c) => [c.name, c] as const))('%s: exit 2, one line', async (_n, c) => {
    const file = join(dir, `${c.name.replace(/\W+/g, '-')}.xlsx`);
    await fs.writeFile(file, await c.make());
    expect(clusterix(['check', file, '--json'])).toEqual({ status: 2, signal: null, stdout: '', stderr: `clusterix: ${c.reason!(file)}\n` });
  }, 60000);
});

// Every corpus file through check and consolidate in one node process with --unhandled-rejections=strict: a stray
// rejection or crash ends the process, and the codes line would be missing.
const driver = `
const { run } = require(${JSON.stringify(join(root, 'scripts', 'run-ts.js'))});
const { runCli } = run('src/cli/program.ts', 'lib/src/cli/program.js');
(async () => {
  const codes = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = () => true; // the commands' own output: not needed here
  process.stderr.write = () => true;
  for (const f of process.argv.slice(1)) {
    const check = await runCli(['node', 'clusterix', 'check', f, '--json']);
    const consolidate = await runCli(['node', 'clusterix', 'consolidate', f, '-o', f + '.out.xlsx', '--json']);
    codes.push([check, consolidate]);
  }
  process.exitCode = 0;
  write(JSON.stringify(codes));
})();
`;

describe('the whole corpus under --unhandled-rejections=strict', () => {
  it('check and consolidate end with 0, 1 or 2 as each case says, in one process that never crashes', async () => {
    const files: string[] = [];
    for (const [i, c] of CASES.entries()) {
      files.push(join(dir, `all-${i}.xlsx`));
      await fs.writeFile(files[i], await c.make());
    }
    const r = spawnSync(process.execPath, ['--unhandled-rejections=strict', '-e', driver, ...files], { encoding: 'utf8', timeout: 300000 });
    expect([r.status, r.signal]).toEqual([0, null]);
    const codes: [number, number][] = JSON.parse(r.stdout);
    expect(codes).toEqual(CASES.map((c) => (c.reason ? [2, 2] : [1, 1]))); // every readable case has an error finding
  }, 300000);
});

describe('clusterix check on a damaged but readable workbook', () => {
  it('every Excel error value: exit 1, a short table naming each sheet and cell', async () => {
    const file = join(dir, 'errors.xlsx');
    await fs.writeFile(file, await CASES.find((c) => c.name === 'every Excel error value')!.make());
    const r = clusterix(['check', file]);
    expect([r.status, r.signal, r.stderr]).toEqual([1, null, '']);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(`${file}: 9 errors, 0 warnings, 6 infos`);
    for (const [where, err] of [['Budget West-Pannon!B7', '#REF!'], ['Budget West-Pannon!C7', '#DIV/0!'], ['Budget West-Pannon!D9', '#VALUE!'], ['Budget West-Pannon!E10', '#N/A'], ['Budget West-Pannon!F11', '#NAME?'], ['Project!H31', '#NUM!'], ['Indicators!C20', '#NULL!']])
      expect(lines.filter((l) => l.startsWith('T01') && l.includes(` ${where} `) && l.includes(err))).toHaveLength(1);
  }, 60000);
});

describe('dates under two time zones', () => {
  it('gives the same findings under TZ=Pacific/Kiritimati and TZ=America/Los_Angeles, dates as serials or as text', async () => {
    const serials = join(dir, 'serials.xlsx');
    const texts = join(dir, 'texts.xlsx');
    await fs.writeFile(serials, await sampleBytes());
    await fs.writeFile(texts, await CASES.find((c) => c.name.startsWith('dates as text'))!.make());
    const runs = ['Pacific/Kiritimati', 'America/Los_Angeles'].flatMap((tz) => [serials, texts].map((f) => clusterix(['check', f, '--json'], tz)));
    for (const r of runs) expect([r.status, r.stderr]).toEqual([1, '']);
    const findings = runs.map((r) => JSON.parse(r.stdout));
    for (const f of findings.slice(1)) expect(f).toEqual(findings[0]);
    // The one date finding is the sample's own: Phase 2's end, given 2021-04-01, expected 2021-03-31 (no day shifted).
    expect(findings[0].filter((f: { rule: string }) => f.rule === 'P02')).toEqual([
      { rule: 'P02', severity: 'error', sheet: 'Project', cell: 'C14', message: 'Phase 2 ends 2021-04-01; 24 months from 2019-04-01 end on 2021-03-31', expected: '2021-03-31', actual: '2021-04-01' },
    ]);
    // The figures (with the report date) are the same too.
    const figures = ['Pacific/Kiritimati', 'America/Los_Angeles'].map((tz) => clusterix(['consolidate', texts, '-o', join(dir, `out-${tz.replace('/', '-')}.xlsx`), '--json'], tz));
    for (const r of figures) expect([r.status, r.stderr]).toEqual([1, '']);
    expect(JSON.parse(figures[1].stdout)).toEqual(JSON.parse(figures[0].stdout));
    expect(JSON.parse(figures[0].stdout).periods).toHaveLength(8);
  }, 180000);
});
