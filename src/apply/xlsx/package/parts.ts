/**
 * An .xlsx package being changed, in memory: every part of the input kept as its compressed bytes until
 * something reads or changes it, every part we write kept as text until the zip needs its bytes; parts we never touch go into the output exactly as they came. Relationship
 * parts and [Content_Types].xml are edited by small helpers so every part we add or take away is declared.
 * `texts()` gives the parts as texts by name (the report's DrawingML charts and notes' look work on it);
 * `toRecord()` / `setFromRecord()` as plain bytes by name, for a change to the unzipped package (tests).
 */
import type { XlsxPackage } from '../../../snapshot/package/open';
import { relsPartOf, resolveTarget } from '../../../snapshot/package/open';
import { deflateEarly, DEFLATE_POOL_MIN, inflateEntry, writeZip, writeZipAsync, type OutEntry, type ZipEntry } from '../../../snapshot/package/zip';
import { escapeXml, partText } from '../../../snapshot/package/xml';
import { attr, elements } from '../../../snapshot/package/styles';
import type { PartTexts } from '../charts';

const encoder = new TextEncoder();

export const REL = {
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  comments: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments',
  vmlDrawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing',
} as const;

export const CONTENT_TYPE = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
} as const;

export interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

/**
 * A part of the input (its compressed entry; its bytes once inflated), or one we wrote (as text until its bytes are
 * needed; its deflation, when started before the zip in the thread pool: deflateSoon).
 */
type Part = { copy: ZipEntry; bytes?: Uint8Array } | { bytes?: Uint8Array; text?: string; deflating?: Promise<Uint8Array> };

export const STRICT_MAIN = 'http://purl.oclc.org/ooxml/spreadsheetml/main';

/**
 * Transitional namespaces and relationship types, as strict OOXML spells them (a strict part is unchanged): only in
 * namespace declarations and relationships' Type, so a cell's text that spells such a URI stays as the user typed it.
 */
