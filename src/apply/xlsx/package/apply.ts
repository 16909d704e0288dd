/**
 * A report plan applied to an .xlsx package by patching it: our tabs and the _clusterix state sheet written
 * new, marks set in place on the user's cells (style index, note), everything else copied as it came.
 * Clear takes our sheets away and puts the user's looks back.
 */
import { clearMarks, isOurTab, joinStateChunks, mergeMarks, parseState, stateChunks, stateHoldsAnything, type CellLook } from '../../../plan/state';
import { clashRefusal, isOurSheet } from '../../../plan/ownership';
import { MARK_FILL, REPORT_TAB_NAMES, STATE_SHEET, type ClusterixState, type Mark, type ReportPlan, type SavedCell } from '../../../plan/types';
import type { ReadBook } from '../../../snapshot/package-reader';
import { cellAt } from '../../../snapshot/cells';
import { solidColourOf } from '../../../snapshot/package/styles';
import { UserError } from '../../../util/errors';
import { a1, parseA1 } from '../../../util/a1';
import { PackageEdit } from './parts';
import { MINIMAL_STYLES, StylesEdit, setAttr } from './styles-edit';
import { SheetNotes, type NoteChange } from './notes';
import { editCells, styleOf, withStyle, type CellEdit } from './sheet-edit';
import { sheetBytes, solidFillXml, stateSheetXml, TabStyles, tabSheet, type RowBytes } from './tab-xml';
import { WorkbookEdit } from './workbook-edit';
import { addReportParts } from '../finish-package';

const KEY = 16384;
const STYLES_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles';
const STYLES_CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';

/** How the package writer keeps a cell's own look in the state (SavedCell.fillDetail / noteDetail). */
interface XlsxFillDetail {
  /** The fill of the cell's format, as XML. */
  xlsxFill: string | null;
  /** The cell's style index, or null when the file had no such cell. */
  xlsxStyle: number | null;
}
interface XlsxNoteDetail {
  xlsxComment: string;
}

/** The state kept in column A of _clusterix, as the reader saw it. */
export function readPackageState(book: ReadBook): ClusterixState {
  const sheet = book.snapshot.sheets.find((s) => s.name.toLowerCase() === STATE_SHEET);
  if (!sheet) return parseState(null);
  const column: unknown[] = [];
  for (let r = 0; r < sheet.top + sheet.values.length; r++) column.push(cellAt(sheet, r, 0).value);
  return parseState(joinStateChunks(column));
}

/** An ExcelJS fill description (state written by earlier versions of the command line) as fill XML. */
function fillFromDetail(detail: unknown, hex: string | null): string | null {
  const d = detail as { xlsxFill?: string | null; type?: string; pattern?: string; fgColor?: { argb?: string }; bgColor?: { argb?: string } } | undefined;
  if (d && 'xlsxFill' in d) return d.xlsxFill ?? null;
  if (d && d.type === 'pattern' && d.pattern) {
    const fg = d.fgColor?.argb ? `<fgColor rgb="${d.fgColor.argb}"/>` : '';
    const bg = d.bgColor?.argb ? `<bgColor rgb="${d.bgColor.argb}"/>` : '';
    return `<fill><patternFill patternType="${d.pattern}">${fg}${bg}</patternFill></fill>`;
  }
  return hex ? solidFillXml(`FF${hex.replace('#', '').toUpperCase()}`) : null;
}

class Patcher {
  readonly edit: PackageEdit;
  readonly styles: StylesEdit;
  readonly workbook: WorkbookEdit;
  private readonly stylesPart: string;
  private readonly hadStyles: boolean;
  private readonly notes = new Map<string, SheetNotes>();
  /** Our tabs' rows by part, put into their sheets (written with an empty sheetData) when the package is zipped. */
  private readonly tabRows = new Map<string, RowBytes>();

