#!/usr/bin/env node
'use strict';
// `npm run build:cli` (and "prepare", after tsc): bundles the CLI into lib/clusterix.js (webpack.cli.config.js), then
// primes V8's code cache lib/clusterix.cache by consolidating the built-in sample once, so a user's run starts with
// the functions a consolidate needs already compiled. bin/clusterix.js uses both only while newer than src/: than the
// sources listed in lib/clusterix.sources (scripts/run-ts.js).
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.join(__dirname, '..');
const bin = path.join(root, 'bin', 'clusterix.js');

function fail(message) {
  process.stderr.write(`build-cli: ${message}\n`);
  process.exit(1);
}

/**
 * What bin/clusterix.js checks the bundle's age against, one path relative to `base` a line: every folder of src/ (a
 * file added, removed or renamed there changes the folder's mtime) and the files below src/ that webpack read
 * (`fileDependencies`, absolute paths; some are folders).
 */
function sourcesOf(fileDependencies, base = root) {
  const src = path.join(base, 'src');
  const dirs = [];
  (function walk(dir) {
    dirs.push(dir);
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) if (e.isDirectory()) walk(path.join(dir, e.name));
  })(src);
  const files = [...fileDependencies].filter((f) => f.startsWith(src + path.sep)).sort();
  return [...new Set([...dirs, ...files])].map((p) => path.relative(base, p).split(path.sep).join('/'));
}

function build() {
  // Gone first: a bundle must never run with a cache or a list of sources left from another build.
  fs.rmSync(path.join(root, 'lib', 'clusterix.cache'), { force: true });
  fs.rmSync(path.join(root, 'lib', 'clusterix.sources'), { force: true });
  require('webpack')(require('../webpack.cli.config.js'), (err, stats) => {
    if (err) fail(err.message);
    if (stats.hasErrors()) fail(stats.toString('errors-only'));
    fs.writeFileSync(path.join(root, 'lib', 'clusterix.sources'), `${sourcesOf(stats.compilation.fileDependencies).join('\n')}\n`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clusterix-build-'));
    try {
      const sample = path.join(dir, 'sample.xlsx');
      const made = spawnSync(process.execPath, [bin, 'sample', sample], { encoding: 'utf8' });
      if (made.status !== 0) fail(`the sample did not build: ${made.stderr.trim()}`);
      const primed = spawnSync(process.execPath, [bin, 'consolidate', sample, '-o', path.join(dir, 'out.xlsx')], {
        encoding: 'utf8',
        env: { ...process.env, CLUSTERIX_WRITE_CODE_CACHE: '1' },
      });
      // Exit 1 means findings with errors, still a full run.
      if (primed.status !== 0 && primed.status !== 1) fail(`consolidate of the sample failed: ${primed.stderr.trim()}`);
      process.stdout.write(`build-cli: lib/clusterix.js (${(fs.statSync(path.join(root, 'lib', 'clusterix.js')).size / 1024).toFixed(0)} kB) and its code cache\n`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}

exports.sourcesOf = sourcesOf;
if (require.main === module) build();
