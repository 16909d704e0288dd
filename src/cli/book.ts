/** Reading a reporting workbook for a command: the snapshot and its check, or a UserError (exit 2). */
import { readXlsxSnapshot } from '../snapshot/xlsx';
import { checkWorkbook, isReportingWorkbook, type CheckOutcome } from '../engine';
import type { WorkbookSnapshot } from '../snapshot/types';
import { UserError } from '../util/errors';
import { stateOfSnapshot } from '../plan/state';

export interface CheckedBook extends CheckOutcome {
  snapshot: WorkbookSnapshot;
}

export async function readAndCheck(path: string): Promise<CheckedBook> {
  const snapshot = await readXlsxSnapshot(path);
  const outcome = checkWorkbook(snapshot, undefined, stateOfSnapshot(snapshot).accepted);
  if (!isReportingWorkbook(outcome.model)) {
    throw new UserError(`${path} is not a reporting workbook: no Project sheet (no sheet has the field 'Project acronym'); start from 'clusterix template OUT.xlsx'`);
  }
  return { snapshot, ...outcome };
}
