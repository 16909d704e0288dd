/**
 * An .xlsx package opened: its zip entries, parts inflated on demand, and the workbook part read (sheets in tab
 * order with their parts and visibility, defined names, the 1904 date system). Unreadable input is a UserError
 * with a one-line reason naming the file.
 */
import { promises as fs } from 'fs';
import { UserError } from '../../util/errors';
import type { SheetVisibility } from '../types';
import { inflateEntry, readZip, type ZipEntry } from './zip';
import { own, partText } from './xml';
import { scanXml } from './scan';

export interface PackageSheet {
  name: string;
  sheetId: string;
  relId: string;
  visibility: SheetVisibility;
  /** Its part ('xl/worksheets/sheet1.xml'); null when the relationship is missing. */
  part: string | null;
  /** 'worksheet', 'chartsheet', 'dialogsheet', 'macrosheet' by the relationship's type. */
  kind: string;
}

export interface DefinedName {
  name: string;
  localSheetId: number | null;
  hidden: boolean;
  text: string;
}

export interface XlsxPackage {
  file: string;
  bytes: Uint8Array;
  entries: Map<string, ZipEntry>;
  /** A part's bytes (inflated once), or undefined when the package has no such part. */
  part(name: string): Uint8Array | undefined;
  text(name: string): string | undefined;
  /** Lets go of a part's inflated bytes (it is inflated again if asked for). */
  forget(name: string): void;
  workbookPart: string;
  sheets: PackageSheet[];
  definedNames: DefinedName[];
  date1904: boolean;
}

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

function startsWith(buf: Uint8Array, magic: number[]): boolean {
  return buf.length >= magic.length && magic.every((b, i) => buf[i] === b);
}

/** A relationship target resolved against the part that holds the relationship. */
export function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const base = fromPart.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') base.pop();
    else if (seg !== '.' && seg !== '') base.push(seg);
  }
  return base.join('/');
}

/** The .rels part of a part: xl/workbook.xml → xl/_rels/workbook.xml.rels. */
export function relsPartOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

/** Relationships read, by package and part: the workbook's are asked for twice, and hold a line per sheet. */
const relsRead = new WeakMap<object, Map<string, readonly Relationship[]>>();

export function readRels(pkg: Pick<XlsxPackage, 'text' | 'file'>, part: string): readonly Relationship[] {
  let byPart = relsRead.get(pkg);
  if (!byPart) relsRead.set(pkg, (byPart = new Map()));
  let rels = byPart.get(part);
  if (!rels) byPart.set(part, (rels = scanRels(pkg, part)));
  return rels;
}

function scanRels(pkg: Pick<XlsxPackage, 'text' | 'file'>, part: string): Relationship[] {
  const relsPart = relsPartOf(part);
  const text = pkg.text(relsPart);
  const out: Relationship[] = [];
  if (text === undefined) return out;
  scanXml(text, relsPart, pkg.file, {
    open(name, a) {
      if (name !== 'Relationship') return;
      const id = a.get('Id');
      const target = a.get('Target');
      if (id && target !== undefined) out.push({ id: own(id), type: own(a.get('Type') ?? ''), target: own(target), external: a.get('TargetMode') === 'External' });
    },
  });
  return out;
}

