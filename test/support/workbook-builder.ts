/**
 * Hand-typed reporting workbooks for tests, in the layouts workbook.md allows, built from the profile's facts and
 * sample figures but independently of the sample writer (src/template): renamed, reordered and hidden sheets,
 * synonyms, reordered columns, values two cells right of their labels, no Total column, indicator names instead of
 * codes, indicator rows over two sheets, an unrelated user sheet.
 */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../src/snapshot/types';
import { snapshotFromGrid } from '../../src/snapshot/cells';
import type { Profile } from '../../src/profile/types';
import type { BudgetLineKey } from '../../src/model/types';
import { toSerial } from '../../src/util/dates';
import { applyRateDown, type Cents } from '../../src/util/money';

export interface Layout {
  projectSheetName: string;
  budgetSheetName: (no: number, shortName: string) => string;
  indicatorSheetNames: [string] | [string, string];
  /** Sheet order: 'project-first' or 'reversed' (indicators, budgets backwards, project last). */
  order: 'project-first' | 'reversed';
  hidden: string[];
  /** Blank cells between a field's label and its value. */
  fieldGap: number;
  /** Use the synonyms instead of the main labels. */
  synonyms: boolean;
  /** Reverse the Partners table's columns and put Total before the periods. */
  reorderColumns: boolean;
  totalColumn: boolean;
  indicatorNames: boolean;
  userSheet: boolean;
  /** Rows of titles and notes above each table. */
  titleRows: number;
  /** Dates as text ('01/04/2019') instead of serials. */
  datesAsText: boolean;
}

export const DEFAULT_LAYOUT: Layout = {
  projectSheetName: 'Project',
  budgetSheetName: (no) => `Budget PP${no}`,
  indicatorSheetNames: ['Indicators'],
  order: 'project-first',
  hidden: [],
  fieldGap: 0,
  synonyms: false,
  reorderColumns: false,
  totalColumn: true,
  indicatorNames: false,
  userSheet: false,
  titleRows: 1,
  datesAsText: false,
};

type Grid = CellValue[][];
const eur = (c: Cents | number) => c / 100;

class GridWriter {
  grid: Grid = [];
  row = 0;
  put(row: number, col: number, v: CellValue): void {
    while (this.grid.length <= row) this.grid.push([]);
    const r = this.grid[row];
    while (r.length < col) r.push(null);
    r[col] = v;
  }
  line(values: CellValue[], col = 0): number {
    values.forEach((v, i) => this.put(this.row, col + i, v));
    return this.row++;
  }
  blank(n = 1): void {
    this.row += n;
  }
}

const LINE_LABELS: Record<BudgetLineKey, [string, string]> = {
  staff: ['Staff costs', 'Staff'],
  office: ['Office and administration', 'Office & administration'],
  travel: ['Travel and accommodation', 'Travel'],
  external: ['External expertise and services', 'External costs'],
  equipment: ['Equipment', 'Equipment'],
  infrastructure: ['Infrastructure and works', 'Infrastructure'],
  preparation: ['Preparation costs', 'Preparation costs'],
};
const LINE_ORDER: BudgetLineKey[] = ['staff', 'office', 'travel', 'external', 'equipment', 'preparation'];

