/**
 * The parts beside a moved sheet's own XML that point at its rows, moved as Excel moves them (the sheet part
 * itself, the notes and the defined names are row-moves-edit.ts's):
 * - its Excel tables (ListObjects): the table's ref, its autoFilter and sort ranges (plan/row-moves.ts
 *   movedTableSpan); calculated column and totals formulas are kept as they are (structured references); a
 *   table whose rows all went goes, with its relationship and its tablePart;
 * - its drawings' anchors: a two-cell anchor ("move and size with cells", the default) moves and grows with
 *   its rows, and goes when every row it covers went, as Excel deletes such an object with its rows; a
 *   one-cell anchor ("move but don't size") keeps its size and moves with its top row (to the row after
 *   deleted ones); an absolute anchor or editAs="absolute" does not move;
 * - its threaded comments: each moves with its cell, and goes with its row (as its legacy note twin does);
 * - its sparklines (their data and their cell; one whose cell went goes);
 * - its pivot tables' location;
 * - anywhere in the package: chart series and titles (c:f) and pivot caches' worksheet sources over the moved
 *   sheet follow like formulas.
 * A part is set only when its text changes: every other part goes out byte for byte.
 */
import { movedAddress, movedFormula, movedTableSpan, sameSheet as same, type RowMove } from '../../../plan/row-moves';
import { decodeEntities, escapeXml } from '../../../snapshot/package/xml';
import { attr } from '../../../snapshot/package/styles';
import { a1, parseA1 } from '../../../util/a1';
import type { PackageEdit } from './parts';
import { setAttr } from './styles-edit';


