/**
 * When a write fails half way. Excel keeps whatever ran before the failing action (nothing is rolled back, on the
 * web or on Windows), so a failed run is put back by hand: the marks it wrote are taken back to the look read at
 * the start, the tabs it built are deleted, the _clusterix state is written back; the settings it changed
 * (calculation mode, events) are restored in a sync of their own. What cannot be put back is named to the user.
 */
import { STATE_SHEET } from '../../plan/types';
import { stateChunks } from '../../plan/state';
import { cellKey, sheetCell } from './address';
import { setText, type MarkKind } from './marks';
import { OPS, WriteQueue } from './queue';
import { BUILD_PREFIX, mayBeOurs, readWorkbook, type WorkbookRead } from './read';

/** A run that failed: Office's error, and what the user needs to know about the workbook afterwards. */
export class RunFailed extends Error {
  constructor(
    readonly cause: unknown,
    public after: string,
  ) {
    super((cause as Error)?.message ?? String(cause));
    this.name = 'RunFailed';
  }
}

/** A cell the run wrote to, and the look it must have when taken back. */
export interface Touched {
  sheet: string;
  cell: string;
  kind: MarkKind | null;
  fill: string | null | undefined;
  text: string | null;
}

const SHOWN = 20;

function listCells(cells: Touched[]): string {
  const names = cells.slice(0, SHOWN).map((c) => sheetCell(c.sheet, c.cell));
  return cells.length > SHOWN ? `${names.join(', ')} and ${cells.length - SHOWN} more` : names.join(', ');
}

/** The settings a run changed, put back in a sync of their own. Never throws: says whether Excel took them. */
export async function restoreSettings(context: Excel.RequestContext, read: WorkbookRead): Promise<boolean> {
  try {
    context.workbook.application.calculationMode = read.calculationMode as Excel.CalculationMode;
    context.runtime.enableEvents = read.enableEvents;
    await context.sync(); // its own sync: whatever else failed, this one carries nothing else
    return true;
  } catch {
    return false;
  }
}

export function settingsWords(read: WorkbookRead): string {
  return `Excel's calculation may still be Manual and its events off: set Formulas > Calculation Options back to ${read.calculationMode}, or close and reopen Excel.`;
}

/** The touched cells whose look is not the wanted one now (fill or note/comment text), read back from Excel. */
async function differing(context: Excel.RequestContext, cells: Touched[]): Promise<Touched[]> {
  const now = await readWorkbook(context, { withValues: false });
  const fills = cells.map((c) => (c.fill === undefined ? null : context.workbook.worksheets.getItem(c.sheet).getRange(c.cell).format.fill.load('color')));
  await context.sync();
  return cells.filter((c, i) => {
    const fill = fills[i];
    const texts = c.kind === 'comment' ? now.comments : c.kind === 'note' ? now.notes : null;
    const textNow = texts ? (texts.get(cellKey(c.sheet, c.cell)) ?? null) : c.text;
    const fillNow = fill ? fill.color.toUpperCase() : null;
    const fillWanted = c.fill === undefined ? null : (c.fill ?? '#FFFFFF').toUpperCase();
    return fillNow !== fillWanted || textNow !== c.text;
  });
}

/** Which of `cells` still differ from their wanted look, as words; every one of them when Excel cannot be read. */
export async function stillMarked(context: Excel.RequestContext, cells: Touched[]): Promise<string> {
  try {
    const left = await differing(context, cells);
    return left.length === 0 ? '' : `Marks are still on ${left.length} cell${left.length === 1 ? '' : 's'}: ${listCells(left)}. Run Clear marks to take them away.`;
  } catch {
    return cells.length === 0 ? '' : `Marks may still be on ${cells.length} cell${cells.length === 1 ? '' : 's'}: ${listCells(cells)}. Run Clear marks to take them away.`;
  }
}

/**
 * Check or Consolidate failed half way: back to the workbook as `before` read it. Sheets this run made (build
 * tabs, report tabs already renamed, a new _clusterix) are deleted, an existing _clusterix gets its old text back,
 * each touched cell its old fill and note or comment. Returns words for the user; never throws.
 */
export async function takeBack(context: Excel.RequestContext, before: WorkbookRead, touched: Touched[], buildNames: string[]): Promise<string> {
  try {
    const now = await readWorkbook(context, { withValues: false });
    const existed = new Set(before.sheets.map((s) => s.name.toLowerCase()));
    const built = new Set(buildNames.map((n) => n.toLowerCase()));
    const ours = (name: string, owned: boolean) => built.has(name.toLowerCase()) || name.startsWith(BUILD_PREFIX) || (owned && mayBeOurs(name));
    const made = now.sheets.filter((s) => !existed.has(s.name.toLowerCase()) && ours(s.name, s.ownerMarked));
    const protectedNow = new Set(now.sheets.filter((s) => s.protected).map((s) => s.name.toLowerCase()));
    const queue = new WriteQueue();
    queue.add((context) => made.forEach((s) => context.workbook.worksheets.getItem(s.name).delete()));
    const stateNow = now.sheets.find((s) => s.name.toLowerCase() === STATE_SHEET);
    const stateBefore = before.sheets.find((s) => s.name.toLowerCase() === STATE_SHEET);
    if (stateNow && !stateBefore) queue.add((context) => context.workbook.worksheets.getItem(stateNow.name).delete());
    if (stateNow && stateBefore) {
      const present = new Set(now.sheets.filter((s) => !made.includes(s)).map((s) => s.name.toLowerCase()));
      const chunks = stateChunks({ ...before.state, tabs: before.state.tabs.filter((t) => present.has(t.toLowerCase())) });
      const rows = Math.max(chunks.length, now.stateRows, 1);
      const values = Array.from({ length: rows }, (_, i) => [chunks[i] ?? '']);
      queue.add((context) => {
        const range = context.workbook.worksheets.getItem(stateNow.name).getRange(`A1:A${rows}`);
        range.numberFormat = values.map(() => ['@']);
        range.values = values;
      }, values);
    }
    const cells = touched.filter((c) => !protectedNow.has(c.sheet.toLowerCase()) && now.sheets.some((s) => s.name.toLowerCase() === c.sheet.toLowerCase()));
    for (const c of cells)
      queue.add((context) => {
        const fill = context.workbook.worksheets.getItem(c.sheet).getRange(c.cell).format.fill;
        if (c.fill) fill.color = c.fill;
        else if (c.fill === null) fill.clear();
        if (c.kind) setText(context, now, c.kind, c.sheet, c.cell, c.text);
      }, c.text, c.kind ? OPS.restore : OPS.fill);
    await queue.send(context);
    const skipped = touched.filter((c) => !cells.includes(c));
    return skipped.length === 0 ? 'What it had written was taken back: the workbook is as it was before.' : await stillMarked(context, skipped);
  } catch {
    return stillMarked(context, touched);
  }
}
