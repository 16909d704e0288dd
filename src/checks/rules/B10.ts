import type { Finding, Rule } from '../types';
import { eur, finding, range } from '../lib/finding';
import { countedLineRows } from '../lib/amounts';
import { partnerLabel, partnerOfSheet } from '../lib/partners';
import { formatEur, type Cents } from '../../util/money';
import type { BudgetRow } from '../../model/types';

/** The rows' cells in the period columns `indices`, summed; null when one is missing (sumAmounts of them). */
function sumAt(rows: readonly BudgetRow[], indices: readonly number[]): Cents | null {
  let cents = 0;
  for (let k = 0; k < rows.length; k++)
    for (let j = 0; j < indices.length; j++) {
      const c = rows[k].amounts[indices[j]].cents;
      if (c === null) return null;
      cents += c;
    }
  return cents as Cents;
}

export const B10: Rule = {
  id: 'B10',
  title: 'Phase 2 planned above phase 1',
  severity: 'info',
  explanation: {
    what: 'Notes a partner whose phase 2 plan is larger than its phase 1 plan.',
    why: 'In Interreg Europe projects phase 1 (interregional learning) carries most of the spending; phase 2 (monitoring the action plans) usually much less. A larger phase 2 is allowed, but worth a second look.',
    fix: 'Nothing to fix if the plan is right; otherwise move the amounts to the periods in which they will be spent.',
  },
  run({ model }) {
    const project = model.project;
    if (!project || project.phases.length < 2) return [];
    // Phase 1 and phase 2 by their start dates, however the Phases table lists them.
    // Dates are 'YYYY-MM-DD' strings: ordinal order is date order (localeCompare would load ICU's collator, ~6 ms).
    const startOf = (p: (typeof project.phases)[number]) => p.start.value ?? '9999';
    const [first, second] = [...project.phases].sort((a, b) => (startOf(a) < startOf(b) ? -1 : startOf(a) > startOf(b) ? 1 : 0));
    const phaseOf = new Map(project.periods.filter((p) => p.number !== null).map((p) => [p.number as number, p.phaseKey]));
    const out: Finding[] = [];
    for (const b of model.budgets) {
      const plan = b.plan;
      if (!plan) continue;
      const rows = countedLineRows(plan);
      const idx = (key: string) => plan.periods.map((c, i) => (phaseOf.get(c.number) === key ? i : -1)).filter((i) => i >= 0);
      const i1 = idx(first.key);
      const i2 = idx(second.key);
      if (i1.length === 0 || i2.length === 0 || rows.length === 0) continue;
      const s1 = sumAt(rows, i1);
      const s2 = sumAt(rows, i2);
      if (s1 === null || s2 === null || s2 <= s1) continue;
      const cols = i2.map((i) => plan.periods[i].col);
      const rowNos = rows.map((r) => r.row);
      const cell = range(Math.min(...rowNos), Math.min(...cols), Math.max(...rowNos), Math.max(...cols));
      const who = partnerOfSheet(model, b);
      out.push(finding('B10', 'info', { sheet: b.sheet, cell }, `Phase ${second.label} plans ${formatEur(s2)}${who ? ` for ${partnerLabel(who)}` : ''}, more than phase ${first.label}'s ${formatEur(s1)}`, { expected: eur(s1), actual: eur(s2) }));
    }
    return out;
  },
};
