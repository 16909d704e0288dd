/**
 * Reads chosen entries of a zip package with Node's native inflate: looking through every worksheet's XML for
 * parts ExcelJS would drop costs a tenth of what JSZip's JavaScript inflate does. Plain zip only (no ZIP64, no
 * encryption): null when the package is of another kind, and the caller falls back to JSZip.
 */
import { inflateRawSync } from 'zlib';

export function readZipEntries(bytes: Buffer, wanted: (name: string) => boolean): Map<string, string> | null {
  const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > bytes.length) return null;
  const count = bytes.readUInt16LE(eocd + 10);
  let p = bytes.readUInt32LE(eocd + 16);
  const out = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== 0x02014b50) return null;
    const flags = bytes.readUInt16LE(p + 8);
    const method = bytes.readUInt16LE(p + 10);
    const size = bytes.readUInt32LE(p + 20);
    const nameLength = bytes.readUInt16LE(p + 28);
    const entryLength = 46 + nameLength + bytes.readUInt16LE(p + 30) + bytes.readUInt16LE(p + 32);
    const local = bytes.readUInt32LE(p + 42);
    const name = bytes.toString('utf8', p + 46, p + 46 + nameLength);
    p += entryLength;
    if (!wanted(name)) continue;
    if (flags & 1 || size === 0xffffffff || local + 30 > bytes.length || bytes.readUInt32LE(local) !== 0x04034b50) return null;
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(start, start + size);
    if (method === 0) out.set(name, data.toString('utf8'));
    else if (method === 8) out.set(name, inflateRawSync(data).toString('utf8'));
    else return null;
  }
  return out;
}
