import { buildSample, buildTemplate, specToSnapshot, budgetSheetName } from '../../src/template';
import { CLUSTERIX2 } from '../../src/profile/clusterix2';
import { cellAt } from '../../src/snapshot/cells';
import { toSerial, fromSerial, type CalendarDate } from '../../src/util/dates';
import { cents, colOf, rowOf, sheet, v } from './support';

const sample = specToSnapshot(buildSample());
const template = specToSnapshot(buildTemplate());
const LINES = ['Staff costs', 'Office and administration', 'Travel and accommodation', 'External expertise and services', 'Equipment'];

describe('the sample Project sheet', () => {
  const s = sheet(sample, 'Project');
  const header = rowOf(s, 'No');
  const partnerRows = CLUSTERIX2.partners.map((_, i) => header + 1 + i);
  const budgetCol = colOf(s, header, 'Approved budget (EUR)');

  it('has the fields with real dates and amounts', () => {
    const field = (label: string) => cellAt(s, rowOf(s, label), 1);
    expect(field('Project acronym').value).toBe('ClusteriX 2.0');
    expect(field('Programme').value).toBe('Interreg Europe');
    expect(field('Total budget (EUR)')).toMatchObject({ value: 2126574, numberFormat: '#,##0.00' });
    expect(field('Project start')).toMatchObject({ value: toSerial('2016-04-01' as CalendarDate), numberFormat: 'yyyy-mm-dd' });
    expect(fromSerial(field('Project end').value as number)).toBe('2021-03-31');
    expect(fromSerial(field('Report date').value as number)).toBe('2019-03-31');
  });
  it('says what it invents', () => {
    expect(s.values.flat()).toContain(CLUSTERIX2.sample.inventedNote);
  });
  it('has approved budgets adding up to EUR 2,126,574.00, West-Pannon EUR 178,550.00', () => {
    expect(partnerRows.reduce((sum, r) => sum + cents(s, r, budgetCol), 0)).toBe(212657400);
    const wp = partnerRows.find((r) => v(s, r, 2) === 'West-Pannon Regional and Economic Development Public Nonprofit Ltd.')!;
    expect(cents(s, wp, budgetCol)).toBe(17855000);
  });
  it('keeps the two known description errors as given', () => {
    const phase2 = rowOf(s, 2, rowOf(s, 'Phase'));
    expect(fromSerial(v(s, phase2, 2) as number)).toBe('2021-04-01');
    expect(v(s, phase2, 3)).toBe(24);
    const skane = partnerRows.find((r) => v(s, r, 2) === 'Region Skåne')!;
    expect([v(s, skane, 3), v(s, skane, 4)]).toEqual(['SK', 'SE224']);
  });
  it('writes ERDF rates as fractions shown in percent', () => {
    expect(cellAt(s, partnerRows[0], colOf(s, header, 'ERDF rate'))).toMatchObject({ value: 0.85, numberFormat: '0%' });
  });
});

