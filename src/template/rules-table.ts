/** The Rules table on the Project sheet, filled from the rules the project runs under, so a user sees and can change them. */
import type { ProgrammeRules } from '../rules/types';
import { RULE_DEFINITIONS, cellValueOf, fullLabel, ruleValue } from '../rules/definitions';
import { FORMAT, type SheetSpec } from './spec';
import { headerRow, put, title } from './sheet-builder';

/** Rows the table takes from `top` (its title row): title, header, one row per rule. */
export const RULES_TABLE_ROWS = RULE_DEFINITIONS.length + 2;

/** Rule names in column B and values in C (the wide columns); a blank value means not checked. */
export function rulesTable(s: SheetSpec, top: number, rules: ProgrammeRules, programme: string): void {
  title(s, top, 'Rules', 1);
  put(s, top, 1, `The rules of ${programme} this workbook is checked against. Change a value for this project (a programme manual's change, a derogation); a blank value takes the programme's.`, { italic: true });
  headerRow(s, top + 1, ['', 'Rule', 'Value']);
  // headerRow writes an empty first header cell; keep only the two labels.
  s.cells = s.cells.filter((c) => !(c.row === top + 1 && c.col === 0));
  RULE_DEFINITIONS.forEach((d, i) => {
    const row = top + 2 + i;
    put(s, row, 1, fullLabel(d));
    const format = d.kind === 'percent' ? FORMAT.rate : d.kind === 'amount' ? FORMAT.amount : undefined;
    put(s, row, 2, cellValueOf(d, ruleValue(rules, d.key)), { fill: 'input', ...(format ? { numberFormat: format } : {}) });
  });
}
