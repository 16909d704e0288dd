/**
 * The styles part as the reader and the writer need it: number format codes and fills of the cell formats
 * (cellXfs), each fill and format kept as its XML text so the writer can append look-alikes with another fill
 * without touching anything already there.
 */
import { decodeEntities } from './xml';

export const BUILTIN_NUMFMTS: Record<number, string> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss', 22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00 ;(#,##0.00)', 40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
};

export interface CellXf {
  numFmtId: number;
  fillId: number;
  /** The <xf …>…</xf> or <xf …/> text as in the file. */
  xml: string;
}

export interface StylesInfo {
  numFmts: Map<number, string>;
  xfs: CellXf[];
  /** Each <fill>…</fill> as in the file. */
  fills: string[];
  /** The namespace prefix the part uses for SpreadsheetML ('' or 'x:'). */
  prefix: string;
}

const ATTR = new Map<string, RegExp>();

export const attr = (tag: string, name: string): string | undefined => {
  let re = ATTR.get(name);
  if (!re) ATTR.set(name, (re = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = re.exec(tag);
  if (!m) return undefined;
  const v = m[1] ?? m[2];
  return v.indexOf('&') < 0 ? v : decodeEntities(v);
};

/** The inner text of the first <(p:)?name …>…</(p:)?name> section, with its bounds; null when absent or empty-tag. */
export function section(xml: string, name: string): { start: number; innerStart: number; innerEnd: number; end: number } | null {
  const open = new RegExp(`<(\\w+:)?${name}\\b[^>]*?(/?)>`).exec(xml);
  if (!open) return null;
  const innerStart = open.index + open[0].length;
  if (open[2] === '/') return { start: open.index, innerStart, innerEnd: innerStart, end: innerStart };
  const close = xml.indexOf(`</${open[1] ?? ''}${name}>`, innerStart);
  if (close < 0) return null;
  return { start: open.index, innerStart, innerEnd: close, end: close + `</${open[1] ?? ''}${name}>`.length };
}

/** The top-level elements <name>…</name> or <name/> inside a section's text. */
export function elements(inner: string, name: string): string[] {
  const out: string[] = [];
  const re = new RegExp(`<(\\w+:)?${name}\\b[^>]*?(/?)>`, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(inner))) {
    if (m[2] === '/') {
      out.push(m[0]);
      continue;
    }
    const close = `</${m[1] ?? ''}${name}>`;
    const end = inner.indexOf(close, re.lastIndex);
    if (end < 0) break;
    out.push(inner.slice(m.index, end + close.length));
    re.lastIndex = end + close.length;
  }
  return out;
}

export function readStyles(xml: string | undefined): StylesInfo {
  const info: StylesInfo = { numFmts: new Map(), xfs: [], fills: [], prefix: '' };
  if (!xml) return info;
  info.prefix = /<(\w+:)?styleSheet\b/.exec(xml)?.[1] ?? '';
  const fmts = section(xml, 'numFmts');
  if (fmts) {
    for (const f of elements(xml.slice(fmts.innerStart, fmts.innerEnd), 'numFmt')) {
      const id = Number(attr(f, 'numFmtId'));
      const code = attr(f, 'formatCode');
      if (Number.isFinite(id) && code !== undefined) info.numFmts.set(id, code);
    }
  }
  const fills = section(xml, 'fills');
  if (fills) info.fills = elements(xml.slice(fills.innerStart, fills.innerEnd), 'fill');
  const xfs = section(xml, 'cellXfs');
  if (xfs) {
    for (const x of elements(xml.slice(xfs.innerStart, xfs.innerEnd), 'xf')) {
      info.xfs.push({ numFmtId: Number(attr(x, 'numFmtId') ?? 0) || 0, fillId: Number(attr(x, 'fillId') ?? 0) || 0, xml: x });
    }
  }
  return info;
}

export function numberFormatOf(styles: StylesInfo, styleIndex: number): string {
  const xf = styles.xfs[styleIndex];
  if (!xf) return 'General';
  return styles.numFmts.get(xf.numFmtId) ?? BUILTIN_NUMFMTS[xf.numFmtId] ?? 'General';
}

/** As Excel tells a date format: a date or time code outside quotes and brackets, or a built-in date format. */
export function isDateFormat(code: string): boolean {
  const f = code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(f);
}

/** A fill's solid colour as '#RRGGBB', or null when it is no solid fill with an RGB colour. */
export function solidColourOf(fillXml: string | undefined): string | null {
  if (!fillXml) return null;
  const pattern = /<(\w+:)?patternFill\b[^>]*>/.exec(fillXml);
  if (!pattern || attr(pattern[0], 'patternType') !== 'solid') return null;
  const fg = /<(\w+:)?fgColor\b[^>]*>/.exec(fillXml);
  const rgb = fg ? attr(fg[0], 'rgb') : undefined;
  return rgb && /^[0-9A-F]{8}$/i.test(rgb) ? `#${rgb.slice(2).toUpperCase()}` : null;
}
