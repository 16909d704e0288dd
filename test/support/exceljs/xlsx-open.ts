/**
 * Opens an .xlsx file as bytes and says in one line why it cannot be read (not a zip, not an xlsx, truncated,
 * password-protected), before ExcelJS gets a chance to throw something obscure.
 */
import { promises as fs } from 'fs';
import JSZip from 'jszip';
import { UserError } from '../../../src/util/errors';

/** The file's bytes; a UserError naming the file when it is missing or no file. */
export async function readBytes(path: string): Promise<Buffer> {
  try {
    return await fs.readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw new UserError(`cannot read ${path}: ${why}`);
  }
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(buf: Buffer, magic: number[]): boolean {
  return buf.length >= magic.length && magic.every((b, i) => buf[i] === b);
}

/** Checks the bytes are an xlsx package and returns it opened; throws UserError with the reason otherwise. */
export async function openXlsx(buf: Buffer, name: string): Promise<JSZip> {
  if (buf.length === 0) throw new UserError(`cannot read ${name}: the file is empty`);
  if (startsWith(buf, OLE_MAGIC)) {
    // Excel stores a password-protected xlsx as an OLE container with an EncryptedPackage stream.
    if (buf.includes(Buffer.from('EncryptedPackage', 'utf16le'))) throw new UserError(`cannot read ${name}: the workbook is password-protected (remove the password in Excel and save again)`);
    throw new UserError(`cannot read ${name}: it is an old-style .xls (or other OLE) file, not an xlsx (save it as .xlsx in Excel)`);
  }
  if (!startsWith(buf, ZIP_MAGIC) && !startsWith(buf, EMPTY_ZIP_MAGIC)) throw new UserError(`cannot read ${name}: not an xlsx file (not a zip archive)`);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buf);
  } catch {
    throw new UserError(`cannot read ${name}: the file is truncated or damaged (its zip archive cannot be read)`);
  }
  if (zip.file('xl/workbook.bin')) throw new UserError(`cannot read ${name}: it is a binary workbook (.xlsb), not an xlsx (save it as .xlsx in Excel)`);
  if (zip.file('content.xml') && zip.file('mimetype')) throw new UserError(`cannot read ${name}: it is an OpenDocument file (.ods), not an xlsx (save it as .xlsx)`);
  if (!zip.file('[Content_Types].xml') || !zip.file('xl/workbook.xml')) throw new UserError(`cannot read ${name}: a zip archive but not an xlsx workbook (no xl/workbook.xml)`);
  return zip;
}
