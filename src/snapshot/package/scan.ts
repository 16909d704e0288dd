/**
 * A well-formedness-checking XML scanner of our own for the parts the reader reads (worksheets, shared strings,
 * the workbook and its relationships: hundreds of sheets make those large too). saxes was
 * the reader's largest cost (a third of a 500-partner consolidate): it builds an attribute object per tag and
 * walks the text one character at a time. This one finds tags and text with indexOf, keeps a tag's attributes
 * as offsets into the text (a value becomes a string only when asked for), and hands out text only where the
 * reader wants it. It checks what makes XML not well-formed (tags nested and closed, attribute syntax, one
 * root, entity and character references, characters XML forbids, comments, CDATA, processing instructions);
 * on a fault it lets saxes parse the part, so the message is saxes' own, as for every other part.
 * Elements are passed by local name, so x:c and strict OOXML read like the usual form; a DOCTYPE is refused
 * before scanning (an XML bomb).
 */
import { UserError } from '../../util/errors';
import { decodeEntities, localName, parseXml, refuseDoctype } from './xml';

/** A tag's attributes, valid during the open() call only. */
export interface ScanAttrs {
  /** The value of the attribute written with this name (prefix included), decoded; undefined when absent. */
  get(name: string): string | undefined;
  /** The attributes' names as written. */
  names(): string[];
  /** Number(get(name)), undefined when absent: a value of plain digits is read in place, without a string. */
  number(name: string): number | undefined;
  /** get(name), but the very string of `choices` when the value is one of them (nothing is allocated then). */
  choice(name: string, choices: readonly string[]): string | undefined;
  /**
   * For readers that decode a value in place: the attribute's index (-1 when absent), then its value's span in the
   * scanned text, as written (references and line ends not decoded).
   */
  find(name: string): number;
  valueStart(k: number): number;
  valueEnd(k: number): number;
}

export interface ScanHandlers {
  open?(name: string, attrs: ScanAttrs): void;
  close?(name: string): void;
  /** Text and CDATA, decoded; given only while wantsText() says so (when there is such a method). */
  text?(text: string): void;
  /**
   * When there is this method, text that needs no decoding (no reference, no carriage return) comes here as its span
   * in the scanned text instead of through text(): a reader can then read a number in place, or slice only what it keeps.
   */
  textAt?(from: number, to: number): void;
  wantsText?(): boolean;
  /**
   * A shortcut for the element most of a part is made of (a worksheet's cells). When a tag opens with this character
   * inside the root, fastElement(lt) may read the whole element at lt itself and return the position after it, or -1
   * to leave it to the scanner. It must take only an element well-formed as written that holds no reference, carriage
   * return, comment, CDATA, processing instruction or ']' (the scanner checks nothing in it), and read it as
   * open/text/close would.
   */
  readonly fastFirst?: number;
  fastElement?(lt: number): number;
}

class Malformed extends Error {}

/** Tag names remembered per part: a worksheet uses a score of them; a stranger part is only sliced more. */
const MAX_SEEN = 64;

// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\ud800-\udfff]/;
/** Surrogates are allowed in pairs only; looked at only when there are any. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// eslint-disable-next-line no-control-regex
const CONTROL_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

const isWs = (c: number) => c === 32 || c === 10 || c === 9 || c === 13;
const isNameStart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58 || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7);
const isNameChar = (c: number) => isNameStart(c) || (c >= 48 && c <= 57) || c === 45 || c === 46 || c === 0xb7;
const isXmlChar = (c: number) => c === 9 || c === 10 || c === 13 || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);

const XML_DECL = /^<\?xml\s+version\s*=\s*(["'])1\.[0-9]+\1(\s+encoding\s*=\s*(["'])[A-Za-z][A-Za-z0-9._-]*\3)?(\s+standalone\s*=\s*(["'])(yes|no)\5)?\s*\?>$/;
const PREDEFINED = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

function sameChars(s: string, a: number, b: number, len: number): boolean {
  for (let i = 0; i < len; i++) if (s.charCodeAt(a + i) !== s.charCodeAt(b + i)) return false;
  return true;
}

/** Whether s holds `name` at `at` (startsWith without its call: names are short). */
function sameAs(s: string, at: number, name: string): boolean {
  for (let i = 0; i < name.length; i++) if (s.charCodeAt(at + i) !== name.charCodeAt(i)) return false;
  return true;
}

/** XML's end-of-line handling. */
const newLines = (raw: string): string => (raw.indexOf('\r') < 0 ? raw : raw.replace(/\r\n?/g, '\n'));

