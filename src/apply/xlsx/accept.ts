/** `clusterix accept` over files: BOOK read, the acceptance added to its _clusterix state, OUT written whole. */
import { checkWorkbook, isReportingWorkbook } from '../../engine';
import { acceptance, withAcceptance, type AcceptRequest } from '../../checks/acceptance';
import type { Acceptance } from '../../plan/types';
import { readPackageFile } from '../../snapshot/package-reader';
import { UserError } from '../../util/errors';
import { assertNotSameFile, userSheetsOnly, writeBytes } from './files';
import { readPackageState, writeStatePackage } from './package/apply';

export async function acceptInFile(bookPath: string, outPath: string, req: AcceptRequest): Promise<Acceptance> {
  await assertNotSameFile(bookPath, outPath);
  const book = await readPackageFile(bookPath);
  const state = readPackageState(book);
  const snapshot = userSheetsOnly(book.snapshot, state);
  const { model, findings } = checkWorkbook(snapshot, undefined, state.accepted);
  if (!isReportingWorkbook(model)) {
    throw new UserError(`${bookPath} is not a reporting workbook: no Project sheet (no sheet has the field 'Project acronym'); start from 'clusterix template OUT.xlsx'`);
  }
  const made = acceptance(findings, snapshot, req);
  if ('refused' in made) throw new UserError(`cannot accept: ${made.refused}`);
  await writeBytes(outPath, writeStatePackage(book, { ...state, accepted: withAcceptance(state.accepted, made.ok) }));
  return made.ok;
}
