/**
 * The CLI's bundle (webpack.cli.config.js) gives commander a stand-in for node:child_process
 * (src/cli/no-child-process.ts): a run never loads Node's module (nor net and dgram with it), and an executable
 * subcommand, which clusterix does not have, is refused instead of spawning a process.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawn } from '../../src/cli/no-child-process';

const ROOT = path.resolve(__dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clusterix-no-cp-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('spawn refuses: no process is started', () => {
  const marker = path.join(dir, 'spawned');
  expect(() => spawn(process.execPath, ['-e', `require('fs').writeFileSync(${JSON.stringify(marker)}, '')`])).toThrow('clusterix runs no other programs');
  expect(fs.existsSync(marker)).toBe(false);
});

test('bundled with the CLI’s webpack configuration, commander never loads node:child_process', () => {
  const entry = path.join(dir, 'entry.js');
  fs.writeFileSync(
    entry,
    [
      "const { Command } = require('commander');",
      "const program = new Command('x');",
      "program.command('plain').action(() => {});",
      "program.command('hello', 'an executable subcommand', { executableFile: process.env.SUB });",
      "process.on('exit', () => process.stdout.write(` child_process: ${process.moduleLoadList.includes('NativeModule child_process')}`));",
      'program.parse(process.argv);',
    ].join('\n'),
  );
  const build = [
    "const webpack = require('webpack');",
    `const config = require(${JSON.stringify(path.join(ROOT, 'webpack.cli.config.js'))});`,
    `const resolve = { ...config.resolve, modules: [${JSON.stringify(path.join(ROOT, 'node_modules'))}] };`,
    `webpack({ ...config, entry: ${JSON.stringify(entry)}, resolve, output: { ...config.output, path: ${JSON.stringify(dir)}, filename: 'out.js' } }, (err, stats) => {`,
    "  if (err || stats.hasErrors()) { process.stderr.write(err ? err.message : stats.toString('errors-only')); process.exit(1); }",
    '});',
  ].join('\n');
  execFileSync(process.execPath, ['-e', build], { cwd: ROOT, stdio: 'pipe' });
  const out = path.join(dir, 'out.js');
  const sub = path.join(dir, 'sub.js');
  fs.writeFileSync(sub, "process.stdout.write('hello from a spawned node');\n");
  const run = (cmd: string) => execFileSync(process.execPath, [out, cmd], { env: { ...process.env, SUB: sub }, encoding: 'utf8', stdio: 'pipe' });
  expect(run('plain')).toBe(' child_process: false');
  // An executable subcommand (clusterix has none) fails with the stand-in's message; the file is never run.
  let failure = '';
  try {
    run('hello');
  } catch (e) {
    failure = String((e as { stderr?: string }).stderr);
  }
  expect(failure).toContain('clusterix runs no other programs');
  expect(failure).not.toContain('hello from a spawned node');
  // The other built-ins stay plain requires, as webpack's node preset made them.
  expect(fs.readFileSync(out, 'utf8')).toMatch(/require\("node:events"\)/);
});