export function toStrict(xml: string): string {
  return xml
    .replace(/(\sxmlns(?::[\w.-]+)?=["'])http:\/\/schemas\.openxmlformats\.org\/spreadsheetml\/2006\/main(?=["'])/g, `$1${STRICT_MAIN}`)
    .replace(/(\s(?:xmlns(?::[\w.-]+)?|Type)=["'])http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships(?=["'/])/g, '$1http://purl.oclc.org/ooxml/officeDocument/relationships');
}

export class PackageEdit {
  private readonly parts = new Map<string, Part>();
  private readonly changed = new Set<string>();
  /** Relationships read, by the part that holds them (dropped when that rels part changes). */
  private readonly relsCache = new Map<string, Rel[]>();

  /** A strict OOXML package (ISO 29500 Strict): what we write uses its namespaces and relationship types. */
  readonly strict: boolean;

  constructor(private readonly pkg: XlsxPackage) {
    for (const [name, entry] of pkg.entries) {
      if (name.endsWith('/')) continue; // folder entries
      this.parts.set(name, { copy: entry });
    }
    this.strict = (pkg.text(pkg.workbookPart) ?? '').includes(STRICT_MAIN);
  }

  get file(): string {
    return this.pkg.file;
  }

  has(name: string): boolean {
    return this.parts.has(name);
  }

  names(): string[] {
    return [...this.parts.keys()];
  }

  bytes(name: string): Uint8Array | undefined {
    const p = this.parts.get(name);
    if (!p) return undefined;
    if (p.bytes) return p.bytes;
    if (!('copy' in p)) return (p.bytes = encoder.encode(p.text ?? ''));
    const cached = this.pkg.part(name);
    const b = cached ?? inflateEntry((p as { copy: ZipEntry }).copy, this.pkg.file);
    (p as { bytes?: Uint8Array }).bytes = b;
    return b;
  }

  text(name: string): string | undefined {
    const p = this.parts.get(name);
    if (p && !('copy' in p) && p.text !== undefined) return p.text;
    const b = this.bytes(name);
    return b === undefined ? undefined : partText(b);
  }

  /** A part written as text stays text until its bytes are needed: a report tab is changed again (notes, charts) before the zip. */
  set(name: string, content: string | Uint8Array): void {
    if (name.endsWith('.rels')) this.relsCache.clear();
    this.parts.set(name, typeof content === 'string' ? { text: this.strict ? toStrict(content) : content } : { bytes: content });
    this.changed.add(name);
  }

  delete(name: string): void {
    if (name.endsWith('.rels')) this.relsCache.clear();
    this.parts.delete(name);
    this.changed.add(name);
  }

  /** Whether a part was added, changed or deleted. */
  isChanged(name: string): boolean {
    return this.changed.has(name);
  }

  /** A part name not yet in the package: prefix + the first free number + suffix. */
  freeName(prefix: string, suffix: string): string {
    const lower = new Set([...this.parts.keys()].map((n) => n.toLowerCase()));
    for (let i = 1; ; i++) {
      const n = `${prefix}${i}${suffix}`;
      if (!lower.has(n.toLowerCase())) return n;
    }
  }

  // --- relationships ---

  rels(part: string): Rel[] {
    const hit = this.relsCache.get(part);
    if (hit) return hit;
    const text = this.text(relsPartOf(part));
    const rels = text === undefined ? [] : elements(text, 'Relationship').map((r) => ({ id: attr(r, 'Id') ?? '', type: attr(r, 'Type') ?? '', target: attr(r, 'Target') ?? '', external: attr(r, 'TargetMode') === 'External' }));
    this.relsCache.set(part, rels);
    return rels;
  }

  /** The part a relationship of `part` points to. */
  target(part: string, rel: Rel): string {
    return resolveTarget(part, rel.target);
  }

  /** Adds a relationship from `part` to `targetPart` and returns its id. */
  addRel(part: string, type: string, targetPart: string): string {
    const relsPart = relsPartOf(part);
    const text = this.text(relsPart) ?? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    const ids = new Set(this.rels(part).map((r) => r.id));
    let n = 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const target = relativeTarget(part, targetPart);
    const rel = `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`;
    const close = /<\/(\w+:)?Relationships>\s*$/.exec(text);
    if (close) this.set(relsPart, text.slice(0, close.index) + rel + text.slice(close.index));
    else this.set(relsPart, text.replace(/<(\w+:)?Relationships\b([^>]*?)\/>/, (_m, p = '', a) => `<${p}Relationships${a}>${rel}</${p}Relationships>`));
    return id;
  }

  /** Takes away the relationships of `part` with these ids; the rels part goes when none is left. */
  removeRels(part: string, ids: Set<string>): void {
    const relsPart = relsPartOf(part);
    const text = this.text(relsPart);
    if (text === undefined || ids.size === 0) return;
    const next = text.replace(/<(\w+:)?Relationship\b[^>]*?(\/>|>[\s\S]*?<\/(\w+:)?Relationship>)/g, (m) => (ids.has(attr(m, 'Id') ?? '') ? '' : m));
    if (!/<(\w+:)?Relationship\b/.test(next)) this.delete(relsPart);
    else this.set(relsPart, next);
  }

  // --- content types ---

  /** Declares a part's content type (an Override), unless a Default for its extension already says the same. */
  declare(part: string, contentType: string): void {
    const name = '[Content_Types].xml';
    const text = this.text(name)!;
    const ext = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
    for (const d of elements(text, 'Default')) if ((attr(d, 'Extension') ?? '').toLowerCase() === ext && attr(d, 'ContentType') === contentType) return;
    for (const o of elements(text, 'Override')) if ((attr(o, 'PartName') ?? '').toLowerCase() === `/${part}`.toLowerCase()) return;
    const add = `<Override PartName="/${escapeXml(part)}" ContentType="${contentType}"/>`;
    const close = /<\/(\w+:)?Types>\s*$/.exec(text)!;
    this.set(name, text.slice(0, close.index) + add + text.slice(close.index));
  }

  /** Takes a part's Override away (a Default for its extension stays: other parts may use it). */
  undeclare(parts: Set<string>): void {
    if (parts.size === 0) return;
    const name = '[Content_Types].xml';
    const lower = new Set([...parts].map((p) => `/${p}`.toLowerCase()));
    const text = this.text(name)!;
    const next = text.replace(/<(\w+:)?Override\b[^>]*?(\/>|>\s*<\/(\w+:)?Override>)/g, (m) => (lower.has((attr(m, 'PartName') ?? '').toLowerCase()) ? '' : m));
    if (next !== text) this.set(name, next);
  }

  /**
   * The package as texts (the report's charts and notes work on it): setting a part to the text it holds
   * already leaves it as it was (a part of the input stays copied as its compressed bytes).
   */
  texts(): PartTexts {
    return {
      text: (name) => this.text(name),
      set: (name, text) => {
        if (this.text(name) !== (this.strict ? toStrict(text) : text)) this.set(name, text);
      },
      names: () => this.names(),
    };
  }

  // --- output ---

  /** The archive: parts in their original order (new ones after), unchanged ones copied compressed as they were. */
  toZip(): Buffer {
    return writeZip(this.outEntries());
  }

  /** toZip's archive, byte for byte, in pieces to write in order, its large new parts deflated in the thread pool (writeZipAsync). */
  toZipAsync(): Promise<Uint8Array[]> {
    const entries = this.outEntries();
    const early = new Map<Uint8Array, Promise<Uint8Array>>();
    for (const p of this.parts.values()) if (!('copy' in p) && p.bytes && p.deflating) early.set(p.bytes, p.deflating);
    return writeZipAsync(entries, early);
  }

  /**
   * A large part we wrote as bytes starts its deflation in the thread pool now, on another core while the next part
   * is built; toZipAsync takes it (setting the part again drops it).
   */
  deflateSoon(name: string): void {
    const p = this.parts.get(name);
    if (!p || 'copy' in p || !p.bytes || p.deflating || p.bytes.length < DEFLATE_POOL_MIN) return;
    p.deflating = deflateEarly(p.bytes);
  }

  private outEntries(): OutEntry[] {
    const out: OutEntry[] = [];
    // [Content_Types].xml first, as Office writes it.
    const names = [...this.parts.keys()].sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : 0));
    for (const name of names) {
      const p = this.parts.get(name)!;
      if ('copy' in p && !this.changed.has(name)) out.push({ name, copy: p.copy });
      else out.push({ name, bytes: this.bytes(name)! });
    }
    return out;
  }

  /**
   * Every part as plain bytes by name. A part not read yet is inflated only when the record's user reads it (the
   * report's charts read a few parts of a package that may hold hundreds of sheets).
   */
  toRecord(): Record<string, Uint8Array> {
    const out: Record<string, Uint8Array> = {};
    for (const [name, p] of this.parts) {
      if (p.bytes) {
        out[name] = p.bytes;
        continue;
      }
      // Inflated (a part of the input) or encoded (one we wrote as text) when read.
      Object.defineProperty(out, name, {
        enumerable: true,
        configurable: true,
        get: () => this.bytes(name),
        set: (value: Uint8Array) => Object.defineProperty(out, name, { value, writable: true, enumerable: true, configurable: true }),
      });
    }
    return out;
  }

  /** Takes back a package changed as plain bytes: parts whose bytes differ or are new are set, missing ones deleted. */
  setFromRecord(rec: Record<string, Uint8Array>): void {
    for (const name of [...this.parts.keys()]) if (!(name in rec)) this.delete(name);
    for (const name of Object.keys(rec)) {
      const d = Object.getOwnPropertyDescriptor(rec, name)!;
      if (d.get) continue; // toRecord's part, never written
      const bytes = d.value as Uint8Array;
      const p = this.parts.get(name);
      if (p && !('copy' in p)) {
        // One of ours (changed already): taken as it comes, without encoding the old text to compare.
        if (p.bytes !== bytes) this.set(name, bytes);
        continue;
      }
      const old = p ? this.bytes(name) : undefined;
      if (old === bytes) continue;
      if (old === undefined || old.length !== bytes.length || Buffer.compare(Buffer.from(old.buffer, old.byteOffset, old.length), Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)) !== 0) this.set(name, bytes);
    }
  }
}

/** The target of a relationship from `fromPart` to `toPart`, relative as Office writes it. */
export function relativeTarget(fromPart: string, toPart: string): string {
  const from = fromPart.split('/').slice(0, -1);
  const to = toPart.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...Array(from.length - i).fill('..'), ...to.slice(i)].join('/');
}
