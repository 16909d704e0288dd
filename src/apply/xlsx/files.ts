/**
 * The command line's Consolidate and Clear marks over files: BOOK is read (never written), OUT written whole.
 * Parts ExcelJS cannot carry make us refuse before anything is written.
 */
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as path from 'path';
import { consolidateWorkbook, isReportingWorkbook, type ConsolidateOutcome } from '../../engine';
import { readXlsxSnapshot } from '../../snapshot/xlsx';
import { openXlsx, readBytes } from '../../snapshot/xlsx-open';
import type { WorkbookSnapshot } from '../../snapshot/types';
import { isOurTab } from '../../plan/state';
import { STATE_SHEET, type ClusterixState, type ReportPlan } from '../../plan/types';
import { UserError } from '../../util/errors';
import { applyPlan, clearWorkbook } from './apply-plan';
import { assertCarriable } from './carry-check';
import { teachExcelJsInternalLinks } from './internal-links';
import { writeWhole } from './safe-write';
import { readState } from './state-sheet';

teachExcelJsInternalLinks();

async function assertNotSameFile(bookPath: string, outPath: string): Promise<void> {
  const real = async (p: string) => fs.realpath(p).catch(() => path.resolve(p));
  if ((await real(bookPath)) === (await real(outPath))) throw new UserError(`the output may not be the input file itself (${outPath}): BOOK is never written`);
}

/** BOOK's bytes, checked to be an xlsx we can carry whole, and its workbook as ExcelJS reads it. */
export async function openBook(bookPath: string): Promise<{ bytes: Buffer; workbook: ExcelJS.Workbook }> {
  const bytes = await readBytes(bookPath);
  const zip = await openXlsx(bytes, bookPath); // one line on why a file is no xlsx, before we look inside
  await assertCarriable(zip, bookPath);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return { bytes, workbook };
}

/** The workbook as the engine must see it: without our tabs and state (they are rebuilt, never read as data). */
export function userSheetsOnly(snapshot: WorkbookSnapshot, state: ClusterixState): WorkbookSnapshot {
  return { sheets: snapshot.sheets.filter((s) => s.name.toLowerCase() !== STATE_SHEET && !isOurTab(state, s.name)) };
}

async function writeWorkbook(wb: ExcelJS.Workbook, outPath: string): Promise<void> {
  await writeWhole(outPath, async (temp) => {
    await wb.xlsx.writeFile(temp);
  });
}

export interface ConsolidateFileOptions {
  now: Date;
  /** Tests: a hand-made plan in place of the engine's. */
  plan?: (snapshot: WorkbookSnapshot) => ReportPlan;
}

export async function consolidateFile(bookPath: string, outPath: string, opts: ConsolidateFileOptions): Promise<ConsolidateOutcome | { plan: ReportPlan }> {
  await assertNotSameFile(bookPath, outPath);
  const { bytes, workbook } = await openBook(bookPath);
  const snapshot = userSheetsOnly(await readXlsxSnapshot(bytes, bookPath), readState(workbook));
  let outcome: ConsolidateOutcome | { plan: ReportPlan };
  if (opts.plan) {
    outcome = { plan: opts.plan(snapshot) };
  } else {
    const full = consolidateWorkbook(snapshot, { now: opts.now });
    if (!isReportingWorkbook(full.model)) {
      throw new UserError(`${bookPath} is not a reporting workbook: no Project sheet (no sheet has the field 'Project acronym'); start from 'clusterix template OUT.xlsx'`);
    }
    outcome = full;
  }
  applyPlan(workbook, outcome.plan);
  await writeWorkbook(workbook, outPath);
  return outcome;
}

export async function clearFile(bookPath: string, outPath: string): Promise<void> {
  await assertNotSameFile(bookPath, outPath);
  const { workbook } = await openBook(bookPath);
  clearWorkbook(workbook);
  await writeWorkbook(workbook, outPath);
}
