/**
 * The lead partner's batch over files (interfaces.md "Partner workbooks"): a partner's own workbook cut from
 * the lead's book, and partners' workbooks taken back into it. Both patch packages: the partner workbook is
 * BOOK's package with the other sheets taken away; import changes cell values in BOOK's own sheet XML in
 * place (the layouts match, the partner file was made from BOOK), so BOOK's formatting, other sheets and our
 * state stay as they were, and nothing of a partner file but its values comes in.
 */
import { checkWorkbook, isReportingWorkbook } from '../../engine';
import type { Model, Partner } from '../../model/types';
import { partnerByNo, partnerLabel } from '../../checks/lib/partners';
import { budgetChanges, budgetSheetsOf, content, extent, planImport, rowsOf, sheetOf, theirHeaderLeft, type ImportChange, type ImportSide, type PlannedImport } from '../../plan/partner-import';
import { planIndicatorRows, type IndicatorBlock } from '../../plan/partner-rows';
import { applyRowMoves, moveWorkbookPart } from './package/row-moves-edit';
import { marksAbove, movedState, rowDeletions, type RowMove } from '../../plan/row-moves';
import { serializeState } from '../../plan/state';
import { readPackage, readPackageFile, type ReadBook } from '../../snapshot/package-reader';
import { UserError } from '../../util/errors';
import { shiftFormula as shiftFormulaText } from '../../snapshot/package/formula-shift';
import { PackageEdit } from './package/parts';
import { WorkbookEdit } from './package/workbook-edit';
import { clearPackage, readPackageState, writeStatePackage } from './package/apply';
import { parseRows, serializeRows, setCell, unshareFormulas, type SheetRows } from './package/rows-edit';
import { userSheetsOnly } from './files';

export type { ImportChange };

export interface OpenedBook {
  book: ReadBook;
  model: Model;
}

/** A reporting workbook read and parsed without our tabs and state; not one: a UserError. */
export function openBook(book: ReadBook, file: string): OpenedBook {
  const snapshot = userSheetsOnly(book.snapshot, readPackageState(book));
  const { model } = checkWorkbook(snapshot);
  if (!isReportingWorkbook(model)) throw new UserError(`${file} is not a reporting workbook: no Project sheet (no sheet has the field 'Project acronym')`);
  return { book, model };
}

const PROTECTION_AFTER = /<\/(\w+:)?sheetData>(\s*<(\w+:)?sheetCalcPr\b[^>]*\/>)?/;

/** The Project sheet protected (no password: the facts stay the lead's, not a secret), unless it already is. */
function protect(xml: string, prefix: string): string {
  if (/<(\w+:)?sheetProtection\b/.test(xml)) return xml;
  const m = PROTECTION_AFTER.exec(xml);
  if (!m) return xml;
  const at = m.index + m[0].length;
  return `${xml.slice(0, at)}<${prefix}sheetProtection sheet="1" objects="1" scenarios="1"/>${xml.slice(at)}`;
}

/** The listed partners that have a budget sheet, in the Partners table's order (for --all). */
export function partnersWithSheets(model: Model): Partner[] {
  return (model.project?.partners ?? []).filter((p) => p.no.value !== null && budgetSheetsOf(model, p).length === 1);
}

/**
 * Partner `no`'s workbook from BOOK's bytes: BOOK's Project sheet (protected), the partner's budget sheet,
 * the indicator sheets with only the partner's rows (moved up under the header). A consolidated or marked
 * BOOK is cleared first: no tab or mark of ours goes to a partner.
 */
export function partnerWorkbook(opened: OpenedBook, no: number, file: string): Buffer {
  let { book, model } = opened;
  const state = readPackageState(book);
  if (state.tabs.length > 0 || book.snapshot.sheets.some((s) => s.name.toLowerCase() === '_clusterix')) {
    book = readPackage(clearPackage(book), file);
    model = openBook(book, file).model;
  }
  const partner = partnerByNo(model, no);
  if (!partner) throw new UserError(`partner ${no} is not listed on the Project sheet of ${file}`);
  const budgets = budgetSheetsOf(model, partner);
  if (budgets.length !== 1) throw new UserError(`${partnerLabel(partner)} has ${budgets.length === 0 ? 'no budget sheet' : `${budgets.length} budget sheets`} in ${file}: a partner workbook takes exactly one`);
  const project = model.project!.sheet;
  const indicatorSheets = model.indicatorSheets.map((s) => s.sheet);
  const keep = new Set([project, budgets[0], ...indicatorSheets].map((n) => n.toLowerCase()));
  const edit = new PackageEdit(book.pkg);
  const wb = new WorkbookEdit(edit, book.pkg.workbookPart);
  wb.removeMany(wb.sheetNames().filter((name) => !keep.has(name.toLowerCase())));
  const projectPart = wb.partOf(project);
  if (projectPart) {
    const xml = edit.text(projectPart)!;
    edit.set(projectPart, protect(xml, /<(\w+:)?worksheet\b/.exec(xml)?.[1] ?? ''));
  }
  // The other partners' indicator rows go as whole rows, bottom-up, by the same row moves as import's: everything
  // pointing below them follows (an Excel table over the rows shrinks to this partner's, merges, validations,
  // conditional formats, formulas on the Project sheet, drawings), as Excel would do it.
  const moves: RowMove[] = model.indicatorSheets.flatMap((sheet) => {
    const gone = new Set(model.indicators.filter((r) => r.sheet === sheet.sheet).map((r) => r.row));
    for (const r of rowsOf(model, partner, sheet.sheet)) gone.delete(r.row);
    return rowDeletions(sheet.sheet, gone);
  });
  const { sheetRows, rowsFor } = sheetRowsOf(edit, wb);
  applyRowMoves(edit, wb, moves, rowsFor, (sheet) => sheetRows.has(sheet));
  writeSheetRows(edit, wb, sheetRows);
  wb.save();
  moveWorkbookPart(edit, book.pkg.workbookPart, moves);
  return edit.toZip();
}

