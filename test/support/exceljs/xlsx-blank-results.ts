/**
 * Formulas whose cached result is empty text (=IF(B5="","",B5)): the file has an empty <v>, but ExcelJS reads
 * them like formulas never calculated. Found in the sheet XML, so they read as blank, not as T02.
 */
import type JSZip from 'jszip';

const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Sheet name → its part in the package (xl/worksheets/sheet1.xml). */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const workbook = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  const rels = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '';
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const parts = new Map<string, string>();
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]*)"/.exec(m[0])?.[1] ?? /\b\w+:id="([^"]*)"/.exec(m[0])?.[1];
    const part = id ? targets.get(id) : undefined;
    if (name !== undefined && part) parts.set(unescape(name), part);
  }
  return parts;
}

/** A1 addresses of formula cells with an empty cached value, on the named sheet. */
export async function blankResultCells(zip: JSZip, sheetName: string): Promise<Set<string>> {
  const out = new Set<string>();
  const part = (await sheetParts(zip)).get(sheetName);
  const xml = part ? await zip.file(part)?.async('string') : undefined;
  if (!xml) return out;
  for (const m of xml.matchAll(/<(?:\w+:)?c\b([^>]*?)>([\s\S]*?)<\/(?:\w+:)?c>/g)) {
    const inner = m[2];
    if (!/<(?:\w+:)?f[\s>/]/.test(inner)) continue;
    if (!/<(?:\w+:)?v\s*\/>|<(?:\w+:)?v>\s*<\/(?:\w+:)?v>/.test(inner)) continue;
    const r = /\br="([A-Z]+\d+)"/.exec(m[1])?.[1];
    if (r) out.add(r);
  }
  return out;
}