/** Formula text inside XML (escaped) moved; `home` the sheet of unqualified references ('' where there is none). */
export function movedXmlFormula(text: string, home: string, moves: readonly RowMove[]): string {
  const f = decodeEntities(text);
  const g = movedFormula(f, home, moves);
  return g === f ? text : g.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A range's columns kept, its rows set (0-based, inclusive). */
function withRows(ref: string, top: number, bottom: number): string {
  const [x, y] = ref.split(':');
  const p = parseA1(x);
  const q = parseA1(y ?? x);
  return `${a1(top, Math.min(p.col, q.col))}:${a1(bottom, Math.max(p.col, q.col))}`;
}

const rowsOf = (ref: string): [number, number] => {
  const [x, y] = ref.split(':');
  const p = parseA1(x).row;
  const q = parseA1(y ?? x).row;
  return [Math.min(p, q), Math.max(p, q)];
};

/** A table part after the moves; null when the table went. */
export function movedTablePart(xml: string, sheet: string, moves: readonly RowMove[]): string | null {
  const open = /<(\w+:)?table\b[^>]*>/.exec(xml);
  const ref = open && attr(open[0], 'ref');
  if (!open || !ref) return xml;
  const header = Number(attr(open[0], 'headerRowCount') ?? '1') > 0 ? 1 : 0;
  const totals = Number(attr(open[0], 'totalsRowCount') ?? '0') > 0 ? 1 : 0;
  const [top, bottom] = rowsOf(ref);
  const span = movedTableSpan(moves, sheet, top, bottom, header, totals);
  if (!span) return null;
  if (span.top === top && span.bottom === bottom) return xml;
  const next = setAttr(open[0], 'ref', withRows(ref, span.top, span.bottom));
  const body = xml.slice(open.index + open[0].length).replace(/<((?:\w+:)?(autoFilter|sortState|sortCondition))\b[^>]*?\/?>/g, (el: string, _n, local: string) => {
    const r = attr(el, 'ref');
    if (!r) return el;
    // The autoFilter: the header and the data rows; sorting: the data rows (never the totals row).
    const from = local === 'autoFilter' ? span.top : span.top + header;
    return setAttr(el, 'ref', withRows(r, from, Math.max(from, span.bottom - totals)));
  });
  return xml.slice(0, open.index) + next + body;
}

/** A drawing part (xdr:) after the moves of the sheet it is on. */
export function movedDrawingPart(xml: string, sheet: string, moves: readonly RowMove[]): string {
  return xml.replace(/<((?:\w+:)?)(twoCellAnchor|oneCellAnchor)\b[^>]*>[\s\S]*?<\/\1\2>/g, (anchor: string, p: string, kind: string) => {
    const open = /^<[^>]*>/.exec(anchor)![0];
    const editAs = attr(open, 'editAs') ?? 'twoCell';
    if (editAs === 'absolute') return anchor;
    const marker = (name: string) => {
      const m = new RegExp(`<${p}${name}>[\\s\\S]*?<${p}row>(\\d+)</${p}row>\\s*<${p}rowOff>(-?\\d+)</${p}rowOff>[\\s\\S]*?</${p}${name}>`).exec(anchor);
      return m ? { row: Number(m[1]), off: Number(m[2]) } : null;
    };
    const from = marker('from');
    if (!from) return anchor;
    const to = kind === 'twoCellAnchor' ? marker('to') : null;
    const sized = kind === 'twoCellAnchor' && editAs === 'twoCell' && to !== null;
    let f = { ...from };
    let t = to ? { ...to } : null;
    for (const m of moves) {
      if (!same(m.sheet, sheet)) continue;
      const before = f.row;
      if (m.count > 0) {
        if (f.row >= m.at) f.row += m.count;
        // The bottom edge moves when the rows it is in move (an edge on a row's top border belongs to the row above).
        if (t && sized && (t.row > m.at || (t.row === m.at && t.off > 0))) t.row += m.count;
      } else {
        const end = m.at - m.count;
        if (sized && t && f.row >= m.at && (t.row < end || (t.row === end && t.off === 0))) return ''; // every row it covers went
        if (f.row >= end) f.row += m.count;
        else if (f.row >= m.at) f = { row: m.at, off: 0 };
        if (t && sized) {
          if (t.row >= end) t.row += m.count;
          else if (t.row > m.at || (t.row === m.at && t.off > 0)) t = { row: m.at, off: 0 };
        }
      }
      if (t && !sized) t.row += f.row - before;
      if (t && t.row < f.row) t = { ...f };
    }
    if (f.row === from.row && f.off === from.off && (!t || (t.row === to!.row && t.off === to!.off))) return anchor;
    const set = (xmlIn: string, name: string, v: { row: number; off: number }) =>
      xmlIn.replace(new RegExp(`(<${p}${name}>[\\s\\S]*?<${p}row>)\\d+(</${p}row>\\s*<${p}rowOff>)-?\\d+(</${p}rowOff>)`), `$1${v.row}$2${v.off}$3`);
    let out = set(anchor, 'from', f);
    if (t) out = set(out, 'to', t);
    return out;
  });
}

/** A threaded comments part after the moves: each comment (and its replies) at its cell's new address, gone with its row. */
export function movedThreadedComments(xml: string, sheet: string, moves: readonly RowMove[]): string {
  return xml.replace(/<(\w+:)?threadedComment\b[^>]*?(?:\/>|>[\s\S]*?<\/(\w+:)?threadedComment>)/g, (c) => {
    const ref = attr(/^<[^>]*>/.exec(c)![0], 'ref');
    if (!ref) return c;
    const moved = movedAddress(moves, sheet, ref);
    return moved === null ? '' : moved === ref ? c : c.replace(/\bref="[^"]*"/, `ref="${escapeXml(moved)}"`);
  });
}

/**
 * The sparklines of a moved sheet (x14, in its extLst): each one's data (xm:f, always with its sheet) and its
 * cell (xm:sqref) moved; one whose cell went goes, and a group left without any goes too.
 */
export function movedSparklines(xml: string, sheet: string, moves: readonly RowMove[]): string {
  if (!/<(\w+:)?sparklineGroup\b/.test(xml)) return xml;
  return xml.replace(/<((?:\w+:)?)sparklineGroup\b[^>]*>[\s\S]*?<\/\1sparklineGroup>/g, (group: string, p: string) => {
    const next = group.replace(new RegExp(`<${p}sparkline>([\\s\\S]*?)</${p}sparkline>`, 'g'), (line: string) => {
      const cell = /<((?:\w+:)?sqref)>([^<]*)<\/\1>/.exec(line);
      const moved = cell ? movedAddress(moves, sheet, cell[2].trim()) : undefined;
      if (moved === null) return '';
      const out = line.replace(/(<((?:\w+:)?f)>)([^<]*)(<\/\2>)/, (_m, o: string, _n, text: string, c: string) => `${o}${movedXmlFormula(text, sheet, moves)}${c}`);
      return cell && moved !== undefined ? out.replace(/(<((?:\w+:)?sqref)>)[^<]*(<\/\2>)/, `$1${moved}$3`) : out;
    });
    return new RegExp(`<${p}sparkline>`).test(next) ? next : '';
  });
}

/** A chart part's formulas (series, categories, titles, labels: c:f, cx:f …) after the moves; they always name their sheet. */
export function movedChartPart(xml: string, moves: readonly RowMove[]): string {
  return xml.replace(/(<((?:\w+:)?f)\b[^>]*>)([^<]*)(<\/\2>)/g, (_m, open: string, _n, text: string, close: string) => `${open}${movedXmlFormula(text, '', moves)}${close}`);
}

/** A pivot cache definition's worksheet source on a moved sheet (its ref; a named source is a defined name, moved there). */
export function movedPivotCache(xml: string, moves: readonly RowMove[]): string {
  return xml.replace(/<(\w+:)?worksheetSource\b[^>]*?\/?>/g, (el) => {
    const sheet = attr(el, 'sheet');
    const ref = attr(el, 'ref');
    if (!sheet || !ref || /\br:id=/.test(el) || !moves.some((m) => same(m.sheet, sheet))) return el;
    const moved = movedAddress(moves, sheet, ref);
    return moved === null || moved === ref ? el : setAttr(el, 'ref', moved);
  });
}

/** A pivot table on a moved sheet: its location. */
export function movedPivotTable(xml: string, sheet: string, moves: readonly RowMove[]): string {
  return xml.replace(/<(\w+:)?location\b[^>]*?\/?>/, (el) => {
    const ref = attr(el, 'ref');
    const moved = ref && movedAddress(moves, sheet, ref);
    return !moved || moved === ref ? el : setAttr(el, 'ref', moved);
  });
}

/** Everything a moved sheet's relationships point at that has rows: tables, drawings, threaded comments, pivot tables. */
export function moveSheetParts(edit: PackageEdit, sheetPart: string, sheet: string, moves: readonly RowMove[]): { tablesGone: Set<string> } {
  const tablesGone = new Set<string>();
  const goneParts = new Set<string>();
  for (const rel of edit.rels(sheetPart)) {
    if (rel.external) continue;
    const part = edit.target(sheetPart, rel);
    const kind = rel.type.slice(rel.type.lastIndexOf('/') + 1);
    if (!['table', 'drawing', 'threadedComment', 'pivotTable'].includes(kind)) continue;
    const text = edit.text(part);
    if (text === undefined) continue;
    let next: string | null = text;
    if (kind === 'table') next = movedTablePart(text, sheet, moves);
    else if (kind === 'drawing') next = movedDrawingPart(text, sheet, moves);
    else if (kind === 'threadedComment') next = movedThreadedComments(text, sheet, moves);
    else next = movedPivotTable(text, sheet, moves);
    if (next === null) {
      tablesGone.add(rel.id);
      goneParts.add(part);
      edit.delete(part);
    } else if (next !== text) edit.set(part, next);
  }
  if (goneParts.size) {
    edit.undeclare(goneParts);
    edit.removeRels(sheetPart, tablesGone);
  }
  return { tablesGone };
}

/** A moved sheet's tableParts without the tables that went (counted again; the list goes when none is left). */
export function withoutTableParts(xml: string, gone: Set<string>): string {
  if (gone.size === 0) return xml;
  return xml.replace(/<((?:\w+:)?)tableParts\b([^>]*)>([\s\S]*?)<\/\1tableParts>/, (m, p: string, attrs: string, inner: string) => {
    const kept = inner.replace(/<(\w+:)?tablePart\b[^>]*?\/>/g, (t) => (gone.has(/\br:id="([^"]*)"/.exec(t)?.[1] ?? '') ? '' : t));
    const n = (kept.match(/<(\w+:)?tablePart\b/g) ?? []).length;
    if (n === 0) return '';
    return `<${p}tableParts${attrs.replace(/\bcount="\d+"/, `count="${n}"`)}>${kept}</${p}tableParts>`;
  });
}

/** The chart parts and pivot caches of the package whose formulas name a moved sheet. */
export function moveChartsAndPivotCaches(edit: PackageEdit, moves: readonly RowMove[]): void {
  const sheets = [...new Set(moves.map((m) => m.sheet.toLowerCase()))];
  for (const name of edit.names()) {
    const chart = /^xl\/charts\/chart[^/]*\.xml$/i.test(name);
    const cache = /^xl\/pivotCache\/pivotCacheDefinition[^/]*\.xml$/i.test(name);
    if (!chart && !cache) continue;
    const text = edit.text(name);
    if (text === undefined) continue;
    const lower = text.toLowerCase();
    if (!sheets.some((s) => lower.includes(s) || lower.includes(escapeXml(s).toLowerCase()))) continue;
    const next = chart ? movedChartPart(text, moves) : movedPivotCache(text, moves);
    if (next !== text) edit.set(name, next);
  }
}
