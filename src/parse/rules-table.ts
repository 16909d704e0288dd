/** The optional Rules table on the Project sheet (Rule | Value): each row sets one programme rule for this project. */
import type { RulesTable } from '../rules/types';
import { readRuleCell, ruleNamed, RULE_DEFINITIONS } from '../rules/definitions';
import type { SheetReader } from './sheet-reader';
import type { ReadLog } from './read-log';
import type { FoundHeader } from './tables';
import { readText } from './cells';

/** A blank Value takes the preset's; a value or rule name that cannot be read is logged (T02 names its cell). */
export function readRulesTable(s: SheetReader, h: FoundHeader, rows: number[], log: ReadLog): RulesTable {
  const table: RulesTable = { header: s.ref(h.row, h.cols.rule), values: {}, at: {} };
  for (const r of rows) {
    const name = readText(s, r, h.cols.rule, log, 'Rule');
    const at = s.ref(r, h.cols.value);
    if (name.value === null) continue;
    const def = ruleNamed(name.value);
    if (!def) {
      log.issue({ kind: 'unreadable', at: name.at, raw: name.value, what: 'Rule', expected: `a rule of the programme (${RULE_DEFINITIONS.map((d) => d.label).join('; ')})` });
      continue;
    }
    const first = table.at[def.key];
    if (first) {
      log.duplicate(`rule ${def.label}`, name.at, first);
      continue;
    }
    const type = s.type(r, h.cols.value);
    if (type === 'Error' || type === 'Uncalculated') {
      readText(s, r, h.cols.value, log, `Rule ${def.label}`); // logs T01 / T02
      continue;
    }
    const raw = s.value(r, h.cols.value);
    if (raw === null || (typeof raw === 'string' && raw.trim() === '')) continue;
    const read = readRuleCell(def, raw);
    if (read.value === undefined) {
      log.issue({ kind: 'unreadable', at, raw: String(raw), what: `Rule ${def.label}`, expected: 'expected' in read ? read.expected : '' });
      continue;
    }
    table.values[def.key] = read.value;
    table.at[def.key] = at;
  }
  return table;
}
