/**
 * Import partner files… in Excel (interfaces.md "Partner workbooks"): each picked file's sheets put into the
 * workbook with insertWorksheetsFromBase64 (ExcelApi 1.13, guarded), read in one round trip and deleted again
 * in a finally; the decision (which partner, refusals, which cells change) is plan/partner-import.ts's, the
 * CLI's own; the changed cells written in one sync. Indicator rows a file adds or removes: whole rows inserted
 * and deleted in that same sync, before the cells, in the order plan/partner-rows.ts gives (Excel moves what is
 * below them; our state's addresses are moved with plan/row-moves.ts). The indicator sheets' Excel tables (the
 * only sheets whose rows move) are read in the insert's and the cells' round trips, and a table Excel's own
 * insert leaves elsewhere than the CLI's rule (rows inserted right under its last row) is resized in the write
 * (plan/table-moves.ts). Rounds trips: the lead read (readWorkbook), the insert with the lead's budget formulas
 * and tables, the partner sheets' cells with the tables' ranges, the delete, the write.
 */
import type { SheetSnapshot, ValueType, CellValue, WorkbookSnapshot } from '../../snapshot/types';
import { checkWorkbook, isReportingWorkbook } from '../../engine';
import { budgetChanges, content, extent, importLine, planImport, sheetOf, theirHeaderLeft, type CellContent, type ImportSide } from '../../plan/partner-import';
import { shiftFormula } from '../../snapshot/package/formula-shift';
import { a1 } from '../../util/a1';
import { UserError } from '../../util/errors';
import { readWorkbook, type WorkbookRead } from './read';
import { planIndicatorRows, type IndicatorPlan } from '../../plan/partner-rows';
import { marksAbove, movedState } from '../../plan/row-moves';
import { tableResizes, type SheetTable } from '../../plan/table-moves';
import { serializeState, stateChunks } from '../../plan/state';
import type { ClusterixState } from '../../plan/types';
import { hasReportTabName } from '../../plan/ownership';
import { STATE_SHEET } from '../../plan/types';
import type { PartnerFileInput } from '../../taskpane/actions';

export type { PartnerFileInput };

export type ImportRun = { kind: 'imported'; lines: string[] } | { kind: 'refused'; message: string };

/** What the pane says where the host cannot insert a workbook's sheets. */
export const IMPORT_NEEDS_113 = 'This Excel cannot take sheets from another file (insertWorksheetsFromBase64, ExcelApi 1.13). Import the partner files with the command line instead: clusterix import BOOK.xlsx PARTNER.xlsx…';

const LEAD_NAME = 'this workbook';

function sheetFromRange(name: string, used: Excel.Range): SheetSnapshot {
  if (used.isNullObject) return { name, visibility: 'Visible', top: 0, left: 0, values: [], valueTypes: [], formulas: [], numberFormats: [] };
  const valueTypes = used.valueTypes as ValueType[][];
  const values = (used.values as CellValue[][]).map((row, r) => row.map((v, c) => (valueTypes[r][c] === 'Empty' ? null : v)));
  const formulas = (used.formulas as unknown[][]).map((row) => row.map((f) => (typeof f === 'string' && f.startsWith('=') ? f : null)));
  return { name, visibility: 'Visible', top: used.rowIndex, left: used.columnIndex, values, valueTypes, formulas, numberFormats: valueTypes.map((row) => row.map(() => 'General')) };
}

/** A cell as Range.formulas takes it: the formula, else the value ('' empty). */
function input(c: CellContent): unknown {
  if (c.formula) return c.formula;
  return c.value === null || c.type === 'Empty' ? '' : c.value;
}

/** The state's cells when moved rows changed its addresses (our very hidden sheet, column A from A1), or null. */
function stateWrite(read: WorkbookRead, state: ClusterixState): { sheet: string; address: string; values: string[][] } | null {
  const sheet = read.sheets.find((s) => s.name.toLowerCase() === STATE_SHEET);
  if (!sheet || serializeState(state) === serializeState(read.state)) return null;
  const chunks = stateChunks(state);
  const n = Math.max(chunks.length, read.stateRows);
  return { sheet: sheet.name, address: `A1:A${n}`, values: Array.from({ length: n }, (_, i) => [chunks[i] ?? '']) };
}

