import type { Finding, Rule } from '../types';
import { eur, finding, percentBp } from '../lib/finding';
import { rowOf } from '../lib/amounts';
import { applyRateDown, applyRateNearest, formatEur } from '../../util/money';
import { BUDGET_LINE_NAMES, type BudgetLineKey } from '../../model/types';
import { rulesOf } from '../lib/rules';

export const B01: Rule = {
  id: 'B01',
  title: 'Office and administration at 15% of staff costs',
  severity: 'error',
  explanation: {
    what: 'Office and administration is the flat rate in force (15%) of staff costs in every period, planned and reported, rounded down or to the nearest cent; so is travel and accommodation where the rules set a travel flat rate (15% in 2021-2027).',
    why: 'Interreg Europe pays office and administration as a flat rate of staff costs (15%, Regulation (EU) No 1299/2013, Art. 19), and from 2021 travel and accommodation too; they are not claimed on real costs.',
    fix: 'Set the period\'s amount to the rate of its staff costs, e.g. with the formula =ROUNDDOWN(staff*0.15,2).',
  },
  run(ctx) {
    const { model } = ctx;
    const rules = rulesOf(ctx);
    // Travel is a flat rate only where the rules in force set one (2021–2027); otherwise it is real costs.
    const flat: [BudgetLineKey, number][] = [['office', rules.officeRateBp]];
    if (rules.travelRateBp !== null) flat.push(['travel', rules.travelRateBp]);
    const out: Finding[] = [];
    for (const b of model.budgets) {
      for (const table of [b.plan, b.reported]) {
        if (!table) continue;
        const staff = rowOf(table, 'staff');
        const which = table.kind === 'plan' ? 'planned' : 'reported';
        for (const [line, rate] of flat) {
          const office = rowOf(table, line);
          if (!staff || !office) continue; // a missing line is B02's or T02's
          table.periods.forEach((col, i) => {
            const s = staff.amounts[i];
            const o = office.amounts[i];
            if (!s || !o || s.cents === null || o.cents === null) return;
            const down = applyRateDown(s.cents, rate);
            const nearest = applyRateNearest(s.cents, rate);
            if (o.cents === down || o.cents === nearest) return;
            out.push(finding('B01', 'error', o.at, `${BUDGET_LINE_NAMES[line]} ${which} in P${col.number} is ${formatEur(o.cents)}; ${percentBp(rate)} of staff costs ${formatEur(s.cents)} is ${formatEur(down)}`, { expected: eur(down), actual: eur(o.cents) }));
          });
        }
      }
    }
    return out;
  },
};
