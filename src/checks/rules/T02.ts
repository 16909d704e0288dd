import type { Finding, Rule } from '../types';
import { finding } from '../lib/finding';

export const T02: Rule = {
  id: 'T02',
  title: 'Missing or unreadable',
  severity: 'error',
  explanation: {
    what: 'A required sheet, table, column, row or field is missing, or a cell cannot be read (a date or number in a form the add-in does not know, a formula never calculated).',
    why: 'The add-in finds everything by its labels, as the template has them; what it cannot find or read, it cannot check or report.',
    fix: 'Add what is named, with its label as the template has it; type dates as 2019-04-01 or 01/04/2019; open and save a file written by another program in Excel so that its formulas are calculated.',
  },
  run({ model }) {
    const out: Finding[] = [];
    if (!model.project && !model.missing.some((m) => /project/i.test(m.what))) {
      out.push(finding('T02', 'error', null, 'No Project sheet: no sheet has the field Project acronym', { expected: 'a Project sheet' }));
    }
    for (const m of model.missing) {
      const where = m.sheet ? (m.cell ? `on ${m.sheet} near ${m.cell}` : `on ${m.sheet}`) : 'on any sheet';
      out.push(finding('T02', 'error', { sheet: m.sheet, cell: m.cell }, `${m.what} is missing (looked for ${where})`, { expected: m.what }));
    }
    // Formulas never calculated: one finding per sheet, on its first such cell, naming the others.
    const uncalculated = new Map<string, Extract<(typeof model.cellIssues)[number], { kind: 'uncalculated' }>[]>();
    for (const i of model.cellIssues) if (i.kind === 'uncalculated') uncalculated.set(i.at.sheet, [...(uncalculated.get(i.at.sheet) ?? []), i]);
    const said = new Set<string>();
    for (const i of model.cellIssues) {
      if (i.kind === 'uncalculated' && !said.has(i.at.sheet)) {
        said.add(i.at.sheet);
        const all = uncalculated.get(i.at.sheet)!;
        if (all.length === 1) out.push(finding('T02', 'error', i.at, `${i.what} is a formula that was never calculated (${i.formula}): open and save the file in Excel`, { expected: 'a calculated value', actual: i.formula }));
        else {
          const named = all.slice(0, 12).map((x) => `${x.at.cell} ${x.what}`).join(', ');
          const more = all.length > 12 ? ` and ${all.length - 12} more` : '';
          out.push(finding('T02', 'error', i.at, `${all.length} formulas on ${i.at.sheet} were never calculated (${named}${more}): open and save the file in Excel`, { expected: 'calculated values', actual: all.map((x) => x.at.cell).join(' ') }));
        }
      }
      if (i.kind === 'unreadable') out.push(finding('T02', 'error', i.at, `${i.what} holds '${i.raw}', which cannot be read as ${i.expected}`, { expected: i.expected, actual: i.raw }));
    }
    return out;
  },
};
