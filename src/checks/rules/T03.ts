import type { Rule } from '../types';
import { finding } from '../lib/finding';

export const T03: Rule = {
  id: 'T03',
  title: 'The same row twice',
  severity: 'error',
  explanation: {
    what: 'The same row appears twice: a budget line twice on one sheet, or a partner–indicator pair twice on one indicator sheet (pairs on several indicator sheets add up).',
    why: 'A row given twice is counted twice, or one of the two is ignored: either way a figure is wrong.',
    fix: 'Merge the two rows into one, or delete the one that is wrong.',
  },
  run({ model }) {
    return model.duplicates.map((d) => finding('T03', 'error', d.at, `${d.what} appears twice (first at ${d.first.sheet === d.at.sheet ? d.first.cell : `${d.first.sheet}!${d.first.cell}`})`, { actual: d.what }));
  },
};
