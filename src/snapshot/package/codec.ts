/**
 * The package's compression calls (raw inflate capped at a declared size, raw deflate, also in libuv's thread pool;
 * CRC-32) and the byte buffers the zip writer fills, in one seam. This is the command line's: Node's zlib, native
 * and fast. The task pane's bundle replaces this module with `codec.browser.ts` (fflate and a CRC table) at build
 * time (webpack.config.js), so the command line never loads fflate and the pane never asks for Node's zlib.
 */
import { crc32 as zlibCrc32, deflateRaw as zlibDeflateRaw, deflateRawSync, inflateRawSync } from 'zlib';

/** Raw deflate data inflated to at most `size` bytes (a zip bomb cannot grow it); throws when the data is bad. */
export function inflateRaw(data: Uint8Array, size: number): Uint8Array {
  return inflateRawSync(data, { maxOutputLength: size });
}

/**
 * Raw deflate at level 4: half of level 6's time on the report tabs we write, for 6% more bytes (4.5 MB of tabs at
 * 500 partners: 22 ms and 637 kB against 43 ms and 600 kB).
 */
export function deflateRaw(data: Uint8Array): Uint8Array {
  return deflateRawSync(data, { level: 4 });
}

/*
 * Raw deflate in libuv's thread pool, on another core while JavaScript goes on (worth it for a large part only: see
 * zip.ts's DEFLATE_POOL_MIN). The output buffer holds the whole result, so the work is not handed back to the main
 * thread for each 16 kB of output (the default), which would wait there while JavaScript runs. Same bytes as
 * deflateRaw (same level, same zlib).
 */
export function deflateRawAsync(data: Uint8Array): Promise<Uint8Array> {
  // Room for deflate's worst case (stored blocks: 5 bytes per 16 kB and a little).
  const room = data.length + (data.length >> 10) + 1024;
  return new Promise((resolve, reject) => zlibDeflateRaw(data, { level: 4, chunkSize: room }, (e, out) => (e ? reject(e) : resolve(out))));
}

/** CRC-32 (the zip one), unsigned. */
export function crc32(data: Uint8Array): number {
  return zlibCrc32(data) >>> 0;
}

/** The bytes of a string in UTF-8. */
export function utf8(text: string): Uint8Array {
  return Buffer.from(text, 'utf8');
}

/** The chunks as one buffer (a Node Buffer here; a Uint8Array in the browser, where only its bytes are used). */
export function concat(chunks: Uint8Array[]): Buffer {
  return Buffer.concat(chunks);
}
