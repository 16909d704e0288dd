/**
 * The command line's Consolidate and Clear marks over files: BOOK is read (never written), OUT written whole.
 * Parts ExcelJS cannot carry make us refuse before anything is written.
 */
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as path from 'path';
import { consolidateWorkbook, isReportingWorkbook, type ConsolidateOutcome } from '../../engine';
import { openXlsxWorkbook, snapshotOfWorkbook, type OpenedXlsx } from '../../snapshot/xlsx';
import type { WorkbookSnapshot } from '../../snapshot/types';
import { isOurTab } from '../../plan/state';
import { STATE_SHEET, type ClusterixState, type ReportPlan } from '../../plan/types';
import { UserError } from '../../util/errors';
import { applyPlan, clearWorkbook } from './apply-plan';
import { assertCarriable } from './carry-check';
import { teachExcelJsInternalLinks } from './internal-links';
import { writeWhole } from './safe-write';
import { readState } from './state-sheet';
import { finishPackage } from './finish-package';

teachExcelJsInternalLinks();

async function assertNotSameFile(bookPath: string, outPath: string): Promise<void> {
  const real = async (p: string) => fs.realpath(p).catch(() => path.resolve(p));
  if ((await real(bookPath)) === (await real(outPath))) throw new UserError(`the output may not be the input file itself (${outPath}): BOOK is never written`);
}

/** BOOK opened once (bytes, package, ExcelJS workbook), checked to be an xlsx we can carry whole. */
export async function openBook(bookPath: string): Promise<OpenedXlsx> {
  return openXlsxWorkbook(bookPath, bookPath, (zip, bytes) => assertCarriable(zip, bookPath, bytes));
}

/** The workbook as the engine must see it: without our tabs and state (they are rebuilt, never read as data). */
export function userSheetsOnly(snapshot: WorkbookSnapshot, state: ClusterixState): WorkbookSnapshot {
  return { sheets: snapshot.sheets.filter((s) => s.name.toLowerCase() !== STATE_SHEET && !isOurTab(state, s.name)) };
}

async function writeWorkbook(wb: ExcelJS.Workbook, outPath: string, plan?: ReportPlan): Promise<void> {
  await writeWhole(outPath, async (temp) => {
    if (!plan) return wb.xlsx.writeFile(temp);
    const written = new Uint8Array(await wb.xlsx.writeBuffer());
    await fs.writeFile(temp, finishPackage(written, plan));
  });
}

export interface ConsolidateFileOptions {
  now: Date;
  /** Tests: a hand-made plan in place of the engine's. */
  plan?: (snapshot: WorkbookSnapshot) => ReportPlan;
}

export async function consolidateFile(bookPath: string, outPath: string, opts: ConsolidateFileOptions): Promise<ConsolidateOutcome | { plan: ReportPlan }> {
  await assertNotSameFile(bookPath, outPath);
  const opened = await openBook(bookPath);
  const { workbook } = opened;
  const snapshot = userSheetsOnly(await snapshotOfWorkbook(opened, bookPath), readState(workbook));
  let outcome: ConsolidateOutcome | { plan: ReportPlan };
  if (opts.plan) {
    outcome = { plan: opts.plan(snapshot) };
  } else {
    const full = consolidateWorkbook(snapshot, { now: opts.now, sourceName: path.basename(bookPath) });
    if (!isReportingWorkbook(full.model)) {
      throw new UserError(`${bookPath} is not a reporting workbook: no Project sheet (no sheet has the field 'Project acronym'); start from 'clusterix template OUT.xlsx'`);
    }
    outcome = full;
  }
  applyPlan(workbook, outcome.plan);
  await writeWorkbook(workbook, outPath, outcome.plan);
  return outcome;
}

export async function clearFile(bookPath: string, outPath: string): Promise<void> {
  await assertNotSameFile(bookPath, outPath);
  const { workbook } = await openBook(bookPath);
  clearWorkbook(workbook);
  await writeWorkbook(workbook, outPath);
}
