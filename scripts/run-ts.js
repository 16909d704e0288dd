'use strict';
// Runs a TypeScript entry point: the compiled copy in lib/ when it is there and up to date (npm ci builds it
// through "prepare"), otherwise straight from src/ by transpiling on require (TypeScript is a dev dependency).
const path = require('path');
const fs = require('fs');
const root = path.join(__dirname, '..');

function newestMtime(dir) {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
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

/** The newest mtime in src/, looked up once; 0 when there is no src/ (an installed package: lib/ is all there is). */
let srcMtime;
function sourcesMtime() {
  if (srcMtime === undefined) srcMtime = fs.existsSync(path.join(root, 'src')) ? newestMtime(path.join(root, 'src')) : 0;
  return srcMtime;
}

/** True when `file` exists and is at least as new as every file in src/. */
function upToDate(file) {
  return fs.existsSync(file) && fs.statSync(file).mtimeMs >= sourcesMtime();
}

/**
 * Runs a one-file bundle (scripts/build-cli.js) as a CommonJS module, with V8's code cache beside it when the cache
 * was made for this very bundle (its size and mtime are in the cache's first line): the functions a consolidate
 * compiled at build time are not compiled again. With CLUSTERIX_WRITE_CODE_CACHE set, writes that cache at exit.
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
  const mod = new Module(file, module);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(path.dirname(file));
  Module._cache[file] = mod;
  if (process.env.CLUSTERIX_WRITE_CODE_CACHE) {
    process.on('exit', () => fs.writeFileSync(cacheFile, Buffer.concat([stamp, script.createCachedData()])));
  }
  script.runInThisContext().call(mod.exports, mod.exports, (id) => mod.require(id), mod, file, path.dirname(file));
  mod.loaded = true;
  return mod.exports;
}

exports.newestMtime = newestMtime;
exports.runBundle = runBundle;

/** Runs `tsEntry`: from `bundle` (one file under lib/) when given and up to date, else its compiled copy `jsEntry`, else transpiled. */
exports.run = function run(tsEntry, jsEntry, bundle) {
  if (bundle && upToDate(path.join(root, bundle))) return runBundle(path.join(root, bundle));
  const js = path.join(root, jsEntry);
  if (upToDate(js)) return require(js);
  registerTs();
  return require(path.join(root, tsEntry));
};
