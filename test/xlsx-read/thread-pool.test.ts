/**
 * The command line's (de)compression in libuv's thread pool: the large parts a reader will read are inflated ahead
 * of it, the large parts a writer makes are deflated as soon as they exist. The same book read, the same bytes
 * written, byte for byte, as the sync path; the same refusals, in one line.
 */
import * as fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { deflateRawSync } from 'zlib';
import * as nodeCodec from '../../src/snapshot/package/codec';
import * as browserCodec from '../../src/snapshot/package/codec.browser';
import { DEFLATE_POOL_MIN, INFLATE_POOL_MIN, deflateEarly, inflateEntry, inflateEntryAsync, readZip, writeZip, writeZipAsync, type OutEntry, type ZipEntry } from '../../src/snapshot/package/zip';
import { openPackage } from '../../src/snapshot/package/open';
import { readPackage, readPackageAsync, readPackageFile } from '../../src/snapshot/package-reader';
import { specToPackage } from '../../src/apply/xlsx/package/new-package';
import { clearPackage, clearPackageAsync, consolidatePackage, consolidatePackageAsync, readPackageState } from '../../src/apply/xlsx/package/apply';
import { userSheetsOnly, writePieces } from '../../src/apply/xlsx/files';
import { consolidateWorkbook } from '../../src/engine';
import { UserError } from '../../src/util/errors';
import { bigWorkbookSpec } from '../support/big-workbook';

const DAMAGED = (name: string) => new UserError(`cannot read ${name}: the file is truncated or damaged (its zip archive cannot be read)`);

/** Text that deflates well, as a sheet's XML does, of about `size` bytes. */
const xmlOf = (size: number, seed = 0) => {
  const rows: string[] = [];
  for (let r = 1, n = 0; n < size; r++) {
    const row = `<row r="${r}"><c r="A${r}"><v>${(r * 7919 + seed) % 100003}</v></c><c r="B${r}" t="inlineStr"><is><t>line ${r}</t></is></c></row>`;
    rows.push(row);
    n += row.length;
  }
  return new TextEncoder().encode(rows.join(''));
};

/** A zip of these parts (our writer) and its entries read back. */
function zipOf(parts: Record<string, Uint8Array>): { bytes: Buffer; entries: Map<string, ZipEntry> } {
  const bytes = writeZip(Object.entries(parts).map(([name, b]) => ({ name, bytes: b })));
  return { bytes, entries: readZip(bytes, 'p.zip') };
}

describe('inflating in the thread pool', () => {
  const big = xmlOf(INFLATE_POOL_MIN + 5000);
  const { entries } = zipOf({ 'big.xml': big, 'small.xml': xmlOf(300), 'empty.xml': new Uint8Array(0) });

  it('gives inflateEntry’s bytes, large, small, stored and empty', async () => {
    for (const e of entries.values()) expect(Buffer.from(await inflateEntryAsync(e, 'p.zip')).equals(Buffer.from(inflateEntry(e, 'p.zip')))).toBe(true);
    expect(Buffer.from(await inflateEntryAsync(entries.get('big.xml')!, 'p.zip')).equals(Buffer.from(big))).toBe(true);
  });

  it('refuses what inflateEntry refuses, with the same line: altered CRC, cut data, bytes past the declared size, unknown method', async () => {
    const e = entries.get('big.xml')!;
    const cases: ZipEntry[] = [
      { ...e, crc: (e.crc + 1) >>> 0 },
      { ...e, data: e.data.subarray(0, e.data.length >> 1) },
      // A zip bomb that lies about its size: inflating stops at the declared size.
      { ...e, size: e.size - 1000 },
      { ...e, data: new Uint8Array(e.data.length).fill(0xff) },
    ];
    for (const bad of cases) {
      expect(() => inflateEntry(bad, 'bad.xlsx')).toThrow(DAMAGED('bad.xlsx'));
      await expect(inflateEntryAsync(bad, 'bad.xlsx')).rejects.toThrow(DAMAGED('bad.xlsx'));
    }
    const method = { ...e, method: 12 };
    expect(() => inflateEntry(method, 'bad.xlsx')).toThrow(/method 12/);
    await expect(inflateEntryAsync(method, 'bad.xlsx')).rejects.toThrow(new UserError('cannot read bad.xlsx: its part big.xml is compressed in a way xlsx files never are (method 12)'));
  });
});

