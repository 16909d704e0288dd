/**
 * Builds the add-in's web part into dist/: taskpane.html (the one shared runtime page: pane and ribbon commands),
 * the icons, help.html, and manifest.xml with its URLs pointing at ADDIN_BASE_URL (default https://localhost:3000).
 * office.js is not bundled: taskpane.html loads Microsoft's hosted copy.
 */
'use strict';
const path = require('path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_BASE_URL = 'https://localhost:3000';

/** The site's base URL, without a trailing slash; https only, as Office requires. */
function baseUrl(env = process.env) {
  const url = (env.ADDIN_BASE_URL || DEV_BASE_URL).replace(/\/+$/, '');
  if (!/^https:\/\/[^\s/]+/.test(url)) throw new Error(`ADDIN_BASE_URL must be an https URL, got "${url}"`);
  return url;
}

/** The manifest with every URL of the dev site moved to `url`. */
function manifestFor(xml, url) {
  return xml.split(DEV_BASE_URL).join(url);
}

function config(options = {}) {
  const mode = options.mode || 'production';
  const url = baseUrl(options.env || process.env);
  return {
    mode,
    context: __dirname,
    devtool: mode === 'production' ? false : 'source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
    },
    output: {
      path: options.outDir || path.resolve(__dirname, 'dist'),
      filename: '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
      // The package reader and writer (New partner workbooks…, loaded on demand) import Node's fs and path for the
      // command line's file functions, which the pane never calls. zlib is not listed: nothing may bring it in.
      fallback: { fs: false, path: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            // ES modules out of TypeScript, so webpack can drop the Fluent UI parts the pane never imports.
            options: { transpileOnly: true, compilerOptions: { module: 'es2020', sourceMap: mode !== 'production' } },
          },
        },
      ],
    },
    // One runtime for both entries, so the pane and the commands share module instances on the page.
    optimization: { runtimeChunk: 'single', splitChunks: { chunks: 'all' } },
    performance: { hints: false },
    plugins: [
      // The package's compression seam: fflate and a CRC table in the pane (codec.browser.ts), Node's zlib on the command line (codec.ts).
      new webpack.NormalModuleReplacementPlugin(/^\.\/codec$/, (resource) => {
        if (/[\\/]src[\\/]snapshot[\\/]package$/.test(resource.context)) resource.request = './codec.browser';
      }),
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane', 'commands'] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'src/taskpane/help.html', to: 'help.html' },
          { from: 'manifest.xml', to: 'manifest.xml', transform: (content) => manifestFor(content.toString(), url) },
        ],
      }),
    ],
  };
}

module.exports = (env, argv) => config({ mode: argv && argv.mode });
module.exports.config = config;
module.exports.baseUrl = baseUrl;
module.exports.manifestFor = manifestFor;
