import { bigProfile, bigWorkbookSnapshot, bigWorkbookSpec, cellsRead } from '../support/big-workbook';
import { checkWorkbook } from '../../src/engine';
import { computeFigures } from '../../src/figures';
import { readXlsxSnapshot } from '../../src/snapshot/xlsx';
import { specToPackage } from '../../src/apply/xlsx/package/new-package';
import { CLUSTERIX2 } from '../../src/profile';

describe('the benchmark workbook generator', () => {
  it('keeps ClusteriX 2.0 first 11 partners and invents the rest with consistent facts', () => {
    const p = bigProfile(30);
    expect(p.partners).toHaveLength(30);
    expect(p.partners.slice(0, 10).map((x) => x.name)).toEqual(CLUSTERIX2.partners.slice(0, 10).map((x) => x.name));
    expect(p.partners[10]).toMatchObject({ name: 'Region Skåne', country: 'SE', nuts: 'SE224' });
    expect(p.partners.map((x) => x.no)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(p.partners.filter((x) => x.role === 'LP').map((x) => x.no)).toEqual([1]);
    // Partner 13 is Norwegian (50%), 18 private non-profit (75%), 12 public (85%).
    expect(p.partners[12]).toMatchObject({ country: 'NO', legalStatus: 'norwegian', erdfRateBp: 5000 });
    expect(p.partners[17]).toMatchObject({ legalStatus: 'private non-profit', erdfRateBp: 7500 });
    expect(p.partners[11]).toMatchObject({ legalStatus: 'public', erdfRateBp: 8500 });
    const sum = Object.values(p.sample.approvedBudgets).reduce((a, b) => a + b, 0);
    expect(p.totalBudget).toBe(sum);
    expect(p.phases[1].end).toBe('2021-03-31');
  });

  it.each([11, 60])('%i partners: no error and no warning, and the figures add up to the cent', (n) => {
    const profile = bigProfile(n);
    const snapshot = bigWorkbookSnapshot(n);
    expect(snapshot.sheets).toHaveLength(n + 2);
    const { model, findings } = checkWorkbook(snapshot, profile);
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(model.budgets).toHaveLength(n);
    expect(model.indicators).toHaveLength(n * 7);
    const figures = computeFigures(model, profile);
    expect(figures.partners).toHaveLength(n);
    expect(figures.totals.budget.total).toBe(profile.totalBudget);
    expect(figures.project.totalBudget).toBe(profile.totalBudget);
    // Equipment across the partnership stays within EUR 7,000 (B08).
    expect(figures.totals.budget.equipment).toBeLessThanOrEqual(700000);
    expect(figures.periods).toHaveLength(8);
  });

  it('counts the cells of every used range: the Project sheet grows by a row per partner, each partner adds a budget sheet and 7 indicator rows', () => {
    const per = (n: number) => cellsRead(bigWorkbookSnapshot(n));
    const step = per(21) - per(20);
    expect(per(40) - per(20)).toBe(20 * step);
    // A PP's budget sheet is 23 rows × 10 columns; 7 indicator rows × 12 columns; one Partners row × 8 columns.
    expect(step).toBe(23 * 10 + 7 * 12 + 8);
  });

  it('reads back from xlsx as the same snapshot values, so the file benchmark measures this workbook', async () => {
    const spec = bigWorkbookSpec(12);
    const buf = specToPackage(spec);
    const read = await readXlsxSnapshot(buf, 'big.xlsx');
    const direct = bigWorkbookSnapshot(12);
    expect(read.sheets.map((s) => s.name)).toEqual(direct.sheets.map((s) => s.name));
    expect(read.sheets.map((s) => s.values)).toEqual(direct.sheets.map((s) => s.values));
    expect(checkWorkbook(read, bigProfile(12)).findings).toEqual(checkWorkbook(direct, bigProfile(12)).findings);
  });
});
