/**
 * A user's worksheet part changed in place: a marked cell's style index (s=) set, an empty cell added where a
 * mark falls on a cell the file does not have (and taken away again on Clear), the legacyDrawing element that
 * ties notes to the sheet. Everything else of the part stays byte for byte.
 */
import { a1, parseA1 } from '../../../util/a1';
import { attr } from '../../../snapshot/package/styles';
import { removeAttr, setAttr } from './styles-edit';

/** What to do with a cell: given its start tag (null when the file has no such cell), the new start tag, or null to take an empty cell away. */
export type CellEdit = (startTag: string | null, selfClosing: boolean) => string | null;

interface Edit {
  at: number;
  remove: number;
  insert: string;
}

const TOKEN = /<(\w+:)?(row|c)\b[^>]*?(\/?)>|<\/(\w+:)?row>|<\/(\w+:)?sheetData>/g;

export function rootPrefix(xml: string): string {
  return /<(\w+:)?worksheet\b/.exec(xml)?.[1] ?? '';
}

/** Applies edits to cells by A1 address; returns the new part text. */
export function editCells(xml: string, edits: Map<string, CellEdit>): string {
  const p = rootPrefix(xml);
  const wanted = new Map<number, Map<number, { addr: string; edit: CellEdit }>>();
  for (const [addr, edit] of edits) {
    const { row, col } = parseA1(addr);
    if (!wanted.has(row)) wanted.set(row, new Map());
    wanted.get(row)!.set(col, { addr, edit });
  }
  const out: Edit[] = [];
  let sd = /<(\w+:)?sheetData\b[^>]*?(\/?)>/.exec(xml);
  if (!sd) {
    // No sheetData at all (never seen in practice): one goes in before the end of the worksheet's first part.
    const at = /<\/(\w+:)?worksheet>/.exec(xml)!.index;
    xml = `${xml.slice(0, at)}<${p}sheetData/>${xml.slice(at)}`;
    sd = /<(\w+:)?sheetData\b[^>]*?(\/?)>/.exec(xml)!;
  }
  // Columns of the cells added to (or taken from) the file's row being walked: its spans= must cover them.
  let added: number[] = [];
  let removed: number[] = [];
  const insertCells = (cols: Map<number, { addr: string; edit: CellEdit }>, upTo: number | null, inFileRow = false): string => {
    let s = '';
    for (const col of [...cols.keys()].sort((a, b) => a - b)) {
      if (upTo !== null && col >= upTo) break;
      const { edit } = cols.get(col)!;
      const tag = edit(null, true);
      cols.delete(col);
      if (tag === null) continue;
      s += tag.replace(/^<c\b/, `<${p}c`);
      if (inFileRow) added.push(col);
    }
    return s;
  };
  const newRows = (fromRow: number, toRow: number | null): string => {
    let s = '';
    for (const row of [...wanted.keys()].sort((a, b) => a - b)) {
      if (row < fromRow || (toRow !== null && row >= toRow)) continue;
      const cells = insertCells(wanted.get(row)!, null);
      wanted.delete(row);
      if (cells) s += `<${p}row r="${row + 1}">${cells}</${p}row>`;
    }
    return s;
  };
  if (sd[2] === '/') {
    const rows = newRows(0, null);
    if (rows) out.push({ at: sd.index, remove: sd[0].length, insert: `<${p}sheetData>${rows}</${p}sheetData>` });
    return apply(xml, out);
  }
  TOKEN.lastIndex = sd.index + sd[0].length;
  let row = -1;
  let col = -1;
  let rowTag: RegExpExecArray | null = null;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(xml))) {
    const closing = m[0].startsWith('</');
    if (closing && /sheetData>$/.test(m[0])) {
      // End of sheetData: rows still wanted go at the end.
      const rows = newRows(row + 1, null);
      if (rows) out.push({ at: m.index, remove: 0, insert: rows });
      break;
    }
    if (closing) {
      // </row>: cells of this row still wanted go before it.
      const cols = wanted.get(row);
      if (cols && cols.size) out.push({ at: m.index, remove: 0, insert: insertCells(cols, null, true) });
      wanted.delete(row);
      if (rowTag && (added.length || removed.length)) {
        const tag = uncoverSpans(coverSpans(rowTag[0], added), removed);
        if (tag !== rowTag[0]) out.push({ at: rowTag.index, remove: rowTag[0].length, insert: tag });
      }
      rowTag = null;
      continue;
    }
    const a = m[0];
    if (m[2] === 'row') {
      const r = attr(a, 'r');
      const next = r !== undefined ? Number(r) - 1 : row + 1;
      // Rows wanted before this one are new rows, in order.
      const rows = newRows(row + 1, next);
      if (rows) out.push({ at: m.index, remove: 0, insert: rows });
      row = next;
      col = -1;
      rowTag = m;
      added = [];
      removed = [];
      if (m[3] === '/') {
        const cols = wanted.get(row);
        if (cols && cols.size) {
          const cells = insertCells(cols, null, true);
          out.push({ at: m.index, remove: a.length, insert: `${coverSpans(a, added).slice(0, -2).replace(/\s+$/, '')}>${cells}</${p}row>` });
        }
        wanted.delete(row);
        rowTag = null;
      }
      continue;
    }
    // <c …>
    const r = attr(a, 'r');
    col = r !== undefined ? parseA1(r).col : col + 1;
    const cols = wanted.get(row);
    if (!cols) continue;
    const before = insertCells(cols, col, true);
    if (before) out.push({ at: m.index, remove: 0, insert: before });
    const hit = cols.get(col);
    if (hit) {
      cols.delete(col);
      const tag = hit.edit(r !== undefined ? a : setAttr(a, 'r', a1(row, col)), m[3] === '/');
      if (tag === null) {
        out.push({ at: m.index, remove: a.length, insert: '' });
        removed.push(col);
      }
      else if (tag !== a) out.push({ at: m.index, remove: a.length, insert: tag });
    }
  }
  let next = apply(xml, out);
  // A row left with nothing in it that only we could have written (<row r="N"></row>) goes too.
  if (edits.size) next = next.replace(new RegExp(`<${p}row r="\\d+"></${p}row>`, 'g'), (m0) => (xml.includes(m0) ? m0 : ''));
  return next;
}