describe('deflating in the thread pool', () => {
  const partBytes = fc.oneof(
    fc.uint8Array({ maxLength: 200 }),
    fc.integer({ min: 0, max: 3 * DEFLATE_POOL_MIN }).map((n) => xmlOf(n, n)),
    fc.uint8Array({ minLength: DEFLATE_POOL_MIN, maxLength: DEFLATE_POOL_MIN + 2000 }), // incompressible: stored
  );
  const entriesArb = fc.uniqueArray(fc.tuple(fc.stringMatching(/^[a-z]{1,6}\.xml$/), partBytes), { minLength: 1, maxLength: 6, selector: ([n]) => n });

  it('writes writeZip’s archive byte for byte, with and without deflations started early', async () => {
    await fc.assert(
      fc.asyncProperty(entriesArb, fc.boolean(), async (list, early) => {
        const out: OutEntry[] = list.map(([name, bytes]) => ({ name, bytes }));
        const started = new Map<Uint8Array, Promise<Uint8Array>>();
        if (early) for (const [, bytes] of list) if (bytes.length >= DEFLATE_POOL_MIN) started.set(bytes, deflateEarly(bytes));
        expect(Buffer.concat(await writeZipAsync(out, started)).equals(writeZip(out))).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('keeps copied entries’ compressed bytes, as writeZip does', async () => {
    const { entries } = zipOf({ 'a.xml': xmlOf(DEFLATE_POOL_MIN * 2), 'b.xml': xmlOf(100) });
    const out: OutEntry[] = [{ name: 'a.xml', copy: entries.get('a.xml')! }, { name: 'new.xml', bytes: xmlOf(DEFLATE_POOL_MIN * 3, 1) }, { name: 'b.xml', copy: entries.get('b.xml')! }];
    expect(Buffer.concat(await writeZipAsync(out)).equals(writeZip(out))).toBe(true);
  });

  it('deflates at level 4, as the sync call does', async () => {
    const bytes = xmlOf(DEFLATE_POOL_MIN * 4);
    expect(Buffer.from(await nodeCodec.deflateRawAsync(bytes)).equals(deflateRawSync(bytes, { level: 4 }))).toBe(true);
  });
});

test('the task pane’s codec has no thread pool: its async calls are its sync ones', async () => {
  const bytes = xmlOf(DEFLATE_POOL_MIN);
  const deflated = await browserCodec.deflateRawAsync(bytes);
  expect(Buffer.from(deflated).equals(Buffer.from(browserCodec.deflateRaw(bytes)))).toBe(true);
  expect(Buffer.from(await browserCodec.inflateRawAsync(deflated, bytes.length)).equals(Buffer.from(bytes))).toBe(true);
  await expect(browserCodec.inflateRawAsync(deflated.subarray(0, 100), bytes.length)).rejects.toThrow();
});

describe('a workbook with large parts', () => {
  // 60 partners: the Indicators sheet is larger than INFLATE_POOL_MIN; the report tabs, than DEFLATE_POOL_MIN.
  const bytes = specToPackage(bigWorkbookSpec(60));
  const large = [...readZip(bytes, 'big.xlsx').values()].filter((e) => e.size >= INFLATE_POOL_MIN).map((e) => e.name);

  it('has parts large enough to go to the thread pool', () => {
    expect(large.length).toBeGreaterThan(0);
  });

  it('is read the same, inflated ahead or not', async () => {
    const sync = readPackage(bytes, 'big.xlsx');
    const ahead = await readPackageAsync(bytes, 'big.xlsx');
    expect(ahead.snapshot).toEqual(sync.snapshot);
    expect(ahead.styles).toEqual(sync.styles);
    expect(ahead.sheets.map((s) => s.info)).toEqual(sync.sheets.map((s) => s.info));
  });

  it('a large part asked for before its inflation ahead ended is inflated there, the same', async () => {
    const pkg = openPackage(bytes, 'big.xlsx');
    pkg.readAhead(large);
    expect(pkg.ready(large[0])).toBeInstanceOf(Promise);
    const now = pkg.part(large[0])!;
    expect(pkg.ready(large[0])).toBeUndefined();
    expect(Buffer.from(now).equals(Buffer.from(inflateEntry(pkg.entries.get(large[0])!, 'big.xlsx')))).toBe(true);
    for (const name of large.slice(1)) await pkg.ready(name);
  });

  it('a damaged large part is refused in one line by the reader, as the sync one does', async () => {
    const damaged = Buffer.from(bytes);
    const e = readZip(bytes, 'big.xlsx').get(large[large.length - 1])!;
    const at = damaged.indexOf(Buffer.from(e.data.subarray(0, 64)));
    damaged.fill(0xff, at + 20, at + 400);
    expect(() => readPackage(damaged, 'bad.xlsx')).toThrow(DAMAGED('bad.xlsx'));
    await expect(readPackageFile(damaged, 'bad.xlsx')).rejects.toThrow(DAMAGED('bad.xlsx'));
  });

  it('is consolidated and cleared into the same bytes, deflated in the thread pool or not', async () => {
    const book = readPackage(bytes, 'big.xlsx');
    const plan = consolidateWorkbook(userSheetsOnly(book.snapshot, readPackageState(book)), { now: new Date('2026-01-15T10:00:00Z') }).plan;
    const sync = consolidatePackage(book, plan);
    const pooled = await consolidatePackageAsync(readPackage(bytes, 'big.xlsx'), plan);
    expect(Buffer.concat(pooled).equals(sync)).toBe(true);
    // The report tabs were large enough for the pool.
    expect([...readZip(sync, 'out.xlsx').values()].filter((e) => e.size >= DEFLATE_POOL_MIN).length).toBeGreaterThan(large.length);
    const consolidated = readPackage(sync, 'out.xlsx');
    expect(Buffer.concat(await clearPackageAsync(consolidated)).equals(clearPackage(readPackage(sync, 'out.xlsx')))).toBe(true);
  });
});

test('OUT is written from its pieces, in order, more of them than one system call takes (1024)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'clx-pieces-'));
  try {
    const pieces = Array.from({ length: 3000 }, (_, i) => new TextEncoder().encode(i % 7 === 0 ? '' : `<p${i}>`.repeat(i % 5)));
    await writePieces(join(dir, 'out.bin'), pieces);
    expect(readFileSync(join(dir, 'out.bin')).equals(Buffer.concat(pieces))).toBe(true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