  constructor(readonly book: ReadBook) {
    this.edit = new PackageEdit(book.pkg);
    this.hadStyles = book.stylesPart !== null && this.edit.has(book.stylesPart);
    this.stylesPart = this.hadStyles ? book.stylesPart! : 'xl/styles.xml';
    this.styles = new StylesEdit(this.hadStyles ? this.edit.text(this.stylesPart)! : MINIMAL_STYLES);
    this.workbook = new WorkbookEdit(this.edit, book.pkg.workbookPart);
  }

  private readSheet(name: string) {
    const n = name.toLowerCase();
    return this.book.sheets.find((s) => s.info.name.toLowerCase() === n);
  }

  private notesOf(part: string): SheetNotes {
    let n = this.notes.get(part);
    if (!n) this.notes.set(part, (n = new SheetNotes(this.edit, part)));
    return n;
  }

  /** The user's look of a cell now: its fill and note, with what it takes to put them back exactly. */
  readLook(sheet: string, cell: string): CellLook {
    const s = this.readSheet(sheet);
    const part = s?.info.part ?? null;
    const { row, col } = parseA1(cell);
    const raw = s?.at.get(row * KEY + col);
    const style = raw ? raw.style : null;
    const fillXml = style !== null ? (this.styles.fillOfXf(style) ?? null) : null;
    const note = part ? this.notesOf(part).read(cell) : null;
    const look: CellLook = { fill: solidColourOf(fillXml ?? undefined), note: note ? note.text : null };
    look.fillDetail = { xlsxFill: fillXml, xlsxStyle: raw ? style : null } satisfies XlsxFillDetail;
    if (note) look.noteDetail = { xlsxComment: note.xml } satisfies XlsxNoteDetail;
    return look;
  }

  /** Marks applied and saved cells restored, sheet by sheet: style indexes in place, notes. */
  patchUserSheets(apply: Mark[], restore: SavedCell[]): void {
    const bySheet = new Map<string, { edits: Map<string, CellEdit>; notes: NoteChange[] }>();
    const at = (sheet: string) => {
      const part = this.workbook.partOf(sheet);
      if (!part || !this.edit.has(part)) return null;
      if (!bySheet.has(part)) bySheet.set(part, { edits: new Map(), notes: [] });
      return bySheet.get(part)!;
    };
    for (const saved of restore) {
      const t = at(saved.sheet);
      if (!t) continue; // a sheet the user deleted since has nothing to restore
      const fillXml = fillFromDetail(saved.fillDetail, saved.fill);
      const detail = saved.fillDetail as Partial<XlsxFillDetail> | undefined;
      const origStyle = detail && 'xlsxStyle' in detail ? detail.xlsxStyle : undefined;
      t.edits.set(saved.cell.toUpperCase(), (tag, selfClosing) => {
        const current = styleOf(tag);
        // Our mark made from the saved format, unchanged since: the saved format exactly.
        let style: number;
        if (typeof origStyle === 'number' && this.isMarkOf(current, origStyle)) style = origStyle;
        else if (origStyle === null && this.isMarkOf(current, 0)) style = 0;
        else style = this.styles.withFill(current, fillXml);
        if (tag === null) return style === 0 ? null : `<c r="${saved.cell.toUpperCase()}" s="${style}"/>`;
        const next = withStyle(tag, style);
        // A cell that was not in the file and holds nothing again goes away.
        if (origStyle === null && style === 0 && selfClosing && /^<(\w+:)?c\s+r="[A-Z]+\d+"\s*\/>$/.test(next)) return null;
        return next;
      });
      const nd = saved.noteDetail as Partial<XlsxNoteDetail> | undefined;
      t.notes.push({ cell: saved.cell, note: nd?.xlsxComment ? { xml: nd.xlsxComment } : saved.note !== null ? { text: saved.note } : null });
    }
    const markFill = new Map<string, string>();
    for (const m of apply) {
      const t = at(m.sheet);
      if (!t) continue;
      const fill = markFill.get(m.severity) ?? solidFillXml(`FF${MARK_FILL[m.severity].slice(1)}`);
      markFill.set(m.severity, fill);
      const addr = m.cell.toUpperCase();
      const wasRestore = t.edits.get(addr);
      t.edits.set(addr, (tag) => {
        // A cell both restored and marked again (never: the merge keeps one) would be restored first.
        const base = wasRestore ? null : tag;
        return base === null ? `<c r="${addr}" s="${this.styles.withFill(0, fill)}"/>` : withStyle(base, this.styles.withFill(styleOf(base), fill));
      });
      t.notes = t.notes.filter((n) => n.cell.toUpperCase() !== addr);
      t.notes.push({ cell: addr, note: { text: m.note } });
    }
    for (const [part, t] of bySheet) {
      const xml = this.edit.text(part)!;
      const next = editCells(xml, t.edits);
      if (next !== xml) this.edit.set(part, next);
      this.notesOf(part).apply(t.notes);
    }
  }

