/**
 * Whole rows inserted and deleted in a package, as Excel does it (the moves and what they do to an address are
 * plan/row-moves.ts's): the rows below renumbered; inserted rows formatted as the row above (its height and
 * its cells' styles, no content); then every reference to a moved row follows it: formulas on every sheet,
 * merged ranges, data validations and conditional formats (their ranges and formulas), hyperlinks, the
 * autofilter and the other ref/sqref ranges of the moved sheet, the notes on it (comments and their VML
 * shapes) and the defined names (print areas and titles among them). A range whose rows all went is dropped
 * (a formula's reference becomes #REF!, as in Excel). Tables, drawings' anchors, threaded comments, sparklines,
 * pivot tables, chart series and pivot caches over moved rows follow too (row-moves-parts.ts).
 */
import { movedAddress, movedFormatSpan, movedRow, type InheritedLook, type RowMove } from '../../../plan/row-moves';
import { escapeXml } from '../../../snapshot/package/xml';
import { attr } from '../../../snapshot/package/styles';
import { a1 } from '../../../util/a1';
import type { PackageEdit } from './parts';
import type { WorkbookEdit } from './workbook-edit';
import { removeAttr, setAttr } from './styles-edit';
import type { RowXml, SheetRows } from './rows-edit';
import { moveChartsAndPivotCaches, moveSheetParts, movedSparklines, movedXmlFormula, withoutTableParts } from './row-moves-parts';

/** Renumbers a row (its r= and its cells' r=); formula text is moved separately, for every sheet at once. */
function renumber(row: RowXml, to: number): void {
  if (row.r === to) return;
  row.start = setAttr(row.start, 'r', String(to));
  for (const c of row.cells) c.xml = setAttr(c.xml, 'r', a1(to - 1, c.col));
  row.r = to;
}

/** A cell of the row above for a new row: its style only (the user's own where the cell above carries our mark). */
function styleOnly(prefix: string, xml: string, row: number, col: number, look?: InheritedLook): string | null {
  const detail = look?.saved.fillDetail as { xlsxStyle?: number | null } | undefined;
  const own = detail && 'xlsxStyle' in detail ? detail.xlsxStyle : undefined;
  const s = own !== undefined ? (own === null ? undefined : String(own)) : attr(/^<(\w+:)?c\b[^>]*?(?=\/?>)/.exec(xml)![0] + '>', 's');
  return s && s !== '0' ? `<${prefix}c r="${a1(row - 1, col)}" s="${s}"/>` : null;
}

/**
 * The rows of one sheet moved (count > 0: rows in before `at`, formatted as the row above; count < 0: rows out).
 * `looks`: marked cells above inserted rows (plan/row-moves.ts marksAbove), whose new cells take the user's style.
 */
export function moveSheetRows(rows: SheetRows, sheet: string, moves: readonly RowMove[], looks: readonly InheritedLook[] = []): void {
  moves.forEach((m, i) => {
    if (m.sheet !== sheet) return;
    if (m.count > 0) {
      const above = m.plain ? undefined : rows.rows.find((r) => r.r === m.at);
      for (const row of rows.rows) if (row.r > m.at) renumber(row, row.r + m.count);
      if (above) {
        for (let k = 1; k <= m.count; k++) {
          const r = m.at + k;
          const cells = above.cells.flatMap((c) => {
            const xml = styleOnly(rows.prefix, c.xml, r, c.col, looks.find((l) => l.move === i && l.col === c.col));
            return xml ? [{ col: c.col, xml }] : [];
          });
          const start = setAttr(removeAttr(removeAttr(above.start, 'spans'), 'hidden'), 'r', String(r));
          if (cells.length || start !== `<${rows.prefix}row r="${r}">`) rows.rows.push({ r, start, cells });
        }
      }
    } else {
      const first = m.at + 1;
      const after = m.at - m.count + 1;
      rows.rows = rows.rows.filter((r) => r.r < first || r.r >= after);
      for (const row of rows.rows) if (row.r >= after) renumber(row, row.r + m.count);
    }
  });
}

const FORMULA = /(<(\w+:)?f\b[^>]*>)([\s\S]*?)(<\/(\w+:)?f>)/g;
/** Any formula text of a part: a cell's, a conditional format's, a validation's (x14's xm:f too). */
const ANY_FORMULA = /(<((?:\w+:)?(?:f|formula[12]?))\b[^>]*>)([\s\S]*?)(<\/\2>)/g;

/** Every formula text in a piece of a part moved (a sheet that only refers to a moved one). */
function moveFormulaTexts(xml: string, home: string, moves: readonly RowMove[]): string {
  return xml.replace(ANY_FORMULA, (_m, open: string, _n, text: string, close: string) => `${open}${movedXmlFormula(text, home, moves)}${close}`);
}

/** The cells' formulas of a sheet moved. */
export function moveFormulas(rows: SheetRows, home: string, moves: readonly RowMove[]): void {
  for (const row of rows.rows) for (const c of row.cells) if (c.xml.includes('<')) c.xml = c.xml.replace(FORMULA, (_m, open: string, _p, text: string, close: string) => `${open}${movedXmlFormula(text, home, moves)}${close}`);
}

