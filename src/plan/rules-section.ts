/** Report Checks' section on the programme rules in force: each value, and where it came from (preset or Rules table). */
import type { RulesInForce } from '../rules/types';
import { RULE_DEFINITIONS, ruleValue, showRuleValue } from '../rules/definitions';
import type { TabBuilder } from './frame';

/** What is not checked when a rule is blank. */
const NOT_RUN: Partial<Record<string, string>> = {
  travelRateBp: 'B01 does not check travel and accommodation',
  preparationMax: 'B02 does not check the preparation costs\' amount',
  equipmentMax: 'B08 is not run',
};

/** Writes the section from `row`; returns the row after it. */
export function rulesSection(t: TabBuilder, row: number, inForce: RulesInForce, cols = { rule: 4, value: 5, source: 6 }): number {
  t.text(row++, 0, `Programme rules in force: the ${inForce.preset.programme} preset, with this workbook's Rules table over it`, 'subtitle');
  // In the tab's wide columns (Message, What it checks, Why), so that names and lists read on one line.
  t.text(row, cols.rule, 'Rule', 'header');
  t.text(row, cols.value, 'Value', 'header');
  t.text(row++, cols.source, 'Source', 'header');
  for (const d of RULE_DEFINITIONS) {
    const value = ruleValue(inForce.rules, d.key);
    const at = inForce.source[d.key];
    t.text(row, cols.rule, d.label);
    const shown = showRuleValue(d, value);
    t.text(row, cols.value, value === null && NOT_RUN[d.key] ? `${shown}: ${NOT_RUN[d.key]}` : shown);
    if (at) t.put(row, cols.source, { kind: 'link', text: `Rules table ${at.cell}`, sheet: at.sheet, cell: at.cell });
    else t.text(row, cols.source, `preset ${inForce.preset.id}`);
    row++;
  }
  return row;
}
