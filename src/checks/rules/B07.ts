import type { Finding, Rule } from '../types';
import { eur, finding, percentBp } from '../lib/finding';
import { tableTotal, tableTotalPlace } from '../lib/amounts';
import { partnerLabel, partnerOfSheet } from '../lib/partners';
import { formatEur, type Cents } from '../../util/money';
import { rulesOf } from '../lib/rules';

/** reported / planned as a percentage with one decimal, for messages. */
function share(reported: number, planned: number): string {
  return planned === 0 ? 'more than 100%' : `${(Math.floor((reported * 1000) / planned) / 10).toFixed(1)}%`;
}

export const B07: Rule = {
  id: 'B07',
  title: 'Reported against planned',
  severity: 'warning',
  explanation: {
    what: 'A partner\'s reported expenditure (all periods) against its planned budget: above 100% is a warning, above 120% an error; the project\'s reported total above its total budget is an error.',
    why: 'Interreg Europe\'s flexibility rule lets a partner exceed its budget by up to the flexibility in force (20%) as long as the project as a whole stays within its total budget.',
    fix: 'Check the reported amounts; where a partner rightly spends more, another partner must spend less, or the budget needs a project modification.',
  },
  run(ctx) {
    const { model } = ctx;
    const out: Finding[] = [];
    const flex = rulesOf(ctx).flexibilityBp;
    let projectReported = 0;
    let complete = true;
    for (const b of model.budgets) {
      if (!b.reported) continue;
      const reported = tableTotal(b.reported);
      if (reported === null) {
        complete = false;
        continue;
      }
      projectReported += reported;
      const planned = b.plan ? tableTotal(b.plan) : null;
      if (planned === null || reported <= planned) continue;
      const who = partnerOfSheet(model, b);
      const whose = who ? ` of ${partnerLabel(who)}` : '';
      const over = reported * 10000 > planned * (10000 + flex);
      const message = over
        ? `Reported ${formatEur(reported)}${whose} is ${share(reported, planned)} of the planned ${formatEur(planned)}: above the ${percentBp(10000 + flex)} the flexibility rule allows`
        : `Reported ${formatEur(reported)}${whose} is ${share(reported, planned)} of the planned ${formatEur(planned)}: above 100%, within the ${percentBp(flex)} flexibility`;
      out.push(finding('B07', over ? 'error' : 'warning', tableTotalPlace(b.sheet, b.reported), message, { expected: eur(planned), actual: eur(reported) }));
    }
    const total = model.project?.totalBudget;
    if (complete && total && total.cents !== null && total.source !== 'empty' && projectReported > total.cents) {
      out.push(finding('B07', 'error', total.at, `The partners have reported ${formatEur(projectReported as Cents)} in all, above the project's total budget ${formatEur(total.cents)}`, { expected: eur(total.cents), actual: eur(projectReported) }));
    }
    return out;
  },
};
