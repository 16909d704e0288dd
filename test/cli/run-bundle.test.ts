/**
 * bin/clusterix.js runs the CLI's bundle with a V8 code cache beside it (scripts/run-ts.js): the cache is used only
 * for the very bundle it was made from, so a rebuilt bundle of the same length never runs the old one's code.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const RUN_TS = path.resolve(__dirname, '../../scripts/run-ts.js');
/** The V8 the command line's V8 settings were measured on, and are set on (scripts/run-ts.js). */
const ON_MEASURED_V8 = process.versions.v8.startsWith('11.3.');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clusterix-run-bundle-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs `file` through runBundle in a fresh node and returns what the bundle printed. */
function run(file: string, writeCache = false): string {
  const env = { ...process.env };
  if (writeCache) env.CLUSTERIX_WRITE_CODE_CACHE = '1';
  else delete env.CLUSTERIX_WRITE_CODE_CACHE;
  const code = `require(${JSON.stringify(RUN_TS)}).runBundle(${JSON.stringify(file)})`;
  return execFileSync(process.execPath, ['-e', code], { env, encoding: 'utf8' });
}

test('a bundle runs as a module (exports, require, __filename) and writes its code cache only when asked', () => {
  const file = path.join(dir, 'a.js');
  fs.writeFileSync(file, "module.exports = 1; process.stdout.write(require('path').basename(__filename) + ' ' + typeof exports);\n");
  expect(run(file)).toBe('a.js object');
  expect(fs.existsSync(path.join(dir, 'a.cache'))).toBe(false);
  expect(run(file, true)).toBe('a.js object');
  const cache = fs.readFileSync(path.join(dir, 'a.cache'));
  expect(cache.subarray(0, cache.indexOf(10)).toString()).toBe(`${fs.statSync(file).size} ${fs.statSync(file).mtimeMs}`);
  expect(run(file)).toBe('a.js object');
});

test('a cache made for another bundle of the same length is not used', () => {
  const file = path.join(dir, 'b.js');
  fs.writeFileSync(file, "process.stdout.write('old');\n");
  run(file, true);
  const cache = path.join(dir, 'b.cache');
  expect(fs.existsSync(cache)).toBe(true);
  fs.writeFileSync(file, "process.stdout.write('new');\n");
  // Same length, so V8 alone would accept the old cache and print 'old'; the stamp's mtime differs.
  const later = new Date(fs.statSync(cache).mtimeMs + 5000);
  fs.utimesSync(file, later, later);
  expect(run(file)).toBe('new');
});

test('a bundle runs with a young generation that keeps its first size, and its code cache is still accepted', () => {
  // The bundle keeps 48 MB of small arrays alive, as a consolidate keeps its snapshot, model and plan, and prints the
  // young generation's size: V8's default doubles it up to 16 MB a semi-space when most of it survives.
  const file = path.join(dir, 'young.js');
  fs.writeFileSync(
    file,
    [
      'const kept = [];',
      'for (let i = 0; i < 1e6; i++) kept.push([i, i + 1]);',
      "const young = require('v8').getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');",
      'process.stdout.write(String(young.space_size));',
    ].join('\n'),
  );
  run(file, true);
  const MB = 1024 * 1024;
  // Set on V8 11.3 (node 20), where it was measured; another V8 keeps its own sizing.
  if (ON_MEASURED_V8) expect(Number(run(file))).toBeLessThanOrEqual(2 * MB);
  // The same code in a plain node grows it, so the bound above says something.
  expect(Number(execFileSync(process.execPath, [file], { encoding: 'utf8' }))).toBeGreaterThan(4 * MB);
  // The cache was written under V8's default flags, as a run compiles the bundle, so V8 takes it.
  const check = [
    "const fs = require('fs'), vm = require('vm'), Module = require('module');",
    `const file = ${JSON.stringify(file)};`,
    "const c = fs.readFileSync(file.replace(/\\.js$/, '.cache'));",
    'const s = new vm.Script(Module.wrap(fs.readFileSync(file, "utf8")), { filename: file, cachedData: c.subarray(c.indexOf(10) + 1) });',
    'process.stdout.write(String(s.cachedDataRejected));',
  ].join('\n');
  expect(execFileSync(process.execPath, ['-e', check], { encoding: 'utf8' })).toBe('false');
});

/**
 * Runs a bundle that prints 'ran;' through runBundle in a fresh node given `nodeArgs`, and returns what it printed
 * with every V8 setting runBundle asked for (each followed by ';') in the order asked.
 */
function runRecordingV8Settings(name: string, nodeArgs: string[], writeCache: boolean): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, "process.stdout.write('ran;');\n");
  const code = [
    "const v8 = require('v8');",
    'const real = v8.setFlagsFromString;',
    "v8.setFlagsFromString = (f) => { process.stdout.write(f + ';'); real(f); };",
    `require(${JSON.stringify(RUN_TS)}).runBundle(${JSON.stringify(file)});`,
  ].join('\n');
  const env = { ...process.env };
  if (writeCache) env.CLUSTERIX_WRITE_CODE_CACHE = '1';
  else delete env.CLUSTERIX_WRITE_CODE_CACHE;
  return execFileSync(process.execPath, [...nodeArgs, '-e', code], { env, encoding: 'utf8' });
}


