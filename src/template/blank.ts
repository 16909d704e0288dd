/**
 * A new project's template under a programme preset (`clusterix template --programme 2021-2027`): the Project
 * sheet's labels and tables with empty facts, two partners (lead partner 1, partner 2) with their budget sheets
 * laid out with the preset's budget lines, eight six-month periods over two phases, the Indicators sheet's header,
 * and the Rules table filled from the preset.
 */
import type { Preset } from '../rules/types';
import type { ProfilePartner } from '../profile/types';
import { FORMAT, type SheetSpec, type WorkbookSpec } from './spec';
import { field, headerRow, newSheet, put, title } from './sheet-builder';
import { budgetSheet } from './budget-sheet';
import { rulesTable } from './rules-table';
import { PROJECT_SHEET } from './project-sheet';
import { INDICATOR_SHEET } from './indicator-sheet';

/** Core phase: six half-year periods; follow-up phase: two. */
const PERIODS = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => ({ number: n, phase: n <= 6 ? 1 : 2 }));
const PHASES = [{ name: 1, months: 36 }, { name: 2, months: 12 }];
const PARTNERS: ProfilePartner[] = [1, 2].map((no) => ({ no, role: no === 1 ? 'LP' : 'PP', name: '', shortName: `PP${no}`, country: '', nuts: null, legalStatus: 'public', erdfRateBp: 0, approvedBudget: null }));

const NOTE = 'Template: fill in the project\'s facts, the phases\' and periods\' dates, the partners (add a row and a budget sheet per further partner), the targets, each budget sheet and the Indicators sheet; then run Check.';

export function buildBlankTemplate(preset: Preset): WorkbookSpec {
  const budgets = PARTNERS.map((p) => {
    const s = budgetSheet(p, PERIODS.length, { plan: null, reported: null }, preset.rules.budgetLines);
    // No name yet: no empty text in the Partner field, and the title names the partner by number.
    // 2021–2027 calls the ERDF Interreg funds (a synonym of the field ERDF).
    s.cells = s.cells
      .filter((c) => c.value !== '')
      .map((c) => (c.row === 0 && c.col === 0 ? { ...c, value: `Budget and reported expenditure: partner ${p.no}` } : c.col === 0 && c.value === 'ERDF' ? { ...c, value: 'Interreg funds' } : c));
    return s;
  });
  return { sheets: [projectSheet(preset), ...budgets, indicatorSheet()] };
}

function projectSheet(preset: Preset): SheetSpec {
  const s = newSheet(PROJECT_SHEET, [22, 44, 60, 18, 10, 18, 10, 22], 1);
  title(s, 0, `New project (${preset.programme}): reporting workbook`, 8);
  put(s, 1, 0, NOTE, { italic: true });
  let r = 3;
  field(s, r++, 'Project acronym', null);
  field(s, r++, 'Programme', preset.programme);
  field(s, r++, 'Total budget (EUR)', null, FORMAT.amount);
  field(s, r++, 'Project start', null, FORMAT.date);
  field(s, r++, 'Project end', null, FORMAT.date);
  field(s, r++, 'Report date', null, FORMAT.date);

  r += 1;
  title(s, r++, 'Phases', 1);
  headerRow(s, r++, ['Phase', 'Start', 'End', 'Months']);
  for (const p of PHASES) {
    put(s, r, 0, p.name);
    put(s, r, 1, null, { numberFormat: FORMAT.date, fill: 'input' });
    put(s, r, 2, null, { numberFormat: FORMAT.date, fill: 'input' });
    put(s, r++, 3, p.months, { fill: 'input' });
  }

  r += 1;
  title(s, r++, 'Periods', 1);
  headerRow(s, r++, ['Period', 'Phase', 'Start', 'End', 'Months']);
  for (const p of PERIODS) {
    put(s, r, 0, `P${p.number}`);
    put(s, r, 1, p.phase);
    put(s, r, 2, null, { numberFormat: FORMAT.date, fill: 'input' });
    put(s, r, 3, null, { numberFormat: FORMAT.date, fill: 'input' });
    put(s, r++, 4, 6, { fill: 'input' });
  }

  r += 1;
  title(s, r++, 'Partners', 1);
  headerRow(s, r++, ['No', 'Role', 'Partner', 'Country', 'NUTS', 'Legal status', 'ERDF rate', 'Approved budget (EUR)']);
  for (const p of PARTNERS) {
    put(s, r, 0, p.no);
    put(s, r, 1, p.role);
    for (let c = 2; c <= 5; c++) put(s, r, c, null, { fill: 'input' });
    put(s, r, 6, null, { numberFormat: FORMAT.rate, fill: 'input' });
    put(s, r++, 7, null, { numberFormat: FORMAT.amount, fill: 'input' });
  }

  r += 1;
  title(s, r++, 'Targets', 1);
  headerRow(s, r++, ['Code', 'Indicator', 'Target', 'Unit', 'Minimum']);

  // Room for ten targets before the Rules table (a table ends at its first blank row).
  rulesTable(s, r + 11, preset.rules, preset.programme);
  return s;
}

function indicatorSheet(): SheetSpec {
  const n = PERIODS.length;
  const s = newSheet(INDICATOR_SHEET, [10, 12, ...Array(n).fill(7), 9, 40], 3);
  title(s, 0, 'Indicators: achieved per period', n + 4);
  headerRow(s, 2, ['Partner', 'Indicator', ...PERIODS.map((p) => `P${p.number}`), 'Total', 'Comment'], (col) => col >= 2 && col <= n + 2);
  return s;
}
