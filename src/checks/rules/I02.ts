import type { Model, Target } from '../../model/types';
import type { Profile } from '../../profile/types';
import type { Finding, Rule } from '../types';
import { finding } from '../lib/finding';
import { isProfileProject } from '../lib/partners';
import { indicatorRowCounts, rowAchieved } from '../../model/totals';
import { norm } from '../lib/norm';

/** achieved() of every target in one pass over the indicator rows (a target no row counts for: absent, i.e. 0). */
export function achievedByTarget(model: Model): Map<Target, number | null> {
  const out = new Map<Target, number | null>();
  for (const row of model.indicators) {
    const target = model.names.rows.get(row)?.target.found;
    if (!target || !indicatorRowCounts(model, row)) continue;
    const sum = out.get(target);
    if (sum === null) continue;
    const got = rowAchieved(row);
    out.set(target, got.complete ? (sum ?? 0) + got.value : null);
  }
  return out;
}

/** What the partners achieved towards a target, as the report counts it (model/totals.ts); null when a value cannot be read. */
export function achieved(model: Model, target: Target): number | null {
  let sum = 0;
  const rows = model.indicators;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (model.names.rows.get(row)?.target.found !== target || !indicatorRowCounts(model, row)) continue;
    const got = rowAchieved(row);
    if (!got.complete) return null;
    sum += got.value;
  }
  return sum;
}

function projectEnd(model: Model): string | null {
  const p = model.project;
  if (!p) return null;
  return p.end?.value ?? p.periods[p.periods.length - 1]?.end.value ?? null;
}

function profileTargets(model: Model, profile: Profile): Finding[] {
  const out: Finding[] = [];
  for (const t of model.project?.targets ?? []) {
    const fact = profile.targets.find((f) => norm(f.code) === norm(t.code));
    if (!fact || t.target.value === null || t.target.value === fact.target) continue;
    out.push(finding('I02', 'warning', t.target.at, `Target ${t.code} is ${t.target.value}; the ${profile.acronym} description states ${fact.target}`, { expected: fact.target, actual: t.target.value }));
  }
  return out;
}

export const I02: Rule = {
  id: 'I02',
  title: 'Achievement against target',
  severity: 'info',
  explanation: {
    what: 'Compares what the partners achieved with each target: progress in % while the project runs; a warning for a target not reached once the report date has passed the project end.',
    why: 'The targets are the project\'s approved output and result indicators; the programme asks at closure why a target was not reached.',
    fix: 'Nothing to fix while the project runs. At the end, check that every achievement is reported, or explain the shortfall in the final report.',
  },
  run({ model, profile }) {
    const project = model.project;
    if (!project) return [];
    const out: Finding[] = [];
    const end = projectEnd(model);
    const reportDate = project.reportDate?.value ?? null;
    const closed = reportDate !== null && end !== null && reportDate > end;
    const byTarget = achievedByTarget(model);
    for (const t of project.targets) {
      const target = t.target.value;
      if (target === null || target <= 0) continue;
      const got = byTarget.has(t) ? byTarget.get(t)! : 0; // achieved(model, t)
      if (got === null) continue;
      const pct = `${(Math.round((got * 1000) / target) / 10).toFixed(1)}%`;
      const goal = t.minimum ? `at least ${target}` : `${target}`;
      if (closed && got < target) {
        out.push(finding('I02', 'warning', t.target.at, `${t.code} ${t.name}: ${got} achieved against a target of ${goal} (${pct}), and the project ended ${end}`, { expected: target, actual: got }));
      } else {
        out.push(finding('I02', 'info', t.target.at, `${t.code} ${t.name}: ${got} achieved of ${goal} (${pct})`, { expected: target, actual: got }));
      }
    }
    if (isProfileProject(model, profile)) out.push(...profileTargets(model, profile));
    return out;
  },
};
