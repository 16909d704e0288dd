/** The pane's view of a finished check: findings with their partner, counts by kind, the rules' explanations. */
import type { PaneOutcome, SeverityCounts } from '../../taskpane/actions';
import type { Finding } from '../../checks/types';
import type { Model } from '../../model/types';
import type { WorkbookSnapshot } from '../../snapshot/types';
import { clashNotice, hasReportTabName } from '../../plan/ownership';
import { partnerNamer } from '../../checks/partner-of';
import { registryExplanations } from '../../plan/index';
import { countKinds } from '../../taskpane/findings-view';

export function paneCounts(findings: readonly Finding[]): SeverityCounts {
  const c = countKinds(findings);
  return { error: c.error, warning: c.warning, info: c.info, toFill: c.toFill, accepted: c.accepted };
}

export function paneExplanations(): Extract<PaneOutcome, { kind: 'done' }>['explanations'] {
  const out: Extract<PaneOutcome, { kind: 'done' }>['explanations'] = {};
  for (const [id, e] of Object.entries(registryExplanations())) out[id] = { what: e.what, why: e.why, fix: e.fix, title: e.title ?? id };
  return out;
}

export function doneOutcome(model: Model, findings: Finding[], consolidated: boolean, marked: number, snapshot?: WorkbookSnapshot): PaneOutcome {
  const partnerOf = partnerNamer(model);
  // The sheets read are the user's (plan/ownership.ts): one with a report tab's name is said once, as the CLI says it.
  const notices = (snapshot?.sheets ?? []).filter((s) => hasReportTabName(s.name)).map((s) => clashNotice(s.name));
  return { kind: 'done', findings, partners: findings.map(partnerOf), counts: paneCounts(findings), explanations: paneExplanations(), consolidated, marked, ...(notices.length ? { notices } : {}) };
}