/**
 * A space-separated list of ranges moved; ranges whose rows all went are left out ('' when none is left).
 * `format`: a conditional format's or validation's cells, which rows inserted right under them join.
 */
function movedSqref(list: string, sheet: string, moves: readonly RowMove[], format = false): string {
  return list
    .split(/\s+/)
    .filter(Boolean)
    .map((r) => movedAddress(moves, sheet, r, format ? movedFormatSpan : undefined))
    .filter((r): r is string => r !== null)
    .join(' ');
}

/** What is outside sheetData on a moved sheet: merges, validations, conditional formats, hyperlinks, autofilter, other ranges. */
export function moveSheetRanges(xml: string, sheet: string, moves: readonly RowMove[]): string {
  const p = '(?:\\w+:)?';
  // Elements that go with their ranges: a merge, a validation, a conditional format.
  // A merge or a hyperlink whose cells all went goes with them.
  xml = xml.replace(new RegExp(`<${p}(?:mergeCell|hyperlink)\\b[^>]*?/>`, 'g'), (t) => {
    const ref = attr(t, 'ref');
    const moved = ref ? movedAddress(moves, sheet, ref) : ref;
    return moved === null ? '' : ref ? setAttr(t, 'ref', moved!) : t;
  });
  for (const name of ['dataValidation', 'conditionalFormatting', 'x14:conditionalFormatting', 'x14:dataValidation']) {
    xml = xml.replace(new RegExp(`<${name}\\b[^>]*?(?:/>|>[\\s\\S]*?</${name}>)`, 'g'), (el) => {
      const open = /^<[^>]*>/.exec(el)![0];
      const sq = attr(open, 'sqref');
      let out = el;
      if (sq !== undefined) {
        const moved = movedSqref(sq, sheet, moves, true);
        if (moved === '') return '';
        out = setAttr(open, 'sqref', moved) + el.slice(open.length);
      }
      // The formulas inside (formula, formula1, formula2; x14's xm:f and xm:sqref).
      return out
        .replace(/(<(\w+:)?(formula[12]?|f)>)([\s\S]*?)(<\/(\w+:)?(formula[12]?|f)>)/g, (_m, o: string, _a, _b, text: string, c: string) => `${o}${movedXmlFormula(text, sheet, moves)}${c}`)
        .replace(/(<xm:sqref>)([^<]*)(<\/xm:sqref>)/g, (_m, o: string, list: string, c: string) => `${o}${movedSqref(list, sheet, moves, true)}${c}`);
    });
  }
  // Their lists counted again; a list left empty goes (the schema wants at least one).
  for (const [list, item] of [['mergeCells', 'mergeCell'], ['dataValidations', 'dataValidation'], ['hyperlinks', 'hyperlink']]) {
    xml = xml.replace(new RegExp(`<(${p})${list}\\b([^>]*)>([\\s\\S]*?)</(${p})${list}>`, 'g'), (m, pre: string, attrs: string, inner: string) => {
      const n = (inner.match(new RegExp(`<${p}${item}\\b`, 'g')) ?? []).length;
      if (n === 0) return '';
      return /\bcount="/.test(attrs) ? m.replace(/\bcount="\d+"/, `count="${n}"`) : m;
    });
  }
  // Every other range attribute (the autofilter, ignored errors, protected ranges); not the view's selection.
  return xml.replace(/(<(?:\w+:)?(?!(?:dimension|mergeCell|hyperlink|dataValidation|conditionalFormatting|selection)\b)(\w+)\b[^>]*?\s(?:ref|sqref)=")([^"]*)(")/g, (m, open: string, _n, list: string, close: string) => {
    const moved = movedSqref(list, sheet, moves);
    return moved === '' ? m : `${open}${moved}${close}`;
  });
}

/** The notes of a moved sheet: each comment's ref, each VML note shape's row and anchor; a note whose cell went goes. */
export function moveNotes(edit: PackageEdit, sheetPart: string, sheet: string, moves: readonly RowMove[]): void {
  for (const rel of edit.rels(sheetPart)) {
    if (rel.external) continue;
    const part = edit.target(sheetPart, rel);
    const text = edit.text(part);
    if (text === undefined) continue;
    if (rel.type.endsWith('/comments')) {
      const xml = text.replace(/<(\w+:)?comment\b[^>]*?(?:\/>|>[\s\S]*?<\/(\w+:)?comment>)/g, (c) => {
        const ref = attr(/^<[^>]*>/.exec(c)![0], 'ref');
        if (!ref) return c;
        const moved = movedAddress(moves, sheet, ref);
        return moved === null ? '' : c.replace(/\bref="[^"]*"/, `ref="${escapeXml(moved)}"`);
      });
      if (xml !== text) edit.set(part, xml);
    } else if (rel.type.endsWith('/vmlDrawing')) {
      const xml = text.replace(/<v:shape\b[\s\S]*?<\/v:shape>/g, (shape) => {
        const row = /<x:Row>(\d+)<\/x:Row>/.exec(shape);
        if (!row) return shape;
        const to = movedRow(moves, sheet, Number(row[1]));
        if (to === null) return '';
        const d = to - Number(row[1]);
        if (d === 0) return shape;
        return shape
          .replace(/<x:Row>\d+<\/x:Row>/, `<x:Row>${to}</x:Row>`)
          .replace(/<x:Anchor>([^<]*)<\/x:Anchor>/, (_m, a: string) => {
            const n = a.split(',').map((x) => x.trim());
            if (n.length === 8) {
              n[2] = String(Number(n[2]) + d);
              n[6] = String(Number(n[6]) + d);
            }
            return `<x:Anchor>${n.join(', ')}</x:Anchor>`;
          });
      });
      if (xml !== text) edit.set(part, xml);
    }
  }
}

