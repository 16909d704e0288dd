/**
 * Report Indicators: one row per partner, one column per indicator (its code as the header), then the total
 * achieved, the target and % of target; below, a legend with each code's name, unit and whether the target is
 * a minimum ("at least"). Readable at 100 partners: the partners run down the page, the indicators across.
 */
import type { Model } from '../model/types';
import type { Figures } from '../figures/types';
import type { PartnerSources } from '../figures/sources';
import { a1, ref } from '../util/a1';
import { countTerm, liveSum, type Term } from './formula';
import { TabBuilder, type FrameInfo } from './frame';
import { PERCENT_FORMAT } from './formats';
import type { FigureNotes } from './notes';
import type { PlannedTab } from './types';

/** Achievements as typed: 47.5 stays 47.5 (a '0' format would show 48; '0.##' would show 2 as '2.'). */
const ACHIEVED_FORMAT = 'General';
const FIRST_COL = 2;

export function indicatorsTab(model: Model, figures: Figures, sources: PartnerSources[], info: FrameInfo, notes: FigureNotes): PlannedTab {
  const inds = figures.indicators;
  const t = new TabBuilder('Report Indicators', [8, 44, ...inds.map(() => 10)]);
  const header = t.frame('Indicators: achieved against target', info, ['Achievements in the indicators\' own units; the codes are explained below the table']);
  t.headerRow(header, ['No', 'Partner', ...inds.map((i) => i.code)]);
  const targets = model.project?.targets ?? [];
  const first = header + 1;
  sources.forEach((s, k) => {
    const row = first + k;
    t.put(row, 0, { kind: 'number', value: s.no });
    t.text(row, 1, s.name);
    const key = String(s.no);
    inds.forEach((ind, i) => {
      const target = targets[i];
      const terms: Term[] = [];
      const rows = target ? s.indicators.get(target) : undefined;
      if (rows)
        for (let j = 0; j < rows.length; j++) {
          const values = rows[j].values;
          for (let p = 0; p < values.length; p++) terms.push(countTerm(values[p]));
        }
      const live = liveSum(terms, ind.byPartner[key] ?? 0, 'count');
      notes.place(t, row, FIRST_COL + i, live, live.notes.length > 0 ? `${ind.code}, partner ${s.no}` : '', ACHIEVED_FORMAT);
    });
  });
  const achievedRow = first + sources.length;
  const targetRow = achievedRow + 1;
  const percentRow = achievedRow + 2;
  t.text(achievedRow, 1, 'Total achieved', 'total');
  t.text(targetRow, 1, 'Target', 'total');
  t.text(percentRow, 1, '% of target', 'total');
  inds.forEach((ind, i) => {
    const col = FIRST_COL + i;
    const target = targets[i];
    t.put(achievedRow, col, sources.length ? { kind: 'formula', formula: `=SUM(${a1(first, col)}:${a1(achievedRow - 1, col)})`, result: ind.achieved } : { kind: 'number', value: 0 }, 'total', ACHIEVED_FORMAT);
    if (ind.target !== null && target) {
      // A target typed as text ('24') is read; ISNUMBER keeps the formula agreeing with it.
      const r = ref(target.target.at.sheet, target.target.at.cell);
      t.put(targetRow, col, { kind: 'formula', formula: `=IF(ISNUMBER(${r}),${r},${ind.target})`, result: ind.target }, 'total', ACHIEVED_FORMAT);
    }
    const c = a1(targetRow, col);
    t.put(percentRow, col, { kind: 'formula', formula: `=IF(${c}>0,${a1(achievedRow, col)}/${c},"")`, result: ind.target !== null && ind.target > 0 ? ind.achieved / ind.target : '' }, 'total', PERCENT_FORMAT);
  });

  const legend = percentRow + 2;
  t.text(legend, 0, 'Code', 'header');
  t.text(legend, 1, 'Indicator', 'header');
  t.group(legend, 2, Math.max(2, FIRST_COL + inds.length - 1), 'Target, in its unit');
  targets.forEach((target, i) => {
    const row = legend + 1 + i;
    t.text(row, 0, target.code);
    t.text(row, 1, target.name);
    const goal = target.target.value === null ? 'no target given' : `${target.minimum ? 'at least ' : ''}${target.target.value}${target.unit ? ` ${target.unit}` : ''}`;
    t.text(row, 2, goal);
    if (inds.length > 1) t.merges.push(`${a1(row, 2)}:${a1(row, FIRST_COL + inds.length - 1)}`);
  });
  return t.build({ first: header, last: header }, 2);
}
