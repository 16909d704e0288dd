/**
 * The command line compresses with Node's zlib only: running it (partner-workbook --all and consolidate, which read
 * and write packages) never loads fflate nor the pane's codec (codec.browser.ts, which webpack puts in the pane);
 * run from the CLI's bundle, neither is in it.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clusterix-codec-seam-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The modules a CLI run loaded, as written by a preloaded hook when the process exits. */
function modulesLoadedBy(...args: string[]): string[] {
  const list = path.join(dir, `modules-${args[0]}.json`);
  const hook = path.join(dir, 'hook.js');
  fs.writeFileSync(hook, `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(list)}, JSON.stringify(Object.keys(require.cache))));\n`);
  try {
    execFileSync(process.execPath, ['-r', hook, path.join(ROOT, 'bin/clusterix.js'), ...args], { stdio: 'pipe' });
  } catch (e) {
    if ((e as { status?: number }).status !== 1) throw e; // 1: the sample's two errors
  }
  const loaded = JSON.parse(fs.readFileSync(list, 'utf8')) as string[];
  // The one-file bundle (lib/clusterix.js, run when built and newer than src/) holds its modules inside: list those
  // it was built from, lazy ones included, by the path webpack notes for each.
  const bundle = loaded.find((m) => /[\\/]lib[\\/]clusterix\.js$/.test(m));
  if (!bundle) return loaded;
  const inside = [...fs.readFileSync(bundle, 'utf8').matchAll(/^(?:\/\*\*\*\/ "|;\/\/ )(\.\/[^"\s]+)/gm)].map((m) => path.join(ROOT, m[1]));
  return [...loaded, ...inside];
}

test('partner-workbook --all and consolidate load Node’s codec, never fflate or the browser codec', () => {
  const book = path.join(dir, 'sample.xlsx');
  execFileSync(process.execPath, [path.join(ROOT, 'bin/clusterix.js'), 'sample', book], { stdio: 'pipe' });
  for (const args of [['partner-workbook', book, '--all', '-o', path.join(dir, 'parts')], ['consolidate', book, '-o', path.join(dir, 'c.xlsx')]]) {
    const loaded = modulesLoadedBy(...args);
    expect(loaded.some((m) => /[\\/]snapshot[\\/]package[\\/]codec\.(ts|js)$/.test(m))).toBe(true);
    expect(loaded.filter((m) => /[\\/]fflate[\\/]|codec\.browser/.test(m))).toEqual([]);
  }
  expect(fs.readdirSync(path.join(dir, 'parts'))).toHaveLength(11);
});
