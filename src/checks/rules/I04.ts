import type { Finding, Rule } from '../types';
import { finding } from '../lib/finding';
import { loggedAt } from '../lib/known';

export const I04: Rule = {
  id: 'I04',
  title: 'Indicator totals add up',
  severity: 'error',
  explanation: {
    what: 'Each indicator row\'s Total equals the sum of its periods.',
    why: 'The add-in counts the period cells; a typed or stale Total tells the reader something else.',
    fix: 'Replace the Total with a SUM formula over the row\'s period cells.',
  },
  run({ model }) {
    const out: Finding[] = [];
    for (const row of model.indicators) {
      const t = row.total;
      if (!t || loggedAt(model, t.at)) continue;
      if (t.value === null && t.raw.trim() !== '') continue; // not a number: I01's wording does not fit a Total, T02 logs it
      let sum = 0;
      let readable = true;
      for (const v of row.values) {
        if (v.value === null && v.raw.trim() !== '') readable = false;
        sum += v.value ?? 0;
      }
      const total = t.value ?? 0;
      if (!readable || total === sum) continue;
      out.push(finding('I04', 'error', t.at, `Total of ${row.indicator.value ?? 'this indicator'} for ${row.partner.value ?? 'this partner'} is ${t.value ?? 'blank'}; its periods add up to ${sum}`, { expected: sum, actual: t.value ?? '' }));
    }
    return out;
  },
};
