import type { BudgetRow, Partner } from '../../model/types';
import type { Finding, Rule } from '../types';
import { eur, finding } from '../lib/finding';
import { rowOf, rowRange, rowTotal } from '../lib/amounts';
import { formatEur, type Cents } from '../../util/money';
import { rulesOf } from '../lib/rules';

export const B08: Rule = {
  id: 'B08',
  title: 'Equipment across the partnership',
  severity: 'warning',
  explanation: {
    what: 'Equipment across all partners (each partner\'s planned equipment, or its reported equipment where that is higher) stays within the project\'s equipment limit.',
    why: 'Under the rules in force a project may set a limit on equipment for the whole partnership (ClusteriX 2.0: EUR 7,000); more needs a justification to the joint secretariat. Without a limit (2021-2027) the check is not run.',
    fix: 'Check the equipment amounts; move costs that are no equipment to the line they belong to, or justify the excess.',
  },
  run(ctx) {
    const { model } = ctx;
    const max = rulesOf(ctx).equipmentMax;
    if (max === null) return []; // no limit in force: not checked (Report Checks says so)
    let sum = 0;
    let largest: { sheet: string; row: BudgetRow; amount: number } | null = null;
    // Each partner's own sheet once (model/names.ts), as the report's totals count them, in the Partners table's
    // order: of partners with the same largest share the first listed is named, whatever the order of the sheets.
    const partners = model.project?.partners ?? [];
    const position = new Map<Partner, number>();
    partners.forEach((p, i) => {
      if (!position.has(p)) position.set(p, i);
    });
    const at = (p: Partner) => position.get(p) ?? -1; // partners.indexOf(p), looked up
    const sheets = [...model.names.sheetOf.entries()].sort(([a], [b]) => at(a) - at(b)).map(([, b]) => b);
    for (const b of sheets) {
      let mine = 0;
      let where: BudgetRow | null = null;
      for (const table of [b.plan, b.reported]) {
        const row = table ? rowOf(table, 'equipment') : null;
        if (!row) continue;
        const t = rowTotal(row);
        if (t === null) return []; // a missing cell: T01 says so
        if (!where || t > mine) {
          mine = t;
          where = row;
        }
      }
      sum += mine;
      if (where && (!largest || mine > largest.amount)) largest = { sheet: b.sheet, row: where, amount: mine };
    }
    if (sum <= max || !largest) return [];
    const f: Finding = finding('B08', 'warning', rowRange(largest.sheet, largest.row), `Equipment across the partnership is ${formatEur(sum as Cents)} (planned, or reported where higher), above the limit of ${formatEur(max)}; this partner's share is ${formatEur(largest.amount as Cents)}`, { expected: eur(max), actual: eur(sum) });
    return [f];
  },
};
