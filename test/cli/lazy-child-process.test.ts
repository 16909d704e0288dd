/**
 * The CLI's bundle (webpack.cli.config.js) gives commander a stand-in for node:child_process
 * (src/cli/lazy-child-process.ts): a run that spawns nothing never loads Node's module (nor net and dgram with it),
 * and commander's executable subcommands still spawn through it.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawn } from '../../src/cli/lazy-child-process';

const ROOT = path.resolve(__dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clusterix-lazy-cp-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('spawn runs a child as child_process.spawn does', async () => {
  const child = spawn(process.execPath, ['-e', "process.stdout.write('spawned')"]);
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(code).toBe(0);
  expect(out).toBe('spawned');
});

test('bundled with the CLI’s webpack configuration, commander loads node:child_process only to spawn', () => {
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
  const run = (cmd: string) => execFileSync(process.execPath, [out, cmd], { env: { ...process.env, SUB: sub }, encoding: 'utf8' });
  expect(run('plain')).toBe(' child_process: false');
  expect(run('hello')).toBe('hello from a spawned node child_process: true');
  // The other built-ins stay plain requires, as webpack's node preset made them.
  expect(fs.readFileSync(out, 'utf8')).toMatch(/require\("node:events"\)/);
});
