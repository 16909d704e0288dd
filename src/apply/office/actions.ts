/**
 * PaneActions over Excel.run: Check and Consolidate in three round trips each (sheet list; cells and state;
 * all writes), Clear marks in three, every Office error turned into words for the pane.
 */
import type { PaneActions, PaneOutcome, Progress, SeverityCounts } from '../../taskpane/actions';
import type { Finding } from '../../checks/types';
import type { Profile } from '../../profile/types';
import { CLUSTERIX2 } from '../../profile/clusterix2';
import { checkWorkbook, isReportingWorkbook } from '../../engine';
import { computeFigures } from '../../figures';
import { planMarks } from '../../plan/marks';
import { planReport, registryExplanations } from '../../plan/index';
import { describeError } from '../../taskpane/describe-error';
import { applyClear, applyReport, type ApplyResult } from './apply';
import { readWorkbook } from './read';
import { writeTemplate } from './template';
import { RunFailed } from './recover';

export interface OfficeActionOptions {
  profile?: Profile;
  now?: () => Date;
  /** Payload per sync before the writes are split (default 4 MB, under Excel on the web's 5 MB). */
  chunkBytes?: number;
  /** Response budget per read sync (default just under 5 MB); sheets beyond it are read in planned chunks. */
  readBytes?: number;
}

const LOOKED_FOR = "a Project sheet: a sheet with the field 'Project acronym' and the value to its right";

function counts(findings: Finding[]): SeverityCounts {
  const c: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

function explanations(): Extract<PaneOutcome, { kind: 'done' }>['explanations'] {
  const out: Extract<PaneOutcome, { kind: 'done' }>['explanations'] = {};
  for (const [id, e] of Object.entries(registryExplanations())) out[id] = { what: e.what, why: e.why, fix: e.fix, title: e.title ?? id };
  return out;
}

function done(findings: Finding[], consolidated: boolean, applied: ApplyResult & { kind: 'applied' }): PaneOutcome {
  return { kind: 'done', findings, counts: counts(findings), explanations: explanations(), consolidated, marked: applied.marked };
}

/** Office's error in words, and, when a write failed half way, what became of the workbook. */
function failed(e: unknown): { kind: 'failed'; message: string } {
  if (e instanceof RunFailed) return { kind: 'failed', message: `${describeError(e.cause)} ${e.after}`.trim() };
  return { kind: 'failed', message: describeError(e) };
}

async function runInExcel<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return Excel.run(batch);
}

/** The workbook's file name, from its URL (no round trip); null where the host does not give one (a new, unsaved file). */
function documentName(): string | null {
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

  async function checkOrConsolidate(consolidate: boolean, progress?: Progress): Promise<PaneOutcome> {
    try {
      return await runInExcel(async (context) => {
        progress?.('Reading the workbook', 0.1);
        const read = await readWorkbook(context, { withValues: true, readBytes: options.readBytes });
        progress?.('Checking', 0.5);
        const checked = checkWorkbook(read.snapshot, profile);
        if (!isReportingWorkbook(checked.model)) return { kind: 'notReporting', lookedFor: LOOKED_FOR } as const;
        // As engine.consolidateWorkbook, without parsing twice; Check marks the findings only.
        const plan = consolidate
          ? planReport(checked.model, checked.findings, computeFigures(checked.model, profile), { profile, now: now(), sourceName: documentName() })
          : { tabs: null, marks: planMarks(checked.findings) };
        progress?.(consolidate ? 'Writing the report tabs and marks' : 'Marking the cells', 0.7);
        const applied = await applyReport(context, read, plan, applyOpts);
        progress?.('Done', 1);
        if (applied.kind === 'refused') return { kind: 'failed', message: applied.message } as const;
        return done(checked.findings, consolidate, applied);
      });
    } catch (e) {
      return failed(e);
    }
  }

  return {
    check: (progress) => checkOrConsolidate(false, progress),
    consolidate: (progress) => checkOrConsolidate(true, progress),
    async clearMarks(progress) {
      try {
        return await runInExcel(async (context) => {
          progress?.('Reading the marks', 0.2);
          const read = await readWorkbook(context, { withValues: false, readBytes: options.readBytes });
          progress?.('Restoring your formatting', 0.6);
          const r = await applyClear(context, read, applyOpts);
          progress?.('Done', 1);
          return { kind: 'cleared' as const, restored: r.restored };
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
          return { kind: 'done', findings, counts: counts(findings), explanations: explanations(), consolidated: false, marked: 0 } as const;
        });
      } catch (e) {
        return failed(e);
      }
    },
  };
}