/**
 * A row's start tag whose spans= (the columns its cells take, "1:8" or "1:3 5:8": a hint Excel trusts) covers the
 * given 0-based columns too: a range "10:10" put in order for each one outside every range, so that Clear can take
 * exactly that away again (uncoverSpans) and the row's tag comes back as it was.
 */
function coverSpans(rowTag: string, cols: number[]): string {
  let spans = attr(rowTag, 'spans');
  if (spans === undefined || cols.length === 0) return rowTag;
  const original = spans;
  for (const col of cols) {
    const n = col + 1;
    const ranges: RegExpMatchArray[] = [...spans.matchAll(/(\d+):(\d+)/g)];
    if (ranges.length === 0) return removeAttr(rowTag, 'spans');
    if (ranges.some((r) => n >= Number(r[1]) && n <= Number(r[2]))) continue;
    const before: RegExpMatchArray | undefined = ranges.filter((r) => Number(r[2]) < n).pop();
    if (!before) spans = `${n}:${n} ${spans}`;
    else {
      const at: number = before.index! + before[0].length;
      spans = `${spans.slice(0, at)} ${n}:${n}${spans.slice(at)}`;
    }
  }
  return spans === original ? rowTag : setAttr(rowTag, 'spans', spans);
}

/** The ranges coverSpans put in for these columns taken away (Clear removing the empty cells a mark added). */
function uncoverSpans(rowTag: string, cols: number[]): string {
  const spans = attr(rowTag, 'spans');
  if (spans === undefined || cols.length === 0) return rowTag;
  let next = spans;
  for (const col of cols) {
    const token = `${col + 1}:${col + 1}`;
    const inner = next.replace(new RegExp(` ${token}(?= |$)`), '');
    next = inner !== next ? inner : next.startsWith(`${token} `) ? next.slice(token.length + 1) : next;
  }
  return next === spans ? rowTag : setAttr(rowTag, 'spans', next);
}

function apply(xml: string, edits: Edit[]): string {
  if (edits.length === 0) return xml;
  edits.sort((a, b) => a.at - b.at);
  let s = '';
  let last = 0;
  for (const e of edits) {
    s += xml.slice(last, e.at) + e.insert;
    last = e.at + e.remove;
  }
  return s + xml.slice(last);
}

