/**
 * The command line's Consolidate and Clear marks over files: BOOK is read (never written) by the package
 * reader, OUT written whole by patching BOOK's package: every part we do not own is carried over as it was.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { consolidateWorkbook, isReportingWorkbook, notReportingMessage, type ConsolidateOutcome } from '../../engine';
import { readPackageFile } from '../../snapshot/package-reader';
import type { WorkbookSnapshot } from '../../snapshot/types';
import { clashRefusal, sortSheets } from '../../plan/ownership';
import type { ClusterixState, ReportPlan } from '../../plan/types';
import { UserError } from '../../util/errors';
import { writeWhole } from './safe-write';
import { clearPackageAsync, consolidatePackageAsync, readPackageState, type PackageTransform } from './package/apply';

export async function assertNotSameFile(bookPath: string, outPath: string): Promise<void> {
  const real = async (p: string) => fs.realpath(p).catch(() => path.resolve(p));
  if ((await real(bookPath)) === (await real(outPath))) throw new UserError(`the output may not be the input file itself (${outPath}): BOOK is never written`);
}

/** The workbook as the engine must see it: without our tabs and state (plan/ownership.ts); a user sheet with a report tab's name stops Consolidate. */
export function userSheetsOnly(snapshot: WorkbookSnapshot, state: ClusterixState): WorkbookSnapshot {
  const { user, clashes } = sortSheets(snapshot, state);
  if (clashes.length > 0) throw new UserError(clashRefusal(clashes[0]));
  return user;
}

export async function writeBytes(outPath: string, bytes: Buffer): Promise<void> {
  await writeWhole(outPath, (temp) => fs.writeFile(temp, bytes));
}

/** The pieces after their first `n` bytes. */
function after(pieces: Uint8Array[], n: number): Uint8Array[] {
  let i = 0;
  while (i < pieces.length && n >= pieces[i].length) n -= pieces[i++].length;
  return i < pieces.length ? [pieces[i].subarray(n), ...pieces.slice(i + 1)] : [];
}

/**
 * OUT written from its pieces, in order (no copy of the whole into one buffer first). A short write is followed by
 * another for the rest: when the disk fills, the write that cannot go on fails with its own error (ENOSPC: "the disk
 * is full"), as libuv reports only the bytes written by the one before it.
 */
export async function writePieces(outPath: string, pieces: Uint8Array[]): Promise<void> {
  await writeWhole(outPath, async (temp) => {
    const file = await fs.open(temp, 'w');
    try {
      let rest = pieces.filter((p) => p.length > 0);
      while (rest.length > 0) {
        const { bytesWritten } = await file.writev(rest);
        if (bytesWritten === 0) throw Object.assign(new Error('no byte could be written'), { code: 'EIO' });
        rest = after(rest, bytesWritten);
      }
    } finally {
      await file.close();
    }
  });
}

export interface ConsolidateFileOptions {
  now: Date;
  /** Tests: a hand-made plan in place of the engine's. */
  plan?: (snapshot: WorkbookSnapshot) => ReportPlan;
  /** Tests: a last change to the unzipped package, in place of the report's charts and notes' look. */
  transform?: PackageTransform;
}

export async function consolidateFile(bookPath: string, outPath: string, opts: ConsolidateFileOptions): Promise<ConsolidateOutcome | { plan: ReportPlan }> {
  await assertNotSameFile(bookPath, outPath);
  const book = await readPackageFile(bookPath);
  const state = readPackageState(book);
  const snapshot = userSheetsOnly(book.snapshot, state);
  let outcome: ConsolidateOutcome | { plan: ReportPlan };
  if (opts.plan) {
    outcome = { plan: opts.plan(snapshot) };
  } else {
    const full = consolidateWorkbook(snapshot, { now: opts.now, accepted: state.accepted, sourceName: path.basename(bookPath) });
    if (!isReportingWorkbook(full.model)) {
      throw new UserError(notReportingMessage(bookPath));
    }
    outcome = full;
  }
  const plan = outcome.plan;
  await writePieces(outPath, await consolidatePackageAsync(book, plan, opts.transform));
  return outcome;
}

export async function clearFile(bookPath: string, outPath: string): Promise<void> {
  await assertNotSameFile(bookPath, outPath);
  await writePieces(outPath, await clearPackageAsync(await readPackageFile(bookPath)));
}
