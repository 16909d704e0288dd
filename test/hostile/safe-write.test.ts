/**
 * OUT is written whole or not at all: a temporary file beside OUT, then a rename. A failure half way leaves neither
 * a partial OUT nor a temporary file, an OUT that was there stays as it was, and an unwritable target says why.
 */
import { spawnSync } from 'child_process';
import { promises as fs, readdirSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';
import { cliInProcess } from '../support/cli-in-process';
import { sampleBytes } from '../corpus/books';

const root = join(__dirname, '..', '..');
let dir: string;
let book: string;

const cli = cliInProcess;

beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'clx-safe-'));
  book = join(dir, 'book.xlsx');
  await fs.writeFile(book, await sampleBytes());
});
afterEach(async () => {
  jest.restoreAllMocks();
  await fs.rm(dir, { recursive: true, force: true });
});

/**
 * Makes the next write of a temporary file put half the bytes at its path, then fail as a full disk does: written
 * whole (fs.writeFile) or from its pieces (a file opened, then writev: the command line's consolidate and clear).
 */
function failHalfWay(): { paths: string[] } {
  const seen = { paths: [] as string[] };
  const full = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  const real = fs.writeFile.bind(fs);
  jest.spyOn(fs, 'writeFile').mockImplementation(async (path: Parameters<typeof fs.writeFile>[0], data: Parameters<typeof fs.writeFile>[1]) => {
    if (!String(path).endsWith('.tmp')) return real(path, data);
    seen.paths.push(String(path));
    const bytes = Buffer.from(data as Uint8Array);
    await real(path, bytes.subarray(0, bytes.length >> 1));
    throw full();
  });
  const realOpen = fs.open.bind(fs);
  jest.spyOn(fs, 'open').mockImplementation(async (...args: Parameters<typeof fs.open>) => {
    const file = await realOpen(...args);
    if (!String(args[0]).endsWith('.tmp')) return file;
    seen.paths.push(String(args[0]));
    // As libuv does when the disk fills: the first call writes what fits and resolves with that count (its error is
    // dropped); the next one, which cannot write a byte, fails with ENOSPC.
    let calls = 0;
    file.writev = async <T extends readonly NodeJS.ArrayBufferView[]>(pieces: T) => {
      if (calls++ > 0) throw full();
      const bytes = Buffer.concat(pieces.map((p) => new Uint8Array(p.buffer, p.byteOffset, p.byteLength)));
      const { bytesWritten } = await file.write(bytes.subarray(0, bytes.length >> 1));
      return { bytesWritten, buffers: pieces };
    };
    return file;
  });
  return seen;
}

describe('safe writing of OUT', () => {
  it('consolidate leaves exactly BOOK and OUT in the folder, BOOK unchanged', async () => {
    const before = await fs.readFile(book);
    const r = await cli('consolidate', book, '-o', join(dir, 'out.xlsx'));
    expect(r.code).toBe(1);
    expect(readdirSync(dir).sort()).toEqual(['book.xlsx', 'out.xlsx']);
    expect((await fs.readFile(book)).equals(before)).toBe(true);
  });

  it.each([['consolidate'], ['clear']])('%s failing half way leaves no OUT and no temporary file; the temporary file was beside OUT', async (command) => {
    const out = join(dir, 'out.xlsx');
    const seen = failHalfWay();
    const r = await cli(command, book, '-o', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`clusterix: cannot write ${out}: the disk is full\n`);
    expect(seen.paths).toHaveLength(1);
    expect(dirname(seen.paths[0])).toBe(dir);
    expect(seen.paths[0]).not.toBe(out);
    expect(readdirSync(dir)).toEqual(['book.xlsx']);
  });

  it('a failure half way keeps an OUT that was already there byte for byte', async () => {
    const out = join(dir, 'out.xlsx');
    await fs.writeFile(out, 'the previous report');
    failHalfWay();
    const r = await cli('consolidate', book, '-o', out);
    expect(r.code).toBe(2);
    expect(await fs.readFile(out, 'utf8')).toBe('the previous report');
    expect(readdirSync(dir).sort()).toEqual(['book.xlsx', 'out.xlsx']);
  });

  it('OUT in a folder that does not exist: exit 2, says so, nothing created', async () => {
    const out = join(dir, 'missing', 'out.xlsx');
    const r = await cli('consolidate', book, '-o', out);
    expect([r.code, r.stderr]).toEqual([2, `clusterix: cannot write ${out}: its folder does not exist\n`]);
    expect(readdirSync(dir)).toEqual(['book.xlsx']);
  });

  it('a directory in OUT\'s place (unwritable target, as root can write anywhere): the real CLI exits 2 with one line', async () => {
    const out = join(dir, 'out.xlsx');
    await fs.mkdir(out);
    await fs.writeFile(join(out, 'keep.txt'), 'mine');
    for (const command of ['consolidate', 'clear', 'sample']) {
      const args = command === 'sample' ? [command, out] : [command, book, '-o', out];
      const r = spawnSync(process.execPath, ['--unhandled-rejections=strict', join(root, 'bin', 'clusterix.js'), ...args], { encoding: 'utf8', timeout: 60000 });
      // sample goes through the spec writer, which words it its own way (see the report: one writer would say it one way).
      const why = 'a directory is in the way';
      expect({ command, status: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({ command, status: 2, stdout: '', stderr: `clusterix: cannot write ${out}: ${why}\n` });
    }
    expect(readdirSync(out)).toEqual(['keep.txt']);
    expect(readdirSync(dir).sort()).toEqual(['book.xlsx', 'out.xlsx']);
  }, 120000);
});
