/**
 * The lead partner's batch over files (interfaces.md "Partner workbooks"): a partner's own workbook cut from
 * the lead's book, and partners' workbooks taken back into it. Both patch packages: the partner workbook is
 * BOOK's package with the other sheets taken away; import changes cell values in BOOK's own sheet XML in
 * place (the layouts match, the partner file was made from BOOK), so BOOK's formatting, other sheets and our
 * state stay as they were, and nothing of a partner file but its values comes in.
 */
import { checkWorkbook, isReportingWorkbook } from '../../engine';
import type { Model, Partner, IndicatorRow } from '../../model/types';
import { partnerByNo, partnerLabel, partnerOfSheet, partnersNamed, partnerWorkbookOf } from '../../checks/lib/partners';
import { norm } from '../../checks/lib/norm';
import { readPackage, readPackageFile, type ReadBook } from '../../snapshot/package-reader';
import type { SheetSnapshot } from '../../snapshot/types';
import { cellAt } from '../../snapshot/cells';
import { UserError } from '../../util/errors';
import { shiftFormula as shiftFormulaText } from '../../snapshot/package/formula-shift';
import { PackageEdit } from './package/parts';
import { WorkbookEdit } from './package/workbook-edit';
import { clearPackage, readPackageState } from './package/apply';
import { moveRow, parseRows, rowStartLike, serializeRows, setCell, shiftMerges, unshareFormulas, type CellContent, type RowXml, type SheetRows } from './package/rows-edit';
import { userSheetsOnly } from './files';

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

function budgetSheetsOf(model: Model, partner: Partner): string[] {
  return model.budgets.filter((b) => partnerOfSheet(model, b) === partner).map((b) => b.sheet);
}

function rowsOf(model: Model, partner: Partner, sheet?: string): IndicatorRow[] {
  return model.indicators.filter((r) => (sheet === undefined || r.sheet === sheet) && partnersNamed(model, r.partner.value ?? '').includes(partner));
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
  for (const name of wb.sheetNames()) if (!keep.has(name.toLowerCase())) wb.remove(name);
  const projectPart = wb.partOf(project);
  if (projectPart) {
    const xml = edit.text(projectPart)!;
    edit.set(projectPart, protect(xml, /<(\w+:)?worksheet\b/.exec(xml)?.[1] ?? ''));
  }
  for (const sheet of model.indicatorSheets) {
    const part = wb.partOf(sheet.sheet);
    if (!part) continue;
    const others = new Set(model.indicators.filter((r) => r.sheet === sheet.sheet).map((r) => r.row + 1));
    for (const r of rowsOf(model, partner, sheet.sheet)) others.delete(r.row + 1);
    if (others.size === 0) continue;
    const rows = parseRows(edit.text(part)!);
    unshareFormulas(rows);
    removeRows(rows, others);
    edit.set(part, serializeRows(rows));
  }
  wb.save();
  return edit.toZip();
}

/** Takes rows away (1-based numbers); the rows below move up. */
function removeRows(rows: SheetRows, gone: Set<number>): void {
  const sorted = [...gone].sort((a, b) => a - b);
  rows.rows = rows.rows.filter((r) => !gone.has(r.r));
  for (const row of [...rows.rows].sort((a, b) => a.r - b.r)) {
    const d = sorted.filter((g) => g < row.r).length;
    if (d > 0) moveRow(row, row.r - d);
  }
  for (const g of [...sorted].reverse()) shiftMerges(rows, g + 1, -1);
}

// --- import ---

export interface PartnerFile {
  file: string;
  book: ReadBook;
}

export interface ImportChange {
  file: string;
  partner: string;
  /** Budget sheet cells whose value or formula changed. */
  cells: number;
  /** Period numbers of the changed amounts (plan or reported). */
  periods: number[];
  rowsAdded: number;
  rowsRemoved: number;
  rowsChanged: number;
  /** Indicator rows of the file that name another partner: not taken. */
  rowsLeftOut: number;
}

