import { computeFigures } from '../../src/figures';
import { toFiguresJson } from '../../src/figures/json';
import { CLUSTERIX2 } from '../../src/profile';
import { buildBook, type BookSpec } from './support/book';
import { buildSample, specToSnapshot } from '../../src/template';
import { parse } from '../../src/parse';

const periods = [1, 2, 3].map((n) => ({ number: n, phase: n < 3 ? '1' : '2', start: '2016-04-01', end: '2016-09-30', months: 6 }));

function twoPartners(): BookSpec {
  return {
    acronym: 'Test',
    totalBudget: 3000,
    periods,
    partners: [
      { no: 1, name: 'ecoplus', role: 'LP' },
      { no: 2, name: 'IDM Südtirol – Alto Adige', rateBp: 7500, rateCell: 0.75 },
    ],
    budgets: [
      {
        sheet: 'Budget ecoplus',
        partnerNo: 1,
        periods: [1, 2, 3],
        plan: { staff: [100.1, 200.2, 300.3], office: [15.01, 30.03, 45.04], preparation: [1000, null, null] },
        reported: { staff: [100, 50.55, null], office: [15, 7.58, null] },
      },
      {
        sheet: "Budget IDM's",
        partnerName: 'idm sudtirol alto adige',
        periods: [1, 2, 3],
        plan: { staff: [1000, 1000, 0.01], travel: [{ text: '12 500,00', cents: 1250000 }, null, { error: '#REF!' }], unknown: [999, 999, 999] },
        reported: { staff: [400, null, null] },
      },
    ],
    targets: [
      { code: 'PLE', name: 'Policy learning events organised', target: 32 },
      { code: 'GP', name: 'Good practices identified', target: 20 },
    ],
    indicators: [
      {
        sheet: 'Indicators',
        periods: [1, 2, 3],
        rows: [
          { partner: '1', indicator: 'PLE', values: [1, 2, 3] },
          { partner: 'IDM Sudtirol Alto Adige', indicator: 'policy learning events organised', values: [4, null, 'x'] },
          { partner: '2', indicator: 'GP', values: [5, 0, 0] },
          { partner: '9', indicator: 'GP', values: [100, 0, 0] },
          { partner: '1', indicator: 'NOPE', values: [100, 0, 0] },
        ],
      },
      { sheet: 'Indicators 2', periods: [1], rows: [{ partner: 'ecoplus', indicator: 'GP', values: [7] }] },
    ],
  };
}

describe('computeFigures on a hand-made book', () => {
  const { model } = buildBook(twoPartners());
  const f = computeFigures(model);

  test('partner lines sum their period cells in cents, missing cells as 0, unknown lines left out', () => {
    const [eco, idm] = f.partners;
    expect(eco.no).toBe(1);
    expect(eco.sheet).toBe('Budget ecoplus');
    expect(eco.budget).toEqual({ staff: 60060, office: 9008, travel: 0, external: 0, equipment: 0, preparation: 100000, total: 169068 });
    expect(eco.reported).toEqual({ staff: 15055, office: 2258, travel: 0, external: 0, equipment: 0, preparation: 0, total: 17313 });
    // 12 500,00 as text is read; #REF! counts as 0; the Catering row is no budget line.
    expect(idm.sheet).toBe("Budget IDM's");
    expect(idm.budget).toEqual({ staff: 200001, office: 0, travel: 1250000, external: 0, equipment: 0, preparation: 0, total: 1450001 });
  });

  test('ERDF is the planned total × rate rounded down to the cent; contribution the rest', () => {
    const [eco, idm] = f.partners;
    expect(eco.erdf).toBe(143707); // 1,690.68 × 85% = 1,437.078 → 1,437.07
    expect(eco.contribution).toBe(169068 - 143707);
    expect(idm.erdf).toBe(1087500); // 14,500.01 × 75% = 10,875.0075 → 10,875.00
    expect(idm.contribution).toBe(362501);
    expect(f.totals.erdf).toBe(143707 + 1087500);
    expect(f.totals.budget.total).toBe(169068 + 1450001);
    expect(f.totals.reported.staff).toBe(15055 + 40000);
  });

  test('periods: planned, reported and cumulative add up to the totals', () => {
    expect(f.periods.map((p) => p.period)).toEqual([1, 2, 3]);
    expect(f.periods[0]).toEqual({ period: 1, budget: 10010 + 1501 + 100000 + 100000 + 1250000, reported: 10000 + 1500 + 40000, cumulativeBudget: 1461511, cumulativeReported: 51500 });
    expect(f.periods[2].cumulativeBudget).toBe(f.totals.budget.total);
    expect(f.periods[2].cumulativeReported).toBe(f.totals.reported.total);
  });

  test('indicators match partners by number or name and indicators by code or name', () => {
    const ple = f.indicators.find((i) => i.code === 'PLE')!;
    expect(ple).toEqual({ code: 'PLE', name: 'Policy learning events organised', target: 32, achieved: 10, byPartner: { '1': 6, '2': 4 } });
    const gp = f.indicators.find((i) => i.code === 'GP')!;
    expect(gp.byPartner).toEqual({ '1': 7, '2': 5 }); // partner 9 is not on the Partners table
    expect(gp.achieved).toBe(12);
  });

  test('JSON has the shape of interfaces.md, in EUR with two decimals', () => {
    const j = toFiguresJson(f);
    expect(j.project).toEqual({ acronym: 'Test', totalBudget: 3000 });
    expect(Object.keys(j.partners[0])).toEqual(['no', 'name', 'country', 'budget', 'reported', 'erdf', 'contribution']);
    expect(j.partners[0].budget).toEqual({ staff: 600.6, office: 90.08, travel: 0, external: 0, equipment: 0, preparation: 1000, total: 1690.68 });
    expect(j.partners[1].erdf).toBe(10875);
    expect(j.periods[0]).toEqual({ period: 1, budget: 14615.11, reported: 515, cumulativeBudget: 14615.11, cumulativeReported: 515 });
    expect(j.indicators[1]).toEqual({ code: 'GP', name: 'Good practices identified', target: 20, achieved: 12, byPartner: { '1': 7, '2': 5 } });
    expect(JSON.parse(JSON.stringify(j))).toEqual(j);
  });
});