/** Text: line ends as XML reads them, then the references decoded. */
function decodeText(raw: string): string {
  const s = newLines(raw);
  return s.indexOf('&') < 0 ? s : decodeEntities(s);
}

/** An attribute value as XML normalizes it: line ends and tabs become spaces, references decoded. */
function decodeAttr(raw: string): string {
  let plain = true;
  for (let i = 0; i < raw.length && plain; i++) {
    const c = raw.charCodeAt(i);
    plain = c !== 38 && c !== 9 && c !== 10 && c !== 13;
  }
  if (plain) return raw;
  const s = raw.replace(/\r\n?|\n|\t/g, ' ');
  return s.indexOf('&') < 0 ? s : decodeEntities(s);
}

/** Scans one part; a UserError naming the part when it is not well-formed XML or holds a DOCTYPE. */
export function scanXml(text: string, part: string, file: string, h: ScanHandlers): void {
  refuseDoctype(text, part, file);
  try {
    new Scanner(text, h).run();
  } catch (e) {
    if (!(e instanceof Malformed)) throw e;
    // saxes says what is wrong, in the words every other part's fault is told in.
    parseXml(text, part, file, {});
    throw new UserError(`cannot read ${file}: its contents could not be read (${part}: ${e.message})`);
  }
}

function fail(why: string, at: number): never {
  throw new Malformed(`${why} at character ${at}`);
}

/** One pass over one part. State in fields and work in methods: V8 compiles them once for every part. */
class Scanner implements ScanAttrs {
  private readonly n: number;
  /** Attributes of the tag being opened: name start, name end, value start, value end. */
  private attrPos = new Int32Array(64);
  private attrCount = 0;
  private readonly stack: string[] = [];
  private readonly locals: string[] = [];
  /** Tag names met so far and their local names: a tag's name is a string of its own only the first time. */
  private readonly seen: string[] = [];
  private readonly seenLocal: string[] = [];
  private tagName = '';
  private tagLocal = '';
  private sawRoot = false;
  // Next '<', '&', ']]>' and CR at or after a position (n when none), looked up again only once passed: linear overall.
  private nextLt = -1;
  private nextAmp = -1;
  private nextCdEnd = -1;
  private nextCr = -1;

  constructor(
    private readonly xml: string,
    private readonly h: ScanHandlers,
  ) {
    this.n = xml.length;
  }

  find(name: string): number {
    const xml = this.xml;
    const at = this.attrPos;
    for (let k = 0; k < this.attrCount; k++) {
      const o = k * 4;
      if (at[o + 1] - at[o] === name.length && sameAs(xml, at[o], name)) return k;
    }
    return -1;
  }

  valueStart(k: number): number {
    return this.attrPos[k * 4 + 2];
  }

  valueEnd(k: number): number {
    return this.attrPos[k * 4 + 3];
  }

  get(name: string): string | undefined {
    const k = this.find(name);
    return k < 0 ? undefined : decodeAttr(this.xml.slice(this.attrPos[k * 4 + 2], this.attrPos[k * 4 + 3]));
  }

  number(name: string): number | undefined {
    const k = this.find(name);
    if (k < 0) return undefined;
    const xml = this.xml;
    const from = this.attrPos[k * 4 + 2];
    const to = this.attrPos[k * 4 + 3];
    if (to > from && to - from <= 15) {
      let n = 0;
      let i = from;
      for (; i < to; i++) {
        const c = xml.charCodeAt(i) - 48;
        if (c < 0 || c > 9) break;
        n = n * 10 + c;
      }
      if (i === to) return n;
    }
    return Number(decodeAttr(xml.slice(from, to)));
  }

  choice(name: string, choices: readonly string[]): string | undefined {
    const k = this.find(name);
    if (k < 0) return undefined;
    const from = this.attrPos[k * 4 + 2];
    const len = this.attrPos[k * 4 + 3] - from;
    for (let i = 0; i < choices.length; i++) if (choices[i].length === len && sameAs(this.xml, from, choices[i])) return choices[i];
    return decodeAttr(this.xml.slice(from, from + len));
  }

  names(): string[] {
    const out: string[] = [];
    for (let k = 0; k < this.attrCount; k++) out.push(this.xml.slice(this.attrPos[k * 4], this.attrPos[k * 4 + 1]));
    return out;
  }

  private ltFrom(i: number): number {
    if (this.nextLt < i) {
      const lt = this.xml.indexOf('<', i);
      this.nextLt = lt < 0 ? this.n : lt;
    }
    return this.nextLt;
  }

  private ampFrom(i: number): number {
    if (this.nextAmp < i) {
      const a = this.xml.indexOf('&', i);
      this.nextAmp = a < 0 ? this.n : a;
    }
    return this.nextAmp;
  }

