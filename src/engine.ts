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
import { partnerSources } from './figures/sources';
import { planReport } from './plan';
import type { Acceptance } from './plan/types';
import { flagToFill } from './checks/to-fill';
import { honourAcceptances } from './checks/acceptance';

export interface CheckOutcome {
  model: Model;
  findings: Finding[];
}

export interface ConsolidateOutcome extends CheckOutcome {
  figures: Figures;
  plan: ReportPlan;
}

/** What was looked for, in the words both faces use when a workbook is not a reporting workbook. */
export const LOOKED_FOR = "a Project sheet: a sheet with the field 'Project acronym' and the value to its right";

/** The command line's one line for a file that is not a reporting workbook (exit 2). */
export function notReportingMessage(file: string): string {
  return `${file} is not a reporting workbook: no Project sheet (no sheet has the field 'Project acronym'); start from 'clusterix template OUT.xlsx'`;
}

/** A workbook is a reporting workbook when it has a Project sheet (a sheet with the field Project acronym). */
export function isReportingWorkbook(model: Model): boolean {
  return model.project !== null;
}

/** `accepted`: the acceptances of the workbook's _clusterix state; those that still hold mark their warnings. */
export function checkWorkbook(snapshot: WorkbookSnapshot, profile: Profile = CLUSTERIX2, accepted?: readonly Acceptance[]): CheckOutcome {
  const model = parse(snapshot);
  const findings = flagToFill(runChecks({ model, profile }));
  honourAcceptances(findings, accepted, snapshot);
  return { model, findings };
}

export function consolidateWorkbook(snapshot: WorkbookSnapshot, opts: { profile?: Profile; now: Date; accepted?: readonly Acceptance[]; sourceName?: string | null }): ConsolidateOutcome {
  const profile = opts.profile ?? CLUSTERIX2;
  const { model, findings } = checkWorkbook(snapshot, profile, opts.accepted);
  // Which cells each figure comes from, found once for the figures and the plan's live formulas.
  const sources = partnerSources(model);
  const figures = computeFigures(model, sources);
  const plan = planReport(model, findings, figures, { profile, now: opts.now, sourceName: opts.sourceName, sources });
  return { model, findings, figures, plan };
}