  /** Whether format `current` is format `orig` with a mark's fill, as we make it. */
  private isMarkOf(current: number, orig: number): boolean {
    const cur = this.styles.xfXml(current);
    const fill = this.styles.fillOfXf(current);
    if (!fill || !Object.values(MARK_FILL).some((hex) => fill === solidFillXml(`FF${hex.slice(1)}`))) return false;
    const fillId = /fillId\s*=\s*"(\d+)"/.exec(cur)?.[1] ?? '0';
    return setAttr(setAttr(this.styles.xfXml(orig), 'fillId', fillId), 'applyFill', '1') === cur;
  }

  removeOurSheets(state: ClusterixState): void {
    this.workbook.removeMany([...state.tabs, STATE_SHEET]);
  }

  addTabs(plan: ReportPlan): void {
    const tabStyles = new TabStyles(this.styles);
    for (const tab of plan.tabs) {
      const { sheet, rows, printTitles } = tabSheet(tab, tabStyles);
      const part = this.edit.freeName('xl/worksheets/sheet', '.xml');
      this.edit.set(part, sheet);
      this.tabRows.set(part, rows);
      this.workbook.add(tab.name, part, 'Visible', printTitles);
      // Figures that cannot be live, partners over budget: a note on the report cell itself.
      const notes = tab.cells.filter((c) => c.note).map((c) => ({ cell: a1(c.row, c.col), note: { text: c.note! } }));
      if (notes.length) this.notesOf(part).apply(notes);
    }
  }

  addState(state: ClusterixState): void {
    const part = this.edit.freeName('xl/worksheets/sheet', '.xml');
    this.edit.set(part, stateSheetXml(stateChunks(state)));
    this.workbook.add(STATE_SHEET, part, 'VeryHidden', null);
  }

  /** The package's bytes; `report`: the report's last parts (charts, our notes' look) added to the parts as texts first. */
  finish(transform?: PackageTransform, report?: ReportPlan): Buffer {
    this.complete(transform, report, false);
    return this.edit.toZip();
  }

  /** finish's bytes, exactly, in pieces to write in order, the large parts deflated in the thread pool as soon as each is written. */
  finishAsync(transform?: PackageTransform, report?: ReportPlan): Promise<Uint8Array[]> {
    this.complete(transform, report, true);
    return this.edit.toZipAsync();
  }

