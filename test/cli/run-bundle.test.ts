/**
 * bin/clusterix.js runs the CLI's bundle with a V8 code cache beside it (scripts/run-ts.js): the cache is used only
 * for the very bundle it was made from, so a rebuilt bundle of the same length never runs the old one's code.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const RUN_TS = path.resolve(__dirname, '../../scripts/run-ts.js');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clusterix-run-bundle-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs `file` through runBundle in a fresh node and returns what the bundle printed. */
function run(file: string, writeCache = false): string {
  const env = { ...process.env };
  if (writeCache) env.CLUSTERIX_WRITE_CODE_CACHE = '1';
  else delete env.CLUSTERIX_WRITE_CODE_CACHE;
  const code = `require(${JSON.stringify(RUN_TS)}).runBundle(${JSON.stringify(file)})`;
  return execFileSync(process.execPath, ['-e', code], { env, encoding: 'utf8' });
}

test('a bundle runs as a module (exports, require, __filename) and writes its code cache only when asked', () => {
  const file = path.join(dir, 'a.js');
  fs.writeFileSync(file, "module.exports = 1; process.stdout.write(require('path').basename(__filename) + ' ' + typeof exports);\n");
  expect(run(file)).toBe('a.js object');
  expect(fs.existsSync(path.join(dir, 'a.cache'))).toBe(false);
  expect(run(file, true)).toBe('a.js object');
  const cache = fs.readFileSync(path.join(dir, 'a.cache'));
  expect(cache.subarray(0, cache.indexOf(10)).toString()).toBe(`${fs.statSync(file).size} ${fs.statSync(file).mtimeMs}`);
  expect(run(file)).toBe('a.js object');
});

test('a cache made for another bundle of the same length is not used', () => {
  const file = path.join(dir, 'b.js');
  fs.writeFileSync(file, "process.stdout.write('old');\n");
  run(file, true);
  const cache = path.join(dir, 'b.cache');
  expect(fs.existsSync(cache)).toBe(true);
  fs.writeFileSync(file, "process.stdout.write('new');\n");
  // Same length, so V8 alone would accept the old cache and print 'old'; the stamp's mtime differs.
  const later = new Date(fs.statSync(cache).mtimeMs + 5000);
  fs.utimesSync(file, later, later);
  expect(run(file)).toBe('new');
});
