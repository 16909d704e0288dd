/**
 * Which sheets are ours, decided here for both faces: the `_clusterix` state sheet, and a sheet with a report
 * tab's name that the state lists as ours or that carries our owner mark (Office.js custom property). Never a
 * name alone: a user's sheet named `Report Indicators` is the user's, read and checked like any other, and
 * Consolidate refuses to overwrite it.
 */
import type { WorkbookSnapshot } from '../snapshot/types';
import { REPORT_TAB_NAMES, STATE_SHEET, type ClusterixState } from './types';
import { isOurTab, stateOfSnapshot } from './state';

const REPORT_NAMES = new Set<string>(REPORT_TAB_NAMES.map((n) => n.toLowerCase()));

export function isStateSheet(name: string): boolean {
  return name.toLowerCase() === STATE_SHEET;
}

export function hasReportTabName(name: string): boolean {
  return REPORT_NAMES.has(name.toLowerCase());
}

/** Ours: the state sheet, or a report tab's name the state lists or our owner mark claims. */
export function isOurSheet(state: ClusterixState, name: string, ownerMarked = false): boolean {
  return isStateSheet(name) || (hasReportTabName(name) && (ownerMarked || isOurTab(state, name)));
}

export interface SortedSheets {
  /** The workbook as the engine reads it: the user's sheets only. */
  user: WorkbookSnapshot;
  /** User sheets with a report tab's name: Consolidate must refuse them. */
  clashes: string[];
}

export function sortSheets(snapshot: WorkbookSnapshot, state: ClusterixState = stateOfSnapshot(snapshot), ownerMarked: (name: string) => boolean = () => false): SortedSheets {
  const user = snapshot.sheets.filter((s) => !isOurSheet(state, s.name, ownerMarked(s.name)));
  return { user: { sheets: user }, clashes: user.filter((s) => hasReportTabName(s.name)).map((s) => s.name) };
}

/** What Check says of such a sheet, in one line. */
export function clashNotice(name: string): string {
  return `The sheet '${name}' is your own but has the name of a report tab: it is checked as yours, and Consolidate will need it renamed.`;
}

/** Why Consolidate stops (CLI exit 2). */
export function clashRefusal(name: string): string {
  return `the workbook has a sheet of its own named '${name}', the name of a report tab; rename that sheet and run again`;
}
