import type { Model } from '../../model/types';
import type { Profile } from '../../profile/types';
import type { Finding, Rule } from '../types';
import { eur, finding } from '../lib/finding';
import { isProfileProject, partnerLabel } from '../lib/partners';
import { formatEur, type Cents } from '../../util/money';
import { loggedAt } from '../lib/known';

export const P04: Rule = {
  id: 'P04',
  title: 'Approved budgets add up to the total budget',
  severity: 'error',
  explanation: {
    what: 'The partners\' approved budgets on the Project sheet add up to the project\'s total budget; for the built-in project (ClusteriX 2.0) also that the total budget and the budgets the project description states are the ones typed.',
    why: 'The total eligible budget of the subsidy contract is the sum of the partners\' budgets; ClusteriX 2.0\'s description states EUR 2,126,574 in total and EUR 178,550 for West-Pannon.',
    fix: 'Correct the approved budget of the partner that differs from the application, or the project\'s total budget. A budget changed by an approved project modification may differ from the description: then the warning can stand.',
  },
  run({ model, profile }) {
    const project = model.project;
    if (!project) return [];
    const out: Finding[] = [];
    let sum = 0;
    let complete = true;
    for (const p of project.partners) {
      const b = p.approvedBudget;
      if (b.cents === null) complete = false;
      else if (b.source === 'empty') {
        complete = false;
        if (!loggedAt(model, b.at)) out.push(finding('P04', 'error', b.at, `Approved budget of ${partnerLabel(p)} is blank`, { expected: 'an amount' }));
      } else sum += b.cents;
    }
    const total = project.totalBudget;
    if (complete && total && total.cents !== null && total.source !== 'empty' && project.partners.length > 0 && sum !== total.cents) {
      out.push(finding('P04', 'error', total.at, `The partners' approved budgets add up to ${formatEur(sum as Cents)}; the project's total budget is ${formatEur(total.cents)}`, { expected: eur(total.cents), actual: eur(sum) }));
    }
    if (isProfileProject(model, profile)) out.push(...profileFacts(model, profile));
    return out;
  },
};

/** The description's own figures, where the workbook is that project: a warning, since a project modification may change them. */
function profileFacts(model: Model, profile: Profile): Finding[] {
  const project = model.project;
  if (!project) return [];
  const out: Finding[] = [];
  const total = project.totalBudget;
  if (total && total.cents !== null && total.source !== 'empty' && total.cents !== profile.totalBudget) {
    out.push(finding('P04', 'warning', total.at, `Total budget ${formatEur(total.cents)} differs from the ${formatEur(profile.totalBudget)} in the ${profile.acronym} description`, { expected: eur(profile.totalBudget), actual: eur(total.cents) }));
  }
  for (const fact of profile.partners) {
    if (fact.approvedBudget === null) continue;
    const p = project.partners.find((x) => x.no.value === fact.no);
    const b = p?.approvedBudget;
    if (!p || !b || b.cents === null || b.source === 'empty' || b.cents === fact.approvedBudget) continue;
    out.push(finding('P04', 'warning', b.at, `Approved budget of ${partnerLabel(p)} is ${formatEur(b.cents)}; the ${profile.acronym} description states ${formatEur(fact.approvedBudget)} for ${fact.shortName}`, { expected: eur(fact.approvedBudget), actual: eur(b.cents) }));
  }
  return out;
}