test('a bundle runs with the command line\'s V8 settings, set after it is compiled and back to V8\'s defaults before its cache is written', () => {
  // What runBundle asks of V8, in order: the command line's settings once the bundle is compiled, and V8's defaults
  // again when the code cache is written at exit (a cache made under other flags would be rejected at the next run).
  const out = runRecordingV8Settings('flags.js', [], true);
  const set = '--semi-space-growth-factor=1;--max-inlined-bytecode-size-cumulative=100;--no-turbo-escape;--no-turbo-loop-peeling;';
  const back = '--semi-space-growth-factor=2;--max-inlined-bytecode-size-cumulative=920;--turbo-escape;--turbo-loop-peeling;';
  // Measured on V8 11.3 (node 20) and set there only.
  expect(out).toBe(ON_MEASURED_V8 ? `${set}ran;${back}` : 'ran;');
  // The defaults put back are V8's own: node lists them.
  const options = execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8' });
  if (ON_MEASURED_V8) {
    for (const d of back.split(';').filter(Boolean)) expect(options).toContain(`default: ${d}`);
  }
});

test('a V8 setting given on node\'s command line is left as given', () => {
  // Spelled with underscores or dashes, with or without --no-.
  const out = runRecordingV8Settings('given.js', ['--max_inlined_bytecode_size_cumulative=300', '--turbo-escape'], false);
  expect(out).toBe(ON_MEASURED_V8 ? '--semi-space-growth-factor=1;--no-turbo-loop-peeling;ran;' : 'ran;');
});

describe('bundleUpToDate: bin/clusterix.js runs the bundle only while it is as new as what it was built from', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { bundleUpToDate } = require(RUN_TS) as { bundleUpToDate: (file: string, base: string) => boolean };
  const at = (file: string, s: number) => fs.utimesSync(file, new Date(s * 1000), new Date(s * 1000));
  const T = 1_700_000_000;

  /** A root with src/a.ts, src/sub/b.ts and a bundle at T, its sources at T - 10 (listed beside it when `listed`). */
  function tree(name: string, listed: boolean): { base: string; bundle: string } {
    const base = path.join(dir, name);
    fs.mkdirSync(path.join(base, 'src', 'sub'), { recursive: true });
    fs.mkdirSync(path.join(base, 'lib'));
    fs.writeFileSync(path.join(base, 'src', 'a.ts'), 'a');
    fs.writeFileSync(path.join(base, 'src', 'sub', 'b.ts'), 'b');
    const bundle = path.join(base, 'lib', 'x.js');
    fs.writeFileSync(bundle, '');
    if (listed) fs.writeFileSync(path.join(base, 'lib', 'x.sources'), 'src\nsrc/sub\nsrc/a.ts\nsrc/sub/b.ts\n');
    for (const p of ['src/a.ts', 'src/sub/b.ts', 'src/sub', 'src']) at(path.join(base, p), T - 10);
    at(bundle, T);
    return { base, bundle };
  }

  test.each([true, false])('with the list of sources beside it: %s', (listed) => {
    const t = tree(`fresh-${listed}`, listed);
    expect(bundleUpToDate(t.bundle, t.base)).toBe(true);
    expect(bundleUpToDate(path.join(t.base, 'lib', 'none.js'), t.base)).toBe(false);
    // A source edited in place after the build: only its own mtime moves.
    const edited = tree(`edited-${listed}`, listed);
    at(path.join(edited.base, 'src', 'sub', 'b.ts'), T + 1);
    expect(bundleUpToDate(edited.bundle, edited.base)).toBe(false);
    // A file added after the build (it could shadow what an import found), not in the list: its folder's mtime moves.
    const added = tree(`added-${listed}`, listed);
    fs.writeFileSync(path.join(added.base, 'src', 'sub', 'c.ts'), 'c');
    expect(bundleUpToDate(added.bundle, added.base)).toBe(false);
  });

  test('a listed source removed makes the bundle stale; no src/ at all (an installed package) does not', () => {
    const removed = tree('removed', true);
    fs.rmSync(path.join(removed.base, 'src', 'a.ts'));
    at(path.join(removed.base, 'src'), T - 10);
    expect(bundleUpToDate(removed.bundle, removed.base)).toBe(false);
    const installed = tree('installed', true);
    fs.rmSync(path.join(installed.base, 'src'), { recursive: true });
    expect(bundleUpToDate(installed.bundle, installed.base)).toBe(true);
  });
});

test('the build lists every folder of src/ and the sources below it that webpack read, each once', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { sourcesOf } = require(path.resolve(__dirname, '../../scripts/build-cli.js')) as { sourcesOf: (deps: Iterable<string>, base: string) => string[] };
  const base = path.join(dir, 'listed');
  fs.mkdirSync(path.join(base, 'src', 'sub', 'deep'), { recursive: true });
  fs.mkdirSync(path.join(base, 'src', 'unread'));
  const deps = [path.join(base, 'src', 'sub', 'b.ts'), path.join(base, 'src', 'a.ts'), path.join(base, 'src', 'sub'), path.join(base, 'package.json'), path.join(base, 'node_modules', 'm', 'index.js')];
  expect(sourcesOf(deps, base).sort()).toEqual(['src', 'src/a.ts', 'src/sub', 'src/sub/b.ts', 'src/sub/deep', 'src/unread']);
});
