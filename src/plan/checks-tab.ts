/**
 * Report Checks: one row per finding (severity in its colour, rule, a link to the cell, the message, its status:
 * open, or accepted with the reason), an autofilter on the header; below the list each rule's explanation once
 * (what it checks, why, how to fix), then the figures that could not be live formulas, and the stamp.
 */
import type { Finding, RuleExplanation, Severity } from '../checks/types';
import type { Model } from '../model/types';
import { a1 } from '../util/a1';
import { PRODUCT, VERSION } from '../version';
import { TabBuilder, type FrameInfo } from './frame';
import type { FigureNote } from './notes';
import type { PlannedTab } from './types';
import { textValue } from './text';
import type { RulesInForce } from '../rules/types';
import { rulesSection } from './rules-section';

export type Explanations = Record<string, RuleExplanation & { title?: string }>;

/** An accepted warning, as the pane and `clusterix accept` record it on a finding (optional). */
export interface Acceptance {
  reason: string;
  by: string;
  date: string;
}

const COLS = { severity: 0, rule: 1, cell: 2, message: 3, status: 4 } as const;
const LAST_COL = COLS.status;
const SEVERITY_WORD: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Info' };

export function statusOf(f: Finding): string {
  const a = (f as Finding & { accepted?: Acceptance }).accepted;
  return a ? `accepted: ${a.reason} (${a.by}, ${a.date})` : 'open';
}

/** Explanations talk to a finance officer: no pointers into the project's own files. */
function plain(text: string): string {
  return text.replace(/\s*\([^()]*\.md\)/g, '').replace(/\s+/g, ' ').trim();
}

export function checksTab(model: Model, findings: Finding[], explanations: Explanations, notes: FigureNote[], info: FrameInfo, now: Date, rules?: RulesInForce): PlannedTab {
  const t = new TabBuilder('Report Checks', [10, 7, 26, 90, 24]);
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  const header = t.frame('Checks', info, [`${count('error')} errors, ${count('warning')} warnings, ${count('info')} infos`]);
  t.headerRow(header, ['Severity', 'Rule', 'Cell', 'Message', 'Status']);
  const sheets = knownSheets(model);
  let row = header + 1;
  for (const f of findings) {
    const sev = t.put(row, COLS.severity, textValue(SEVERITY_WORD[f.severity]));
    sev.highlight = f.severity;
    t.text(row, COLS.rule, f.rule);
    const where = f.sheet ? `${f.sheet}${f.cell ? `!${f.cell}` : ''}` : '';
    if (f.sheet && sheets.has(f.sheet)) t.put(row, COLS.cell, { kind: 'link', text: where, sheet: f.sheet, cell: f.cell ? f.cell.split(':')[0].replace(/\$/g, '') : 'A1' });
    else if (where) t.text(row, COLS.cell, where);
    t.text(row, COLS.message, f.message);
    t.text(row, COLS.status, statusOf(f));
    row++;
  }
  const autoFilter = findings.length > 0 ? `${a1(header, 0)}:${a1(row - 1, LAST_COL)}` : null;
  if (findings.length === 0) t.text(row++, 0, 'No findings: the workbook passed every check.');

  // Each rule that has findings, explained once.
  const ruleIds = [...new Set(findings.map((f) => f.rule))];
  if (ruleIds.length > 0) {
    row++;
    t.text(row++, 0, 'The rules behind these findings', 'subtitle');
    for (const id of ruleIds) {
      const e = explanations[id];
      if (!e) continue;
      block(t, row++, `${id}${e.title ? `: ${e.title}` : ''}`, 'band');
      block(t, row++, `What it checks: ${plain(e.what)}`);
      block(t, row++, `Why: ${plain(e.why)}`);
      block(t, row++, `How to fix: ${plain(e.fix)}`);
    }
  }

  // The programme's rules in force, in the list's columns: rule under Cell, value under Message, source under Status.
  if (rules) row = rulesSection(t, row + 1, rules, { rule: COLS.cell, value: COLS.message, source: COLS.status });

  row++;
  t.text(row++, 0, 'How the figures are written', 'subtitle');
  block(t, row++, 'Figures taken from the sheets are live formulas over their cells, so the report follows later edits; each carries the value computed at the time of the run. A figure that cannot be live is filled pink on its tab with a note. Run Consolidate again to rebuild these tabs.');
  if (notes.length > 0) {
    t.headerRow(row++, ['Tab', '', 'Figure', 'Why it is not live']);
    for (const n of notes) {
      t.text(row, 0, n.tab.replace(/^Report /, ''));
      t.put(row, 2, { kind: 'link', text: `${n.cell}: ${n.what}`, sheet: n.tab, cell: n.cell });
      t.put(row, 3, textValue(n.text));
      row++;
    }
  }
  row++;
  t.text(row, 0, `Checked by ${PRODUCT} ${VERSION} on ${info.runTime ?? now.toISOString()}, file ${info.sourceName || 'this workbook'}`, 'subtitle');
  const tab = t.build({ first: header, last: header }, 0);
  if (autoFilter) tab.autoFilter = autoFilter;
  return tab;
}

/** A line of text across the whole width, wrapped. */
function block(t: TabBuilder, row: number, text: string, style: 'body' | 'band' = 'body'): void {
  t.text(row, 0, text, style);
  t.merges.push(`${a1(row, 0)}:${a1(row, LAST_COL)}`);
}

function knownSheets(model: Model): Set<string> {
  const names = [model.project?.sheet, ...model.budgets.map((b) => b.sheet), ...model.indicatorSheets.map((s) => s.sheet), ...model.otherSheets];
  return new Set(names.filter((n): n is string => !!n));
}
