/**
 * The report plan: the five report tabs (live formulas over the input sheets, each carrying our value) and the
 * marks on the user's cells. Data only: src/apply writes it into Excel or an xlsx file.
 */
import type { Model } from '../model/types';
import type { Profile } from '../profile/types';
import type { Finding } from '../checks/types';
import type { Figures } from '../figures/types';
import { partnerSources } from '../figures/sources';
import { RULES } from '../checks/registry';
import type { ReportPlan } from './types';
import { FigureNotes } from './notes';
import { summaryTab } from './summary';
import { byPartnerTab } from './by-partner';
import { spendingPlanTab } from './spending-plan';
import { indicatorsTab } from './indicators';
import { checksTab, type Explanations } from './checks-tab';
import { planMarks } from './marks';
import type { FrameInfo } from './frame';
import { rulesInForce } from '../rules/in-force';

export interface PlanOptions {
  profile: Profile;
  /** Time of the run, stamped on the Checks tab. */
  now: Date;
  /** The rules' explanations by rule id; the checks registry's by default. */
  explanations?: Explanations;
}

export function planReport(model: Model, findings: Finding[], figures: Figures, opts: PlanOptions): ReportPlan {
  const sources = partnerSources(model);
  const info: FrameInfo = { project: figures.project.acronym, reportDate: figures.project.reportDate };
  const notes = new FigureNotes();
  const summary = summaryTab(figures, info);
  const byPartner = byPartnerTab(figures, sources, info, notes);
  const spending = spendingPlanTab(model, figures, sources, info, notes);
  const indicators = indicatorsTab(model, figures, sources, info, notes);
  const checks = checksTab(model, findings, opts.explanations ?? registryExplanations(), notes.list, info, opts.now, rulesInForce(model));
  return { tabs: [summary, byPartner, spending, indicators, checks], marks: planMarks(findings) };
}

export function registryExplanations(): Explanations {
  const out: Explanations = {};
  for (const r of RULES) out[r.id] = { ...r.explanation, title: r.title };
  return out;
}
