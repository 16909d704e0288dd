import { parse } from '../../src/parse';
import { CLUSTERIX2 } from '../../src/profile';
import { buildWorkbook, type Layout } from '../support/workbook-builder';
import { modelView } from '../support/model-view';

const base = modelView(parse(buildWorkbook(CLUSTERIX2)));

describe('the hand-typed default layout', () => {
  it('parses every fact of the Project sheet to the cent', () => {
    expect(base.project.acronym).toBe('ClusteriX 2.0');
    expect(base.project.totalBudget).toBe(212657400);
    expect(base.project.start).toBe('2016-04-01');
    expect(base.project.end).toBe('2021-03-31');
    expect(base.project.reportDate).toBe('2019-03-31');
    expect(base.project.phases).toEqual([
      { key: '1', start: '2016-04-01', end: '2019-03-31', months: 36 },
      { key: '2', start: '2019-04-01', end: '2021-04-01', months: 24 },
    ]);
    expect(base.project.periods).toHaveLength(8);
    expect(base.project.periods[6]).toEqual({ number: 7, phase: '2', start: '2019-04-01', end: '2020-03-31', months: 12 });
    expect(base.project.partners).toHaveLength(11);
    expect(base.project.partners[2]).toEqual({
      no: 3, role: 'PP', name: 'West-Pannon Regional and Economic Development Public Nonprofit Ltd.', country: 'HU', nuts: 'HU22',
      legalStatus: 'public', erdfRateBp: 8500, approvedBudget: 17855000,
    });
    expect(base.project.partners[10]).toMatchObject({ no: 11, country: 'SK', nuts: 'SE224' });
    expect(base.project.partners.reduce((s, p) => s + (p.approvedBudget ?? 0), 0)).toBe(212657400);
    expect(base.project.targets.map((t) => [t.code, t.target, t.minimum])).toEqual([
      ['PLE', 32, false], ['GP', 20, true], ['AP', 10, false], ['MEDIA', 50, true], ['PEOPLE', 50, true], ['PI-SF', 9, false], ['PI-REG', 1, false],
    ]);
  });

  it('parses every budget sheet: lines sum to the approved budget, ERDF rounded down', () => {
    expect(base.budgets.map((b) => b.partnerNo)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    for (const b of base.budgets) {
      const lines = Object.entries(b.plan!).filter(([k]) => k !== 'total');
      const sum = lines.reduce((s, [, v]) => s + v.reduce((a, c) => a + (c ?? 0), 0), 0);
      expect(sum).toBe(CLUSTERIX2.sample.approvedBudgets[b.partnerNo!]);
      expect(b.erdf).toBe(Math.floor((sum * 8500) / 10000));
      expect(b.contribution).toBe(sum - b.erdf!);
    }
    const wp = base.budgets[2];
    expect(Object.keys(wp.plan!)).toEqual(['equipment', 'external', 'office', 'staff', 'total', 'travel']);
    expect(wp.reported!.staff.slice(6)).toEqual([0, 0]);
  });

  it('reads indicator rows and nothing it could not read', () => {
    expect(base.indicators).toHaveLength(77);
    expect(base.indicators.find((r) => r.partner === 3 && r.indicator === 'PLE')!.values).toEqual([0, 1, 0, 0, 1, 0, 0, 0]);
    expect(base.cellIssues).toEqual([]);
    expect(base.missing).toEqual([]);
    expect(base.duplicates).toBe(0);
  });
});

const variants: [string, Partial<Layout>][] = [
  ['sheets renamed, reordered and hidden', { projectSheetName: 'Projekt Daten', budgetSheetName: (no, s) => `${s} – Finanzen`, order: 'reversed', hidden: ['Projekt Daten', 'West-Pannon – Finanzen'] }],
  ['synonyms everywhere', { synonyms: true }],
  ['columns and rows reordered', { reorderColumns: true }],
  ['values two cells right of their labels', { fieldGap: 2 }],
  ['no Total column', { totalColumn: false }],
  ['indicator names instead of codes', { indicatorNames: true }],
  ['indicator rows over two sheets', { indicatorSheetNames: ['Indicators A', 'Indicators B'] }],
  ['an unrelated user sheet', { userSheet: true }],
  ['more title rows and dates as text', { titleRows: 3, datesAsText: true }],
  ['sheet names with quotes, apostrophes and accents', { projectSheetName: "Projet d'équipe", budgetSheetName: (no) => `Budget "PP ${no}" ñ` }],
];

describe.each(variants)('layout: %s', (_name, layout) => {
  it('parses to the same model as the default layout, field by field', () => {
    const model = parse(buildWorkbook(CLUSTERIX2, layout));
    const view = modelView(model);
    expect(view).toEqual(base);
    if (layout.userSheet) expect(model.otherSheets).toEqual(['My notes']);
  });
});
