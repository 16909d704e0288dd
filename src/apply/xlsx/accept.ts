/** `clusterix accept` over files: BOOK read, the acceptance added to its _clusterix state, OUT written whole. */
import { snapshotOfWorkbook } from '../../snapshot/xlsx';
import { checkWorkbook, isReportingWorkbook } from '../../engine';
import { acceptance, withAcceptance, type AcceptRequest } from '../../checks/acceptance';
import type { Acceptance } from '../../plan/types';
import { UserError } from '../../util/errors';
import { assertNotSameFile, openBook, userSheetsOnly, writeWorkbook } from './files';
import { readState, writeState } from './state-sheet';

export async function acceptInFile(bookPath: string, outPath: string, req: AcceptRequest): Promise<Acceptance> {
  await assertNotSameFile(bookPath, outPath);
  const opened = await openBook(bookPath);
  const state = readState(opened.workbook);
  const snapshot = userSheetsOnly(await snapshotOfWorkbook(opened, bookPath), state);
  const { model, findings } = checkWorkbook(snapshot, undefined, state.accepted);
  if (!isReportingWorkbook(model)) {
    throw new UserError(`${bookPath} is not a reporting workbook: no Project sheet (no sheet has the field 'Project acronym'); start from 'clusterix template OUT.xlsx'`);
  }
  const made = acceptance(findings, snapshot, req);
  if ('refused' in made) throw new UserError(`cannot accept: ${made.refused}`);
  writeState(opened.workbook, { ...state, accepted: withAcceptance(state.accepted, made.ok) });
  await writeWorkbook(opened.workbook, outPath);
  return made.ok;
}
