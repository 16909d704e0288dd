import type { Finding, Rule } from '../types';
import { finding } from '../lib/finding';
import { loggedAt } from '../lib/known';
import { partnerLabel } from '../lib/partners';

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
      let sum = 0;
      let readable = true;
      for (let i = 0; i < row.values.length; i++) {
        const v = row.values[i];
        if (v.value === null && v.raw.trim() !== '') readable = false;
        sum += v.value ?? 0;
      }
      const total = t.value ?? 0;
      const text = t.value === null && t.raw.trim() !== '';
      if (!readable || (!text && total === sum)) continue;
      const names = model.names.rows.get(row);
      const of = names?.target.found?.code ?? row.indicator.value ?? 'this indicator';
      const who = names?.partner.found ? partnerLabel(names.partner.found) : (row.partner.value ?? 'this partner');
      const is = text ? `holds '${t.raw}', which is no number` : `is ${t.value ?? 'blank'}`;
      out.push(finding('I04', 'error', t.at, `Total of ${of} for ${who} ${is}; its periods add up to ${sum}`, { expected: sum, actual: text ? t.raw : (t.value ?? '') }));
    }
    return out;
  },
};
