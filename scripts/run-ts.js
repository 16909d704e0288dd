'use strict';
// Runs a TypeScript entry point: the compiled copy in lib/ when it is there and up to date (npm ci builds it
// through "prepare"), otherwise straight from src/ by transpiling on require (TypeScript is a dev dependency).
const path = require('path');
const fs = require('fs');
const root = path.join(__dirname, '..');

function newestMtime(dir) {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    // Joined by hand: path.join's normalizing was about half of this walk's time.
    const p = dir + path.sep + e.name;
    const t = e.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs;
    if (t > newest) newest = t;
  }
  return newest;
}

function registerTs() {
  const ts = require('typescript');
  require.extensions['.ts'] = function (module, filename) {
    const src = fs.readFileSync(filename, 'utf8');
    const out = ts.transpileModule(src, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true, jsx: ts.JsxEmit.ReactJSX },
      fileName: filename,
    });
    module._compile(out.outputText, filename);
  };
}

/** The newest mtime in `base`/src/, looked up once; 0 when there is no src/ (an installed package: lib/ is all there is). */
const srcMtimes = new Map();
function sourcesMtime(base = root) {
  if (!srcMtimes.has(base)) srcMtimes.set(base, fs.existsSync(path.join(base, 'src')) ? newestMtime(path.join(base, 'src')) : 0);
  return srcMtimes.get(base);
}

/** True when `file` exists and is at least as new as every file in src/. */
function upToDate(file) {
  return fs.existsSync(file) && fs.statSync(file).mtimeMs >= sourcesMtime();
}

/**
 * True when the bundle `file` exists and is at least as new as what it was built from: the files below src/ that
 * webpack read and every folder of src/ (adding, removing or renaming a file changes its folder's mtime), as
 * scripts/build-cli.js listed them beside it (`.sources`, one path relative to `base` a line). Stat-ing that list
 * costs less than walking src/. Without the list, as upToDate: at least as new as every file in src/.
 */
function bundleUpToDate(file, base = root) {
  const st = fs.statSync(file, { throwIfNoEntry: false });
  if (!st) return false;
  let sources;
  try {
    sources = fs.readFileSync(file.replace(/\.js$/, '.sources'), 'utf8').split('\n');
  } catch {
    return st.mtimeMs >= sourcesMtime(base);
  }
  for (const rel of sources) {
    if (rel === '') continue;
    const s = fs.statSync(`${base}/${rel}`, { throwIfNoEntry: false });
    // A listed source gone: stale, unless all of src/ is (an installed package: lib/ is all there is).
    if (!s) return !fs.existsSync(path.join(base, 'src'));
    if (s.mtimeMs > st.mtimeMs) return false;
  }
  return true;
}

/**
 * The command line's V8 settings, set once the bundle is compiled: V8 rejects a code cache made under other flags
 * (a flag on node's command line does that too), so the cache is written under V8's defaults. A consolidate is a
 * short run that keeps almost all it makes until it exits, on machines where memory touched for the first time is
 * what costs (16 µs a page on the 2-core VMs we measure on). Each was measured on V8 11.3 (node 20) and is set on
 * that V8 only: another may lack a flag (V8 prints an error for an unknown one) or size things otherwise. One given
 * on node's command line is left as given (such a run compiles without the cache anyway).
 * - `--semi-space-growth-factor=1` (V8: 2): the young generation keeps its first size (1 MB a semi-space) instead of
 *   doubling up to 16 MB: at 100 partners 110 to 84 MB peak and about 12% less wall time, at 500 partners 169 to
 *   143 MB at the same time (more, smaller collections cost what the memory saves).
 * - Smaller TurboFan compilations: inlining of small functions only (`--max-inlined-bytecode-size-cumulative=100`,
 *   V8: 920), no escape analysis, no loop peeling. TurboFan optimizes a run's hot functions on V8's four background
 *   threads; on two cores those threads took the main thread's core and touched fresh memory for their
 *   compilation zones. A consolidate at 500 partners: 1.32 to 1.19 s with the inlining bound (2.0 to 1.7 s CPU),
 *   1.20 to 1.15 s with the other two (A/B medians of 10); the optimized code a short run gets back is as fast.
 *   node's --v8-pool-size=1 does as much, but only on node's command line, which a run cannot set for itself.
 */
