import type { IndicatorRow, Model, Partner } from '../../model/types';
import type { Finding, Rule } from '../types';
import { finding } from '../lib/finding';
import { partnerLabel } from '../lib/partners';
import { loggedAt } from '../lib/known';

/** 'partner 5 (Lund University) or partner 7 (Region of Southern Denmark)': the candidates a name fits. */
function either(partners: Partner[]): string {
  return partners.map(partnerLabel).join(' or ');
}

function sameNumber(partners: Partner[]): boolean {
  return partners.every((p) => p.no.value !== null && p.no.value === partners[0].no.value);
}

function values(model: Model, row: IndicatorRow): Finding[] {
  const out: Finding[] = [];
  for (let i = 0; i < row.values.length; i++) {
    const v = row.values[i];
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
      const names = model.names.rows.get(row);
      const partner = row.partner.value;
      if (partner === null) {
        if (!loggedAt(model, row.partner.at)) out.push(finding('I01', 'error', row.partner.at, 'Partner is blank', { expected: 'a partner of the Project sheet' }));
      } else if (model.project.partnersHeader !== null && names && names.partner.candidates.length === 0) {
        out.push(finding('I01', 'error', row.partner.at, `Partner ${partner} is not a partner listed on the Project sheet`, { actual: partner }));
      } else if (names && names.partner.candidates.length > 1 && !sameNumber(names.partner.candidates)) {
        out.push(finding('I01', 'error', row.partner.at, `Partner ${partner} fits ${either(names.partner.candidates)}: type the partner's number or full name`, { expected: 'one partner of the Project sheet', actual: partner }));
      } // one number listed twice: P03 says so on the Project sheet
      const indicator = row.indicator.value;
      if (indicator === null) {
        if (!loggedAt(model, row.indicator.at)) out.push(finding('I01', 'error', row.indicator.at, 'Indicator is blank', { expected: 'an indicator of the Targets table' }));
      } else if (names && names.target.candidates.length === 0) {
        out.push(finding('I01', 'error', row.indicator.at, `Indicator ${indicator} is not in the Targets table on the Project sheet`, { actual: indicator }));
      } else if (names && names.target.candidates.length > 1) {
        out.push(finding('I01', 'error', row.indicator.at, `Indicator ${indicator} fits ${names.target.candidates.map((t) => `${t.code} (${t.name})`).join(' or ')} in the Targets table`, { expected: 'one indicator of the Targets table', actual: indicator }));
      }
      out.push(...values(model, row));
    }
    return out;
  },
};
