import type { Finding, Rule } from '../types';
import { eur, finding, percentBp } from '../lib/finding';
import { tableTotal } from '../lib/amounts';
import { partnerOfSheet } from '../lib/partners';
import { applyRateDown, formatEur, type Cents } from '../../util/money';

export const B05: Rule = {
  id: 'B05',
  title: 'ERDF and partner contribution',
  severity: 'error',
  explanation: {
    what: 'The sheet\'s ERDF equals its planned total times the partner\'s ERDF rate on the Project sheet, rounded down to the cent; the partner contribution is the planned total minus the ERDF.',
    why: 'The ERDF co-finances the eligible budget at the partner\'s rate (the rate P05 checks against the rules in force); the rest is the partner\'s own contribution. Rounding down never claims more than the rate allows.',
    fix: 'Set ERDF to =ROUNDDOWN(total*rate,2) and the partner contribution to total minus ERDF.',
  },
  run({ model }) {
    const out: Finding[] = [];
    for (const b of model.budgets) {
      const partner = partnerOfSheet(model, b);
      const rate = partner?.erdfRateBp.value ?? null;
      if (!b.plan || rate === null) continue;
      const total = tableTotal(b.plan);
      if (total === null) continue;
      const erdf = applyRateDown(total, rate);
      if (b.erdf && b.erdf.cents !== null && b.erdf.cents !== erdf) {
        out.push(finding('B05', 'error', b.erdf.at, `ERDF is ${formatEur(b.erdf.cents)}; ${percentBp(rate)} of the planned total ${formatEur(total)} is ${formatEur(erdf)}`, { expected: eur(erdf), actual: eur(b.erdf.cents) }));
      }
      const contribution = (total - erdf) as Cents;
      if (b.contribution && b.contribution.cents !== null && b.contribution.cents !== contribution) {
        out.push(finding('B05', 'error', b.contribution.at, `Partner contribution is ${formatEur(b.contribution.cents)}; the planned total ${formatEur(total)} minus ERDF ${formatEur(erdf)} is ${formatEur(contribution)}`, { expected: eur(contribution), actual: eur(b.contribution.cents) }));
      }
    }
    return out;
  },
};
