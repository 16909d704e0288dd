/** Reading a reporting workbook for a command: the snapshot and its check, or a UserError (exit 2). */
import { readXlsxSnapshot } from '../snapshot/xlsx';
import { checkWorkbook, isReportingWorkbook, notReportingMessage, type CheckOutcome } from '../engine';
import type { WorkbookSnapshot } from '../snapshot/types';
import { UserError } from '../util/errors';
import { sortSheets } from '../plan/ownership';
import { stateOfSnapshot } from '../plan/state';

export interface CheckedBook extends CheckOutcome {
  snapshot: WorkbookSnapshot;
  /** User sheets with a report tab's name (plan/ownership.ts): checked as the user's; Consolidate refuses them. */
  clashes: string[];
}

export async function readAndCheck(path: string): Promise<CheckedBook> {
  const whole = await readXlsxSnapshot(path);
  const state = stateOfSnapshot(whole);
  const { user: snapshot, clashes } = sortSheets(whole, state);
  const outcome = checkWorkbook(snapshot, undefined, state.accepted);
  if (!isReportingWorkbook(outcome.model)) {
    throw new UserError(notReportingMessage(path));
  }
  return { snapshot, clashes, ...outcome };
}
