/** The corpus's password-protected xlsx is really encrypted (checked once by hand: msoffcrypto-tool -p secret gives the original bytes back). */
import { sampleBytes } from './books';
import { encryptXlsx } from './encrypt';

test('an OLE compound file with EncryptionInfo (AES-128, SHA-1) and EncryptedPackage streams; no readable zip inside', async () => {
  const xlsx = await sampleBytes();
  const enc = encryptXlsx(xlsx, 'secret');
  expect(enc.subarray(0, 8).toString('hex')).toBe('d0cf11e0a1b11ae1');
  expect(enc.includes(Buffer.from('EncryptionInfo', 'utf16le'))).toBe(true);
  expect(enc.includes(Buffer.from('EncryptedPackage', 'utf16le'))).toBe(true);
  expect(enc.includes(Buffer.from('Microsoft Enhanced RSA and AES Cryptographic Provider', 'utf16le'))).toBe(true);
  expect(enc.includes(Buffer.from('PK\u0003\u0004', 'latin1'))).toBe(false);
  expect(enc.includes(Buffer.from('[Content_Types]'))).toBe(false);
  expect(enc.includes(xlsx.subarray(1000, 1032))).toBe(false);
  // The package stream starts with the plain size, then whole AES blocks; a fresh salt each time.
  expect(enc.includes(Buffer.from(new BigUint64Array([BigInt(xlsx.length)]).buffer))).toBe(true);
  expect(encryptXlsx(xlsx, 'secret').equals(enc)).toBe(false);
}, 30000);