  private crFrom(i: number): number {
    if (this.nextCr < i) {
      const cr = this.xml.indexOf('\r', i);
      this.nextCr = cr < 0 ? this.n : cr;
    }
    return this.nextCr;
  }

  private wantsText(): boolean {
    return this.h.text !== undefined && (this.h.wantsText === undefined || this.h.wantsText());
  }

  /** Every reference in [from, to) is a predefined entity or a character reference to an XML character. */
  private checkRefs(from: number, to: number): void {
    const xml = this.xml;
    for (let a = this.ampFrom(from); a < to; a = this.ampFrom(a + 1)) {
      const semi = xml.indexOf(';', a);
      if (semi < 0 || semi >= to) fail('an & that starts no reference', a);
      const ref = xml.slice(a + 1, semi);
      if (ref.charCodeAt(0) === 35) {
        const hex = ref.charCodeAt(1) === 120;
        const digits = ref.slice(hex ? 2 : 1);
        if (!(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits) || !isXmlChar(parseInt(digits, hex ? 16 : 10))) fail('a character reference to no XML character', a);
      } else if (!PREDEFINED.has(ref)) fail(`an undefined entity &${ref};`, a);
    }
  }

  private textSegment(from: number, to: number): void {
    if (from >= to) return;
    const xml = this.xml;
    const refs = this.ampFrom(from) < to;
    if (refs) this.checkRefs(from, to);
    if (this.nextCdEnd < from) {
      const e = xml.indexOf(']]>', from);
      this.nextCdEnd = e < 0 ? this.n : e;
    }
    if (this.nextCdEnd < to) fail(']]> in text', this.nextCdEnd);
    if (this.stack.length === 0) {
      for (let i = from; i < to; i++) if (!isWs(xml.charCodeAt(i))) fail('text outside the root element', i);
      return;
    }
    if (!this.wantsText()) return;
    if (this.h.textAt !== undefined && !refs && this.crFrom(from) >= to) this.h.textAt(from, to);
    else this.h.text!(decodeText(xml.slice(from, to)));
  }

  run(): void {
    const xml = this.xml;
    if (FORBIDDEN_CHAR.test(xml) && (CONTROL_CHAR.test(xml) || LONE_SURROGATE.test(xml))) fail('a character XML does not allow', 0);
    const n = this.n;
    const fastFirst = this.h.fastElement !== undefined && this.h.fastFirst !== undefined ? this.h.fastFirst : -1;
    let pos = 0;
    while (pos < n) {
      const lt = this.ltFrom(pos);
      this.textSegment(pos, lt);
      if (lt >= n) break;
      const c1 = xml.charCodeAt(lt + 1);
      if (c1 === 47) pos = this.closeTag(lt);
      else if (c1 === 33) pos = this.bang(lt);
      else if (c1 === 63) pos = this.instruction(lt);
      else if (c1 === fastFirst && this.stack.length > 0) {
        const end = this.h.fastElement!(lt);
        pos = end >= 0 ? end : this.openTag(lt);
      } else pos = this.openTag(lt);
    }
    if (this.stack.length > 0) fail(`the document ends inside <${this.stack[this.stack.length - 1]}>`, n);
    if (!this.sawRoot) fail('no root element', n);
  }

  /** </name>; returns the position after it. */
  private closeTag(lt: number): number {
    const xml = this.xml;
    const top = this.stack.pop();
    if (top === undefined) fail('a closing tag with no element open', lt);
    const nameAt = lt + 2;
    if (!sameAs(xml, nameAt, top!)) fail(`a closing tag that is not </${top}>`, lt);
    let p = nameAt + top!.length;
    while (isWs(xml.charCodeAt(p))) p++;
    if (xml.charCodeAt(p) !== 62) fail(`a closing tag that is not </${top}>`, lt);
    const local = this.locals.pop()!;
    if (this.h.close) this.h.close(local);
    return p + 1;
  }

