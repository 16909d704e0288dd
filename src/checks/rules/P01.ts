import type { Rule } from '../types';
import { finding } from '../lib/finding';
import { partnerLabel } from '../lib/partners';
import { loggedAt } from '../lib/known';
import { rulesOf } from '../lib/rules';

/** Codes people often type for a programme country, and the programme's own spelling. */
const EU_STYLE: Record<string, string> = { GR: 'EL', GB: 'UK' };

export const P01: Rule = {
  id: 'P01',
  title: 'Partner country',
  severity: 'error',
  explanation: {
    what: 'Each partner\'s Country is the two-letter code of a programme country, and agrees with the partner\'s NUTS code where one is given.',
    why: 'The partner countries are the programme\'s (the rules in force, listed on Report Checks): in 2014-2020 the 28 EU member states (EU style: EL for Greece, UK for the United Kingdom), Norway and Switzerland; in 2021-2027 the 27 without the UK, Norway, Switzerland and seven non-EU countries. A NUTS code starts with its country\'s code.',
    fix: 'Type the country code as the programme writes it (EL, not GR; UK, not GB), or correct the NUTS code if the country is right.',
  },
  run(ctx) {
    const { model } = ctx;
    const project = model.project;
    if (!project) return [];
    const inForce = rulesOf(ctx).countries;
    const countries = new Set(inForce);
    const out = [];
    for (const p of project.partners) {
      const country = p.country.value?.trim().toUpperCase() ?? null;
      if (country === null) {
        if (!loggedAt(model, p.country.at)) out.push(finding('P01', 'error', p.country.at, `Country of ${partnerLabel(p)} is blank`, { expected: 'a programme country code' }));
        continue;
      }
      if (!countries.has(country)) {
        const euStyle = EU_STYLE[country] && countries.has(EU_STYLE[country]) ? EU_STYLE[country] : null;
        const hint = euStyle ? `: the programme writes ${euStyle}` : ` (partner countries in force: ${inForce.join(', ')})`;
        out.push(finding('P01', 'error', p.country.at, `Country ${country} of ${partnerLabel(p)} is not an Interreg Europe partner country${hint}`, { expected: euStyle ?? 'a programme country code', actual: country }));
        continue;
      }
      const nuts = p.nuts.value?.trim().toUpperCase();
      if (nuts && nuts.slice(0, 2) !== country) {
        const nutsCountry = nuts.slice(0, 2);
        out.push(finding('P01', 'error', p.country.at, `Country of ${partnerLabel(p)} is ${country}, but its NUTS code ${nuts} says ${nutsCountry}`, { expected: nutsCountry, actual: country }));
      }
    }
    return out;
  },
};
