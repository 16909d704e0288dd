/**
 * XML of package parts through saxes (a small, strict, streaming SAX parser with no entity expansion beyond
 * the five predefined ones): elements by their local name, so prefixed namespaces (x:c) and strict OOXML read
 * like the usual form. A DOCTYPE is refused before parsing: no part of an xlsx has one, and entity
 * definitions are how an XML bomb is built.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { UserError } from '../../util/errors';

const decoder = new TextDecoder();

export function partText(bytes: Uint8Array): string {
  const text = decoder.decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export const localName = (name: string): string => {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
};

export interface XmlHandlers {
  /** `attrs` by their names as written (a prefixed one, r:id, with its prefix). */
  open?(name: string, attrs: Record<string, string>, tag: SaxesTagPlain): void;
  close?(name: string): void;
  text?(text: string): void;
}

/**
 * A string of its own for a piece of a part's text that is kept. A slice of 13 characters or more is a view into the
 * whole text in V8 (a sliced string), so one short label kept would keep a whole worksheet's text alive (6.5 MB of
 * them at 500 partners); a string joined to another and sliced again is flattened into a copy of its own.
 */
export function own(s: string): string {
  return s.length < 13 ? s : ` ${s}`.slice(1);
}

/** No part of an xlsx declares entities: one that does is refused in one line, before any parsing. */
export function refuseDoctype(text: string, part: string, file: string): void {
  // Both need a '<!', which most parts do not have at all: one indexOf instead of a case-blind pass over the text.
  if (text.indexOf('<!') < 0) return;
  if (/<!DOCTYPE/i.test(text.slice(0, 4096)) || /<!ENTITY/i.test(text)) {
    throw new UserError(`cannot read ${file}: its part ${part} declares XML entities (a DOCTYPE), which no workbook does: an XML bomb`);
  }
}

/** Parses one part; a UserError naming the part when it is not well-formed XML or holds a DOCTYPE. */
export function parseXml(text: string, part: string, file: string, h: XmlHandlers): void {
  refuseDoctype(text, part, file);
  const parser = new SaxesParser({ xmlns: false, position: false });
  let error: Error | null = null;
  parser.on('error', (e) => {
    error ??= e;
  });
  if (h.open) {
    const open = h.open;
    parser.on('opentag', (tag) => open(localName(tag.name), tag.attributes as Record<string, string>, tag as SaxesTagPlain));
  }
  if (h.close) {
    const close = h.close;
    parser.on('closetag', (tag) => close(localName(tag.name)));
  }
  if (h.text) {
    parser.on('text', h.text);
    parser.on('cdata', h.text);
  }
  try {
    parser.write(text).close();
  } catch (e) {
    error ??= e as Error;
  }
  if (error) throw new UserError(`cannot read ${file}: its contents could not be read (${part}: ${String((error as Error).message).split('\n')[0]})`);
}

const XML_SPECIAL = /[&<>"']/;

/** XML's five special characters as entities; text without them (most text) comes back as it is, untouched. */
export function escapeXml(s: string): string {
  if (!XML_SPECIAL.test(s)) return s;
  // One native pass per character rather than a callback per occurrence: a formula over hundreds of sheets holds a
  // quote per sheet name.
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** What escapeText changes: XML's special characters, those XML 1.0 forbids, and text that reads like an escape. */
// eslint-disable-next-line no-control-regex
const TEXT_SPECIAL = /[&<>"'\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|_x[0-9A-Fa-f]{4}_/;

/**
 * Text for an XML text node: escaped, and characters XML 1.0 forbids written as Excel's _xHHHH_. Text that itself
 * reads like an escape keeps its underscore as _x005F_ (the text _x0041_ is written _x005F_x0041_, as Excel does).
 * Text with none of these (most text) is tested once and comes back as it is.
 */
export function escapeText(s: string): string {
  if (!TEXT_SPECIAL.test(s)) return s;
  // eslint-disable-next-line no-control-regex
  return escapeXml(s.replace(/_x[0-9A-Fa-f]{4}_/g, (m) => `_x005F_${m.slice(1)}`).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`));
}

/** XML's predefined entities and character references back to characters (&amp; last, so it is decoded once). */
export function decodeEntities(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d))).replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16))).replace(/&amp;/g, '&');
}

/** Excel's _xHHHH_ escapes in text back to characters. */
export function unescapeOoxml(s: string): string {
  return s.indexOf('_x') < 0 ? s : s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
}
