/** Report Indicators: per indicator its target, what each partner achieved, the total and % of target. */
import type { Model } from '../model/types';
import type { Figures } from '../figures/types';
import type { PartnerSources } from '../figures/sources';
import { a1, ref } from '../util/a1';
import { countTerm, liveSum } from './formula';
import { TabBuilder, type FrameInfo } from './frame';
import { COUNT_FORMAT, PERCENT_FORMAT } from './formats';
import type { FigureNotes } from './notes';
import type { PlannedTab } from './types';

const FIRST_PARTNER_COL = 5;

export function indicatorsTab(model: Model, figures: Figures, sources: PartnerSources[], info: FrameInfo, notes: FigureNotes): PlannedTab {
  const t = new TabBuilder('Report Indicators', [10, 40, 10, 11, 11, ...sources.map(() => 13)]);
  const header = t.frame('Indicators: achieved against target', info, ['Achievements in the indicators\' own units, by partner']);
  t.headerRow(header, ['Code', 'Indicator', 'Target', 'Achieved', '% of target', ...sources.map((s) => `${s.no} ${s.name}`)]);
  const targets = model.project?.targets ?? [];
  const lastPartnerCol = FIRST_PARTNER_COL + sources.length - 1;
  figures.indicators.forEach((ind, i) => {
    const row = header + 1 + i;
    const target = targets[i];
    t.text(row, 0, ind.code);
    t.text(row, 1, ind.name);
    if (ind.target !== null && target) {
      // A target typed as text ('24') is read; ISNUMBER keeps the formula agreeing with it.
      const r = ref(target.target.at.sheet, target.target.at.cell);
      t.put(row, 2, { kind: 'formula', formula: `=IF(ISNUMBER(${r}),${r},${ind.target})`, result: ind.target }, 'body', COUNT_FORMAT);
    }
    sources.forEach((s, k) => {
      const terms = target ? (s.indicators.get(target) ?? []).flatMap((r) => r.values.map(countTerm)) : [];
      notes.place(t, row, FIRST_PARTNER_COL + k, liveSum(terms, ind.byPartner[String(s.no)] ?? 0, 'count'), `${ind.code}, partner ${s.no}`, COUNT_FORMAT);
    });
    t.put(row, 3, sources.length ? { kind: 'formula', formula: `=SUM(${a1(row, FIRST_PARTNER_COL)}:${a1(row, lastPartnerCol)})`, result: ind.achieved } : { kind: 'number', value: 0 }, 'body', COUNT_FORMAT);
    const c = a1(row, 2);
    t.put(row, 4, { kind: 'formula', formula: `=IF(${c}>0,${a1(row, 3)}/${c},"")`, result: ind.target !== null && ind.target > 0 ? ind.achieved / ind.target : '' }, 'body', PERCENT_FORMAT);
  });
  return t.build({ first: header, last: header }, 2);
}
