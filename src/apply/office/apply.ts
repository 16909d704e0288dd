/**
 * A report plan (tabs and marks) onto the open workbook in one more round trip (more only for each extra
 * payload chunk). Tabs are built under temporary names and renamed at the very end, so a failure leaves no
 * half-built report tab; a user sheet with one of our names stops us before any write. Events are off and
 * calculation manual while we write; both are put back in the last write sync, or, when a write fails, in a
 * sync of their own after what the run wrote is taken back (recover.ts).
 */
import { OWNER_PROPERTY, REPORT_TAB_NAMES, STATE_SHEET, type ClusterixState, type Mark, type PlannedTab, type SavedCell } from '../../plan/types';
import { clearMarks, mergeMarks, stateChunks, stateHoldsAnything } from '../../plan/state';
import { isOurSheet } from '../../plan/ownership';
import { cellKey } from './address';
import { lookOf, markKindFor, queueMark, queueRestore, type MarkKind } from './marks';
import { WriteQueue } from './queue';
import { BUILD_PREFIX, mayBeOurs, type SheetInfo, type WorkbookRead } from './read';
import { queueTab } from './tabs';
import { queueTabExtras } from './tab-extras';
import { restoreSettings, RunFailed, settingsWords, stillMarked, takeBack, type Touched } from './recover';

export type ApplyResult = { kind: 'applied'; marked: number; restored: number; syncs: number; skipped: number } | { kind: 'refused'; message: string };

export interface ApplyOptions {
  chunkBytes?: number;
}

function finder(read: WorkbookRead): (name: string) => SheetInfo | undefined {
  return (name) => read.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
}

function isOurs(read: WorkbookRead, s: SheetInfo): boolean {
  return isOurSheet(read.state, s.name, s.ownerMarked);
}

/** Our report tabs present now (listed in the state, or carrying our marker under a report name). */
function ourTabsNow(read: WorkbookRead): string[] {
  return read.sheets.filter((s) => (REPORT_TAB_NAMES as readonly string[]).some((n) => n.toLowerCase() === s.name.toLowerCase()) && isOurs(read, s)).map((s) => s.name);
}

function clashMessage(name: string): string {
  return `The workbook has a sheet of its own named '${name}', the name of a report tab. Rename that sheet, then run Consolidate again. Nothing was changed.`;
}

/** Saved cells we can restore now; those on protected sheets wait in the state for a later run. */
function splitRestores(read: WorkbookRead, cells: SavedCell[]): { now: SavedCell[]; later: SavedCell[] } {
  const find = finder(read);
  const now: SavedCell[] = [];
  const later: SavedCell[] = [];
  for (const c of cells) {
    const s = find(c.sheet);
    if (!s) continue; // the user deleted the sheet: nothing to restore
    (s.protected ? later : now).push(c);
  }
  return { now, later };
}

function queueSettings(queue: WriteQueue, read: WorkbookRead, phase: 'start' | 'end'): void {
  queue.add((context) => {
    context.workbook.application.calculationMode = phase === 'start' ? 'Manual' : read.calculationMode;
    context.runtime.enableEvents = phase === 'end' ? read.enableEvents : false;
  });
}

function queueState(queue: WriteQueue, read: WorkbookRead, state: ClusterixState): void {
  const exists = finder(read)(STATE_SHEET);
  if (!stateHoldsAnything(state)) {
    if (exists) queue.add((context) => context.workbook.worksheets.getItem(exists.name).delete());
    return;
  }
  const chunks = stateChunks(state);
  const rows = Math.max(chunks.length, read.stateRows);
  const values = Array.from({ length: rows }, (_, i) => [chunks[i] ?? '']);
  queue.add((context) => {
    const ws = exists ? context.workbook.worksheets.getItem(exists.name) : context.workbook.worksheets.add(STATE_SHEET);
    const range = ws.getRange(`A1:A${rows}`);
    range.numberFormat = values.map(() => ['@']);
    range.values = values;
    if (!exists) ws.visibility = 'VeryHidden';
  }, values);
}

function buildNames(read: WorkbookRead, count: number, freed: Set<string>): string[] {
  const taken = new Set(read.sheets.map((s) => s.name.toLowerCase()).filter((n) => !freed.has(n)));
  const out: string[] = [];
  for (let i = 1; out.length < count; i++) {
    const name = `${BUILD_PREFIX}${i}`;
    if (!taken.has(name.toLowerCase())) out.push(name);
  }
  return out;
}

