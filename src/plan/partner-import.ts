/**
 * The lead partner's import decided once, over snapshots (interfaces.md "Partner workbooks"): which partner each
 * file is, the one line that refuses the whole import, which cells of the lead's budget sheet change and how the
 * partner's indicator rows compare. Both faces call this: the CLI patches the package (apply/xlsx/partner-books.ts),
 * the add-in writes ranges (apply/office/partner-import.ts).
 */
import type { Model, Partner, IndicatorRow } from '../model/types';
import type { CellValue, SheetSnapshot, ValueType, WorkbookSnapshot } from '../snapshot/types';
import { partnerByNo, partnerLabel, partnerOfSheet, partnerWorkbookOf } from '../checks/lib/partners';
import { norm } from '../checks/lib/norm';
import { cellAt } from '../snapshot/cells';
import { UserError } from '../util/errors';

/** A workbook as read and parsed (the lead's, or a partner file's). */
export interface ImportSide {
  snapshot: WorkbookSnapshot;
  model: Model;
}

export interface CellContent {
  value: CellValue;
  type: ValueType;
  /** '=SUM(…)' or null. */
  formula: string | null;
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

export interface PlannedImport {
  change: ImportChange;
  partner: Partner;
  opened: ImportSide;
}

export function budgetSheetsOf(model: Model, partner: Partner): string[] {
  return model.budgets.filter((b) => partnerOfSheet(model, b) === partner).map((b) => b.sheet);
}

export function rowsOf(model: Model, partner: Partner, sheet?: string): IndicatorRow[] {
  // The row's partner as the model resolved it (model/names.ts): a name that fits several partners is no one's here.
  return model.indicators.filter((r) => (sheet === undefined || r.sheet === sheet) && model.names.rows.get(r)?.partner.found === partner);
}

export function sheetOf(side: ImportSide, name: string): SheetSnapshot {
  return side.snapshot.sheets.find((s) => s.name === name)!;
}

export function extent(s: SheetSnapshot): { rows: number; cols: number } {
  return { rows: s.top + s.values.length, cols: s.left + Math.max(0, ...s.values.map((r) => r.length)) };
}

export function content(sheet: SheetSnapshot, row: number, col: number): CellContent {
  const c = cellAt(sheet, row, col);
  return { value: c.value, type: c.type, formula: c.formula };
}

function same(a: CellContent, b: CellContent): boolean {
  const empty = (c: CellContent) => (c.value === null || c.value === '' || c.type === 'Empty') && c.formula === null;
  if (empty(a) && empty(b)) return true;
  return a.value === b.value && a.formula === b.formula && (a.type === 'Uncalculated') === (b.type === 'Uncalculated');
}

/** A table header row as text, from its first column to its last cell ('Partner | Indicator | P1 | …'). */
function headerText(side: ImportSide, sheet: string, row: number, left: number): string {
  const s = sheetOf(side, sheet);
  const e = extent(s);
  const cells: string[] = [];
  for (let c = left; c < e.cols; c++) cells.push(String(cellAt(s, row, c).value ?? '').trim());
  return cells.join(' | ').replace(/( \| )+$/, '');
}

/** Which partner each file belongs to, or the one line (a UserError) that refuses the whole import. */
export function planImport(lead: ImportSide, bookFile: string, files: (ImportSide & { file: string })[]): PlannedImport[] {
  const acronym = lead.model.project!.acronym.value ?? '';
  const seen = new Map<Partner, string>();
  const out: PlannedImport[] = [];
  for (const f of files) {
    const opened: ImportSide = { snapshot: f.snapshot, model: f.model };
    if (!opened.model.project) throw new UserError(`${f.file} is not a reporting workbook: no Project sheet (no sheet has the field 'Project acronym'): nothing imported`);
    const theirs = opened.model.project.acronym.value ?? '';
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
    for (const theirSheet of opened.model.indicatorSheets) {
      if (!leadInd || !opened.model.indicators.some((r) => r.sheet === theirSheet.sheet)) continue;
      const a = headerText(lead, leadInd.sheet, leadInd.header.row, leadInd.header.col);
      const h = headerText(opened, theirSheet.sheet, theirSheet.header.row, theirSheet.header.col);
      if (a !== h) throw new UserError(`${f.file}: the columns of '${theirSheet.sheet}' (${h}) are not those of '${leadInd.sheet}' in ${bookFile} (${a}): nothing imported`);
    }
    const elsewhere = opened.model.indicators.filter((r) => (r.partner.value ?? '').trim() !== '' && opened.model.names.rows.get(r)?.partner.found?.no.value !== partner.no.value).length;
    out.push({ partner, opened, change: { file: f.file, partner: partnerLabel(partner), cells: 0, periods: [], rowsAdded: 0, rowsRemoved: 0, rowsChanged: 0, rowsLeftOut: elsewhere } });
  }
  return out;
}

export interface BudgetCellChange {
  /** 0-based. */
  row: number;
  col: number;
  want: CellContent;
  had: CellContent;
}

/**
 * The lead's budget sheet of the planned partner against the file's, cell by cell: the cells to write, and
 * (in `p.change`) how many the partner changed and in which periods.
 */
export function budgetChanges(lead: ImportSide, p: PlannedImport): { sheet: string; cells: BudgetCellChange[] } {
  const leadBudget = lead.model.budgets.find((b) => partnerOfSheet(lead.model, b) === p.partner)!;
  const theirBudget = p.opened.model.budgets.length === 1 ? p.opened.model.budgets[0] : p.opened.model.budgets.find((b) => partnerOfSheet(p.opened.model, b) === partnerWorkbookOf(p.opened.model))!;
  const ours = sheetOf(lead, leadBudget.sheet);
  const theirs = sheetOf(p.opened, theirBudget.sheet);
  const e1 = extent(ours);
  const e2 = extent(theirs);
  const periodAt = new Map<string, number>();
  for (const t of [leadBudget.plan, leadBudget.reported]) {
    if (!t) continue;
    for (const r of t.rows) for (const pc of t.periods) periodAt.set(`${r.row}:${pc.col}`, pc.number);
  }
  const periods = new Set<number>();
  const cells: BudgetCellChange[] = [];
  for (let r = 0; r < Math.max(e1.rows, e2.rows); r++) {
    for (let c = 0; c < Math.max(e1.cols, e2.cols); c++) {
      const want = content(theirs, r, c);
      const had = content(ours, r, c);
      if (same(had, want)) continue;
      cells.push({ row: r, col: c, want, had });
      // A formula that stayed the formula it was only has a new result: not a change the partner made.
      if (had.formula !== null && had.formula === want.formula) continue;
      p.change.cells += 1;
      const period = periodAt.get(`${r}:${c}`);
      if (period !== undefined) periods.add(period);
    }
  }
  p.change.periods = [...periods].sort((a, b) => a - b);
  return { sheet: leadBudget.sheet, cells };
}

export interface IndicatorChanges {
  /** The lead's indicator sheet the rows go to. */
  target: string;
  /** The partner's rows in the lead now, and the file's, each in sheet and row order. */
  current: IndicatorRow[];
  incoming: IndicatorRow[];
  /** Whether anything is to be written. */
  changed: boolean;
}

/** The partner's indicator rows in the lead against the file's, by content; the counts go to `p.change`. */
export function indicatorChanges(lead: ImportSide, p: PlannedImport): IndicatorChanges | null {
  const theirPartner = partnerByNo(p.opened.model, p.partner.no.value!) ?? partnerWorkbookOf(p.opened.model);
  const incoming = theirPartner ? rowsOf(p.opened.model, theirPartner) : [];
  const current = rowsOf(lead.model, p.partner);
  // The rows go to the sheet that holds the partner's rows now (the first indicator sheet when none does).
  const target = current[0]?.sheet ?? lead.model.indicatorSheets[0]?.sheet;
  if (target === undefined) return null;
  const targetSheet = lead.model.indicatorSheets.find((s) => s.sheet === target)!;
  const compare = (a: IndicatorRow, b: IndicatorRow) => a.sheet.localeCompare(b.sheet) || a.row - b.row;
  current.sort(compare);
  incoming.sort(compare);
  // Unchanged rows, counted by content (partner, indicator, values, comment: the row's cells as they read).
  const rowText = (side: ImportSide, r: IndicatorRow, left: number): string => {
    const s = sheetOf(side, r.sheet);
    const e = extent(s);
    const cells: string[] = [];
    for (let c = left; c < e.cols; c++) cells.push(JSON.stringify(cellAt(s, r.row, c).value));
    return cells.join('|').replace(/(\|null)+$/, '');
  };
  const before = current.map((r) => rowText(lead, r, targetSheet.header.col));
  const after = incoming.map((r) => rowText(p.opened, r, theirHeaderLeft(p.opened, r)));
  const n = Math.min(before.length, after.length);
  let changed = 0;
  for (let i = 0; i < n; i++) if (before[i] !== after[i]) changed++;
  p.change.rowsChanged = changed;
  p.change.rowsAdded = Math.max(0, after.length - before.length);
  p.change.rowsRemoved = Math.max(0, before.length - after.length);
  return { target, current, incoming, changed: !(changed === 0 && before.length === after.length) };
}

/** The first column of the header of the file's indicator sheet that holds the row. */
export function theirHeaderLeft(side: ImportSide, r: IndicatorRow): number {
  return side.model.indicatorSheets.find((s) => s.sheet === r.sheet)?.header.col ?? 0;
}

/** One line per file, as both faces print it ('p04.xlsx: 4 INMA: 1 budget cell changed (periods P2); indicator rows unchanged'). */
export function importLine(c: ImportChange): string {
  const cells = c.cells === 0 ? 'budget unchanged' : `${c.cells} budget cell${c.cells === 1 ? '' : 's'} changed${c.periods.length ? ` (periods ${c.periods.map((p) => `P${p}`).join(', ')})` : ''}`;
  const rows = c.rowsAdded + c.rowsRemoved + c.rowsChanged === 0 ? 'indicator rows unchanged' : `indicator rows: ${c.rowsChanged} changed, ${c.rowsAdded} added, ${c.rowsRemoved} removed`;
  const left = c.rowsLeftOut ? ` (${c.rowsLeftOut} row${c.rowsLeftOut === 1 ? '' : 's'} naming another partner left out)` : '';
  return `${c.file}: ${c.partner}: ${cells}; ${rows}${left}`;
}
