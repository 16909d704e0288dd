/**
 * A really password-protected xlsx, as Excel writes one: the package encrypted with ECMA-376 Standard Encryption
 * (AES-128, SHA-1 key derivation with 50,000 rounds, MS-OFFCRYPTO 2.3.4.5-2.3.4.9) inside an OLE compound file
 * with the EncryptionInfo and EncryptedPackage streams. No tool here writes one (LibreOffice 7.4 ignores the
 * password for xlsx; msoffcrypto-tool 5.0 only decrypts), so it is made here; msoffcrypto-tool decrypts it.
 */
import { createCipheriv, createHash, randomBytes } from 'crypto';

const sha1 = (...parts: Buffer[]) => createHash('sha1').update(Buffer.concat(parts)).digest();
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
};

function aesEcb(key: Buffer, data: Buffer): Buffer {
  const c = createCipheriv('aes-128-ecb', key, null);
  c.setAutoPadding(false);
  return Buffer.concat([c.update(data), c.final()]);
}

function padTo(buf: Buffer, n: number): Buffer {
  const len = Math.ceil(buf.length / n) * n;
  return buf.length === len ? buf : Buffer.concat([buf, Buffer.alloc(len - buf.length)]);
}

/** The AES-128 key for a password (2.3.4.7). */
function deriveKey(password: string, salt: Buffer): Buffer {
  let h = sha1(salt, Buffer.from(password, 'utf16le'));
  for (let i = 0; i < 50000; i++) h = sha1(u32(i), h);
  const final = sha1(h, u32(0));
  const x = (fill: number) => {
    const b = Buffer.alloc(64, fill);
    for (let i = 0; i < final.length; i++) b[i] ^= final[i];
    return sha1(b);
  };
  return Buffer.concat([x(0x36), x(0x5c)]).subarray(0, 16);
}

function encryptionInfo(key: Buffer, salt: Buffer): Buffer {
  const csp = Buffer.from('Microsoft Enhanced RSA and AES Cryptographic Provider\0', 'utf16le');
  const header = Buffer.concat([u32(0x24), u32(0), u32(0x660e), u32(0x8004), u32(128), u32(0x18), u32(0), u32(0), csp]);
  const verifier = randomBytes(16);
  const verifierHash = padTo(sha1(verifier), 32);
  const ver = Buffer.alloc(4);
  ver.writeUInt16LE(3, 0);
  ver.writeUInt16LE(2, 2);
  return Buffer.concat([ver, u32(0x24), u32(header.length), header, u32(16), salt, aesEcb(key, verifier), u32(20), aesEcb(key, verifierHash)]);
}

const SECTOR = 512;
const MINI = 64;
const END = 0xfffffffe;
const FREE = 0xffffffff;
const FATSECT = 0xfffffffd;
const NOSTREAM = 0xffffffff;

function dirEntry(name: string, type: number, left: number, right: number, child: number, start: number, size: number): Buffer {
  const e = Buffer.alloc(128);
  if (type !== 0) {
    const n = Buffer.from(`${name}\0`, 'utf16le');
    n.copy(e, 0);
    e.writeUInt16LE(n.length, 64);
    e.writeUInt8(type, 66);
    e.writeUInt8(1, 67); // black
  }
  e.writeUInt32LE(left, 68);
  e.writeUInt32LE(right, 72);
  e.writeUInt32LE(child, 76);
  e.writeUInt32LE(start >>> 0, 116);
  e.writeUInt32LE(size, 120);
  return e;
}

/** An OLE compound file (version 3) holding the two streams: EncryptionInfo in the mini stream, the package in sectors. */
function compoundFile(info: Buffer, pkg: Buffer): Buffer {
  const mini = padTo(info, MINI);
  const miniSectors = mini.length / MINI;
  const miniContainer = padTo(mini, SECTOR);
  const nMiniContainer = miniContainer.length / SECTOR;
  const pkgPadded = padTo(pkg, SECTOR);
  const nPkg = pkgPadded.length / SECTOR;
  // Sectors: 0 directory, 1 mini FAT, then the mini stream, the package, and the FAT itself.
  const firstMiniContainer = 2;
  const firstPkg = firstMiniContainer + nMiniContainer;
  const dataSectors = firstPkg + nPkg;
  let nFat = 1;
  while (dataSectors + nFat > nFat * (SECTOR / 4)) nFat++;
  if (nFat > 109) throw new Error('package too large for this writer');
  const fat = new Array<number>(nFat * (SECTOR / 4)).fill(FREE);
  fat[0] = END;
  fat[1] = END;
  const chain = (from: number, n: number) => {
    for (let i = 0; i < n; i++) fat[from + i] = i === n - 1 ? END : from + i + 1;
  };
  chain(firstMiniContainer, nMiniContainer);
  chain(firstPkg, nPkg);
  for (let i = 0; i < nFat; i++) fat[dataSectors + i] = FATSECT;
  const miniFat = new Array<number>(SECTOR / 4).fill(FREE);
  for (let i = 0; i < miniSectors; i++) miniFat[i] = i === miniSectors - 1 ? END : i + 1;

  const header = Buffer.alloc(512);
  Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(header, 0);
  header.writeUInt16LE(0x3e, 24);
  header.writeUInt16LE(3, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(9, 30);
  header.writeUInt16LE(6, 32);
  header.writeUInt32LE(nFat, 44);
  header.writeUInt32LE(0, 48); // first directory sector
  header.writeUInt32LE(0x1000, 56); // mini stream cutoff
  header.writeUInt32LE(1, 60); // first mini FAT sector
  header.writeUInt32LE(1, 64);
  header.writeUInt32LE(END, 68); // no DIFAT sectors
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i < nFat ? dataSectors + i : FREE, 76 + i * 4);

  const dir = Buffer.concat([
    dirEntry('Root Entry', 5, NOSTREAM, NOSTREAM, 2, firstMiniContainer, mini.length),
    dirEntry('EncryptionInfo', 2, NOSTREAM, NOSTREAM, NOSTREAM, 0, info.length),
    dirEntry('EncryptedPackage', 2, 1, NOSTREAM, NOSTREAM, firstPkg, pkg.length),
    dirEntry('', 0, NOSTREAM, NOSTREAM, NOSTREAM, 0, 0),
  ]);
  const words = (xs: number[]) => Buffer.concat(xs.map(u32));
  return Buffer.concat([header, dir, words(miniFat), miniContainer, pkgPadded, words(fat)]);
}

/** The xlsx bytes as Excel saves them with "Encrypt with password". */
export function encryptXlsx(xlsx: Buffer, password: string): Buffer {
  const salt = randomBytes(16);
  const key = deriveKey(password, salt);
  const size = Buffer.alloc(8);
  size.writeBigUInt64LE(BigInt(xlsx.length));
  const pkg = Buffer.concat([size, aesEcb(key, padTo(xlsx, 16))]);
  return compoundFile(encryptionInfo(key, salt), pkg);
}
