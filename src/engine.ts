/**
 * The one engine both faces call: snapshot → model → findings (check), then figures → report plan (consolidate).
 * Plain data in, plain data out; the Excel and xlsx adapters read the snapshot and apply the plan.
 */
import type { WorkbookSnapshot } from './snapshot/types';
import type { Model } from './model/types';
import type { Finding } from './checks/types';
import type { Figures } from './figures/types';
import type { ReportPlan } from './plan/types';
import type { Profile } from './profile/types';
import { CLUSTERIX2 } from './profile/clusterix2';
import { parse } from './parse';
import { runChecks } from './checks';
import { computeFigures } from './figures';
import { planReport } from './plan';

export interface CheckOutcome {
  model: Model;
  findings: Finding[];
}

export interface ConsolidateOutcome extends CheckOutcome {
  figures: Figures;
  plan: ReportPlan;
}

/** A workbook is a reporting workbook when it has a Project sheet (a sheet with the field Project acronym). */
export function isReportingWorkbook(model: Model): boolean {
  return model.project !== null;
}

export function checkWorkbook(snapshot: WorkbookSnapshot, profile: Profile = CLUSTERIX2): CheckOutcome {
  const model = parse(snapshot, profile);
  const findings = runChecks({ model, profile });
  return { model, findings };
}

export function consolidateWorkbook(snapshot: WorkbookSnapshot, opts: { profile?: Profile; now: Date; sourceName?: string | null }): ConsolidateOutcome {
  const profile = opts.profile ?? CLUSTERIX2;
  const { model, findings } = checkWorkbook(snapshot, profile);
  const figures = computeFigures(model, profile);
  const plan = planReport(model, findings, figures, { profile, now: opts.now, sourceName: opts.sourceName });
  return { model, findings, figures, plan };
}
