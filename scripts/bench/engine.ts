/**
 * The engine's time on one snapshot, step by step (parse → checks → figures → report plan), as the median of
 * several warm runs after one cold run; the cold run is kept too, since a CLI call only ever makes one.
 */
import { performance } from 'perf_hooks';
import type { WorkbookSnapshot } from '../../src/snapshot/types';
import type { Profile } from '../../src/profile/types';
import { parse } from '../../src/parse';
import { runChecks } from '../../src/checks';
import { computeFigures } from '../../src/figures';
import { planReport } from '../../src/plan';
import { median, moreRuns } from './stats';

export const STEPS = ['parse', 'checks', 'figures', 'plan'] as const;
export type Step = (typeof STEPS)[number];

export interface EngineTiming {
  /** Median ms of each step over the warm runs (the cold run when it was the only one); null: the step failed. */
  steps: Record<Step, number | null>;
  total: number;
  cold: number;
  runs: number;
  findings: number;
  /** Why a step could not run (a stub still in progress), if any. */
  failed: string | null;
}

function once(snapshot: WorkbookSnapshot, profile: Profile): { ms: Record<Step, number | null>; findings: number; failed: string | null } {
  const ms: Record<Step, number | null> = { parse: null, checks: null, figures: null, plan: null };
  let t = performance.now();
  const model = parse(snapshot);
  ms.parse = performance.now() - t;
  t = performance.now();
  const findings = runChecks({ model, profile });
  ms.checks = performance.now() - t;
  t = performance.now();
  const figures = computeFigures(model);
  ms.figures = performance.now() - t;
  t = performance.now();
  try {
    planReport(model, findings, figures, { profile, now: new Date('2019-04-15T10:00:00Z') });
    ms.plan = performance.now() - t;
    return { ms, findings: findings.length, failed: null };
  } catch (e) {
    return { ms, findings: findings.length, failed: `plan: ${(e as Error).message.split('\n')[0]}` };
  }
}

const sumSteps = (ms: Record<Step, number | null>) => STEPS.reduce((a, s) => a + (ms[s] ?? 0), 0);

export function timeEngine(snapshot: WorkbookSnapshot, profile: Profile, wanted: number, budgetMs: number): EngineTiming {
  const first = once(snapshot, profile);
  const cold = sumSteps(first.ms);
  const extra = moreRuns(cold, wanted + 1, budgetMs);
  const runs = extra > 0 ? Array.from({ length: extra }, () => once(snapshot, profile)) : [first];
  const steps = {} as Record<Step, number | null>;
  for (const s of STEPS) steps[s] = runs.some((r) => r.ms[s] === null) ? null : median(runs.map((r) => r.ms[s] as number));
  return { steps, total: median(runs.map((r) => sumSteps(r.ms))), cold, runs: runs.length, findings: first.findings, failed: first.failed };
}