/** A table header row as text, from its first column to its last cell ('Partner | Indicator | P1 | …'). */
function headerText(book: ReadBook, sheet: string, row: number, left: number): string {
  const s = sheetOf(book, sheet);
  const e = extent(s);
  const cells: string[] = [];
  for (let c = left; c < e.cols; c++) cells.push(String(cellAt(s, row, c).value ?? '').trim());
  return cells.join(' | ').replace(/( \| )+$/, '');
}

function content(sheet: SheetSnapshot, row: number, col: number): CellContent {
  const c = cellAt(sheet, row, col);
  return { value: c.value, type: c.type, formula: c.formula };
}

function same(a: CellContent, b: CellContent): boolean {
  const empty = (c: CellContent) => (c.value === null || c.value === '' || c.type === 'Empty') && c.formula === null;
  if (empty(a) && empty(b)) return true;
  return a.value === b.value && a.formula === b.formula && (a.type === 'Uncalculated') === (b.type === 'Uncalculated');
}

function sheetOf(book: ReadBook, name: string): SheetSnapshot {
  return book.snapshot.sheets.find((s) => s.name === name)!;
}

function extent(s: SheetSnapshot): { rows: number; cols: number } {
  return { rows: s.top + s.values.length, cols: s.left + Math.max(0, ...s.values.map((r) => r.length)) };
}

interface Planned {
  change: ImportChange;
  partner: Partner;
  opened: OpenedBook;
}

/** Which partner each file belongs to, or the one line that refuses the whole import. */
function planImport(lead: OpenedBook, bookFile: string, files: PartnerFile[]): Planned[] {
  const acronym = lead.model.project!.acronym.value ?? '';
  const seen = new Map<Partner, string>();
  const out: Planned[] = [];
  for (const f of files) {
    const opened = openBook(f.book, f.file);
    const theirs = opened.model.project!.acronym.value ?? '';
    if (norm(theirs) !== norm(acronym)) throw new UserError(`${f.file} is a file of another project ('${theirs}', not '${acronym}'): nothing imported`);
    if (opened.model.budgets.length === 0) throw new UserError(`${f.file} has no budget sheet: nothing imported`);
    if (opened.model.budgets.length > 1 && !partnerWorkbookOf(opened.model)) throw new UserError(`${f.file} has ${opened.model.budgets.length} budget sheets: a partner's file holds one; nothing imported`);
    const b = opened.model.budgets[0];
    const partner = partnerOfSheet(lead.model, b);
    if (!partner) {
      const given = b.partnerNo?.value != null ? `Partner No ${b.partnerNo.value}` : b.partnerName?.value != null ? `Partner ${b.partnerName.value}` : 'no Partner No';
      throw new UserError(`${f.file}: ${given} on '${b.sheet}' is not a partner listed in ${bookFile}: nothing imported`);
    }
    if (seen.has(partner)) throw new UserError(`${f.file} and ${seen.get(partner)} are both files of ${partnerLabel(partner)}: one file per partner; nothing imported`);
    seen.set(partner, f.file);
    const sheets = budgetSheetsOf(lead.model, partner);
    if (sheets.length !== 1) throw new UserError(`${bookFile} has ${sheets.length === 0 ? 'no budget sheet' : `${sheets.length} budget sheets`} for ${partnerLabel(partner)}: nothing imported`);
    if (lead.model.indicatorSheets.length === 0 && opened.model.indicators.length > 0) throw new UserError(`${bookFile} has no indicator sheet to take ${f.file}'s indicator rows: nothing imported`);
    const leadInd = lead.model.indicatorSheets.find((s) => s.sheet === (rowsOf(lead.model, partner)[0]?.sheet ?? lead.model.indicatorSheets[0]?.sheet));
    for (const theirs of opened.model.indicatorSheets) {
      if (!leadInd || !opened.model.indicators.some((r) => r.sheet === theirs.sheet)) continue;
      const a = headerText(lead.book, leadInd.sheet, leadInd.header.row, leadInd.header.col);
      const b = headerText(f.book, theirs.sheet, theirs.header.row, theirs.header.col);
      if (a !== b) throw new UserError(`${f.file}: the columns of '${theirs.sheet}' (${b}) are not those of '${leadInd.sheet}' in ${bookFile} (${a}): nothing imported`);
    }
    const elsewhere = opened.model.indicators.filter((r) => (r.partner.value ?? '').trim() !== '' && !partnersNamed(opened.model, r.partner.value ?? '').some((x) => x.no.value === partner.no.value)).length;
    out.push({ partner, opened, change: { file: f.file, partner: partnerLabel(partner), cells: 0, periods: [], rowsAdded: 0, rowsRemoved: 0, rowsChanged: 0, rowsLeftOut: elsewhere } });
  }
  return out;
}

