/** Builds the add-in (production, as `npm run build`) and the Office host bundles for the page, with webpack's Node API. */
import * as path from 'path';
import webpack from 'webpack';

const ROOT = path.resolve(__dirname, '../..');

function run(config: webpack.Configuration): Promise<webpack.Stats> {
  return new Promise((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (!stats || stats.hasErrors()) return reject(new Error(stats?.toString({ all: false, errors: true }) ?? 'webpack failed'));
      resolve(stats);
    });
  });
}

/** dist/ as `npm run build` makes it, into `outDir`. */
export async function buildAddin(outDir: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { config } = require(path.join(ROOT, 'webpack.config.js')) as { config(o: object): webpack.Configuration };
  await run(config({ mode: 'production', outDir, env: {} }));
}

/** test/e2e/wire-office-entry.ts (the wire host and the loader's stand-in) as one script: `${outDir}/wire-office.js`. */
export async function buildWireOffice(outDir: string): Promise<void> {
  await bundle(outDir, { 'wire-office': './test/e2e/wire-office-entry.ts' });
}

async function bundle(outDir: string, entry: Record<string, string>): Promise<void> {
  await run({
    mode: 'development',
    devtool: false,
    context: ROOT,
    target: 'web',
    entry,
    output: { path: outDir, filename: '[name].js' },
    // The page's host never opens a package (insertWorksheetsFromBase64 is exercised in Node): Node's fs and zlib,
    // which the package reader imports, are left out of the page's bundle.
    resolve: { extensions: ['.ts', '.js'], fallback: { fs: false, zlib: false } },
    module: {
      rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'es2020', sourceMap: false } } } }],
    },
    performance: { hints: false },
  });
}
