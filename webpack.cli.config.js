/**
 * Bundles the command line into one file, lib/clusterix.js, which bin/clusterix.js runs when it is up to date
 * (scripts/run-ts.js): one file to read and compile instead of ~170 modules from lib/ and node_modules. The
 * commands' lazy imports stay lazy: in one chunk, a module runs only when its import() is reached.
 */
'use strict';
const path = require('path');
const webpack = require('webpack');
const { isBuiltin } = require('module');

// commander requires node:child_process when it loads, for executable subcommands (we have none), and Node's module
// loads net and dgram with it: a few milliseconds of every start. In the bundle, a stand-in that never spawns.
const STAND_INS = new Map([['node:child_process', path.resolve(__dirname, 'src/cli/no-child-process.ts')]]);

module.exports = {
  mode: 'production',
  context: __dirname,
  target: 'node20',
  devtool: false,
  entry: './src/cli/main.ts',
  // compareBeforeEmit off: the bundle's mtime must say it is newer than src/ even when a change left it the same.
  output: { path: path.resolve(__dirname, 'lib'), filename: 'clusterix.js', library: { type: 'commonjs2' }, compareBeforeEmit: false },
  resolve: { extensions: ['.ts', '.js'] },
  // Node's modules stay require()s, as webpack's node preset makes them, but for those in STAND_INS, which the
  // plugins below replace with their stand-ins (the preset is off so that it cannot make them externals first).
  externalsPresets: { node: false },
  externals: [({ request }, callback) => (isBuiltin(request) && !STAND_INS.has(request) ? callback(null, `commonjs ${request}`) : callback())],
  module: {
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'es2020', sourceMap: false } } },
      },
    ],
  },
  // Readable stack traces and quick builds matter more than bytes here: no minifying, modules named by their path.
  // It also measured slower (2026-12-01): minified (terser, names kept, ASCII only), the start was ~20 ms faster, but
  // a consolidate of 500 partners ran 2 more mark-compacts and 3 more scavenges (+50 ms main thread, +200 ms CPU);
  // reading an ASCII bundle as latin1 (a string off V8's heap) did the same. Less heap at start, more collections.
  optimization: { minimize: false, moduleIds: 'named' },
  plugins: [
    new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }),
    ...[...STAND_INS].map(([request, standIn]) => new webpack.NormalModuleReplacementPlugin(new RegExp(`^${request}$`), standIn)),
  ],
  performance: { hints: false },
  stats: 'errors-warnings',
};
