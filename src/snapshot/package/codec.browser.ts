/**
 * The task pane's codec (see codec.ts, whose place this module takes in the pane's bundle): fflate's raw
 * inflate and deflate, a table-driven CRC-32, TextEncoder. Same signatures as codec.ts (a test holds them to it).
 */
import { deflateSync, inflateSync } from 'fflate';

/** Raw deflate data inflated into a buffer of exactly `size` bytes: it cannot grow past it. */
export function inflateRaw(data: Uint8Array, size: number): Uint8Array {
  return inflateSync(data, { out: new Uint8Array(size) });
}

export function deflateRaw(data: Uint8Array): Uint8Array {
  return deflateSync(data, { level: 6 });
}

/** No thread pool in the pane: the sync call, as a promise (codec.ts's work on another core). */
export function deflateRawAsync(data: Uint8Array): Promise<Uint8Array> {
  return new Promise((resolve) => resolve(deflateRaw(data)));
}

const TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < data.length; i++) c = TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

const encoder = new TextEncoder();
export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** One Uint8Array (typed as codec.ts's Buffer: the pane only hands its bytes on, to a Blob). */
export function concat(chunks: Uint8Array[]): Buffer {
  let n = 0;
  for (const c of chunks) n += c.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out as unknown as Buffer;
}
