/**
 * Re-checking while the user types (interfaces.md): after a run, worksheets.onChanged (ExcelApi 1.9; the sheet's
 * own onChanged is 1.7) tells which user sheet changed; the re-check reads only those sheets' used ranges (values
 * and types, one round trip), puts them into the last run's snapshot and checks. Nothing is written: the marks and
 * tabs wait for Check or Consolidate. Edits on our tabs and the state sheet are not the user's data: ignored.
 */
import type { PaneOutcome } from '../../taskpane/actions';
import type { Profile } from '../../profile/types';
import type { WorkbookSnapshot, SheetVisibility, ValueType } from '../../snapshot/types';
import type { Acceptance } from '../../plan/types';
import { STATE_SHEET } from '../../plan/types';
import { isOurTab } from '../../plan/state';
import type { ClusterixState } from '../../plan/types';
import { checkWorkbook, isReportingWorkbook } from '../../engine';
import { mayBeOurs } from './read';
import { sheetSnapshot } from './read-cells';
import { doneOutcome } from './pane-outcome';

/** What the last run read: the user's sheets as the engine saw them, and the state (our tabs, acceptances). */
export interface LiveBase {
  snapshot: WorkbookSnapshot;
  state: ClusterixState;
}

/** Whether an edit on this sheet is the user's data (not one of our tabs, the state or a tab being built). */
export function isUserSheet(name: string, state: ClusterixState): boolean {
  return name.toLowerCase() !== STATE_SHEET && !mayBeOurs(name) && !isOurTab(state, name);
}

/**
 * Registers for edits; `onEdit` gets the changed user sheet's name. Returns the unregistering function.
 * The handler stays with this context (Office keeps it for events), as Office's event samples do.
 */
export async function watchEdits(base: () => LiveBase | null, onEdit: (sheet: string) => void): Promise<() => Promise<void>> {
  const names = new Map<string, string>();
  const refresh = async () =>
    Excel.run(async (context) => {
      const sheets = context.workbook.worksheets.load('items/id,items/name');
      await context.sync();
      names.clear();
      for (const ws of sheets.items) names.set(ws.id, ws.name);
    });
  let registered: { remove(): void; context: Excel.RequestContext } | null = null;
  await Excel.run(async (context) => {
    const sheets = context.workbook.worksheets.load('items/id,items/name');
    const result = context.workbook.worksheets.onChanged.add(async (e: Excel.WorksheetChangedEventArgs) => {
      if (!names.has(e.worksheetId)) await refresh(); // a sheet added or renamed since
      const name = names.get(e.worksheetId);
      const b = base();
      if (name && b && isUserSheet(name, b.state)) onEdit(name);
    });
    await context.sync();
    for (const ws of sheets.items) names.set(ws.id, ws.name);
    registered = result as unknown as { remove(): void; context: Excel.RequestContext };
  });
  return async () => {
    const r = registered as { remove(): void; context: Excel.RequestContext } | null;
    if (!r) return;
    registered = null;
    await Excel.run(r.context, async () => {
      r.remove();
      await r.context.sync(); // the context the handler was added on (the same as Excel.run's here)
    });
  };
}

/** Reads the changed sheets (one round trip) into the base snapshot and checks; null when the base is gone. */
export async function recheckSheets(base: LiveBase, changed: readonly string[], profile: Profile): Promise<{ outcome: PaneOutcome; snapshot: WorkbookSnapshot }> {
  const wanted = [...new Set(changed)].filter((n) => isUserSheet(n, base.state));
  const read = await Excel.run(async (context) => {
    const ranges = wanted.map((name) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(name).load('visibility');
      const used = ws.getUsedRangeOrNullObject(true).load('values,valueTypes,rowIndex,columnIndex,rowCount,columnCount');
      return { name, ws, used };
    });
    await context.sync();
    return ranges.map(({ name, ws, used }) => {
      if (ws.isNullObject) return { name, sheet: null }; // deleted since
      const visibility = ws.visibility as SheetVisibility;
      if (used.isNullObject) return { name, sheet: sheetSnapshot(name, visibility, { top: 0, left: 0, rows: 0, cols: 0 }, []).sheet };
      const box = { top: used.rowIndex, left: used.columnIndex, rows: used.rowCount, cols: used.columnCount };
      const piece = { top: box.top, left: box.left, values: used.values, valueTypes: used.valueTypes as ValueType[][], fills: used.values.map((row) => row.map(() => null)) };
      return { name, sheet: sheetSnapshot(name, visibility, box, [piece]).sheet };
    });
  });
  const byName = new Map(read.map((r) => [r.name.toLowerCase(), r.sheet]));
  const sheets = base.snapshot.sheets.flatMap((s) => {
    if (!byName.has(s.name.toLowerCase())) return [s];
    const now = byName.get(s.name.toLowerCase());
    byName.delete(s.name.toLowerCase());
    return now ? [now] : [];
  });
  for (const s of byName.values()) if (s) sheets.push(s); // a new user sheet
  const snapshot: WorkbookSnapshot = { sheets };
  const checked = checkWorkbook(snapshot, profile, base.state.accepted as Acceptance[] | undefined);
  if (!isReportingWorkbook(checked.model)) return { outcome: { kind: 'notReporting', lookedFor: 'a Project sheet' }, snapshot };
  return { outcome: doneOutcome(checked.model, checked.findings, false, 0, snapshot), snapshot };
}
