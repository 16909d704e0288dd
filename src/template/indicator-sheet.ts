/** The Indicators sheet: one row per partner and indicator, achievements per period, a SUM Total. */
import type { Profile } from '../profile/types';
import { a1 } from '../util/a1';
import { FORMAT, type SheetSpec } from './spec';
import { headerRow, newSheet, put, title } from './sheet-builder';

export const INDICATOR_SHEET = 'Indicators';

/** `achievements` per partner no and code (index = period − 1); null leaves the figures empty (the template). */
export function indicatorSheet(profile: Profile, achievements: Record<number, Record<string, number[]>> | null): SheetSpec {
  const n = profile.periods.length;
  const s = newSheet(INDICATOR_SHEET, [10, 12, ...Array(n).fill(7), 9, 40], 3);
  title(s, 0, 'Indicators: achieved per period', n + 4);
  headerRow(s, 2, ['Partner', 'Indicator', ...profile.periods.map((p) => `P${p.number}`), 'Total', 'Comment'], (col) => col >= 2 && col <= n + 2);
  let r = 3;
  for (const partner of profile.partners) {
    for (const target of profile.targets) {
      put(s, r, 0, partner.no);
      put(s, r, 1, target.code);
      let sum = 0;
      for (let p = 0; p < n; p++) {
        const v = achievements ? (achievements[partner.no]?.[target.code]?.[p] ?? 0) : null;
        sum += v ?? 0;
        put(s, r, 2 + p, v, { numberFormat: FORMAT.whole, fill: 'input' });
      }
      put(s, r, 2 + n, { formula: `SUM(${a1(r, 2)}:${a1(r, 1 + n)})`, result: sum }, { numberFormat: FORMAT.whole, fill: 'total' });
      put(s, r, 3 + n, null);
      r++;
    }
  }
  return s;
}
