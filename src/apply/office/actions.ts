/**
 * PaneActions over Excel.run: Check and Consolidate in three round trips each (sheet list; cells and state;
 * all writes), Clear marks in three, every Office error turned into words for the pane.
 */
import type { PaneActions, PaneOutcome, Progress } from '../../taskpane/actions';
import type { Profile } from '../../profile/types';
import { CLUSTERIX2 } from '../../profile/clusterix2';
import { checkWorkbook, consolidateWorkbook, isReportingWorkbook, LOOKED_FOR, type CheckOutcome, type ConsolidateOutcome } from '../../engine';
import { planMarks } from '../../plan/marks';
import { describeError } from '../../taskpane/describe-error';
import { applyClear, applyReport } from './apply';
import { readWorkbook } from './read';
import { writeTemplate } from './template';
import { RunFailed } from './recover';
import { doneOutcome } from './pane-outcome';
import { acceptInExcel } from './accept';
import { recheckSheets, watchEdits, type LiveBase } from './live';
import { importInExcel } from './partner-import';

export interface OfficeActionOptions {
  profile?: Profile;
  now?: () => Date;
  /** Payload per sync before the writes are split (default 4 MB, under Excel on the web's 5 MB). */
  chunkBytes?: number;
  /** Response budget per read sync (default just under 5 MB); sheets beyond it are read in planned chunks. */
  readBytes?: number;
}

const CANCELLED: PaneOutcome = { kind: 'cancelled' };

/** Office's error in words, and, when a write failed half way, what became of the workbook. */
function failed(e: unknown): { kind: 'failed'; message: string } {
  if (e instanceof RunFailed) return { kind: 'failed', message: `${describeError(e.cause)} ${e.after}`.trim() };
  return { kind: 'failed', message: describeError(e) };
}

async function runInExcel<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return Excel.run(batch);
}

/** The workbook's file name, from its URL (no round trip); null where the host does not give one (a new, unsaved file). */
export function documentName(): string | null {
  try {
    const url = typeof Office !== 'undefined' ? Office.context?.document?.url : undefined;
    if (!url) return null;
    const name = decodeURIComponent(url.split(/[\\/]/).pop() ?? '').split('?')[0];
    return name || null;
  } catch {
    return null;
  }
}

