/**
 * The styles part, appended to: fonts, fills, borders, number formats and cell formats we need are added at the
 * end of their lists (deduplicated), so every index the user's cells use keeps its meaning.
 */
import { attr, BUILTIN_NUMFMTS, elements, readStyles, section, type StylesInfo } from '../../../snapshot/package/styles';
import { escapeXml } from '../../../snapshot/package/xml';

const LISTS = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs'] as const;
type ListName = (typeof LISTS)[number];
const ITEM: Record<ListName, string> = { numFmts: 'numFmt', fonts: 'font', fills: 'fill', borders: 'border', cellStyleXfs: 'xf', cellXfs: 'xf' };

export const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

export class StylesEdit {
  readonly info: StylesInfo;
  private readonly existing: Record<ListName, string[]>;
  private readonly added: Record<ListName, string[]> = { numFmts: [], fonts: [], fills: [], borders: [], cellStyleXfs: [], cellXfs: [] };
  private readonly index = new Map<string, number>();
  private nextNumFmt = 164;

  constructor(private readonly xml: string) {
    this.info = readStyles(xml);
    this.existing = {} as Record<ListName, string[]>;
    for (const l of LISTS) {
      const s = section(xml, l);
      this.existing[l] = s ? elements(xml.slice(s.innerStart, s.innerEnd), ITEM[l]) : [];
    }
    for (const id of this.info.numFmts.keys()) if (id >= this.nextNumFmt) this.nextNumFmt = id + 1;
  }

  get changed(): boolean {
    return LISTS.some((l) => this.added[l].length > 0);
  }

  private add(list: ListName, itemXml: string): number {
    const key = `${list}\u0000${itemXml}`;
    const hit = this.index.get(key);
    if (hit !== undefined) return hit;
    // An identical item the user already has is used as it is.
    const own = this.existing[list].indexOf(itemXml);
    const i = own >= 0 ? own : this.existing[list].length + this.added[list].push(itemXml) - 1;
    this.index.set(key, i);
    return i;
  }

  numFmt(code: string | undefined): number {
    if (!code || code === 'General') return 0;
    for (const [id, c] of Object.entries(BUILTIN_NUMFMTS)) if (c === code) return Number(id);
    for (const [id, c] of this.info.numFmts) if (c === code) return id;
    const key = `numFmts\u0000${code}`;
    const hit = this.index.get(key);
    if (hit !== undefined) return hit;
    const id = this.nextNumFmt++;
    this.added.numFmts.push(`<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    this.index.set(key, id);
    return id;
  }

  font(xml: string): number {
    return this.add('fonts', xml);
  }
  fill(xml: string): number {
    return this.add('fills', xml);
  }
  border(xml: string): number {
    return this.add('borders', xml);
  }
  xf(xml: string): number {
    return this.add('cellXfs', xml);
  }

  /** A cell format's XML (existing or added), or the default one. */
  xfXml(i: number): string {
    return this.existing.cellXfs[i] ?? this.added.cellXfs[i - this.existing.cellXfs.length] ?? this.existing.cellXfs[0] ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
  }

  /** A fill's XML (existing or added) by its index. */
  fillXml(i: number): string | undefined {
    return this.existing.fills[i] ?? this.added.fills[i - this.existing.fills.length];
  }

  /** The fill a cell format uses, as XML. */
  fillOfXf(i: number): string | undefined {
    return this.fillXml(Number(attr(this.xfXml(i), 'fillId') ?? 0) || 0);
  }

  /** The cell format `base` with another fill (null: no fill), added when new. */
  withFill(base: number, fillXml: string | null): number {
    const fillId = fillXml === null ? this.noFill() : this.fill(fillXml);
    let xf = this.xfXml(base);
    xf = setAttr(xf, 'fillId', String(fillId));
    xf = setAttr(xf, 'applyFill', '1');
    return this.xf(xf);
  }

  private noFill(): number {
    const i = this.existing.fills.findIndex((f) => /patternType\s*=\s*["']none["']/.test(f));
    return i >= 0 ? i : this.fill('<fill><patternFill patternType="none"/></fill>');
  }

  /** The part's text with everything added. */
  toXml(): string {
    let xml = this.xml;
    const p = this.info.prefix;
    const pre = (s: string) => (p ? s.replace(/<(\/?)(\w)/g, `<$1${p}$2`) : s);
    for (const l of LISTS) {
      if (this.added[l].length === 0) continue;
      const items = pre(this.added[l].join(''));
      const count = this.existing[l].length + this.added[l].length;
      const s = section(xml, l);
      if (s) {
        const open = setAttr(xml.slice(s.start, s.innerStart).replace(/\/>$/, '>'), 'count', String(count));
        const close = s.end === s.innerEnd ? `</${p}${l}>` : xml.slice(s.innerEnd, s.end);
        xml = xml.slice(0, s.start) + open + xml.slice(s.innerStart, s.innerEnd) + items + close + xml.slice(s.end);
      } else {
        // A list the part lacks goes after the one before it in schema order (numFmts: first of all).
        const block = pre(`<${l} count="${count}">`) + items + `</${p}${l}>`;
        let at = -1;
        for (let k = LISTS.indexOf(l) - 1; k >= 0 && at < 0; k--) at = section(xml, LISTS[k])?.end ?? -1;
        if (at < 0) at = (/<(\w+:)?styleSheet\b[^>]*>/.exec(xml)?.index ?? 0) + (/<(\w+:)?styleSheet\b[^>]*>/.exec(xml)?.[0].length ?? 0);
        xml = xml.slice(0, at) + block + xml.slice(at);
      }
    }
    return xml;
  }
}

/** Sets (or adds) an attribute on an element's start tag, which may be the whole element. */
export function setAttr(xml: string, name: string, value: string): string {
  const tagEnd = xml.indexOf('>');
  const tag = xml.slice(0, tagEnd + 1);
  const rest = xml.slice(tagEnd + 1);
  const re = new RegExp(`(\\s${name}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, `$1"${escapeXml(value)}"`) + rest;
  const selfClosing = tag.endsWith('/>');
  return `${tag.slice(0, selfClosing ? -2 : -1).replace(/\s+$/, '')} ${name}="${escapeXml(value)}"${selfClosing ? '/>' : '>'}${rest}`;
}

export function removeAttr(xml: string, name: string): string {
  const tagEnd = xml.indexOf('>');
  return xml.slice(0, tagEnd + 1).replace(new RegExp(`\\s${name}\\s*=\\s*("[^"]*"|'[^']*')`), '') + xml.slice(tagEnd + 1);
}
