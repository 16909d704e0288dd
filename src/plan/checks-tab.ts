/**
 * Report Checks: every finding with a link to its cell and the rule's explanation, the notes on figures that
 * are not plain live formulas, and the stamp (product, version, time of the run).
 */
import type { Finding, RuleExplanation } from '../checks/types';
import type { Model } from '../model/types';
import { PRODUCT, VERSION } from '../version';
import { TabBuilder, type FrameInfo } from './frame';
import type { FigureNote } from './notes';
import type { PlannedTab } from './types';
import { textValue } from './text';
import type { RulesInForce } from '../rules/types';
import { rulesSection } from './rules-section';

export type Explanations = Record<string, RuleExplanation & { title?: string }>;

export function checksTab(model: Model, findings: Finding[], explanations: Explanations, notes: FigureNote[], info: FrameInfo, now: Date, rules?: RulesInForce): PlannedTab {
  const t = new TabBuilder('Report Checks', [10, 7, 24, 12, 60, 45, 45, 45]);
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  const header = t.frame('Checks', info, [
    `Checked by ${PRODUCT} ${VERSION} on ${now.toISOString()}`,
    `${count('error')} errors, ${count('warning')} warnings, ${count('info')} infos`,
  ]);
  t.headerRow(header, ['Severity', 'Rule', 'Sheet', 'Cell', 'Message', 'What it checks', 'Why', 'How to fix']);
  const sheets = knownSheets(model);
  let row = header + 1;
  for (const f of findings) {
    t.text(row, 0, f.severity);
    t.text(row, 1, f.rule);
    if (f.sheet) t.text(row, 2, f.sheet);
    if (f.sheet && sheets.has(f.sheet)) {
      t.put(row, 3, { kind: 'link', text: f.cell ?? 'go to sheet', sheet: f.sheet, cell: f.cell ? f.cell.split(':')[0] : 'A1' });
    } else if (f.cell) t.text(row, 3, f.cell);
    t.text(row, 4, f.message);
    const e = explanations[f.rule];
    if (e) {
      t.text(row, 5, e.what);
      t.text(row, 6, e.why);
      t.text(row, 7, e.fix);
    }
    row++;
  }
  if (findings.length === 0) t.text(row++, 0, 'No findings: the workbook passed every check.');
  if (rules) row = rulesSection(t, row + 1, rules);

  row++;
  t.text(row++, 0, 'How the figures are written', 'subtitle');
  t.text(row++, 0, 'Figures taken from the sheets are live formulas over their cells, so the report follows later edits; each carries the value computed at the time of the run. Run Consolidate again to rebuild these tabs.', 'note');
  if (notes.length > 0) {
    t.headerRow(row++, ['Tab', '', 'Figure', 'Cell', 'Note']);
    for (const n of notes) {
      t.text(row, 0, n.tab);
      t.text(row, 2, n.what);
      t.put(row, 3, { kind: 'link', text: n.cell, sheet: n.tab, cell: n.cell });
      t.put(row, 4, textValue(n.text));
      row++;
    }
  }
  return t.build({ first: header, last: header }, 0);
}

function knownSheets(model: Model): Set<string> {
  const names = [model.project?.sheet, ...model.budgets.map((b) => b.sheet), ...model.indicatorSheets.map((s) => s.sheet), ...model.otherSheets];
  return new Set(names.filter((n): n is string => !!n));
}