/** Consolidate (tabs given) or Check (tabs null: our tabs stay as they are): marks, state, tabs. */
export async function applyReport(context: Excel.RequestContext, read: WorkbookRead, plan: { tabs: PlannedTab[] | null; marks: Mark[] }, opts: ApplyOptions = {}): Promise<ApplyResult> {
  const find = finder(read);
  for (const tab of plan.tabs ?? []) {
    const s = find(tab.name);
    if (s && !isOurs(read, s)) return { kind: 'refused', message: clashMessage(s.name) };
  }
  const kind = markKindFor(read);
  const usable = plan.marks.filter((m) => {
    const s = find(m.sheet);
    return s && !s.protected && !mayBeOurs(m.sheet) && m.sheet.toLowerCase() !== STATE_SHEET && read.fills.has(cellKey(m.sheet, m.cell));
  });
  const tabs = plan.tabs ? plan.tabs.map((t) => t.name) : read.state.tabs;
  const merge = mergeMarks(read.state, usable, (sheet, cell) => lookOf(read, kind, sheet, cell), { tabs, markKind: kind ?? 'note' });
  const restores = splitRestores(read, merge.restore);
  const state = { ...merge.state, marks: [...merge.state.marks, ...restores.later] };

  const queue = new WriteQueue(opts.chunkBytes);
  queueSettings(queue, read, 'start');
  const leftovers = read.sheets.filter((s) => s.name.startsWith(BUILD_PREFIX) && s.ownerMarked).map((s) => s.name);
  const oldTabs = plan.tabs ? ourTabsNow(read) : [];
  const names = plan.tabs ? buildNames(read, plan.tabs.length, new Set(leftovers.map((n) => n.toLowerCase()))) : [];
  if (leftovers.length > 0) queue.add((context) => leftovers.forEach((n) => context.workbook.worksheets.getItem(n).delete()));
  (plan.tabs ?? []).forEach((tab, i) => {
    queue.add((context) => {
      const ws = context.workbook.worksheets.add(names[i]);
      if (read.api.customProperties) ws.customProperties.add(OWNER_PROPERTY.key, OWNER_PROPERTY.value);
    });
    queueTab(queue, names[i], tab);
    queueTabExtras(queue, names[i], tab, kind);
  });
  queueState(queue, read, state);
  for (const saved of restores.now) queueRestore(queue, read, saved);
  for (const mark of merge.apply) queueMark(queue, read, kind, mark);
  queue.add((context) => {
    const sheets = context.workbook.worksheets;
    oldTabs.forEach((n) => sheets.getItem(n).delete());
    (plan.tabs ?? []).forEach((tab, i) => (sheets.getItem(names[i]).name = tab.name));
    if (plan.tabs && plan.tabs.length > 0) sheets.getItem(plan.tabs[0].name).activate();
  });
  queueSettings(queue, read, 'end');
  const looks = (sheet: string, cell: string, kind: MarkKind | null): Touched => {
    const k = cellKey(sheet, cell);
    const texts = kind === 'comment' ? read.comments : read.notes;
    return { sheet, cell, kind, fill: read.fills.has(k) ? (read.fills.get(k) ?? null) : undefined, text: kind ? (texts.get(k) ?? null) : null };
  };
  const touched = [...restores.now.map((c) => looks(c.sheet, c.cell, (c.markKind === 'note' ? read.api.notes : read.api.comments) ? c.markKind : null)), ...merge.apply.map((m) => looks(m.sheet, m.cell, kind))];
  const syncs = await sendGuarded(context, read, queue, () => takeBack(context, read, touched, names));
  return { kind: 'applied', marked: merge.apply.length, restored: restores.now.length, syncs, skipped: plan.marks.length - usable.length };
}

/**
 * Sends the writes; if Excel refuses one, `recover` puts back what it can (and says what it could not), then the
 * settings the run changed are restored in a sync of their own, and the failure goes on as a RunFailed.
 */
async function sendGuarded(context: Excel.RequestContext, read: WorkbookRead, queue: WriteQueue, recover: () => Promise<string>): Promise<number> {
  let failure: RunFailed | null = null;
  try {
    return await queue.send(context);
  } catch (e) {
    failure = new RunFailed(e, await recover());
    throw failure;
  } finally {
    if (failure && !(await restoreSettings(context, read))) failure.after = `${failure.after} ${settingsWords(read)}`.trim();
  }
}

/** Clear marks: every saved look back, our tabs and _clusterix gone (what waits on a protected sheet stays). */
export async function applyClear(context: Excel.RequestContext, read: WorkbookRead, opts: ApplyOptions = {}): Promise<{ restored: number; syncs: number }> {
  const { restore } = clearMarks(read.state);
  const restores = splitRestores(read, restore);
  const queue = new WriteQueue(opts.chunkBytes);
  queueSettings(queue, read, 'start');
  for (const saved of restores.now) queueRestore(queue, read, saved);
  const tabs = ourTabsNow(read);
  const leftovers = read.sheets.filter((s) => s.name.startsWith(BUILD_PREFIX) && s.ownerMarked).map((s) => s.name);
  queue.add((context) => [...tabs, ...leftovers].forEach((n) => context.workbook.worksheets.getItem(n).delete()));
  queueState(queue, read, { ...read.state, tabs: [], marks: restores.later });
  queueSettings(queue, read, 'end');
  // Clear failing half way: what it restored stays restored and _clusterix still lists every mark, so running
  // Clear marks again finishes the job; the user is told which cells still carry a mark.
  const wanted: Touched[] = restores.now.map((c) => ({ sheet: c.sheet, cell: c.cell, kind: (c.markKind === 'note' ? read.api.notes : read.api.comments) ? c.markKind : null, fill: c.fill, text: c.note }));
  const syncs = await sendGuarded(context, read, queue, async () => {
    const left = await stillMarked(context, wanted);
    if (left) return left;
    try {
      const sheets = context.workbook.worksheets.load('items/name');
      await context.sync();
      const ours = new Set([...tabs, ...leftovers, STATE_SHEET].map((n) => n.toLowerCase()));
      const remaining = sheets.items.filter((s) => ours.has(s.name.toLowerCase())).length;
      return remaining === 0 ? 'Every mark was taken away.' : 'Every mark was taken away; run Clear marks again to remove the report tabs.';
    } catch {
      return 'Every mark was taken away; run Clear marks again to remove the report tabs.';
    }
  });
  return { restored: restores.now.length, syncs };
}
