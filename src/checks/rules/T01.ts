import type { Finding, Rule } from '../types';
import { finding } from '../lib/finding';

export const T01: Rule = {
  id: 'T01',
  title: 'Excel error values',
  severity: 'error',
  explanation: {
    what: 'A cell the add-in reads holds an Excel error value (#REF!, #DIV/0!, #VALUE!, #N/A, #NAME?, #NUM!, #NULL!).',
    why: 'An error value has no amount: the figures that depend on it cannot be computed, so the checks that would use it stay silent until it is fixed.',
    fix: 'Open the cell\'s formula and repair it (a deleted row or sheet gives #REF!), or type the value.',
  },
  run({ model }) {
    const out: Finding[] = [];
    for (const i of model.cellIssues) {
      if (i.kind === 'error') out.push(finding('T01', 'error', i.at, `${i.what} holds the error ${i.raw}: it cannot be read`, { expected: 'a value', actual: i.raw }));
    }
    return out;
  },
};
