/**
 * The report plan: the five report tabs (live formulas over the input sheets, each carrying our value) and the
 * marks on the user's cells. Data only: src/apply writes it into Excel or an xlsx file.
 */
import type { Model } from '../model/types';
import type { Profile } from '../profile/types';
import type { Finding } from '../checks/types';
import type { Figures } from '../figures/types';
import { partnerSources, type PartnerSources } from '../figures/sources';
import { RULES } from '../checks/registry';
import type { ReportPlan } from './types';
import { FigureNotes } from './notes';
import { summaryTab } from './summary';
import { byPartnerTab } from './by-partner';
import { spendingPlanTab } from './spending-plan';
import { indicatorsTab } from './indicators';
import { checksTab, type Explanations } from './checks-tab';
import { planMarks } from './marks';
import { setNotLiveCount, type FrameInfo } from './frame';
import { partnerTerms } from './formula';
import { reportingFigures } from '../figures/reporting';
import { localTime } from '../util/local-time';
import { PRODUCT, VERSION } from '../version';
import { rulesInForce } from '../rules/in-force';

export interface PlanOptions {
  profile: Profile;
  /** Time of the run, stamped on the Checks tab. */
  now: Date;
  /** The rules' explanations by rule id; the checks registry's by default. */
  explanations?: Explanations;
  /** The source workbook's file name, for the header block. */
  sourceName?: string | null;
  /** partnerSources(model), when the caller has them already (the engine made them for the figures). */
  sources?: PartnerSources[];
}

export function planReport(model: Model, findings: Finding[], figures: Figures, opts: PlanOptions): ReportPlan {
  const sources = opts.sources ?? partnerSources(model);
  const rep = reportingFigures(model, figures, sources);
  const current = rep.current;
  const info: FrameInfo = {
    project: figures.project.acronym,
    programme: model.project?.programme?.value ?? null,
    reportDate: figures.project.reportDate,
    currentPeriod: current ? `${current.label}${current.start && current.end ? ` (${current.start} to ${current.end})` : ''}` : null,
    sourceName: opts.sourceName ?? null,
    runTime: localTime(opts.now),
    version: `${PRODUCT} ${VERSION}`,
  };
  const notes = new FigureNotes();
  const summary = summaryTab(model, figures, rep, sources, info, notes);
  // Each cell of every partner's lines as a formula term, once for the two tabs that sum them.
  const terms = sources.map(partnerTerms);
  const byPartner = byPartnerTab(figures, rep, sources, info, notes, terms);
  const spending = spendingPlanTab(model, figures, rep, sources, info, notes, terms);
  const indicators = indicatorsTab(model, figures, sources, info, notes);
  const checks = checksTab(model, findings, opts.explanations ?? registryExplanations(), notes.list, info, opts.now, rulesInForce(model));
  const tabs = [summary, byPartner, spending, indicators, checks];
  let notLive = 0;
  // Indexed loops: run once, so not optimized, where for…of makes an object per step (64k cells at 500 partners).
  for (let i = 0; i < tabs.length; i++) {
    const cells = tabs[i].cells;
    for (let j = 0; j < cells.length; j++) if (cells[j].highlight === 'notLive') notLive++;
  }
  for (const t of tabs) setNotLiveCount(t, notLive);
  return { tabs, marks: planMarks(findings) };
}

export function registryExplanations(): Explanations {
  const out: Explanations = {};
  for (const r of RULES) out[r.id] = { ...r.explanation, title: r.title };
  return out;
}