/** A cell's style index from its start tag (0 when it has none). */
export function styleOf(startTag: string | null): number {
  return startTag ? Number(attr(startTag, 's') ?? 0) || 0 : 0;
}

/** The start tag with another style index (0: the attribute goes). */
export function withStyle(startTag: string, style: number): string {
  return style === 0 ? removeAttr(startTag, 's') : setAttr(startTag, 's', String(style));
}

const AFTER_LEGACY = ['legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

/**
 * Where the sheet's closing sheetData tag starts (</sheetData>, with its prefix), or -1 (none, or <sheetData/>).
 * Found from the end: no text or attribute value holds '</' (a comment may: skipped), and a report tab's sheetData
 * is megabytes long.
 */
export function sheetDataCloseAt(xml: string): number {
  for (let i = xml.lastIndexOf('sheetData>'); i >= 2; i = xml.lastIndexOf('sheetData>', i - 1)) {
    let j = i;
    if (xml.charCodeAt(j - 1) === 58 /* ':' */) {
      j--;
      while (j > 0 && /\w/.test(xml[j - 1])) j--;
      if (j === i - 1) continue; // a ':' without a prefix before it
    }
    // A comment after the cells (in extLst, say) may hold the same text: not the tag.
    if (xml.startsWith('</', j - 2) && !inComment(xml, j - 2)) return j - 2;
  }
  return -1;
}

function inComment(xml: string, at: number): boolean {
  const open = xml.lastIndexOf('<!--', at);
  return open >= 0 && xml.indexOf('-->', open) > at;
}

/** The part of the sheet from its closing sheetData tag on (where everything after the cells is), and where it starts. */
function afterSheetData(xml: string): { from: number; tail: string } {
  const from = sheetDataCloseAt(xml);
  return from < 0 ? { from: 0, tail: xml } : { from, tail: xml.slice(from) };
}

/** The r:id of the sheet's legacyDrawing element (its notes' VML), if any: it comes after the cells. */
export function legacyDrawingId(xml: string): string | null {
  const m = /<(\w+:)?legacyDrawing\b[^>]*>/.exec(afterSheetData(xml).tail);
  if (!m) return null;
  return /\s[\w]+:id\s*=\s*"([^"]*)"/.exec(m[0])?.[1] ?? null;
}

/** The sheet with a legacyDrawing element pointing at relationship `id`, in its place in the schema's order. */
export function addLegacyDrawing(xml: string, id: string): string {
  const p = rootPrefix(xml);
  const el = `<${p}legacyDrawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${id}"/>`;
  const close = sheetDataCloseAt(xml);
  const endData = close >= 0 ? close : Math.max(xml.search(/<\/(\w+:)?sheetData>/), xml.search(/<(\w+:)?sheetData\b[^>]*\/>/));
  const rest = xml.slice(endData);
  const re = new RegExp(`<(\\w+:)?(${AFTER_LEGACY.join('|')})\\b`);
  const m = re.exec(rest);
  // Everything looked for is after the cells: searched for there only (a report tab's cells are megabytes).
  const end = endData >= 0 ? rest.search(/<\/(\w+:)?worksheet>\s*$/) : -1;
  let at = m ? endData + m.index : end >= 0 ? endData + end : xml.search(/<\/(\w+:)?worksheet>\s*$/);
  // Not inside an mc:AlternateContent block (Excel wraps controls in one): before the block.
  const from = endData >= 0 && at >= endData ? endData : 0;
  const before = from > 0 ? xml.slice(from, at) : null;
  if (before !== null) {
    const alt = before.lastIndexOf('<mc:AlternateContent');
    if (alt >= 0 && before.lastIndexOf('</mc:AlternateContent>') < alt) at = from + alt;
  } else {
    const alt = xml.lastIndexOf('<mc:AlternateContent', at);
    if (alt >= 0 && xml.lastIndexOf('</mc:AlternateContent>', at) < alt) at = alt;
  }
  return xml.slice(0, at) + el + xml.slice(at);
}

export function removeLegacyDrawing(xml: string): string {
  return xml.replace(/<(\w+:)?legacyDrawing\b[^>]*?(\/>|>\s*<\/(\w+:)?legacyDrawing>)/, '');
}