/** BOOK's bytes with each partner file's budget sheet values and indicator rows in place of that partner's. */
export function importPartnerFiles(lead: OpenedBook, bookFile: string, files: PartnerFile[]): { bytes: Buffer; changes: ImportChange[] } {
  const planned = planImport(lead, bookFile, files);
  const edit = new PackageEdit(lead.book.pkg);
  const wb = new WorkbookEdit(edit, lead.book.pkg.workbookPart);
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
  for (const p of planned) importBudget(lead, p, rowsFor);
  // Indicator rows from the bottom of the sheet up: a block put in moves only the rows below it, already done.
  const firstRow = (p: Planned) => Math.min(...rowsOf(lead.model, p.partner).map((r) => r.row));
  for (const p of [...planned].sort((a, b) => firstRow(b) - firstRow(a))) importIndicators(lead, p, rowsFor);
  for (const [sheet, rows] of sheetRows) {
    const part = wb.partOf(sheet)!;
    const xml = serializeRows(rows);
    if (xml !== edit.text(part)) edit.set(part, xml);
  }
  wb.save();
  // Values changed under formulas: the chain Excel keeps of them is rebuilt by Excel.
  dropCalcChain(edit, lead.book.pkg.workbookPart);
  return { bytes: edit.toZip(), changes: planned.map((p) => p.change) };
}

function dropCalcChain(edit: PackageEdit, workbookPart: string): void {
  const rel = edit.rels(workbookPart).find((r) => r.type.endsWith('/calcChain'));
  if (!rel) return;
  const part = edit.target(workbookPart, rel);
  edit.delete(part);
  edit.undeclare(new Set([part]));
  edit.removeRels(workbookPart, new Set([rel.id]));
}

function importBudget(lead: OpenedBook, p: Planned, rowsFor: (sheet: string) => SheetRows): void {
  const leadBudget = lead.model.budgets.find((b) => partnerOfSheet(lead.model, b) === p.partner)!;
  const theirBudget = p.opened.model.budgets.length === 1 ? p.opened.model.budgets[0] : p.opened.model.budgets.find((b) => partnerOfSheet(p.opened.model, b) === partnerWorkbookOf(p.opened.model))!;
  const ours = sheetOf(lead.book, leadBudget.sheet);
  const theirs = sheetOf(p.opened.book, theirBudget.sheet);
  const e1 = extent(ours);
  const e2 = extent(theirs);
  const periodAt = new Map<string, number>();
  for (const t of [leadBudget.plan, leadBudget.reported]) {
    if (!t) continue;
    for (const r of t.rows) for (const pc of t.periods) periodAt.set(`${r.row}:${pc.col}`, pc.number);
  }
  const periods = new Set<number>();
  let rows: SheetRows | null = null;
  for (let r = 0; r < Math.max(e1.rows, e2.rows); r++) {
    for (let c = 0; c < Math.max(e1.cols, e2.cols); c++) {
      const want = content(theirs, r, c);
      const had = content(ours, r, c);
      if (same(had, want)) continue;
      rows ??= rowsFor(leadBudget.sheet);
      setCell(rows, r + 1, c, want, rows.rows.find((x) => x.r === r) ?? rows.rows.find((x) => x.r === r + 2));
      // A formula that stayed the formula it was only has a new result: not a change the partner made.
      if (had.formula !== null && had.formula === want.formula) continue;
      p.change.cells += 1;
      const period = periodAt.get(`${r}:${c}`);
      if (period !== undefined) periods.add(period);
    }
  }
  p.change.periods = [...periods].sort((a, b) => a - b);
}

