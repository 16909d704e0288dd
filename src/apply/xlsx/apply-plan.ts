/**
 * A report plan onto an ExcelJS workbook: our five tabs replaced, the marks on the user's cells, the state
 * in _clusterix. The user's own sheets get nothing but the marks; a user sheet with one of our names stops us.
 */
import type { Workbook } from 'exceljs';
import { clearMarks, mergeMarks } from '../../plan/state';
import { clashRefusal, isOurSheet } from '../../plan/ownership';
import { REPORT_TAB_NAMES, STATE_SHEET, type ClusterixState, type ReportPlan, type SavedCell } from '../../plan/types';
import { UserError } from '../../util/errors';
import { applyMark, readLook, restoreCell } from './marks';
import { findSheet, readState, removeStateSheet, writeState } from './state-sheet';
import { writeTab } from './write-tab';

/** A sheet named like one of our tabs that the state does not list as ours is the user's: never overwrite it. */
function assertNoNameClash(wb: Workbook, state: ClusterixState, names: readonly string[]): void {
  for (const name of names) {
    const ws = findSheet(wb, name);
    if (ws && !isOurSheet(state, ws.name)) throw new UserError(clashRefusal(ws.name));
  }
}

function removeOurTabs(wb: Workbook, state: ClusterixState): void {
  for (const name of state.tabs) {
    const ws = findSheet(wb, name);
    if (ws) wb.removeWorksheet(ws.id);
  }
}

function restoreAll(wb: Workbook, cells: SavedCell[]): void {
  for (const saved of cells) {
    const ws = findSheet(wb, saved.sheet);
    if (ws) restoreCell(ws, saved); // a sheet the user deleted since has nothing to restore
  }
}

export function applyPlan(wb: Workbook, plan: ReportPlan): void {
  const state = readState(wb);
  const ourNames = new Set([...REPORT_TAB_NAMES, ...plan.tabs.map((t) => t.name), STATE_SHEET].map((n) => n.toLowerCase()));
  assertNoNameClash(wb, state, plan.tabs.map((t) => t.name));
  removeOurTabs(wb, state);

  // Marks go on user cells only, on sheets that exist.
  const marks = plan.marks.filter((m) => !ourNames.has(m.sheet.toLowerCase()) && findSheet(wb, m.sheet));
  const merge = mergeMarks(state, marks, (sheet, cell) => readLook(findSheet(wb, sheet)!.getCell(cell)), {
    tabs: plan.tabs.map((t) => t.name),
    markKind: 'note',
  });
  restoreAll(wb, merge.restore);
  for (const m of merge.apply) applyMark(findSheet(wb, m.sheet)!, m);

  for (const tab of plan.tabs) writeTab(wb.addWorksheet(tab.name), tab);
  writeState(wb, merge.state);
  showFirstTab(wb, plan.tabs[0]?.name);
}

/** Clear marks: the user's looks back, our tabs and _clusterix gone. */
export function clearWorkbook(wb: Workbook): void {
  const state = readState(wb);
  const { restore } = clearMarks(state);
  removeOurTabs(wb, state);
  restoreAll(wb, restore);
  removeStateSheet(wb);
  showFirstTab(wb, undefined);
}

/** Open the file on the summary (or, after Clear, on the first visible sheet): never on a hidden one. */
function showFirstTab(wb: Workbook, name: string | undefined): void {
  const visible = wb.worksheets.filter((ws) => ws.state === 'visible');
  const target = (name && findSheet(wb, name)) || visible[0];
  if (!target) return;
  const index = wb.worksheets.indexOf(target);
  for (const ws of wb.worksheets) {
    const v = ws.views?.[0];
    if (v) ws.views = [{ ...v, ...({ tabSelected: ws === target } as object) }];
  }
  const views = wb.views && wb.views.length ? wb.views : [{ x: 0, y: 0, width: 12000, height: 8000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  wb.views = [{ ...views[0], activeTab: index, firstSheet: 0 } as (typeof wb.views)[number], ...views.slice(1)];
}