  /** A comment or CDATA. */
  private bang(lt: number): number {
    const xml = this.xml;
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('--', lt + 4);
      if (end < 0 || xml.charCodeAt(end + 2) !== 62) fail('a comment not closed by -->', lt);
      return end + 3;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      if (this.stack.length === 0) fail('CDATA outside the root element', lt);
      const end = xml.indexOf(']]>', lt + 9);
      if (end < 0) fail('CDATA not closed', lt);
      if (this.wantsText()) this.h.text!(newLines(xml.slice(lt + 9, end)));
      return end + 3;
    }
    return fail('a <! that is no comment or CDATA', lt);
  }

  /** <?target …?>; the XML declaration only at the very start. */
  private instruction(lt: number): number {
    const xml = this.xml;
    const end = xml.indexOf('?>', lt + 2);
    if (end < 0) fail('a processing instruction not closed by ?>', lt);
    let p = lt + 2;
    while (p < end && isNameChar(xml.charCodeAt(p))) p++;
    const target = xml.slice(lt + 2, p);
    if (!target || !isNameStart(target.charCodeAt(0))) fail('a processing instruction without a target', lt);
    if (p < end && !isWs(xml.charCodeAt(p))) fail('a malformed processing instruction', lt);
    if (target.toLowerCase() === 'xml' && (lt !== 0 || !XML_DECL.test(xml.slice(0, end + 2)))) fail('a malformed XML declaration', lt);
    return end + 2;
  }

  /** <name attr="value" …> or />; returns the position after it. */
  private openTag(lt: number): number {
    const xml = this.xml;
    if (!isNameStart(xml.charCodeAt(lt + 1))) fail('a < that starts no tag', lt);
    let p = lt + 2;
    while (isNameChar(xml.charCodeAt(p))) p++;
    this.intern(lt + 1, p);
    const name = this.tagName;
    if (this.stack.length === 0 && this.sawRoot) fail('a second root element', lt);
    this.attrCount = 0;
    let selfClosing = false;
    for (;;) {
      let c = xml.charCodeAt(p);
      let ws = false;
      while (isWs(c)) {
        c = xml.charCodeAt(++p);
        ws = true;
      }
      if (c === 62) {
        p += 1;
        break;
      }
      if (c === 47) {
        if (xml.charCodeAt(p + 1) !== 62) fail('a / in a tag not followed by >', p);
        p += 2;
        selfClosing = true;
        break;
      }
      if (!ws || !isNameStart(c)) fail(`a malformed tag <${name}>`, lt);
      p = this.attribute(p, name);
    }
    this.sawRoot = true;
    const local = this.tagLocal;
    if (this.h.open) this.h.open(local, this);
    this.attrCount = 0;
    if (selfClosing) {
      if (this.h.close) this.h.close(local);
    } else {
      this.stack.push(name);
      this.locals.push(local);
    }
    return p;
  }

  /** The name at [from, to) and its local name into tagName and tagLocal: a name met before is not sliced again. */
  private intern(from: number, to: number): void {
    const xml = this.xml;
    const seen = this.seen;
    const len = to - from;
    const first = xml.charCodeAt(from);
    for (let i = 0; i < seen.length; i++) {
      const cand = seen[i];
      if (cand.length === len && cand.charCodeAt(0) === first && sameAs(xml, from, cand)) {
        this.tagName = seen[i];
        this.tagLocal = this.seenLocal[i];
        return;
      }
    }
    this.tagName = xml.slice(from, to);
    this.tagLocal = localName(this.tagName);
    if (seen.length < MAX_SEEN) {
      seen.push(this.tagName);
      this.seenLocal.push(this.tagLocal);
    }
  }

  /** name="value" at p (checked, kept as offsets); returns the position after it. */
  private attribute(p: number, tag: string): number {
    const xml = this.xml;
    const ns = p;
    while (isNameChar(xml.charCodeAt(p))) p++;
    const ne = p;
    while (isWs(xml.charCodeAt(p))) p++;
    if (xml.charCodeAt(p) !== 61) fail(`an attribute without a value in <${tag}>`, ns);
    p++;
    while (isWs(xml.charCodeAt(p))) p++;
    const q = xml.charCodeAt(p);
    if (q !== 34 && q !== 39) fail(`an attribute value not in quotes in <${tag}>`, p);
    const vs = p + 1;
    const ve = xml.indexOf(q === 34 ? '"' : "'", vs);
    if (ve < 0) fail(`an attribute value not closed in <${tag}>`, p);
    if (this.ltFrom(vs) < ve) fail(`a < in an attribute value in <${tag}>`, this.nextLt);
    if (this.ampFrom(vs) < ve) this.checkRefs(vs, ve);
    let at = this.attrPos;
    const len = ne - ns;
    for (let k = 0; k < this.attrCount; k++) {
      const o = k * 4;
      if (at[o + 1] - at[o] === len && sameChars(xml, ns, at[o], len)) fail(`an attribute given twice in <${tag}>`, ns);
    }
    if ((this.attrCount + 1) * 4 > at.length) {
      const grown = new Int32Array(at.length * 2);
      grown.set(at);
      this.attrPos = at = grown;
    }
    const o = this.attrCount * 4;
    at[o] = ns;
    at[o + 1] = ne;
    at[o + 2] = vs;
    at[o + 3] = ve;
    this.attrCount++;
    return ve + 1;
  }
}