  /** Every part as the package will hold it; `early`: each report tab's deflation started as soon as its bytes exist. */
  private complete(transform: PackageTransform | undefined, report: ReportPlan | undefined, early: boolean): void {
    this.workbook.save();
    if (this.styles.changed) {
      this.edit.set(this.stylesPart, this.styles.toXml());
      if (!this.hadStyles) {
        this.edit.addRel(this.book.pkg.workbookPart, STYLES_TYPE, this.stylesPart);
        this.edit.declare(this.stylesPart, STYLES_CT);
      }
    }
    if (report) addReportParts(this.edit.texts(), report);
    // The rows last: nothing above reads a tab's cells, and megabytes of text are neither copied nor searched.
    for (const [part, rows] of this.tabRows) {
      const sheet = this.edit.text(part)!;
      // In a strict package the sheet around the rows is spelled strict already (PackageEdit.set made it so); the rows
      // hold no namespace, and a cell's text must not be respelled: bytes, as in any package.
      this.edit.set(part, sheetBytes(sheet, rows));
      // Deflated on another core while the next tab's bytes are made (unless a transform may change it yet).
      if (early && !transform) this.edit.deflateSoon(part);
    }
    if (transform) this.edit.setFromRecord(transform(this.edit.toRecord()));
  }
}

/** A change to the whole unzipped package, made last (tests): parts by name. */
export type PackageTransform = (parts: Record<string, Uint8Array>) => Record<string, Uint8Array>;

/**
 * Consolidate onto the package: the bytes of OUT, with the report's charts and our notes' look
 * (finish-package.ts). `transform` (tests), in their place, may change the unzipped package last.
 */
export function consolidatePackage(book: ReadBook, plan: ReportPlan, transform?: PackageTransform): Buffer {
  const p = consolidated(book, plan);
  return transform ? p.finish(transform) : p.finish(undefined, plan);
}

/**
 * consolidatePackage's bytes, exactly, in pieces to write one after the other (writePieces), their large parts
 * deflated in the thread pool (the command line's).
 */
export function consolidatePackageAsync(book: ReadBook, plan: ReportPlan, transform?: PackageTransform): Promise<Uint8Array[]> {
  const p = consolidated(book, plan);
  return transform ? p.finishAsync(transform) : p.finishAsync(undefined, plan);
}

function consolidated(book: ReadBook, plan: ReportPlan): Patcher {
  const p = new Patcher(book);
  const state = readPackageState(book);
  for (const tab of plan.tabs) {
    const own = p.workbook.find(tab.name);
    if (own && !isOurSheet(state, own.name)) throw new UserError(clashRefusal(own.name));
  }
  const ourNames = new Set([...REPORT_TAB_NAMES, ...plan.tabs.map((t) => t.name), STATE_SHEET].map((n) => n.toLowerCase()));
  const marks = plan.marks.filter((m) => !ourNames.has(m.sheet.toLowerCase()) && p.workbook.find(m.sheet) && !isOurTab(state, m.sheet));
  const merge = mergeMarks(state, marks, (sheet, cell) => p.readLook(sheet, cell), { tabs: plan.tabs.map((t) => t.name), markKind: 'note' });
  p.patchUserSheets(merge.apply, merge.restore);
  p.removeOurSheets(state);
  p.addTabs(plan);
  p.addState(merge.state);
  return p;
}

/** Clear marks onto the package: our sheets gone, every saved cell's look back; accepted warnings stay in the state. */
export function clearPackage(book: ReadBook): Buffer {
  return cleared(book).finish();
}

/** clearPackage's bytes, exactly, in pieces (as consolidatePackageAsync's). */
export function clearPackageAsync(book: ReadBook): Promise<Uint8Array[]> {
  return cleared(book).finishAsync();
}

function cleared(book: ReadBook): Patcher {
  const p = new Patcher(book);
  const state = readPackageState(book);
  const { restore, state: next } = clearMarks(state);
  p.patchUserSheets([], restore);
  p.removeOurSheets(state);
  // Accepted warnings are a person's decisions: they stay; with none, the state sheet goes.
  if (stateHoldsAnything(next)) p.addState(next);
  return p;
}

/** Only the state written anew (an acceptance added): everything else of the package as it was. */
export function writeStatePackage(book: ReadBook, state: ClusterixState): Buffer {
  const p = new Patcher(book);
  p.workbook.remove(STATE_SHEET);
  p.addState(state);
  return p.finish();
}