const VISIBILITY: Record<string, SheetVisibility> = { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' };

/** Whether the bytes hold `text` in UTF-16LE (an OLE stream's name); no Buffer, so the pane can run it too. */
function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  outer: for (let i = 0; i + 2 * text.length <= bytes.length; i++) {
    if (bytes[i] !== first || bytes[i + 1] !== 0) continue;
    for (let k = 1; k < text.length; k++) if (bytes[i + 2 * k] !== text.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    return true;
  }
  return false;
}

export function openPackage(bytes: Uint8Array, file: string): XlsxPackage {
  if (bytes.length === 0) throw new UserError(`cannot read ${file}: the file is empty`);
  if (startsWith(bytes, OLE_MAGIC)) {
    // Excel stores a password-protected xlsx as an OLE container with an EncryptedPackage stream.
    if (containsUtf16(bytes, 'EncryptedPackage')) {
      throw new UserError(`cannot read ${file}: the workbook is password-protected (remove the password in Excel and save again)`);
    }
    throw new UserError(`cannot read ${file}: it is an old-style .xls (or other OLE) file, not an xlsx (save it as .xlsx in Excel)`);
  }
  if (!startsWith(bytes, ZIP_MAGIC) && !startsWith(bytes, EMPTY_ZIP_MAGIC)) throw new UserError(`cannot read ${file}: not an xlsx file (not a zip archive)`);
  const entries = readZip(bytes, file);
  const cache = new Map<string, Uint8Array>();
  const lower = new Map<string, string>();
  for (const n of entries.keys()) lower.set(n.toLowerCase(), n);
  const part = (name: string): Uint8Array | undefined => {
    const hit = cache.get(name);
    if (hit) return hit;
    // Part names are case-insensitive in OPC.
    const entry = entries.get(name) ?? entries.get(lower.get(name.toLowerCase()) ?? '');
    if (!entry) return undefined;
    const out = inflateEntry(entry, file);
    cache.set(name, out);
    return out;
  };
  const text = (name: string) => {
    const b = part(name);
    return b === undefined ? undefined : partText(b);
  };
  if (entries.has('xl/workbook.bin')) throw new UserError(`cannot read ${file}: it is a binary workbook (.xlsb), not an xlsx (save it as .xlsx in Excel)`);
  if (entries.has('content.xml') && entries.has('mimetype')) throw new UserError(`cannot read ${file}: it is an OpenDocument file (.ods), not an xlsx (save it as .xlsx)`);
  // The workbook part is where the package's root relationship says (xl/workbook.xml nearly always).
  let workbookPart = 'xl/workbook.xml';
  const rootRels = text('_rels/.rels');
  if (rootRels !== undefined) {
    scanXml(rootRels, '_rels/.rels', file, {
      open(name, a) {
        if (name !== 'Relationship') return;
        const target = a.get('Target');
        if (/\/officeDocument$/.test(a.get('Type') ?? '') && target) workbookPart = resolveTarget('', target);
      },
    });
  }
  if (!lower.has(workbookPart.toLowerCase()) || !lower.has('[content_types].xml')) throw new UserError(`cannot read ${file}: a zip archive but not an xlsx workbook (no xl/workbook.xml)`);
  const forget = (name: string) => void cache.delete(name);
  const pkg: XlsxPackage = { file, bytes, entries, part, text, forget, workbookPart, sheets: [], definedNames: [], date1904: false };
  readWorkbook(pkg);
  return pkg;
}

function readWorkbook(pkg: XlsxPackage): void {
  const rels = new Map(readRels(pkg, pkg.workbookPart).map((r) => [r.id, r]));
  let inName: { name: string; localSheetId: number | null; hidden: boolean; text: string } | null = null;
  let sawSheets = false;
  scanXml(pkg.text(pkg.workbookPart)!, pkg.workbookPart, pkg.file, {
    open(name, a) {
      if (name === 'sheets') sawSheets = true;
      else if (name === 'sheet') {
        // r:id, whatever the relationships namespace's prefix.
        const idKey = a.get('r:id') !== undefined ? 'r:id' : a.names().find((k) => k.endsWith(':id'));
        const relId = idKey ? a.get(idKey)! : '';
        const rel = rels.get(relId);
        const kind = rel ? (/\/(\w+)$/.exec(rel.type)?.[1] ?? 'worksheet') : 'worksheet';
        pkg.sheets.push({
          name: own(a.get('name') ?? ''),
          sheetId: a.get('sheetId') ?? '',
          relId,
          visibility: VISIBILITY[a.get('state') ?? 'visible'] ?? 'Visible',
          part: rel && !rel.external ? resolveTarget(pkg.workbookPart, rel.target) : null,
          kind,
        });
      } else if (name === 'workbookPr') {
        const v = a.get('date1904');
        pkg.date1904 = v === '1' || v === 'true';
      } else if (name === 'definedName') {
        const local = a.get('localSheetId');
        const hidden = a.get('hidden');
        inName = { name: a.get('name') ?? '', localSheetId: local !== undefined ? Number(local) : null, hidden: hidden === '1' || hidden === 'true', text: '' };
      }
    },
    text(t) {
      if (inName) inName.text += t;
    },
    close(name) {
      if (name === 'definedName' && inName) {
        inName.name = own(inName.name);
        inName.text = own(inName.text);
        pkg.definedNames.push(inName);
        inName = null;
      }
    },
  });
  if (!sawSheets) throw new UserError(`cannot read ${pkg.file}: its contents could not be read (${pkg.workbookPart} lists no sheets)`);
}