describe('computeFigures on missing data', () => {
  test('no Project sheet: empty figures, no crash', () => {
    const { model } = buildBook(twoPartners());
    const f = computeFigures({ ...model, project: null });
    expect(f.partners).toEqual([]);
    expect(f.totals.budget.total).toBe(0);
    expect(f.project).toEqual({ acronym: '', totalBudget: null, reportDate: null });
  });

  test('a partner without a budget sheet or rate, and one with an unreadable number', () => {
    const spec = twoPartners();
    spec.partners.push({ no: 3, name: 'West-Pannon', rateBp: null, rateCell: 'tbd' }, { no: null, name: 'Nameless' });
    const { model } = buildBook(spec);
    const f = computeFigures(model);
    expect(f.partners[2]).toMatchObject({ no: 3, sheet: null, erdf: 0, contribution: 0 });
    expect(f.partners[2].budget.total).toBe(0);
    expect(f.partners[3].no).toBe(4); // its position in the table
  });
});

describe('the ClusteriX 2.0 sample, parsed', () => {
  const model = parse(specToSnapshot(buildSample(CLUSTERIX2)));
  const j = toFiguresJson(computeFigures(model));

  test('its JSON: total budget 2,126,574.00, West-Pannon 178,550.00, ERDF at 85%, periods adding up', () => {
    expect(j.project).toEqual({ acronym: 'ClusteriX 2.0', totalBudget: 2126574 });
    expect(j.totals.budget.total).toBe(2126574);
    expect(j.partners.reduce((s, p) => s + Math.round(p.budget.total * 100), 0)).toBe(212657400);
    const wp = j.partners[2];
    expect(wp).toMatchObject({ no: 3, country: 'HU', erdf: 151767.5, contribution: 26782.5 });
    expect(wp.budget.total).toBe(178550);
    expect(j.partners[0].budget.preparation).toBe(15000);
    expect(j.periods.map((p) => p.period)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(j.periods[7].cumulativeBudget).toBe(2126574);
    expect(j.periods[7].cumulativeReported).toBe(j.totals.reported.total);
    expect(j.periods[6].reported).toBe(0); // nothing reported after the report date
    expect(j.indicators.map((i) => i.code)).toEqual(['PLE', 'GP', 'AP', 'MEDIA', 'PEOPLE', 'PI-SF', 'PI-REG']);
    expect(j.indicators[0]).toMatchObject({ target: 32, achieved: 22 });
    for (const v of [j.totals.erdf, j.totals.contribution, ...j.periods.map((p) => p.reported)]) expect(Math.round(v * 100) / 100).toBe(v);
  });
});
