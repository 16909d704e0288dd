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

exports.newestMtime = newestMtime;

exports.run = function run(tsEntry, jsEntry) {
  const js = path.join(root, jsEntry);
  if (fs.existsSync(js) && fs.statSync(js).mtimeMs >= newestMtime(path.join(root, 'src'))) {
    return require(js);
  }
  registerTs();
  return require(path.join(root, tsEntry));
};
