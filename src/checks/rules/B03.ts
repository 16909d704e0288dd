import type { Amount, BudgetRow } from '../../model/types';
import type { Finding, Rule } from '../types';
import { eur, finding } from '../lib/finding';
import { lineRows, periodTotals, rowTotal, sumAmounts, tableTotal, totalRow } from '../lib/amounts';
import { formatEur, type Cents } from '../../util/money';

function differs(cell: Amount | null | undefined, sum: Cents | null): cell is Amount {
  return !!cell && cell.cents !== null && sum !== null && cell.cents !== sum;
}

/** A Total cell as the sheet shows it: a blank one is blank, not 0.00. */
function shown(cell: Amount): string {
  return cell.source === 'empty' ? 'blank' : formatEur(cell.cents as Cents);
}

function actual(cell: Amount): number | string {
  return cell.source === 'empty' ? '' : eur(cell.cents as Cents);
}

/** Every line row's cell in one period column (not only the counted ones); null when one is missing. */
function everyRowIn(lines: readonly BudgetRow[], i: number): Cents | null {
  let cents = 0;
  for (let k = 0; k < lines.length; k++) {
    const a = lines[k].amounts[i];
    if (a === undefined) continue;
    if (a.cents === null) return null;
    cents += a.cents;
  }
  return cents as Cents;
}

export const B03: Rule = {
  id: 'B03',
  title: 'Totals add up',
  severity: 'error',
  explanation: {
    what: 'Each budget line\'s Total equals the sum of its periods, and the Total line equals the sum of the budget lines in every period.',
    why: 'A typed or stale Total hides the real figure: the add-in always uses the period cells, so a Total that disagrees with them misleads whoever reads the sheet.',
    fix: 'Replace the Total with a SUM formula over the period cells (or the budget lines), or correct the period cell that is wrong.',
  },
  run({ model }) {
    const out: Finding[] = [];
    for (const b of model.budgets) {
      for (const table of [b.plan, b.reported]) {
        if (!table) continue;
        const which = table.kind === 'plan' ? 'planned' : 'reported';
        const lines = lineRows(table);
        for (const row of lines) {
          if (!row.total || row.total.cents === null) continue; // nothing to hold against its periods
          const sum = rowTotal(row);
          if (differs(row.total, sum)) out.push(finding('B03', 'error', row.total.at, `Total of ${row.label.value} (${which}) is ${shown(row.total)}; its periods add up to ${formatEur(sum as Cents)}`, { expected: eur(sum as Cents), actual: actual(row.total) }));
        }
        const t = totalRow(table);
        if (!t) continue;
        // The Total line is held against the counted lines (model/totals.ts), as the report shows them; where it adds
        // every row instead, the difference is the row B02 or T03 names, and is said there.
        const sums = periodTotals(table);
        table.periods.forEach((col, i) => {
          const cell = t.amounts[i];
          if (!cell || cell.cents === null) return;
          const sum = sums[i]; // the period column's total (periodTotals)
          if (differs(cell, sum) && cell.cents !== everyRowIn(lines, i)) out.push(finding('B03', 'error', cell.at, `Total ${which} in P${col.number} is ${shown(cell)}; the budget lines add up to ${formatEur(sum as Cents)}`, { expected: eur(sum as Cents), actual: actual(cell) }));
        });
        if (!t.total || t.total.cents === null) continue;
        const grand = tableTotal(table);
        if (differs(t.total, grand) && t.total.cents !== sumAmounts(lines.flatMap((r) => r.amounts))) out.push(finding('B03', 'error', t.total.at, `Total ${which} of all periods is ${shown(t.total)}; the budget lines' period cells add up to ${formatEur(grand as Cents)}`, { expected: eur(grand as Cents), actual: actual(t.total) }));
      }
    }
    return out;
  },
};