export async function importInExcel(context: Excel.RequestContext, files: PartnerFileInput[], opts: { readBytes?: number } = {}): Promise<ImportRun> {
  if (!Office.context.requirements.isSetSupported('ExcelApi', '1.13')) return { kind: 'refused', message: IMPORT_NEEDS_113 };
  if (files.length === 0) return { kind: 'imported', lines: [] };
  const read = await readWorkbook(context, { withValues: true, readBytes: opts.readBytes });
  const leadModel = checkWorkbook(read.snapshot).model;
  if (!isReportingWorkbook(leadModel)) return { kind: 'refused', message: 'This workbook is not a reporting workbook (no Project sheet): there is nothing to import into.' };

  // Excel's events stay off while the files' sheets come and go and the cells are written (the pane's live
  // re-check is not for our own writes); put back as they were in a finally, in their own sync.
  context.runtime.enableEvents = false;
  try {
    // Sync: the files' sheets in (at the end), and the formulas of the lead's budget sheets (the snapshot has values only).
    const inserted = files.map((f) => context.workbook.insertWorksheetsFromBase64(f.base64, { positionType: 'End' }));
    const budgetFormulas = leadModel.budgets.map((b) => {
      const s = sheetOf({ snapshot: read.snapshot, model: leadModel }, b.sheet);
      const e = extent(s);
      return e.rows > s.top && e.cols > s.left ? { sheet: s, range: context.workbook.worksheets.getItem(b.sheet).getRange(`${a1(s.top, s.left)}:${a1(e.rows - 1, e.cols - 1)}`).load('formulas') } : null;
    });
    // The lead's indicator sheets' tables (ExcelApi 1.1): their names here, their ranges in the next round trip.
    const tableLists = leadModel.indicatorSheets.map((s) => ({ sheet: s.sheet, tables: context.workbook.worksheets.getItem(s.sheet).tables.load('items/name,items/showHeaders,items/showTotals') }));
    let tableRanges: { sheet: string; table: Excel.Table; range: Excel.Range }[] = [];
    let ids: string[][] = [];
    const sides: (ImportSide & { file: string })[] = [];
    try {
      await context.sync();
      ids = inserted.map((r) => r.value);
      // Sync: every inserted sheet's cells.
      const reads = ids.map((list) => list.map((id) => {
        const ws = context.workbook.worksheets.getItem(id).load('name');
        return { ws, used: ws.getUsedRangeOrNullObject(true).load('values,valueTypes,formulas,rowIndex,columnIndex') };
      }));
      tableRanges = tableLists.flatMap((l) => l.tables.items.map((table) => ({ sheet: l.sheet, table, range: table.getRange().load('address') })));
      await context.sync();
      reads.forEach((list, k) => {
        // Excel names a sheet whose name is taken 'Name (2)': the file's own names back.
        // A consolidated partner file's report tabs and state are not the partner's data: left out, as the CLI does.
        const sheets = list.map((x) => sheetFromRange(x.ws.name.replace(/ \(\d+\)$/, ''), x.used)).filter((x) => x.name.toLowerCase() !== STATE_SHEET && !hasReportTabName(x.name));
        const snapshot: WorkbookSnapshot = { sheets };
        sides.push({ file: files[k].name, snapshot, model: checkWorkbook(snapshot).model });
      });
    } finally {
      // The inserted sheets go again, whatever happened (their own sync); when the insert itself failed, their ids
      // are not known: every sheet that was not there before goes.
      const all = ids.flat();
      if (all.length) {
        for (const id of all) context.workbook.worksheets.getItem(id).delete();
        await context.sync();
      } else {
        const known = new Set(read.sheets.map((x) => x.name));
        const now = context.workbook.worksheets.load('items/name');
        await context.sync();
        const extra = now.items.filter((w) => !known.has(w.name));
        if (extra.length) {
          extra.forEach((w) => w.delete());
          await context.sync();
        }
      }
    }

    for (const bf of budgetFormulas) {
      if (!bf) continue;
      const f = bf.range.formulas as unknown[][];
      bf.sheet.formulas = f.map((row) => row.map((x) => (typeof x === 'string' && x.startsWith('=') ? x : null)));
    }
    const lead: ImportSide = { snapshot: read.snapshot, model: leadModel };
    type Write = { sheet: string; address: string; formulas: unknown[][] };
    const writes: Write[] = [];
    let planned;
    let rows: IndicatorPlan | undefined;
    try {
      planned = planImport(lead, LEAD_NAME, sides);
      for (const p of planned) {
        const { sheet, cells } = budgetChanges(lead, p);
        // Every cell the CLI writes, a formula with only a new result too (entering it again calculates it).
        for (const c of cells) writes.push({ sheet, address: a1(c.row, c.col), formulas: [[input(c.want)]] });
      }
      // Rows in and out first (bottom-up, as planned: Excel moves the formatting, formulas, validation,
      // conditional formats, names, notes and marks below them), then the partners' rows where they now are.
      rows = planIndicatorRows(lead, planned);
      for (const b of rows.blocks) {
        const left = lead.model.indicatorSheets.find((s) => s.sheet === b.sheet)!.header.col;
        const ours = sheetOf(lead, b.sheet);
        b.incoming.forEach((r, i) => {
          const theirs = sheetOf(b.planned.opened, r.sheet);
          const theirLeft = theirHeaderLeft(b.planned.opened, r);
          const width = Math.max(extent(theirs).cols - theirLeft, extent(ours).cols - left);
          const rowNo = b.row + i;
          const row = Array.from({ length: width }, (_, j) => {
            const cc = content(theirs, r.row, theirLeft + j);
            if (cc.formula) cc.formula = `=${shiftFormula(cc.formula.slice(1), rowNo - r.row, left - theirLeft)}`;
            return input(cc);
          });
          writes.push({ sheet: b.sheet, address: `${a1(rowNo, left)}:${a1(rowNo, left + width - 1)}`, formulas: [row] });
        });
      }
    } catch (e) {
      if (e instanceof UserError) return { kind: 'refused', message: e.message };
      throw e;
    }
    // Sync: every change, in one write: the rows in and out (ExcelApi 1.1), the cells, our state's addresses moved.
    const moves = rows?.moves ?? [];
    const state = moves.length ? stateWrite(read, movedState(read.state, moves)) : null;
    const tables: SheetTable[] = tableRanges.map((t) => ({ sheet: t.sheet, name: t.table.name, address: t.range.address, showHeaders: t.table.showHeaders, showTotals: t.table.showTotals }));
    // Table.resize is ExcelApi 1.13, as insertWorksheetsFromBase64 is (checked above): guarded all the same.
    const resizes = moves.length && Office.context.requirements.isSetSupported('ExcelApi', '1.13') ? tableResizes(tables, moves) : [];
    if (writes.length || moves.length) {
      for (const m of moves) {
        const ws = context.workbook.worksheets.getItem(m.sheet);
        const span = `${m.at + 1}:${m.at + Math.abs(m.count)}`;
        if (m.count > 0) ws.getRange(span).insert(Excel.InsertShiftDirection.down);
        else ws.getRange(span).delete(Excel.DeleteShiftDirection.up);
        // Rows right under a header: not the header's look (ExcelApi 1.1).
        if (m.plain) ws.getRange(span).clear(Excel.ClearApplyTo.formats);
      }
      // New rows under a marked cell took its mark's fill with the row's formatting: the user's own look instead.
      for (const look of marksAbove(read.state, moves)) {
        for (const cell of look.cells) {
          const fill = context.workbook.worksheets.getItem(moves[look.move].sheet).getRange(cell).format.fill;
          if (look.saved.fill) fill.color = look.saved.fill;
          else fill.clear();
        }
      }
      for (const w of writes) context.workbook.worksheets.getItem(w.sheet).getRange(w.address).formulas = w.formulas as string[][];
      if (state) context.workbook.worksheets.getItem(state.sheet).getRange(state.address).values = state.values;
      // Tables as the CLI keeps them: rows inserted right under a table's last row join it (Excel's insert leaves
      // them out). Last in the batch: Excel applies what comes before a failing action, and a resize is the one
      // action here that depends on what is under the table.
      for (const t of resizes) {
        const ws = context.workbook.worksheets.getItem(t.sheet);
        ws.tables.getItem(t.name).resize(ws.getRange(t.address));
      }
      await context.sync();
    }
    return { kind: 'imported', lines: planned.map((p) => importLine(p.change)) };
  } finally {
    context.runtime.enableEvents = read.enableEvents;
    await context.sync();
  }
}
