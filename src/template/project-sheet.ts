/** The Project sheet: the project's fields, then the Phases, Periods, Partners and Targets tables. */
import type { Profile } from '../profile/types';
import { toSerial, type CalendarDate } from '../util/dates';
import { toEuroNumber, type Cents } from '../util/money';
import { FORMAT, type SheetSpec } from './spec';
import { field, headerRow, newSheet, put, title } from './sheet-builder';
import { rulesTable } from './rules-table';
import { presetFor } from '../rules/presets';

export const PROJECT_SHEET = 'Project';

const date = (d: CalendarDate | null) => (d === null ? null : toSerial(d));
const amount = (c: Cents | null) => (c === null ? null : toEuroNumber(c));

/** Where each block of the Project sheet sits (0-based rows): a title row, the header, then one row per item. */
export function projectLayout(profile: Profile): { fieldsTop: number; phasesHeader: number; periodsHeader: number; partnersHeader: number; targetsHeader: number } {
  const fieldsTop = 3;
  const phasesHeader = fieldsTop + 6 + 2;
  const periodsHeader = phasesHeader + profile.phases.length + 3;
  const partnersHeader = periodsHeader + profile.periods.length + 3;
  const targetsHeader = partnersHeader + profile.partners.length + 3;
  return { fieldsTop, phasesHeader, periodsHeader, partnersHeader, targetsHeader };
}

/** `budgets`: each partner's approved budget, null where blank; `reportDate` null leaves the field empty. */
export function projectSheet(profile: Profile, opts: { note: string; budgets: Record<number, Cents | null>; reportDate: CalendarDate | null }): SheetSpec {
  const s = newSheet(PROJECT_SHEET, [22, 44, 60, 18, 10, 18, 10, 22], 1);
  title(s, 0, `${profile.acronym}: reporting workbook`, 8);
  put(s, 1, 0, opts.note, { italic: true });
  const at = projectLayout(profile);
  let r = at.fieldsTop;
  field(s, r++, 'Project acronym', profile.acronym);
  field(s, r++, 'Programme', profile.programme);
  field(s, r++, 'Total budget (EUR)', amount(profile.totalBudget), FORMAT.amount);
  field(s, r++, 'Project start', date(profile.start), FORMAT.date);
  field(s, r++, 'Project end', date(profile.end), FORMAT.date);
  field(s, r++, 'Report date', date(opts.reportDate), FORMAT.date);

  r = at.phasesHeader - 1;
  title(s, r++, 'Phases', 1);
  headerRow(s, r++, ['Phase', 'Start', 'End', 'Months']);
  for (const p of profile.phases) {
    put(s, r, 0, Number(p.name));
    put(s, r, 1, date(p.start), { numberFormat: FORMAT.date });
    put(s, r, 2, date(p.end), { numberFormat: FORMAT.date });
    put(s, r++, 3, p.months);
  }

  r = at.periodsHeader - 1;
  title(s, r++, 'Periods', 1);
  headerRow(s, r++, ['Period', 'Phase', 'Start', 'End', 'Months']);
  for (const p of profile.periods) {
    put(s, r, 0, `P${p.number}`);
    put(s, r, 1, Number(p.phase));
    put(s, r, 2, date(p.start), { numberFormat: FORMAT.date });
    put(s, r, 3, date(p.end), { numberFormat: FORMAT.date });
    put(s, r++, 4, p.months);
  }

  r = at.partnersHeader - 1;
  title(s, r++, 'Partners', 1);
  headerRow(s, r++, ['No', 'Role', 'Partner', 'Country', 'NUTS', 'Legal status', 'ERDF rate', 'Approved budget (EUR)']);
  for (const p of profile.partners) {
    put(s, r, 0, p.no);
    put(s, r, 1, p.role);
    put(s, r, 2, p.name);
    put(s, r, 3, p.country);
    put(s, r, 4, p.nuts);
    put(s, r, 5, p.legalStatus);
    put(s, r, 6, p.erdfRateBp / 10000, { numberFormat: FORMAT.rate });
    put(s, r++, 7, amount(opts.budgets[p.no] ?? null), { numberFormat: FORMAT.amount, fill: 'input' });
  }

  r = at.targetsHeader - 1;
  title(s, r++, 'Targets', 1);
  headerRow(s, r++, ['Code', 'Indicator', 'Target', 'Unit', 'Minimum']);
  for (const t of profile.targets) {
    put(s, r, 0, t.code);
    put(s, r, 1, t.name);
    put(s, r, 2, t.target);
    put(s, r, 3, t.unit);
    put(s, r++, 4, t.minimum ? 'yes' : 'no');
  }

  // Below everything else, so the cells above keep their addresses.
  rulesTable(s, r + 1, profile.rules, presetFor(profile.programme).programme);
  return s;
}