/** Sheets' rows parsed once each when first asked for (shared formulas written out, so rows can move). */
function sheetRowsOf(edit: PackageEdit, wb: WorkbookEdit): { sheetRows: Map<string, SheetRows>; rowsFor: (sheet: string) => SheetRows } {
  const sheetRows = new Map<string, SheetRows>();
  const rowsFor = (sheet: string): SheetRows => {
    let r = sheetRows.get(sheet);
    if (!r) {
      r = parseRows(edit.text(wb.partOf(sheet)!)!);
      unshareFormulas(r);
      sheetRows.set(sheet, r);
    }
    return r;
  };
  return { sheetRows, rowsFor };
}

/** The parsed sheets back into their parts, those that changed. */
function writeSheetRows(edit: PackageEdit, wb: WorkbookEdit, sheetRows: Map<string, SheetRows>): void {
  for (const [sheet, r] of sheetRows) {
    const part = wb.partOf(sheet)!;
    const xml = serializeRows(r);
    if (xml !== edit.text(part)) edit.set(part, xml);
  }
}

// --- import ---

export interface PartnerFile {
  file: string;
  book: ReadBook;
}

/** The lead or a partner file as the shared decision sees it. */
const sideOf = (o: OpenedBook): ImportSide => ({ snapshot: o.book.snapshot, model: o.model });

/** BOOK's bytes with each partner file's budget sheet values and indicator rows in place of that partner's. */
export function importPartnerFiles(lead: OpenedBook, bookFile: string, files: PartnerFile[]): { bytes: Buffer; changes: ImportChange[] } {
  const planned = planImport(sideOf(lead), bookFile, files.map((f) => ({ file: f.file, ...sideOf(openBook(f.book, f.file)) })));
  const edit = new PackageEdit(lead.book.pkg);
  const wb = new WorkbookEdit(edit, lead.book.pkg.workbookPart);
  const { sheetRows, rowsFor } = sheetRowsOf(edit, wb);
  for (const p of planned) importBudget(sideOf(lead), p, rowsFor);
  // Rows in and out as the shared plan says (bottom-up, as Excel would be asked), everything pointing below them
  // moved; then each partner's rows written where its block now is.
  const rows = planIndicatorRows(sideOf(lead), planned);
  const state = readPackageState(lead.book);
  applyRowMoves(edit, wb, rows.moves, rowsFor, (sheet) => sheetRows.has(sheet), marksAbove(state, rows.moves));
  for (const b of rows.blocks) writeBlock(sideOf(lead), b, rowsFor);
  writeSheetRows(edit, wb, sheetRows);
  wb.save();
  moveWorkbookPart(edit, lead.book.pkg.workbookPart, rows.moves);
  // Values changed under formulas: the chain Excel keeps of them is rebuilt by Excel.
  wb.dropCalcChain();
  const bytes = edit.toZip();
  // Our marks' saved looks follow their cells (else Clear marks would put them back on the wrong cells).
  const moved = movedState(state, rows.moves);
  const changes = planned.map((p) => p.change);
  if (serializeState(moved) === serializeState(state)) return { bytes, changes };
  return { bytes: writeStatePackage(readPackage(bytes, bookFile), moved), changes };
}

function importBudget(lead: ImportSide, p: PlannedImport, rowsFor: (sheet: string) => SheetRows): void {
  const { sheet, cells } = budgetChanges(lead, p);
  if (cells.length === 0) return;
  const rows = rowsFor(sheet);
  for (const { row: r, col: c, want } of cells) setCell(rows, r + 1, c, want, rows.rows.find((x) => x.r === r) ?? rows.rows.find((x) => x.r === r + 2));
}

/** A partner's rows written from its block's first row down, over the width of the file's rows and the lead's. */
function writeBlock(lead: ImportSide, b: IndicatorBlock, rowsFor: (sheet: string) => SheetRows): void {
  const left = lead.model.indicatorSheets.find((s) => s.sheet === b.sheet)!.header.col;
  const ours = sheetOf(lead, b.sheet);
  const rows = rowsFor(b.sheet);
  b.incoming.forEach((r, i) => {
    const rowNo = b.row + i + 1;
    const s = sheetOf(b.planned.opened, r.sheet);
    const theirLeft = theirHeaderLeft(b.planned.opened, r);
    const width = Math.max(extent(s).cols - theirLeft, extent(ours).cols - left);
    for (let j = 0; j < width; j++) {
      const cc = content(s, r.row, theirLeft + j);
      if (cc.formula) cc.formula = `=${shiftFormulaText(cc.formula.slice(1), rowNo - (r.row + 1), left - theirLeft)}`;
      setCell(rows, rowNo, left + j, cc);
    }
  });
}

/** Reads BOOK and the partner files (BOOK is never written). */
export async function readBooks(bookPath: string, partnerPaths: string[]): Promise<{ lead: OpenedBook; files: PartnerFile[] }> {
  const lead = openBook(await readPackageFile(bookPath), bookPath);
  const files: PartnerFile[] = [];
  for (const f of partnerPaths) files.push({ file: f, book: await readPackageFile(f) });
  return { lead, files };
}
