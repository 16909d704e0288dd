import type { BudgetLineKey, BudgetSheet, Model } from '../../model/types';
import type { Finding, Rule } from '../types';
import { eur, finding } from '../lib/finding';
import { rowRange, rowTotal, rowOf } from '../lib/amounts';
import { isLead, partnerLabel, partnerOfSheet } from '../lib/partners';
import { missingLogged } from '../lib/known';
import { formatEur, type Cents } from '../../util/money';
import { BUDGET_LINE_NAMES } from '../../model/types';
import { rulesOf } from '../lib/rules';

const REQUIRED: { key: BudgetLineKey; name: string; pattern: RegExp }[] = [
  { key: 'staff', name: 'Staff costs', pattern: /staff/i },
  { key: 'office', name: 'Office and administration', pattern: /office|administration/i },
  { key: 'travel', name: 'Travel and accommodation', pattern: /travel/i },
  { key: 'external', name: 'External expertise and services', pattern: /external/i },
  { key: 'equipment', name: 'Equipment', pattern: /equipment/i },
];

export const B02: Rule = {
  id: 'B02',
  title: 'Budget lines',
  severity: 'error',
  explanation: {
    what: 'A budget sheet has the programme\'s five budget lines, each once, and no line the rules in force do not list; preparation costs only on the lead partner\'s sheet, within the limit in force (EUR 15,000 in 2014-2020).',
    why: 'Interreg Europe budgets have five cost categories (staff, office and administration, travel and accommodation, external expertise and services, equipment), and from 2021 infrastructure and works for pilot actions; preparation costs are a lump sum paid to the lead partner only.',
    fix: 'Move the amounts of an unknown line into the budget line they belong to; keep preparation costs on the lead partner\'s sheet and within the limit.',
  },
  run(ctx) {
    const { model } = ctx;
    const rules = rulesOf(ctx);
    const allowed = new Set(rules.budgetLines);
    const names = rules.budgetLines.map((k) => BUDGET_LINE_NAMES[k].toLowerCase()).join(', ');
    const out: Finding[] = [];
    for (const b of model.budgets) {
      for (const table of [b.plan, b.reported]) {
        if (!table) continue;
        const which = table.kind === 'plan' ? 'plan' : 'reported expenditure';
        const seen = new Set<BudgetLineKey>();
        for (const row of table.rows) {
          if (row.isTotal) continue;
          if (row.line === null || !allowed.has(row.line)) {
            out.push(finding('B02', 'error', row.label.at, `${row.label.value ?? 'This row'} is not a budget line of the programme (${names})`, { actual: row.label.value ?? '' }));
            continue;
          }
          const twice = seen.has(row.line);
          seen.add(row.line);
          // A line twice is T03 where the parser logged it.
          if (twice && !model.duplicates.some((d) => d.at.sheet === b.sheet && d.at.row === row.row)) {
            out.push(finding('B02', 'error', row.label.at, `${row.label.value} appears twice in the ${which}`, { actual: row.label.value ?? '' }));
          }
        }
        for (const req of REQUIRED) {
          if (seen.has(req.key) || missingLogged(model, b.sheet, req.pattern)) continue;
          out.push(finding('B02', 'error', { sheet: b.sheet, cell: null }, `The ${which} has no ${req.name} line (looked for in the table at ${table.header.cell})`, { expected: req.name }));
        }
      }
      if (allowed.has('preparation')) out.push(...preparation(model, b, rules.preparationMax));
    }
    return out;
  },
};

/** `max` null: no limit in force, only the lead partner rule is checked. */
function preparation(model: Model, b: BudgetSheet, max: Cents | null): Finding[] {
  const out: Finding[] = [];
  const partner = partnerOfSheet(model, b);
  for (const table of [b.plan, b.reported]) {
    if (!table) continue;
    const row = rowOf(table, 'preparation');
    if (!row) continue;
    const which = table.kind === 'plan' ? 'planned' : 'reported';
    const total = rowTotal(row);
    if (partner && !isLead(partner)) {
      const first = row.amounts.find((a) => a.cents !== null && a.cents !== 0);
      if (first) out.push(finding('B02', 'error', first.at, `Preparation costs ${which} for ${partnerLabel(partner)}: only the lead partner has preparation costs`, { expected: 0, actual: eur(first.cents as number) }));
      continue;
    }
    if (max !== null && total !== null && total > max) {
      out.push(finding('B02', 'error', rowRange(b.sheet, row), `Preparation costs ${which} are ${formatEur(total)}; at most ${formatEur(max)} is allowed`, { expected: eur(max), actual: eur(total) }));
    }
  }
  return out;
}
