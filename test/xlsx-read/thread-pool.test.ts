/**
 * The command line's deflation in libuv's thread pool: the large parts the writer makes are deflated as soon as they
 * exist; OUT is written from the zip's pieces. The same bytes written, byte for byte, as the sync path.
 */
import * as fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { deflateRawSync } from 'zlib';
import * as nodeCodec from '../../src/snapshot/package/codec';
import * as browserCodec from '../../src/snapshot/package/codec.browser';
import { DEFLATE_POOL_MIN, deflateEarly, readZip, writeZip, writeZipAsync, type OutEntry, type ZipEntry } from '../../src/snapshot/package/zip';
import { readPackage } from '../../src/snapshot/package-reader';
import { specToPackage } from '../../src/apply/xlsx/package/new-package';
import { clearPackage, clearPackageAsync, consolidatePackage, consolidatePackageAsync, readPackageState } from '../../src/apply/xlsx/package/apply';
import { userSheetsOnly, writePieces } from '../../src/apply/xlsx/files';
import { consolidateWorkbook } from '../../src/engine';
import { bigWorkbookSpec } from '../support/big-workbook';

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

test('the task pane’s codec has no thread pool: its async deflate is its sync one', async () => {
  const bytes = xmlOf(DEFLATE_POOL_MIN);
  expect(Buffer.from(await browserCodec.deflateRawAsync(bytes)).equals(Buffer.from(browserCodec.deflateRaw(bytes)))).toBe(true);
});

describe('a workbook with large parts', () => {
  // 60 partners: the report tabs are larger than DEFLATE_POOL_MIN.
  const bytes = specToPackage(bigWorkbookSpec(60));

  it('is consolidated and cleared into the same bytes, deflated in the thread pool or not', async () => {
    const book = readPackage(bytes, 'big.xlsx');
    const plan = consolidateWorkbook(userSheetsOnly(book.snapshot, readPackageState(book)), { now: new Date('2026-01-15T10:00:00Z') }).plan;
    const sync = consolidatePackage(book, plan);
    const pooled = await consolidatePackageAsync(readPackage(bytes, 'big.xlsx'), plan);
    expect(Buffer.concat(pooled).equals(sync)).toBe(true);
    // The report tabs were large enough for the pool.
    const input = [...readZip(bytes, 'big.xlsx').values()].filter((e) => e.size >= DEFLATE_POOL_MIN).length;
    expect([...readZip(sync, 'out.xlsx').values()].filter((e) => e.size >= DEFLATE_POOL_MIN).length).toBeGreaterThan(input);
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