describe('the sample budget sheets', () => {
  const project = sheet(sample, 'Project');
  const reportDate = '2019-03-31';
  const periods = CLUSTERIX2.periods;
  let equipment = 0;

  for (const partner of CLUSTERIX2.partners) {
    const s = sheet(sample, budgetSheetName(partner));
    const planHeader = rowOf(s, 'Budget line');
    const repHeader = rowOf(s, 'Reported');
    const pCols = periods.map((p) => colOf(s, planHeader, `P${p.number}`));
    const totalCol = colOf(s, planHeader, 'Total');
    const lines = partner.role === 'LP' ? [...LINES, 'Preparation costs'] : LINES;

    it(`${partner.shortName}: plan total equals its approved budget, and every Total formula its sum`, () => {
      expect(v(s, rowOf(s, 'Partner No'), 1)).toBe(partner.no);
      const approvedRow = rowOf(project, partner.no, rowOf(project, 'No'));
      const approved = cents(project, approvedRow, 7);
      for (const header of [planHeader, repHeader]) {
        const rows = lines.map((l) => rowOf(s, l, header + 1));
        const totalRow = rowOf(s, 'Total', header + 1);
        let grand = 0;
        for (const r of rows) {
          const sum = pCols.reduce((a, c) => a + cents(s, r, c), 0);
          expect(cents(s, r, totalCol)).toBe(sum);
          expect(cellAt(s, r, totalCol).formula).toMatch(/^=SUM\(B\d+:I\d+\)$/);
          grand += sum;
        }
        pCols.forEach((c) => expect(cents(s, totalRow, c)).toBe(rows.reduce((a, r) => a + cents(s, r, c), 0)));
        expect(cents(s, totalRow, totalCol)).toBe(grand);
        if (header === planHeader) expect(grand).toBe(approved);
        else expect(grand).toBeLessThanOrEqual(approved);
      }
    });

    it(`${partner.shortName}: office is 15% of staff rounded down, per period, planned and reported`, () => {
      for (const header of [planHeader, repHeader]) {
        const staff = rowOf(s, 'Staff costs', header + 1);
        const office = rowOf(s, 'Office and administration', header + 1);
        pCols.forEach((c) => expect(cents(s, office, c)).toBe(Math.floor((cents(s, staff, c) * 15) / 100)));
      }
    });

    it(`${partner.shortName}: nothing reported for periods after the report date; ERDF 85% rounded down`, () => {
      periods.forEach((p, i) => {
        if (p.start > reportDate) for (const l of lines) expect(cents(s, rowOf(s, l, repHeader + 1), pCols[i])).toBe(0);
      });
      const total = cents(s, rowOf(s, 'Total', planHeader + 1), totalCol);
      const erdf = cents(s, rowOf(s, 'ERDF'), 1);
      expect(erdf).toBe(Math.floor((total * 85) / 100));
      expect(cents(s, rowOf(s, 'Partner contribution'), 1)).toBe(total - erdf);
      equipment += cents(s, rowOf(s, 'Equipment', planHeader + 1), totalCol);
    });
  }

  it('keeps planned equipment across the partnership within EUR 7,000', () => {
    expect(equipment).toBeGreaterThan(0);
    expect(equipment).toBeLessThanOrEqual(700000);
  });
});

describe('the sample Indicators sheet', () => {
  const s = sheet(sample, 'Indicators');
  const header = rowOf(s, 'Partner');
  it('has one row per partner and indicator, with the invented achievements and SUM totals', () => {
    const rows = CLUSTERIX2.partners.length * CLUSTERIX2.targets.length;
    const totalCol = colOf(s, header, 'Total');
    expect(colOf(s, header, 'Comment')).toBe(totalCol + 1);
    for (let i = 0; i < rows; i++) {
      const r = header + 1 + i;
      const partner = CLUSTERIX2.partners[Math.floor(i / CLUSTERIX2.targets.length)];
      const code = CLUSTERIX2.targets[i % CLUSTERIX2.targets.length].code;
      expect([v(s, r, 0), v(s, r, 1)]).toEqual([partner.no, code]);
      const values = CLUSTERIX2.periods.map((p) => v(s, r, colOf(s, header, `P${p.number}`)));
      expect(values).toEqual(CLUSTERIX2.sample.achievements[partner.no][code]);
      expect(v(s, r, totalCol)).toBe((values as number[]).reduce((a, b) => a + b, 0));
    }
    expect(v(s, header + rows + 1, 0)).toBeNull();
  });
});

describe('the template', () => {
  const s = sheet(template, 'Project');
  it('has the same sheets as the sample', () => {
    expect(template.sheets.map((x) => x.name)).toEqual(sample.sheets.map((x) => x.name));
    expect(template.sheets.map((x) => x.name)).toEqual(['Project', ...CLUSTERIX2.partners.map((p) => `Budget ${p.shortName}`), 'Indicators']);
  });
  it('leaves approved budgets blank but West-Pannon, and the report date blank', () => {
    const header = rowOf(s, 'No');
    const budgets = CLUSTERIX2.partners.map((_, i) => v(s, header + 1 + i, 7));
    expect(budgets).toEqual([null, null, 178550, null, null, null, null, null, null, null, null]);
    expect(v(s, rowOf(s, 'Report date'), 1)).toBeNull();
  });
  it('has budget and indicator tables with labels and headers but no figures', () => {
    for (const x of template.sheets.slice(1)) {
      const typed = x.values.flat().filter((val, i) => typeof val === 'number' && x.formulas.flat()[i] === null);
      // Only the Partner No field (budget sheets) and the partner numbers (Indicators) are numbers.
      if (x.name === 'Indicators') expect(typed.length).toBe(CLUSTERIX2.partners.length * CLUSTERIX2.targets.length);
      else expect(typed.length).toBe(1);
    }
    const wp = sheet(template, 'Budget West-Pannon');
    expect(v(wp, rowOf(wp, 'Staff costs'), 1)).toBeNull();
    expect(v(wp, rowOf(wp, 'ERDF'), 1)).toBeNull();
  });
});
