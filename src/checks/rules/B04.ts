import type { Finding, Rule } from '../types';
import { eur, finding } from '../lib/finding';
import { tableTotal, tableTotalPlace } from '../lib/amounts';
import { partnerLabel, partnerOfSheet } from '../lib/partners';
import { formatEur } from '../../util/money';

export const B04: Rule = {
  id: 'B04',
  title: 'Budget total equals the approved budget',
  severity: 'error',
  explanation: {
    what: 'The partner\'s planned budget (all lines, all periods) equals its approved budget on the Project sheet.',
    why: 'The partner budget is fixed by the approved application; a spending plan that adds up to something else cannot be reported against.',
    fix: 'Correct the planned amounts so that they add up to the approved budget, or the approved budget on the Project sheet if that is the one wrong.',
  },
  run({ model }) {
    const out: Finding[] = [];
    for (const b of model.budgets) {
      const partner = partnerOfSheet(model, b);
      if (!b.plan || !partner) continue;
      const approved = partner.approvedBudget;
      const total = tableTotal(b.plan);
      if (approved.cents === null || approved.source === 'empty' || total === null || total === approved.cents) continue;
      out.push(finding('B04', 'error', tableTotalPlace(b.sheet, b.plan), `Budget total ${formatEur(total)} differs from the approved ${formatEur(approved.cents)} of ${partnerLabel(partner)}`, { expected: eur(approved.cents), actual: eur(total) }));
    }
    return out;
  },
};
