import type { LegalStatus } from '../../model/types';
import type { Finding, Rule } from '../types';
import { finding, percentBp } from '../lib/finding';
import { partnerLabel } from '../lib/partners';
import { loggedAt } from '../lib/known';
import { rulesOf } from '../lib/rules';

export const P05: Rule = {
  id: 'P05',
  title: 'ERDF rate by legal status',
  severity: 'error',
  explanation: {
    what: 'Each partner\'s ERDF rate agrees with its legal status at the rates in force (2014-2020: public 85%, private non-profit 75%; 2021-2027: 80% and 70%; Norwegian partners 50%).',
    why: 'The programme co-finances public and private non-profit bodies at fixed rates from the ERDF (Interreg funds in 2021-2027); Norwegian partners get 50% from Norwegian funds. A project\'s Rules table can set other rates.',
    fix: 'Type the legal status as public, private non-profit or norwegian, and the rate that goes with it.',
  },
  run(ctx) {
    const { model } = ctx;
    const project = model.project;
    if (!project) return [];
    const rates = rulesOf(ctx).erdfRateBpByStatus;
    const out: Finding[] = [];
    for (const p of project.partners) {
      const status = p.legalStatus.value;
      if (status === null) {
        if (!loggedAt(model, p.legalStatus.at)) out.push(finding('P05', 'error', p.legalStatus.at, `Legal status of ${partnerLabel(p)} is blank`, { expected: 'public, private non-profit or norwegian' }));
        continue;
      }
      if (!(status in rates)) {
        out.push(finding('P05', 'error', p.legalStatus.at, `Legal status ${status} of ${partnerLabel(p)} is none of public, private non-profit, norwegian`, { expected: 'public, private non-profit or norwegian', actual: status }));
        continue;
      }
      const want = rates[status as LegalStatus];
      const rate = p.erdfRateBp.value;
      if (rate === null) {
        if (!loggedAt(model, p.erdfRateBp.at)) out.push(finding('P05', 'error', p.erdfRateBp.at, `ERDF rate of ${partnerLabel(p)} is blank; a ${status} partner gets ${percentBp(want)}`, { expected: percentBp(want) }));
        continue;
      }
      if (rate !== want) out.push(finding('P05', 'error', p.erdfRateBp.at, `ERDF rate of ${partnerLabel(p)} is ${percentBp(rate)}; a ${status} partner gets ${percentBp(want)}`, { expected: percentBp(want), actual: percentBp(rate) }));
    }
    return out;
  },
};