export function createOfficeActions(options: OfficeActionOptions = {}): PaneActions {
  const profile = options.profile ?? CLUSTERIX2;
  const now = options.now ?? (() => new Date());
  const applyOpts = { chunkBytes: options.chunkBytes };
  /** What the last run read, for re-checking while the user types. */
  let base: LiveBase | null = null;

  async function checkOrConsolidate(consolidate: boolean, progress?: Progress, signal?: AbortSignal): Promise<PaneOutcome> {
    try {
      return await runInExcel(async (context) => {
        progress?.('Reading the workbook', 0.1);
        const read = await readWorkbook(context, { withValues: true, readBytes: options.readBytes });
        if (signal?.aborted) return CANCELLED;
        progress?.('Checking', 0.5);
        // The engine's own Check or Consolidate; Check marks the findings only.
        const accepted = read.state.accepted;
        const checked: CheckOutcome & { plan?: ConsolidateOutcome['plan'] } = consolidate ? consolidateWorkbook(read.snapshot, { profile, now: now(), accepted, sourceName: documentName() }) : checkWorkbook(read.snapshot, profile, accepted);
        if (!isReportingWorkbook(checked.model)) return { kind: 'notReporting', lookedFor: LOOKED_FOR } as const;
        const plan = checked.plan ?? { tabs: null, marks: planMarks(checked.findings) };
        if (signal?.aborted) return CANCELLED; // the last moment before anything is written
        progress?.(consolidate ? 'Writing the report tabs and marks' : 'Marking the cells', 0.7);
        const applied = await applyReport(context, read, plan, applyOpts);
        progress?.('Done', 1);
        if (applied.kind === 'refused') return { kind: 'failed', message: applied.message } as const;
        base = { snapshot: read.snapshot, state: read.state };
        return doneOutcome(checked.model, checked.findings, consolidate, applied.marked, read.snapshot);
      });
    } catch (e) {
      return failed(e);
    }
  }

  return {
    check: (progress, signal) => checkOrConsolidate(false, progress, signal),
    consolidate: (progress, signal) => checkOrConsolidate(true, progress, signal),
    async clearMarks(progress) {
      try {
        return await runInExcel(async (context) => {
          progress?.('Reading the marks', 0.2);
          const read = await readWorkbook(context, { withValues: false, readBytes: options.readBytes });
          progress?.('Restoring your formatting', 0.6);
          const found = read.state.marks.length > 0 || read.state.tabs.length > 0 || read.sheets.some((sh) => sh.ownerMarked);
          const r = await applyClear(context, read, applyOpts);
          progress?.('Done', 1);
          // `found: false` only: the outcome of a Clear that had something to clear is as before.
          return { kind: 'cleared' as const, restored: r.restored, ...(found ? {} : { found: false }) };
        });
      } catch (e) {
        return failed(e);
      }
    },
    async selectCell(sheet, cell) {
      try {
        await runInExcel(async (context) => {
          const ws = context.workbook.worksheets.getItem(sheet);
          ws.activate();
          if (cell) ws.getRange(cell).select();
          await context.sync();
        });
      } catch (e) {
        throw new Error(describeError(e));
      }
    },
    async accept(input, progress) {
      try {
        return await runInExcel(async (context) => {
          progress?.('Accepting the warning', 0.3);
          return acceptInExcel(context, input, { profile, now: now(), readBytes: options.readBytes, chunkBytes: options.chunkBytes, onRead: (r) => (base = r) });
        });
      } catch (e) {
        return failed(e);
      }
    },
    watchEdits: (onEdit) => watchEdits(() => base, onEdit),
    async importPartnerFiles(files, progress) {
      try {
        progress?.('Reading the partner files', 0.2);
        const run = await runInExcel((context) => importInExcel(context, files, { readBytes: options.readBytes }));
        if (run.kind === 'refused') return { kind: 'failed', message: run.message };
        progress?.('Checking', 0.7);
        return { kind: 'imported', lines: run.lines, outcome: await checkOrConsolidate(false, progress) };
      } catch (e) {
        return failed(e);
      }
    },
    async partnerWorkbooks(progress) {
      try {
        // The File API, the package reader and writer and fflate: their own chunk, loaded on the first click.
        const { partnerWorkbooksInExcel } = await import(/* webpackChunkName: "partner-workbooks" */ './partner-workbooks');
        return await partnerWorkbooksInExcel(documentName(), { progress });
      } catch (e) {
        return failed(e);
      }
    },
    async recheck(sheets) {
      try {
        if (!base) return { kind: 'failed', message: 'Run Check first.' };
        const r = await recheckSheets(base, sheets, profile);
        base = { ...base, snapshot: r.snapshot };
        return r.outcome;
      } catch (e) {
        return { kind: 'failed', message: describeError(e) };
      }
    },
    async newReportingWorkbook(progress, programme) {
      try {
        return await runInExcel(async (context) => {
          progress?.('Laying out the template', 0.3);
          const refused = await writeTemplate(context, profile, { ...applyOpts, programme });
          if (refused) return { kind: 'failed', message: refused } as const;
          progress?.('Checking', 0.8);
          const read = await readWorkbook(context, { withValues: true, readBytes: options.readBytes });
          const { model, findings } = checkWorkbook(read.snapshot, profile);
          if (!isReportingWorkbook(model)) return { kind: 'notReporting', lookedFor: LOOKED_FOR } as const;
          return doneOutcome(model, findings, false, 0);
        });
      } catch (e) {
        return failed(e);
      }
    },
  };
}
