import type { BudgetSheet, Model, Partner } from '../../model/types';
import type { Finding, Rule } from '../types';
import { finding } from '../lib/finding';
import { partnerLabel, partnerWorkbookOf, isLead } from '../lib/partners';
import { missingLogged } from '../lib/known';

export const P03: Rule = {
  id: 'P03',
  title: 'Partners and their budget sheets',
  severity: 'error',
  explanation: {
    what: 'Partner numbers are unique, there is exactly one lead partner (LP), every partner has exactly one budget sheet, and every budget sheet belongs to a listed partner.',
    why: 'The partnership is the one in the approved application: one lead partner, the others project partners (PP), each reporting its own budget once.',
    fix: 'Give each partner its own number and one budget sheet whose Partner No is that number; mark the lead partner LP and the others PP.',
  },
  run({ model }) {
    const project = model.project;
    if (!project) return [];
    const out: Finding[] = [];
    const seen = new Map<number, Partner>();
    for (const p of project.partners) {
      const no = p.no.value;
      if (no === null) continue; // unreadable or blank: T02
      if (!Number.isInteger(no) || no < 1) out.push(finding('P03', 'error', p.no.at, `Partner number ${no} is not a whole number from 1`, { actual: no }));
      else if (seen.has(no)) out.push(finding('P03', 'error', p.no.at, `Partner number ${no} is used twice (first at ${(seen.get(no) as Partner).no.at.cell})`, { actual: no }));
      else seen.set(no, p);
      const role = p.role.value?.toUpperCase() ?? null;
      if (role !== null && role !== 'LP' && role !== 'PP') out.push(finding('P03', 'error', p.role.at, `Role ${p.role.value} of ${partnerLabel(p)} is neither LP (lead partner) nor PP (project partner)`, { expected: 'LP or PP', actual: p.role.value as string }));
      if (role === null) out.push(finding('P03', 'error', p.role.at, `Role of ${partnerLabel(p)} is blank`, { expected: 'LP or PP' }));
    }
    const leads = project.partners.filter(isLead);
    if (project.partners.length > 0 && leads.length === 0) {
      out.push(finding('P03', 'error', { sheet: project.sheet, cell: project.partnersHeader?.cell ?? null }, 'No partner is marked LP: exactly one lead partner is needed', { expected: 1, actual: 0 }));
    }
    for (const extra of leads.slice(1)) {
      out.push(finding('P03', 'error', extra.role.at, `${partnerLabel(extra)} is a second lead partner (the first is ${partnerLabel(leads[0])}): exactly one LP`, { expected: 'PP', actual: 'LP' }));
    }
    // Without a Partners table (T02 says so) every budget sheet would be "not a listed partner": say it once, there.
    if (project.partnersHeader !== null) out.push(...sheetsPerPartner(model.budgets, project.partners, project.sheet, model));
    return out;
  },
};

function sheetsPerPartner(budgets: BudgetSheet[], partners: Partner[], projectSheet: string, model: Model): Finding[] {
  const out: Finding[] = [];
  const byPartner = new Map<Partner, string[]>();
  for (const b of budgets) {
    const no = b.partnerNo?.value ?? null;
    const name = b.partnerName?.value ?? null;
    if (no === null && name === null) {
      if (!missingLogged(model, b.sheet, /partner/i)) out.push(finding('P03', 'error', { sheet: b.sheet, cell: b.partnerNo?.at.cell ?? null }, 'This budget sheet has no Partner No: it belongs to no partner', { expected: 'a Partner No field' }));
      continue;
    }
    const owner = model.names.sheets.get(b);
    const partner = owner?.found ?? null;
    if (!partner) {
      const at = no !== null ? b.partnerNo!.at : b.partnerName!.at;
      const given = no !== null ? `Partner No ${no}` : `Partner ${name}`;
      const several = owner?.candidates ?? [];
      if (no === null && several.length > 1) out.push(finding('P03', 'error', at, `${given} fits ${several.map(partnerLabel).join(' or ')}: type the partner's number or full name`, { expected: 'one partner of the Project sheet', actual: name as string }));
      else out.push(finding('P03', 'error', at, `${given} is not a partner listed on the Project sheet`, { actual: no ?? (name as string) }));
      continue;
    }
    // The Partner field disagrees only where it names other partners; a name that fits none is left as typed.
    const byName = owner?.byName;
    if (no !== null && name !== null && b.partnerName && byName && byName.candidates.length > 0 && !byName.candidates.includes(partner)) {
      out.push(finding('P03', 'error', b.partnerName.at, `Partner ${name} is not ${partnerLabel(partner)}, whom Partner No ${no} names`, { expected: partner.name.value ?? String(no), actual: name }));
    }
    byPartner.set(partner, [...(byPartner.get(partner) ?? []), b.sheet]);
  }
  // A partner's own workbook holds only its partner's budget sheet: the others' are in the lead's book.
  const own = partnerWorkbookOf(model);
  // partnerByNo of each number, looked up once: the first partner listed with it.
  const firstByNo = new Map<number, Partner>();
  for (const p of model.project?.partners ?? []) if (p.no.value !== null && !firstByNo.has(p.no.value)) firstByNo.set(p.no.value, p);
  for (const p of partners) {
    if (p.no.value === null || firstByNo.get(p.no.value) !== p) continue; // a duplicate number is reported above
    if (own !== null && p !== own) continue;
    const sheets = byPartner.get(p) ?? [];
    if (sheets.length === 0) out.push(finding('P03', 'error', { sheet: projectSheet, cell: p.at.cell }, `${partnerLabel(p)} has no budget sheet`, { expected: 1, actual: 0 }));
    if (sheets.length > 1) out.push(finding('P03', 'error', { sheet: projectSheet, cell: p.at.cell }, `${partnerLabel(p)} has ${sheets.length} budget sheets (${sheets.join(', ')}): one is expected`, { expected: 1, actual: sheets.length }));
  }
  return out;
}