/** The defined names (workbook-wide and sheet-scoped: print areas and titles among them) moved. */
export function moveDefinedNames(xml: string, moves: readonly RowMove[]): string {
  return xml.replace(/(<(\w+:)?definedName\b[^>]*>)([\s\S]*?)(<\/(\w+:)?definedName>)/g, (_m, open: string, _p, text: string, close: string) => `${open}${movedXmlFormula(text, '', moves)}${close}`);
}

/**
 * The moves made in the sheets of a package: `rowsFor` gives a sheet's parsed rows (the caller serializes them;
 * `parsed` says whether it has parsed a sheet already);
 * sheets whose formulas may name a moved sheet are parsed too, the others left as they are. The workbook part
 * is moveWorkbookPart's.
 */
export function applyRowMoves(edit: PackageEdit, wb: WorkbookEdit, moves: readonly RowMove[], rowsFor: (sheet: string) => SheetRows, parsed: (sheet: string) => boolean, looks: readonly InheritedLook[] = []): void {
  if (moves.length === 0) return;
  const moved = [...new Set(moves.map((m) => m.sheet))];
  for (const sheet of moved) moveSheetRows(rowsFor(sheet), sheet, moves, looks);
  const named = (xml: string) => moved.some((s) => xml.toLowerCase().includes(s.toLowerCase()));
  for (const sheet of wb.sheetNames()) {
    const part = wb.partOf(sheet);
    if (!part) continue;
    const own = moved.includes(sheet);
    if (!own && !parsed(sheet)) {
      // Another sheet: its formulas' text (cells, conditional formats, validations) moved in place, the rest of
      // its part byte for byte; one with shared
      // formulas whose text would change is written out cell by cell first (rowsFor), as a moved sheet is.
      const xml = edit.text(part) ?? '';
      if (!named(xml)) continue;
      const next = moveFormulaTexts(xml, sheet, moves);
      if (next === xml) continue;
      if (!/<(\w+:)?f\b[^>]*\bt="shared"/.test(xml)) {
        edit.set(part, next);
        continue;
      }
    }
    moveFormulas(rowsFor(sheet), sheet, moves);
    if (!own) {
      // Its conditional formats' and validations' formulas may name a moved sheet too.
      const rows = rowsFor(sheet);
      rows.tail = moveFormulaTexts(rows.tail, sheet, moves);
    }
    if (own) {
      const rows = rowsFor(sheet);
      rows.head = moveSheetRanges(rows.head, sheet, moves);
      rows.tail = moveSheetRanges(rows.tail, sheet, moves);
      moveNotes(edit, part, sheet, moves);
      rows.tail = movedSparklines(withoutTableParts(rows.tail, moveSheetParts(edit, part, sheet, moves).tablesGone), sheet, moves);
    }
  }
  moveChartsAndPivotCaches(edit, moves);
}

/** The workbook part after the moves: its defined names moved, a full calculation on open. Call after WorkbookEdit.save(). */
export function moveWorkbookPart(edit: PackageEdit, workbookPart: string, moves: readonly RowMove[]): void {
  if (moves.length === 0) return;
  const book = edit.text(workbookPart)!;
  const next = fullCalcOnLoad(moveDefinedNames(book, moves));
  if (next !== book) edit.set(workbookPart, next);
}

/**
 * Excel told to calculate the workbook when it opens it: a range that grew or shrank keeps the result it had
 * (the package has no calculation engine), and Excel otherwise trusts the results a file carries.
 */
export function fullCalcOnLoad(xml: string): string {
  const calc = /<(\w+:)?calcPr\b[^>]*?\/?>/.exec(xml);
  if (calc) return xml.slice(0, calc.index) + setAttr(calc[0], 'fullCalcOnLoad', '1') + xml.slice(calc.index + calc[0].length);
  const p = /<(\w+:)?workbook\b/.exec(xml)?.[1] ?? '';
  // After the last of these present (the schema's order: sheets, externalReferences, definedNames, calcPr).
  const after = [/<\/(\w+:)?definedNames>/, /<\/(\w+:)?externalReferences>/, /<\/(\w+:)?sheets>|<(\w+:)?sheets\/>/].map((re) => re.exec(xml)).find((m) => m !== null);
  if (!after) return xml;
  const at = after.index + after[0].length;
  return `${xml.slice(0, at)}<${p}calcPr fullCalcOnLoad="1"/>${xml.slice(at)}`;
}