const CLI_V8_SETTINGS = [
  { name: 'semi-space-growth-factor', cli: '--semi-space-growth-factor=1', v8Default: '--semi-space-growth-factor=2' },
  { name: 'max-inlined-bytecode-size-cumulative', cli: '--max-inlined-bytecode-size-cumulative=100', v8Default: '--max-inlined-bytecode-size-cumulative=920' },
  { name: 'turbo-escape', cli: '--no-turbo-escape', v8Default: '--turbo-escape' },
  { name: 'turbo-loop-peeling', cli: '--no-turbo-loop-peeling', v8Default: '--turbo-loop-peeling' },
];
const MEASURED_V8 = '11.3.';

/** The V8 settings given on node's command line (NODE_OPTIONS takes none of these), by name: left as given. */
function givenToNode() {
  return new Set(process.execArgv.map((w) => w.replace(/^--(no-)?/, '').replace(/=.*$/, '').replace(/_/g, '-')));
}

/** Sets each of CLI_V8_SETTINGS to its command-line value, or (`defaults`) back to V8's default. */
function setCliV8Settings(defaults = false) {
  if (!process.versions.v8.startsWith(MEASURED_V8)) return;
  const v8 = require('v8');
  const given = givenToNode();
  for (const s of CLI_V8_SETTINGS) {
    if (given.has(s.name)) continue;
    // V8 settings, not an API (test/cli/run-bundle.test.ts holds the defaults to what this node lists).
    try {
      v8.setFlagsFromString(defaults ? s.v8Default : s.cli);
    } catch {
      // The run goes on with V8's own setting.
    }
  }
}

/**
 * Runs a one-file bundle (scripts/build-cli.js) as a CommonJS module, with V8's code cache beside it when the cache
 * was made for this very bundle (its size and mtime are in the cache's first line): the functions a consolidate
 * compiled at build time are not compiled again. With CLUSTERIX_WRITE_CODE_CACHE set, writes that cache at exit.
 * V8 rejects the cache when node runs with other V8 flags than at the build (--trace-gc, --max-semi-space-size…):
 * measure such runs against each other, or count collections with perf_hooks' 'gc' entries instead.
 */
function runBundle(file) {
  const vm = require('vm');
  const Module = require('module');
  const src = fs.readFileSync(file, 'utf8');
  const st = fs.statSync(file);
  const stamp = Buffer.from(`${st.size} ${st.mtimeMs}\n`);
  const cacheFile = file.replace(/\.js$/, '.cache');
  let cachedData;
  if (!process.env.CLUSTERIX_WRITE_CODE_CACHE) {
    try {
      const c = fs.readFileSync(cacheFile);
      if (c.length > stamp.length && c.subarray(0, stamp.length).equals(stamp)) cachedData = c.subarray(stamp.length);
    } catch {
      cachedData = undefined;
    }
  }
  const script = new vm.Script(Module.wrap(src), { filename: file, cachedData });
  setCliV8Settings();
  const mod = new Module(file, module);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(path.dirname(file));
  Module._cache[file] = mod;
  if (process.env.CLUSTERIX_WRITE_CODE_CACHE) {
    process.on('exit', () => {
      // The cache carries a hash of V8's flags and is rejected when they differ: written under the defaults, as a
      // run compiles the bundle (before setCliV8Settings).
      setCliV8Settings(true);
      fs.writeFileSync(cacheFile, Buffer.concat([stamp, script.createCachedData()]));
    });
  }
  script.runInThisContext().call(mod.exports, mod.exports, (id) => mod.require(id), mod, file, path.dirname(file));
  mod.loaded = true;
  return mod.exports;
}

exports.newestMtime = newestMtime;
exports.bundleUpToDate = bundleUpToDate;
exports.runBundle = runBundle;

/** Runs `tsEntry`: from `bundle` (one file under lib/) when given and up to date, else its compiled copy `jsEntry`, else transpiled. */
exports.run = function run(tsEntry, jsEntry, bundle) {
  if (bundle && bundleUpToDate(path.join(root, bundle))) return runBundle(path.join(root, bundle));
  const js = path.join(root, jsEntry);
  if (upToDate(js)) return require(js);
  registerTs();
  return require(path.join(root, tsEntry));
};
