import fc from 'fast-check';
import { B01 } from '../../../src/checks/rules/B01';
import { B05 } from '../../../src/checks/rules/B05';
import type { Amount } from '../../../src/model/types';
import type { Cents } from '../../../src/util/money';
import { buildModel, runRule } from '../support/model';

const setCents = (a: Amount, c: number) => {
  a.cents = c as Cents;
};

describe('rounding to the cent, for any amount', () => {
  it('B01 accepts 15% of staff rounded down or to the nearest cent, and nothing one cent beyond', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_00 }), (staff) => {
        const m = buildModel();
        const t = m.budgets[1].plan!;
        setCents(t.rows[0].amounts[0], staff);
        const down = Math.floor((staff * 15) / 100);
        const nearest = Math.round((staff * 15) / 100);
        for (const office of [down, nearest]) {
          setCents(t.rows[1].amounts[0], office);
          if (runRule(B01, m).length !== 0) return false;
        }
        setCents(t.rows[1].amounts[0], down - 1);
        const low = runRule(B01, m);
        setCents(t.rows[1].amounts[0], Math.max(down, nearest) + 1);
        const high = runRule(B01, m);
        return low.length === 1 && low[0].expected === down / 100 && high.length === 1 && high[0].cell === 'B6';
      }),
      { numRuns: 300 },
    );
  });

  it('B05 wants ERDF rounded down and the contribution as the rest, to the cent', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000_00 }), fc.constantFrom(8500, 7500, 5000), (extra, rate) => {
        const m = buildModel();
        m.project!.partners[1].erdfRateBp.value = rate;
        const t = m.budgets[1].plan!;
        setCents(t.rows[3].amounts[0], 800_00 + extra); // planned total 10,000.00 + extra
        const total = 10_000_00 + extra;
        const erdf = Math.floor((total * rate) / 10000);
        setCents(m.budgets[1].erdf!, erdf);
        setCents(m.budgets[1].contribution!, total - erdf);
        if (runRule(B05, m).length !== 0) return false;
        setCents(m.budgets[1].erdf!, erdf + 1);
        const fs = runRule(B05, m);
        return fs.length === 1 && fs[0].cell === 'B20' && fs[0].expected === erdf / 100;
      }),
      { numRuns: 300 },
    );
  });
});
