import type { Finding, Rule } from '../types';
import { eur, finding } from '../lib/finding';
import { lineRows } from '../lib/amounts';
import { formatEur } from '../../util/money';

export const B09: Rule = {
  id: 'B09',
  title: 'Expenditure reported for a future period',
  severity: 'warning',
  explanation: {
    what: 'No expenditure is reported for a period that starts after the report date.',
    why: 'A report covers expenditure paid up to its report date; an amount in a later period is a plan typed in the wrong table, or a period mix-up.',
    fix: 'Move the amount to the period in which it was paid, or to the plan if it is not spent yet.',
  },
  run({ model }) {
    const project = model.project;
    const reportDate = project?.reportDate?.value;
    if (!project || !reportDate) return [];
    const starts = new Map(project.periods.filter((p) => p.number !== null && p.start.value).map((p) => [p.number as number, p.start.value as string]));
    const out: Finding[] = [];
    for (const b of model.budgets) {
      if (!b.reported) continue;
      b.reported.periods.forEach((col, i) => {
        const start = starts.get(col.number);
        if (!start || start <= reportDate) return;
        for (const row of lineRows(b.reported as NonNullable<typeof b.reported>)) {
          const a = row.amounts[i];
          if (!a || a.cents === null || a.cents === 0) continue;
          out.push(finding('B09', 'warning', a.at, `${row.label.value} reported in P${col.number} (${formatEur(a.cents)}), a period that starts ${start}, after the report date ${reportDate}`, { expected: 0, actual: eur(a.cents) }));
        }
      });
    }
    return out;
  },
};
