/**
 * The task pane's codec (fflate, a CRC table) in place of Node's zlib: the zip layer written and read with either
 * gives packages that both read identically, and that fflate's own unzip (a reader independent of ours) reads the
 * same. The browser codec is put in codec.ts's place the way the pane's bundle does, module for module.
 */
import * as fc from 'fast-check';
import { unzipSync } from 'fflate';
import { crc32 as zlibCrc32 } from 'zlib';
import * as nodeCodec from '../../src/snapshot/package/codec';
import * as browserCodec from '../../src/snapshot/package/codec.browser';
import type { OutEntry } from '../../src/snapshot/package/zip';

type Zip = typeof import('../../src/snapshot/package/zip');
const CODEC = require.resolve('../../src/snapshot/package/codec');

/** The zip layer over one codec or the other. */
function zipWith(codec: 'node' | 'browser'): Zip {
  let mod!: Zip;
  jest.isolateModules(() => {
    if (codec === 'browser') jest.doMock(CODEC, () => jest.requireActual('../../src/snapshot/package/codec.browser'));
    else jest.dontMock(CODEC);
    mod = jest.requireActual('../../src/snapshot/package/zip');
  });
  return mod;
}
const nodeZip = zipWith('node');
const browserZip = zipWith('browser');

// The same signatures: a codec.browser.ts that drifted from codec.ts would not compile here.
const sameShape: typeof nodeCodec = browserCodec;

/** Every entry's bytes as one zip layer reads them. */
function readAll(zip: Zip, bytes: Uint8Array): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const [name, e] of zip.readZip(bytes, 'p.zip')) out[name] = [...zip.inflateEntry(e, 'p.zip')];
  return out;
}

const partName = fc.stringMatching(/^[a-z]{1,8}(\/[a-zA-Z0-9_]{1,8}){0,2}\.(xml|rels|bin)$/);
const partBytes = fc.oneof(
  fc.uint8Array({ maxLength: 3000 }),
  fc.string({ unit: 'grapheme', maxLength: 400 }).map((s) => new TextEncoder().encode(`<x>${s.repeat(3)}</x>`)),
);
const parts = fc.uniqueArray(fc.tuple(partName, partBytes), { minLength: 1, maxLength: 8, selector: ([n]) => n });

test('the browser codec has the command line codec’s shape and answers the same CRC-32 as zlib', () => {
  expect(Object.keys(sameShape).sort()).toEqual(Object.keys(nodeCodec).sort());
  // Each zip layer runs on its own codec: Node's gives a Buffer, the browser's a plain Uint8Array.
  const one: OutEntry[] = [{ name: 'a.xml', bytes: new TextEncoder().encode('<a/>'.repeat(40)) }];
  expect(Buffer.isBuffer(nodeZip.writeZip(one))).toBe(true);
  expect(Buffer.isBuffer(browserZip.writeZip(one))).toBe(false);
  fc.assert(fc.property(fc.uint8Array({ maxLength: 5000 }), (b) => browserCodec.crc32(b) === zlibCrc32(b) >>> 0));
  expect(browserCodec.crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926); // the check value of CRC-32
});

test('packages written with either codec are read identically by both, and by fflate’s unzip', () => {
  fc.assert(
    fc.property(parts, (list) => {
      const entries: OutEntry[] = list.map(([name, bytes]) => ({ name, bytes }));
      const want = Object.fromEntries(list.map(([name, bytes]) => [name, [...bytes]]));
      for (const written of [nodeZip.writeZip(entries), browserZip.writeZip(entries)]) {
        expect(readAll(nodeZip, written)).toEqual(want);
        expect(readAll(browserZip, written)).toEqual(want);
        const independent = unzipSync(written);
        expect(Object.fromEntries(Object.entries(independent).map(([n, b]) => [n, [...b]]))).toEqual(want);
      }
    }),
    { numRuns: 60 },
  );
});

test('the browser codec refuses what zlib refuses: damaged data, and data inflating past its declared size', () => {
  const text = new TextEncoder().encode('<sheetData>'.repeat(500));
  const entries = browserZip.readZip(browserZip.writeZip([{ name: 'a.xml', bytes: text }]), 'a.zip');
  const e = entries.get('a.xml')!;
  expect(e.method).toBe(8);
  const longer = { ...e, size: e.size - 10 };
  for (const zip of [nodeZip, browserZip]) {
    expect(() => zip.inflateEntry(longer, 'a.xlsx')).toThrow('cannot read a.xlsx: the file is truncated or damaged (its zip archive cannot be read)');
    const broken = { ...e, data: e.data.map((b, i) => (i > 4 ? b ^ 0x5a : b)) };
    expect(() => zip.inflateEntry(broken, 'a.xlsx')).toThrow('cannot read a.xlsx: the file is truncated or damaged (its zip archive cannot be read)');
  }
});