export function buildWorkbook(profile: Profile, layout: Partial<Layout> = {}): WorkbookSnapshot {
  const L: Layout = { ...DEFAULT_LAYOUT, ...layout };
  const date = (d: string) => (L.datesAsText ? `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}` : toSerial(d as never));
  const syn = (main: string, alt: string) => (L.synonyms ? alt : main);
  const sheets: SheetSnapshot[] = [];

  // Project sheet
  const p = new GridWriter();
  p.line(['ClusteriX 2.0 partner reporting workbook (typed by hand)']);
  p.blank();
  const field = (label: string, value: CellValue) => p.line([label, ...Array(L.fieldGap).fill(null), value]);
  field('Project acronym', profile.acronym);
  field('Programme', profile.programme);
  field(syn('Total budget (EUR)', 'Total eligible budget'), eur(profile.totalBudget));
  field('Project start', date(profile.start));
  field('Project end', date(profile.end));
  field(syn('Report date', 'Reporting date'), date(profile.sample.reportDate));
  p.blank();
  const titles = (t: string) => {
    for (let i = 0; i < L.titleRows; i++) p.line([i === 0 ? t : 'Note: as in the application form']);
  };
  titles('Phases');
  p.line(['Phase', 'Start', 'End', 'Months']);
  for (const ph of profile.phases) p.line([Number(ph.name), date(ph.start), date(ph.end), ph.months]);
  p.blank();
  titles('Periods');
  p.line(['Period', 'Phase', 'Start', 'End', 'Months']);
  for (const pe of profile.periods) p.line([`P${pe.number}`, pe.phase, date(pe.start), date(pe.end), pe.months]);
  p.blank();
  titles('Partners');
  const partnerCols: [string, (i: number) => CellValue][] = [
    [syn('No', 'Partner No'), (i) => profile.partners[i].no],
    ['Role', (i) => profile.partners[i].role],
    ['Partner', (i) => profile.partners[i].name],
    ['Country', (i) => profile.partners[i].country],
    ['NUTS', (i) => profile.partners[i].nuts],
    ['Legal status', (i) => profile.partners[i].legalStatus],
    [syn('ERDF rate', 'Co-financing rate'), (i) => (L.synonyms ? `${profile.partners[i].erdfRateBp / 100}%` : profile.partners[i].erdfRateBp / 10000)],
    [syn('Approved budget (EUR)', 'Budget'), (i) => eur(profile.sample.approvedBudgets[profile.partners[i].no])],
  ];
  if (L.reorderColumns) partnerCols.reverse();
  p.line(partnerCols.map((c) => c[0]));
  profile.partners.forEach((_, i) => p.line(partnerCols.map((c) => c[1](i))));
  p.blank();
  titles('Targets');
  p.line(L.reorderColumns ? ['Target', 'Indicator', 'Minimum', 'Code', 'Unit'] : ['Code', 'Indicator', 'Target', 'Unit', 'Minimum']);
  for (const t of profile.targets) {
    const row = [t.code, t.name, t.target, t.unit, t.minimum ? 'yes' : 'no'];
    p.line(L.reorderColumns ? [row[2], row[1], row[4], row[0], row[3]] : row);
  }
  sheets.push(snapshotFromGrid(L.projectSheetName, p.grid));

  // Budget sheets
  const periods = profile.periods.map((x) => x.number);
  for (const partner of profile.partners) {
    const b = new GridWriter();
    b.line([`Budget of ${partner.name}`]);
    b.line([syn('Partner No', 'PP No'), ...Array(L.fieldGap).fill(null), partner.no]);
    b.line(['Partner', ...Array(L.fieldGap).fill(null), partner.name]);
    b.blank();
    const table = (head: string, lines: Partial<Record<BudgetLineKey, Cents[]>>) => {
      const periodHeads = periods.map((n) => (L.synonyms ? `Period ${n}` : `P${n}`));
      const header = L.reorderColumns && L.totalColumn ? [head, 'Total', ...periodHeads] : [head, ...periodHeads, ...(L.totalColumn ? ['Total'] : [])];
      b.line(header);
      const keys = LINE_ORDER.filter((k) => lines[k]);
      const rows = L.reorderColumns ? [...keys].reverse() : keys;
      const totals = periods.map(() => 0);
      for (const k of rows) {
        const vals = lines[k]!.map(eur);
        vals.forEach((v, i) => (totals[i] += lines[k]![i]));
        const sum = eur(lines[k]!.reduce((a, c) => a + c, 0));
        b.line(L.reorderColumns && L.totalColumn ? [syn(...LINE_LABELS[k]), sum, ...vals] : [syn(...LINE_LABELS[k]), ...vals, ...(L.totalColumn ? [sum] : [])]);
      }
      const grand = eur(totals.reduce((a, c) => a + c, 0));
      const tv = totals.map(eur);
      b.line(L.reorderColumns && L.totalColumn ? ['Total', grand, ...tv] : ['Total', ...tv, ...(L.totalColumn ? [grand] : [])]);
    };
    table(syn('Budget line', 'Cost category'), profile.sample.plan[partner.no]);
    b.blank();
    table(syn('Reported', 'Reported expenditure'), profile.sample.reported[partner.no]);
    b.blank();
    const total = profile.sample.approvedBudgets[partner.no];
    const erdf = applyRateDown(total, partner.erdfRateBp);
    b.line(['ERDF', ...Array(L.fieldGap).fill(null), eur(erdf)]);
    b.line(['Partner contribution', ...Array(L.fieldGap).fill(null), eur(total - erdf)]);
    sheets.push(snapshotFromGrid(L.budgetSheetName(partner.no, partner.shortName), b.grid));
  }

  // Indicator sheet(s)
  const rows: CellValue[][] = [];
  for (const partner of profile.partners) {
    for (const t of profile.targets) {
      const vals = profile.sample.achievements[partner.no][t.code];
      rows.push([partner.no, L.indicatorNames ? t.name : t.code, ...vals, ...(L.totalColumn ? [vals.reduce((a, c) => a + c, 0)] : []), null]);
    }
  }
  const header = ['Partner', 'Indicator', ...periods.map((n) => `P${n}`), ...(L.totalColumn ? ['Total'] : []), 'Comment'];
  const split = L.indicatorSheetNames.length === 2 ? Math.ceil(rows.length / 2) : rows.length;
  L.indicatorSheetNames.forEach((name, i) => {
    const part = i === 0 ? rows.slice(0, split) : rows.slice(split);
    sheets.push(snapshotFromGrid(name, [['Indicator achievements'], [], header, ...part]));
  });

  if (L.userSheet) sheets.push(snapshotFromGrid('My notes', [['Things to ask the JS'], ['Budget line', 'why so low?'], ['Partner', 'Indicator']]));

  const ordered = L.order === 'reversed' ? [...sheets].reverse() : sheets;
  for (const s of ordered) if (L.hidden.includes(s.name)) s.visibility = 'Hidden';
  return { sheets: ordered };
}