function importIndicators(lead: OpenedBook, p: Planned, rowsFor: (sheet: string) => SheetRows): void {
  const theirPartner = partnerByNo(p.opened.model, p.partner.no.value!) ?? partnerWorkbookOf(p.opened.model);
  const incoming = theirPartner ? rowsOf(p.opened.model, theirPartner) : [];
  const current = rowsOf(lead.model, p.partner);
  // The rows go to the sheet that holds the partner's rows now (the first indicator sheet when none does).
  const target = current[0]?.sheet ?? lead.model.indicatorSheets[0]?.sheet;
  if (target === undefined) return;
  const targetSheet = lead.model.indicatorSheets.find((s) => s.sheet === target)!;
  const compare = (a: IndicatorRow, b: IndicatorRow) => a.sheet.localeCompare(b.sheet) || a.row - b.row;
  current.sort(compare);
  incoming.sort(compare);
  // Unchanged rows, counted by content (partner, indicator, values, comment: the row's cells as they read).
  const rowText = (book: ReadBook, r: IndicatorRow, left: number): string => {
    const s = sheetOf(book, r.sheet);
    const e = extent(s);
    const cells: string[] = [];
    for (let c = left; c < e.cols; c++) cells.push(JSON.stringify(cellAt(s, r.row, c).value));
    return cells.join('|').replace(/(\|null)+$/, '');
  };
  const theirHeaderLeft = (r: IndicatorRow) => p.opened.model.indicatorSheets.find((s) => s.sheet === r.sheet)?.header.col ?? 0;
  const leftOurs = targetSheet.header.col;
  const before = current.map((r) => rowText(lead.book, r, leftOurs));
  const after = incoming.map((r) => rowText(p.opened.book, r, theirHeaderLeft(r)));
  const n = Math.min(before.length, after.length);
  let changed = 0;
  for (let i = 0; i < n; i++) if (before[i] !== after[i]) changed++;
  p.change.rowsChanged = changed;
  p.change.rowsAdded = Math.max(0, after.length - before.length);
  p.change.rowsRemoved = Math.max(0, before.length - after.length);
  if (changed === 0 && before.length === after.length) return;

  // The partner's rows in BOOK are taken away (rows below move up), then the incoming rows go in as a block
  // where the first of them was (after the sheet's last indicator row when there was none; rows below move down).
  const bySheet = new Map<string, number[]>();
  for (const r of current) bySheet.set(r.sheet, [...(bySheet.get(r.sheet) ?? []), r.row + 1]);
  const targetRows = rowsFor(target);
  const styleRow: RowXml | undefined = (() => {
    const first = current.find((r) => r.sheet === target) ?? lead.model.indicators.filter((r) => r.sheet === target).at(-1);
    const row = first ? targetRows.rows.find((x) => x.r === first.row + 1) : undefined;
    return row ? { ...row, cells: row.cells.map((c) => ({ ...c })) } : undefined;
  })();
  const allTarget = lead.model.indicators.filter((r) => r.sheet === target).map((r) => r.row + 1);
  const at = bySheet.get(target)?.[0] ?? (allTarget.length ? Math.max(...allTarget) + 1 : targetSheet.header.row + 2);
  for (const [sheet, gone] of bySheet) {
    const rows = rowsFor(sheet);
    removeRows(rows, new Set(gone));
  }
  const k = incoming.length;
  if (k > 0) {
    for (const row of [...targetRows.rows].sort((a, b) => b.r - a.r)) if (row.r >= at) moveRow(row, row.r + k);
    shiftMerges(targetRows, at, k);
  }
  incoming.forEach((r, i) => {
    const rowNo = at + i;
    const s = sheetOf(p.opened.book, r.sheet);
    const e = extent(s);
    const theirLeft = theirHeaderLeft(r);
    targetRows.rows.push({ r: rowNo, start: rowStartLike(styleRow, targetRows.prefix, rowNo), cells: [] });
    for (let c = theirLeft; c < e.cols; c++) {
      const col = leftOurs + (c - theirLeft);
      const cc = content(s, r.row, c);
      if (cc.formula) cc.formula = `=${shiftFormulaText(cc.formula.slice(1), rowNo - (r.row + 1), col - c)}`;
      setCell(targetRows, rowNo, col, cc, styleRow);
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
