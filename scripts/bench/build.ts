/** The CLI as users run it: compiled to lib/ first (npm run prepare), and whether bin/clusterix.js will use it. */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { bundleUpToDate, newestMtime } from '../run-ts';

/**
 * Compiles with tsconfig.cli.json, then bundles lib/clusterix.js and its code cache (scripts/build-cli.js), as
 * `npm run build:cli` does; type errors still emit (others' work in progress), so only say how many.
 */
export function compileCli(root: string): string {
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.cli.json'], { cwd: root, encoding: 'utf8' });
  const errors = (r.stdout.match(/error TS\d+/g) ?? []).length;
  const compiled = r.status === 0 ? 'compiled lib/ (tsc -p tsconfig.cli.json)' : `compiled lib/ with ${errors} type error(s) in the tree (emitted anyway)`;
  const b = spawnSync(process.execPath, [path.join(root, 'scripts', 'build-cli.js')], { cwd: root, encoding: 'utf8' });
  return `${compiled}; ${b.status === 0 ? 'bundled lib/clusterix.js with its code cache' : `bundle failed: ${b.stderr.trim()}`}`;
}

/** The test scripts/run-ts.js makes: bin/clusterix.js runs the bundle while it is as new as the sources it was built from. */
export function cliUsesBundle(root: string): boolean {
  return bundleUpToDate(path.join(root, 'lib', 'clusterix.js'), root);
}

/** Same test as scripts/run-ts.js: the compiled CLI is used only when newer than every file in src/. */
export function cliUsesLib(root: string): boolean {
  const js = path.join(root, 'lib', 'src', 'cli', 'main.js');
  return fs.existsSync(js) && fs.statSync(js).mtimeMs >= newestMtime(path.join(root, 'src'));
}
