import type { Finding, Rule } from '../types';
import { finding } from '../lib/finding';
import { formatEur } from '../../util/money';

export const B06: Rule = {
  id: 'B06',
  title: 'Amounts are numbers',
  severity: 'error',
  explanation: {
    what: 'Amounts are numbers, not negative, with at most two decimals. Numeric text (\'12 500,00\' typed as text) is read, but flagged as a warning.',
    why: 'Excel\'s own SUM skips numbers stored as text, so the sheet\'s totals silently leave them out; a negative amount or a fraction of a cent is no expenditure.',
    fix: 'Type the amount as a number (or convert the text with Excel\'s "Convert to Number"), with at most two decimals and not negative.',
  },
  run({ model }) {
    const out: Finding[] = [];
    for (const i of model.cellIssues) {
      if (i.kind === 'numericText') out.push(finding('B06', 'warning', i.at, `${i.what} is text '${i.raw}', not a number: read as ${formatEur(i.cents)}, but Excel's SUM leaves it out`, { actual: i.raw }));
      if (i.kind === 'notAmount') out.push(finding('B06', 'error', i.at, `${i.what} holds '${i.raw}', which is no amount`, { expected: 'an amount in EUR', actual: i.raw }));
      if (i.kind === 'badDecimals') out.push(finding('B06', 'error', i.at, `${i.what} is ${i.raw}: more than two decimals (a fraction of a cent)`, { expected: 'at most two decimals', actual: i.raw }));
      if (i.kind === 'negative') out.push(finding('B06', 'error', i.at, `${i.what} is negative (${i.raw})`, { expected: 'not negative', actual: i.raw }));
    }
    return out;
  },
};
