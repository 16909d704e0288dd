#!/usr/bin/env node
'use strict';
// `npm run build:cli` (and "prepare", after tsc): bundles the CLI into lib/clusterix.js (webpack.cli.config.js), then
// primes V8's code cache lib/clusterix.cache by consolidating the built-in sample once, so a user's run starts with
// the functions a consolidate needs already compiled. bin/clusterix.js uses both only while newer than src/.
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const webpack = require('webpack');

const root = path.join(__dirname, '..');
const bin = path.join(root, 'bin', 'clusterix.js');

function fail(message) {
  process.stderr.write(`build-cli: ${message}\n`);
  process.exit(1);
}

fs.rmSync(path.join(root, 'lib', 'clusterix.cache'), { force: true });
webpack(require('../webpack.cli.config.js'), (err, stats) => {
  if (err) fail(err.message);
  if (stats.hasErrors()) fail(stats.toString('errors-only'));
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
