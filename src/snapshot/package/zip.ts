/**
 * The zip layer of an .xlsx package. Reading: the central directory is walked here, so that every entry keeps
 * its compressed bytes (a part we do not change is copied into the output as it was, never re-compressed) and
 * only the parts we need are inflated (Node's zlib, to at most the declared size: a zip bomb cannot make it
 * grow; native inflate costs a fraction of fflate's on a large workbook). Writing: copied entries and new ones (deflated with Node's zlib) in one archive.
 * The compression calls go through `./codec` (Node's zlib; in the task pane's bundle, fflate: codec.browser.ts).
 * The command line's writer hands its large new parts to libuv's thread pool (writeZipAsync): another core deflates
 * them while JavaScript goes on, for the same bytes.
 */
import { concat, crc32, deflateRaw, deflateRawAsync, inflateRaw, utf8 } from './codec';
import { UserError } from '../../util/errors';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** The compressed bytes, a view into the file. */
  data: Uint8Array;
  /** Local header's modification time and date, kept for copied entries. */
  time: number;
  date: number;
}

/** Whole package, unpacked, above which we refuse: a real workbook of this size would not fit in memory. */
/** Byte arrays one after the other in one (the codec's: Node's Buffer.concat, or a loop in the pane). */
export { concat };

export const MAX_UNZIPPED = 1024 * 1024 * 1024;
/** An entry this many times larger than its compressed bytes, and large, is a zip bomb, not a workbook. */
const MAX_RATIO = 1000;

const u16 = (b: Uint8Array, p: number) => b[p] | (b[p + 1] << 8);
const u32 = (b: Uint8Array, p: number) => (b[p] | (b[p + 1] << 8) | (b[p + 2] << 16)) + b[p + 3] * 0x1000000;

function damaged(name: string): UserError {
  return new UserError(`cannot read ${name}: the file is truncated or damaged (its zip archive cannot be read)`);
}

/** The entries of a zip archive by name, in archive order; a UserError when it is damaged, encrypted or a bomb. */
export function readZip(bytes: Uint8Array, name: string): Map<string, ZipEntry> {
  // End of central directory: the last signature within the final 64 kB + 22 bytes.
  let eocd = -1;
  for (let p = bytes.length - 22; p >= Math.max(0, bytes.length - 65557); p--) {
    if (bytes[p] === 0x50 && bytes[p + 1] === 0x4b && bytes[p + 2] === 0x05 && bytes[p + 3] === 0x06) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) throw damaged(name);
  const count = u16(bytes, eocd + 10);
  let p = u32(bytes, eocd + 16);
  if (count === 0xffff || p === 0xffffffff) throw new UserError(`cannot read ${name}: its zip archive is in the ZIP64 form, larger than any workbook this command line reads`);
  const entries = new Map<string, ZipEntry>();
  let total = 0;
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) throw damaged(name);
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const crc = u32(bytes, p + 16);
    const compressedSize = u32(bytes, p + 20);
    const size = u32(bytes, p + 24);
    const nameLength = u16(bytes, p + 28);
    const local = u32(bytes, p + 42);
    const entryName = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    p += 46 + nameLength + u16(bytes, p + 30) + u16(bytes, p + 32);
    if (flags & 1) throw new UserError(`cannot read ${name}: the workbook is password-protected (remove the password in Excel and save again)`);
    if (local + 30 > bytes.length || u32(bytes, local) !== 0x04034b50) throw damaged(name);
    const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    if (start + compressedSize > bytes.length) throw damaged(name);
    total += size;
    if (total > MAX_UNZIPPED || (size > 10 * 1024 * 1024 && size > compressedSize * MAX_RATIO)) {
      throw new UserError(`cannot read ${name}: it unpacks to far more than any workbook (${entryName}: ${compressedSize} bytes to ${size}), a zip bomb`);
    }
    const time = u16(bytes, local + 10);
    const date = u16(bytes, local + 12);
    entries.set(entryName, { name: entryName, method, flags, crc, compressedSize, size, data: bytes.subarray(start, start + compressedSize), time, date });
  }
  return entries;
}

/** An entry's bytes, inflated; a UserError when they are not what the directory says. */
export function inflateEntry(entry: ZipEntry, name: string): Uint8Array {
  let out: Uint8Array;
  if (entry.method === 0) out = entry.data;
  else if (entry.method === 8) {
    try {
      out = entry.size === 0 ? new Uint8Array(0) : inflateRaw(entry.data, entry.size);
    } catch {
      throw damaged(name);
    }
  } else throw new UserError(`cannot read ${name}: its part ${entry.name} is compressed in a way xlsx files never are (method ${entry.method})`);
  if (out.length !== entry.size || crc32(out) !== entry.crc) throw damaged(name);
  return out;
}

/**
 * New entries at least this large are worth deflating in the thread pool (writeZipAsync): handing one over costs the
 * main thread about what deflating 15 kB does here.
 */
export const DEFLATE_POOL_MIN = 32 * 1024;

/** One entry of the archive to write: copied as it was (compressed bytes kept) or new bytes to deflate. */
export type OutEntry = { name: string; copy: ZipEntry } | { name: string; bytes: Uint8Array };

const DOS_TIME = 0; // 00:00:00
const DOS_DATE = (1980 - 1980) << 9 | 1 << 5 | 1; // 1980-01-01: new parts carry no time (same input, same output)

const w16 = (b: Uint8Array, p: number, v: number) => {
  b[p] = v & 0xff;
  b[p + 1] = (v >>> 8) & 0xff;
};
const w32 = (b: Uint8Array, p: number, v: number) => {
  b[p] = v & 0xff;
  b[p + 1] = (v >>> 8) & 0xff;
  b[p + 2] = (v >>> 16) & 0xff;
  b[p + 3] = (v >>> 24) & 0xff;
};

