import type { IndicatorRow, Model, Target } from '../../model/types';
import type { Finding, Rule } from '../types';
import { finding } from '../lib/finding';
import { partnersNamed } from '../lib/partners';
import { loggedAt } from '../lib/known';
import { norm } from '../lib/norm';

/** The target an indicator row refers to: its code or its name from the Targets table. */
export function targetOf(model: Model, text: string | null): Target | null {
  const n = norm(text);
  if (n === '') return null;
  return model.project?.targets.find((t) => norm(t.code) === n || norm(t.name) === n) ?? null;
}

function values(model: Model, row: IndicatorRow): Finding[] {
  const out: Finding[] = [];
  for (const v of row.values) {
    if (loggedAt(model, v.at)) continue; // an error value or unreadable: T01 / T02
    if (v.value === null) {
      if (v.raw.trim() !== '') out.push(finding('I01', 'error', v.at, `P${v.period} holds '${v.raw}', which is no number`, { expected: 'a whole number', actual: v.raw }));
      continue;
    }
    if (!Number.isInteger(v.value)) out.push(finding('I01', 'error', v.at, `P${v.period} is ${v.value}: achievements are whole numbers`, { expected: 'a whole number', actual: v.value }));
    else if (v.value < 0) out.push(finding('I01', 'error', v.at, `P${v.period} is ${v.value}: achievements are not negative`, { expected: 'not negative', actual: v.value }));
  }
  return out;
}

export const I01: Rule = {
  id: 'I01',
  title: 'Indicator rows',
  severity: 'error',
  explanation: {
    what: 'Each indicator row names a partner listed on the Project sheet and an indicator of its Targets table; its values are whole numbers, not negative.',
    why: 'Achievements count events, good practices, action plans and people against the project\'s approved targets; a row for an unknown partner or indicator counts towards nothing.',
    fix: 'Use the partner\'s number or name as on the Project sheet and the indicator\'s code (PLE, GP, AP…); type whole numbers.',
  },
  run({ model }) {
    if (!model.project) return [];
    const out: Finding[] = [];
    for (const row of model.indicators) {
      const partner = row.partner.value;
      if (partner === null) {
        if (!loggedAt(model, row.partner.at)) out.push(finding('I01', 'error', row.partner.at, 'Partner is blank', { expected: 'a partner of the Project sheet' }));
      } else if (model.project.partnersHeader !== null && partnersNamed(model, partner).length === 0) {
        out.push(finding('I01', 'error', row.partner.at, `Partner ${partner} is not a partner listed on the Project sheet`, { actual: partner }));
      } // several partners fit: the Partners table lists a number twice, which P03 says on the Project sheet
      const indicator = row.indicator.value;
      if (indicator === null) {
        if (!loggedAt(model, row.indicator.at)) out.push(finding('I01', 'error', row.indicator.at, 'Indicator is blank', { expected: 'an indicator of the Targets table' }));
      } else if (!targetOf(model, indicator)) {
        out.push(finding('I01', 'error', row.indicator.at, `Indicator ${indicator} is not in the Targets table on the Project sheet`, { actual: indicator }));
      }
      out.push(...values(model, row));
    }
    return out;
  },
};
