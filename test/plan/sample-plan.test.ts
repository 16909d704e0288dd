import { buildSample, specToSnapshot } from '../../src/template';
import { parse } from '../../src/parse';
import { runChecks } from '../../src/checks';
import { computeFigures } from '../../src/figures';
import { planReport } from '../../src/plan';
import { REPORT_TAB_NAMES } from '../../src/plan/types';
import { CLUSTERIX2 } from '../../src/profile';
import { PRODUCT, VERSION } from '../../src/version';
import { at, disagreements, formulas, rowOf, shown, tab } from './support/plan-helpers';
import { Evaluator } from './support/evaluate';

const snapshot = specToSnapshot(buildSample(CLUSTERIX2));
const model = parse(snapshot);
const findings = runChecks({ model, profile: CLUSTERIX2 });
const figures = computeFigures(model);
const now = new Date('2024-05-06T07:08:09.000Z');
const plan = planReport(model, findings, figures, { profile: CLUSTERIX2, now });

describe('the sample\'s figures', () => {
  test('total budget 2,126,574.00 and West-Pannon 178,550.00, to the cent', () => {
    expect(figures.totals.budget.total).toBe(212657400);
    const wp = figures.partners.find((p) => p.no === 3)!;
    expect(wp.budget.total).toBe(17855000);
    expect(wp.erdf).toBe(15176750); // 178,550.00 × 85% = 151,767.50
    expect(wp.contribution).toBe(2678250);
    expect(figures.periods[figures.periods.length - 1].cumulativeBudget).toBe(212657400);
    expect(figures.partners.map((p) => p.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });
});

describe('the sample\'s report plan', () => {
  test('exactly the five tabs, named as the design says', () => {
    expect(plan.tabs.map((t) => t.name)).toEqual([...REPORT_TAB_NAMES]);
  });

  test('every formula computes, over the sheets\' cells, the value it carries', () => {
    expect(formulas(plan).length).toBeGreaterThan(200);
    expect(disagreements(snapshot, plan)).toEqual([]);
  });

  test('figures from the sheets are live SUMs over their source rows', () => {
    const t = tab(plan, 'Report By partner');
    const row = rowOf(t, 'West-Pannon Regional and Economic Development Public Nonprofit Ltd.', 1);
    const staff = at(t, row, 3)!.value;
    expect(staff.kind).toBe('formula');
    expect(staff.kind === 'formula' && staff.formula).toMatch(/^=SUM\('Budget West-Pannon'![A-Z]+\d+:[A-Z]+\d+\)$/);
    expect(shown(at(t, row, 9))).toBe(178550);
    expect(shown(at(t, row, 10))).toBe(151767.5);
    const erdf = at(t, row, 10)!.value;
    expect(erdf.kind === 'formula' && erdf.formula).toMatch(/^=INT\(ROUND\(J\d+\*100\*IF\(ISNUMBER\(Project!G\d+\)/);
  });

  test('the Summary shows the total budget and its funding', () => {
    const t = tab(plan, 'Report Summary');
    const total = rowOf(t, 'Total');
    expect(shown(at(t, total, 1))).toBe(2126574);
    expect(shown(at(t, rowOf(t, 'ERDF'), 1))).toBe(1807587.9);
    expect(shown(at(t, total, 2))).toBe(1327012.68);
    expect(shown(at(t, total, 4))).toBe(799561.32);
    expect(at(t, total, 3)!.numberFormat).toBe('0.0%');
  });

  test('the spending plan ends where the budget does', () => {
    const t = tab(plan, 'Report Spending plan');
    const p8 = rowOf(t, 'P8');
    expect(shown(at(t, p8, 6))).toBe(2126574);
    expect(shown(at(t, rowOf(t, 'Total'), 4))).toBe(2126574);
  });

  test('indicators: target, by partner and in total', () => {
    const t = tab(plan, 'Report Indicators');
    const ple = rowOf(t, 'PLE');
    expect(shown(at(t, ple, 2))).toBe(32);
    expect(shown(at(t, ple, 3))).toBe(22);
    expect(shown(at(t, ple, 4))).toBeCloseTo(22 / 32, 12);
    expect(shown(at(t, ple, 5))).toBe(2);
  });

  test('every tab is printable: title, project, report date, frozen repeated header, landscape fit to width', () => {
    for (const t of plan.tabs) {
      expect(shown(at(t, 0, 0))).toEqual(expect.any(String));
      expect(shown(at(t, 1, 0))).toBe('Project: ClusteriX 2.0');
      expect(shown(at(t, 2, 0))).toBe('Report date: 2019-03-31');
      expect(t.print).toMatchObject({ orientation: 'landscape', fitToWidth: true });
      expect(t.print.repeatRows).not.toBeNull();
      expect(t.freeze.rows).toBe(t.print.repeatRows!.last + 1);
      const headerCells = t.cells.filter((c) => c.row === t.print.repeatRows!.last && c.style === 'header');
      expect(headerCells.length).toBeGreaterThanOrEqual(4);
      expect(t.columnWidths.every((w) => w >= 6)).toBe(true);
    }
    expect(shown(at(tab(plan, 'Report Summary'), 3, 0))).toBe('Amounts in EUR');
  });

  test('the Checks tab lists every finding with a link, the explanation and the stamp', () => {
    const t = tab(plan, 'Report Checks');
    expect(t.cells.some((c) => shown(c) === `Checked by ${PRODUCT} ${VERSION} on 2024-05-06T07:08:09.000Z`)).toBe(true);
    const p01 = findings.find((f) => f.rule === 'P01')!;
    const row = t.cells.find((c) => c.col === 4 && shown(c) === p01.message)!.row;
    expect(at(t, row, 3)!.value).toEqual({ kind: 'link', text: p01.cell, sheet: p01.sheet, cell: p01.cell!.split(':')[0] });
    expect(shown(at(t, row, 0))).toBe('error');
    expect(String(shown(at(t, row, 5))).length).toBeGreaterThan(10);
    const listed = t.cells.filter((c) => c.col === 1 && c.row > t.print.repeatRows!.last && c.value.kind === 'text').length;
    expect(listed).toBe(findings.length);
  });

  test('the sample\'s two errors are marked on their cells', () => {
    const errors = plan.marks.filter((m) => m.severity === 'error');
    expect(errors.map((m) => m.rules).sort()).toEqual([['P01'], ['P02']]);
    for (const m of errors) expect(m.note).toMatch(/^\[P0[12]\] /);
  });

  test('the leaf formulas read the input sheets\' cells, not text or blanks beyond the tables', () => {
    const ev = new Evaluator(snapshot, plan);
    const t = tab(plan, 'Report By partner');
    const row = rowOf(t, 'West-Pannon Regional and Economic Development Public Nonprofit Ltd.', 1);
    const f = at(t, row, 3)!.value;
    if (f.kind !== 'formula') throw new Error('not a formula');
    ev.evaluate(f.formula, t.name);
    const sheet = snapshot.sheets.find((s) => s.name === 'Budget West-Pannon')!;
    for (const key of ev.inputReads) {
      const [, rc] = key.split('!');
      const [r, c] = rc.split(',').map(Number);
      expect(typeof sheet.values[r - sheet.top][c - sheet.left]).toBe('number');
    }
    expect(ev.inputReads.size).toBe(8);
  });
});