/** A new entry as the archive keeps it: deflated (method 8) unless tiny or deflate would not make it smaller; its CRC. */
interface Packed {
  method: number;
  data: Uint8Array;
  crc: number;
}

function pack(bytes: Uint8Array, deflated: Uint8Array | null, crc = crc32(bytes)): Packed {
  return deflated && deflated.length < bytes.length ? { method: 8, data: deflated, crc } : { method: 0, data: bytes, crc };
}

/** Whether a new entry is deflated at all (a tiny one is stored). */
const worthDeflating = (bytes: Uint8Array) => bytes.length > 64;

/** A zip archive of the entries, in order. Store for tiny parts, deflate for the rest. */
export function writeZip(entries: OutEntry[]): Buffer {
  return concat(pieces(entries, (bytes) => pack(bytes, worthDeflating(bytes) ? deflateRaw(bytes) : null)));
}

/**
 * writeZip's archive, byte for byte, in pieces to write one after the other (a file written from them needs no copy
 * of the whole: fresh memory is dear), with the large new entries deflated in the thread pool, in parallel with each
 * other and with the rest (small entries deflated, every CRC) done here meanwhile. `early`: deflations the caller
 * started (by the entry's bytes) as soon as those bytes existed, while it built the next ones.
 */
export async function writeZipAsync(entries: OutEntry[], early?: ReadonlyMap<Uint8Array, Promise<Uint8Array>>): Promise<Uint8Array[]> {
  const pool = new Map<Uint8Array, Promise<Uint8Array>>();
  for (const e of entries) {
    if ('copy' in e || pool.has(e.bytes) || !worthDeflating(e.bytes)) continue;
    // deflateEarly, as the caller's: a failure is heard below, and until then never counts as unhandled.
    const started = early?.get(e.bytes) ?? (e.bytes.length >= DEFLATE_POOL_MIN ? deflateEarly(e.bytes) : undefined);
    if (started) pool.set(e.bytes, started);
  }
  const packs = new Map<Uint8Array, Packed>();
  const crcs = new Map<Uint8Array, number>();
  for (const e of entries) {
    if ('copy' in e || packs.has(e.bytes) || crcs.has(e.bytes)) continue;
    if (pool.has(e.bytes)) crcs.set(e.bytes, crc32(e.bytes));
    else packs.set(e.bytes, pack(e.bytes, worthDeflating(e.bytes) ? deflateRaw(e.bytes) : null));
  }
  // Every one awaited, so that none is left to fail unheard.
  const settled = await Promise.allSettled([...pool].map(async ([bytes, p]) => packs.set(bytes, pack(bytes, await p, crcs.get(bytes)))));
  for (const s of settled) if (s.status === 'rejected') throw s.reason;
  return pieces(entries, (bytes) => packs.get(bytes)!);
}

/**
 * A new entry's deflation in the thread pool (by a caller before writeZipAsync, its `early`, or by writeZipAsync),
 * which writeZipAsync awaits and reports.
 */
export function deflateEarly(bytes: Uint8Array): Promise<Uint8Array> {
  const p = deflateRawAsync(bytes);
  // Never unhandled: not awaited when its part is replaced before the zip, or when the zip fails before awaiting it.
  p.catch(() => undefined);
  return p;
}

/**
 * The archive of the entries, in order, each new one as `packed` gives it, in pieces: each entry's local header and
 * name, its data (as it is: no copy), and the central directory with the end record.
 */
function pieces(entries: OutEntry[], packed: (bytes: Uint8Array) => Packed): Uint8Array[] {
  const records = entries.map((e) => {
    const name = utf8(e.name);
    if ('copy' in e) {
      const { method, crc, size, data, time, date } = e.copy;
      return { name, method, crc, size, data, time, date };
    }
    const { method, crc, data } = packed(e.bytes);
    return { name, method, crc, size: e.bytes.length, data, time: DOS_TIME, date: DOS_DATE };
  });
  const out: Uint8Array[] = [];
  let cdSize = 0;
  for (const r of records) cdSize += 46 + r.name.length;
  const cd = new Uint8Array(cdSize + 22);
  let offset = 0;
  let p = 0;
  for (const r of records) {
    const local = new Uint8Array(30 + r.name.length);
    w32(local, 0, 0x04034b50);
    w16(local, 4, 20);
    w16(local, 6, 0x0800); // UTF-8 names
    w16(local, 8, r.method);
    w16(local, 10, r.time);
    w16(local, 12, r.date);
    w32(local, 14, r.crc);
    w32(local, 18, r.data.length);
    w32(local, 22, r.size);
    w16(local, 26, r.name.length);
    local.set(r.name, 30);
    out.push(local, r.data);
    w32(cd, p, 0x02014b50);
    w16(cd, p + 4, 20);
    w16(cd, p + 6, 20);
    w16(cd, p + 8, 0x0800);
    w16(cd, p + 10, r.method);
    w16(cd, p + 12, r.time);
    w16(cd, p + 14, r.date);
    w32(cd, p + 16, r.crc);
    w32(cd, p + 20, r.data.length);
    w32(cd, p + 24, r.size);
    w16(cd, p + 28, r.name.length);
    w32(cd, p + 42, offset);
    cd.set(r.name, p + 46);
    p += 46 + r.name.length;
    offset += local.length + r.data.length;
  }
  w32(cd, p, 0x06054b50);
  w16(cd, p + 8, entries.length);
  w16(cd, p + 10, entries.length);
  w32(cd, p + 12, cdSize);
  w32(cd, p + 16, offset);
  out.push(cd);
  return out;
}
