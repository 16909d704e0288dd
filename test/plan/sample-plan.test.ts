import { buildSample, specToSnapshot } from '../../src/template';
import { parse } from '../../src/parse';
import { runChecks } from '../../src/checks';
import { computeFigures } from '../../src/figures';
import { planReport } from '../../src/plan';
import { REPORT_TAB_NAMES } from '../../src/plan/types';
import { CLUSTERIX2 } from '../../src/profile';
import { PRODUCT, VERSION } from '../../src/version';
import { at, disagreements, formulas, rowOf, rowsOf, shown, tab } from './support/plan-helpers';
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

  test('the Summary shows previously reported, this period, to date, % and remaining by line', () => {
    const t = tab(plan, 'Report Summary');
    expect(t.cells.filter((c) => c.style === 'header' && c.row === 7).map(shown)).toEqual(['Budget line', 'Budget', 'Previously reported', 'This period (P6)', 'Reported to date', '% of budget', 'Remaining']);
    const total = rowOf(t, 'Total');
    expect(shown(at(t, total, 1))).toBe(2126574);
    // The sample reports 234,127.38 in P1 and 218,577.06 in each of P2…P6: the report date falls in P6.
    expect(shown(at(t, total, 2))).toBe(1108435.62);
    expect(shown(at(t, total, 3))).toBe(218577.06);
    expect(shown(at(t, total, 4))).toBe(1327012.68);
    expect(shown(at(t, total, 6))).toBe(799561.32);
    expect(at(t, total, 5)!.numberFormat).toBe('0.0%');
    const equipment = rowOf(t, 'Equipment');
    expect([2, 3, 4].map((c) => shown(at(t, equipment, c)))).toEqual([5500, 0, 5500]); // all in P1
  });

  test('the Summary\'s funding on the budget and on reported, each partner rounded down', () => {
    const t = tab(plan, 'Report Summary');
    const erdf = rowOf(t, 'ERDF');
    expect(shown(at(t, erdf, 1))).toBe(1807587.9);
    // 85% of each partner's reported total, each rounded down to the cent (ecoplus: 266,588.72 → 226,600.41).
    const bp = tab(plan, 'Report By partner');
    const ecoplus = rowsOf(bp, 'ecoplus. The Business Agency of Lower Austria', 1)[1];
    expect(shown(at(bp, ecoplus, 9))).toBe(266588.72);
    expect(shown(at(bp, ecoplus, 10))).toBe(226600.41);
    const perPartner = figures.partners.reduce((a, p) => a + Math.floor((p.reported.total * 85) / 100), 0);
    expect(Math.round(Number(shown(at(t, erdf, 4))) * 100)).toBe(perPartner);
    const contribution = rowOf(t, 'Partner contribution');
    expect(Math.round(Number(shown(at(t, contribution, 4))) * 100)).toBe(132701268 - perPartner);
  });

  test('the reconciliation: budget sheets, approved budgets and the project total agree on the sample', () => {
    const t = tab(plan, 'Report Summary');
    expect(shown(at(t, rowOf(t, 'Budget sheets, all partners'), 1))).toBe(2126574);
    for (const label of ['Approved budgets (Partners table)', 'Project total budget (Project sheet)']) {
      expect(shown(at(t, rowOf(t, label), 1))).toBe(2126574);
      expect(shown(at(t, rowOf(t, label), 2))).toBe(0);
    }
  });

  test('the spending plan: the current period highlighted, later periods not yet due, variance and %', () => {
    const t = tab(plan, 'Report Spending plan');
    const p8 = rowOf(t, 'P8');
    expect(shown(at(t, p8, 7))).toBe(2126574);
    expect(shown(at(t, rowOf(t, 'Total'), 5))).toBe(2126574);
    const p6 = rowOf(t, 'P6');
    expect(shown(at(t, p6, 2))).toBe('current period');
    expect(at(t, p6, 6)!.highlight).toBe('current');
    expect(shown(at(t, p6, 8))).toBe(1327012.68);
    expect(shown(at(t, p6, 9))).toBe(-95703.38); // 1,327,012.68 reported against 1,422,716.06 planned to P6
    const p7 = rowOf(t, 'P7');
    expect(shown(at(t, p7, 2))).toBe('not yet due');
    expect(shown(at(t, p7, 8))).toBe('');
    expect(at(t, p7, 5)!.highlight).toBe('notDue');
    expect(t.charts).toEqual([expect.objectContaining({ kind: 'line', series: [expect.objectContaining({ name: 'Cumulative planned' }), expect.objectContaining({ name: 'Cumulative reported', values: `I${p6 - 4}:I${p6 + 1}` })] })]);
  });

  test('the spending plan per partner by period: a block per partner, its own sheet, its approved total', () => {
    const t = tab(plan, 'Report Spending plan');
    // The approved budgets typed in workbook.md's sample, partners 1 to 11 (EUR).
    const approved = [420000, 180000, 178550, 150000, 175000, 160000, 170000, 165000, 185000, 150000, 193024];
    const bands = t.cells.filter((c) => c.style === 'band' && c.value.kind === 'text' && /^\d+ /.test(c.value.text));
    expect(bands.map((c) => (c.value.kind === 'text' ? c.value.text : ''))).toEqual(expect.arrayContaining(['3 West-Pannon Regional and Economic Development Public Nonprofit Ltd. (HU)']));
    expect(bands).toHaveLength(11);
    const totals = rowsOf(t, 'Total');
    expect(totals).toHaveLength(12); // all partners, then one per partner
    let reportedToP6 = 0;
    bands.forEach((band, i) => {
      const total = totals.find((r) => r > band.row)!;
      expect(shown(at(t, total, 5))).toBe(approved[i]);
      const p6 = rowsOf(t, 'P6').find((r) => r > band.row && r < total)!;
      expect(shown(at(t, p6, 2))).toBe('current period');
      expect(at(t, p6, 5)!.highlight).toBe('current');
      reportedToP6 += Math.round((shown(at(t, p6, 8)) as number) * 100);
      const p7 = rowsOf(t, 'P7').find((r) => r > band.row && r < total)!;
      expect(shown(at(t, p7, 8))).toBe('');
      expect(at(t, p7, 6)!.highlight).toBe('notDue');
    });
    expect(reportedToP6).toBe(132701268); // the all-partners row's 1,327,012.68
    // West-Pannon's planned P1 reads West-Pannon's own budget sheet and no other.
    const wp = bands[2].row;
    const p1 = at(t, rowsOf(t, 'P1').find((r) => r > wp)!, 5)!;
    const sheets = p1.value.kind === 'formula' ? [...p1.value.formula.matchAll(/'([^']+)'!/g)].map((m) => m[1]) : [];
    expect(new Set(sheets)).toEqual(new Set([model.names.sheetOf.get(model.project!.partners[2])!.sheet]));
  });

  test('indicators: one row per partner, codes as headers, totals, targets and a legend', () => {
    const t = tab(plan, 'Report Indicators');
    expect(t.cells.filter((c) => c.style === 'header' && c.row === 7).map(shown)).toEqual(['No', 'Partner', 'PLE', 'GP', 'AP', 'MEDIA', 'PEOPLE', 'PI-SF', 'PI-REG']);
    expect(shown(at(t, rowOf(t, 'Total achieved', 1), 2))).toBe(22);
    expect(shown(at(t, rowOf(t, 'Target', 1), 2))).toBe(32);
    expect(shown(at(t, rowOf(t, '% of target', 1), 2))).toBeCloseTo(22 / 32, 12);
    expect(shown(at(t, rowOf(t, 'ecoplus. The Business Agency of Lower Austria', 1), 2))).toBe(2);
    expect(shown(at(t, rowOf(t, 'GP'), 2))).toBe('at least 20 good practices');
    expect(shown(at(t, rowOf(t, 'PLE'), 2))).toBe('32 events');
  });

  test('every tab is printable: the header block, frozen repeated header, landscape one page wide', () => {
    for (const t of plan.tabs) {
      expect(shown(at(t, 0, 0))).toEqual(expect.any(String));
      expect(shown(at(t, 1, 0))).toBe('Project: ClusteriX 2.0   Programme: Interreg Europe');
      expect(shown(at(t, 2, 0))).toBe('Report date: 2019-03-31, in period P6 (2018-10-01 to 2019-03-31)');
      expect(shown(at(t, 3, 0))).toMatch(new RegExp(`^Source: this workbook   run \\d{1,2} May 2024 \\d\\d:\\d\\d   ${PRODUCT} ${VERSION.replace(/\./g, '\\.')}$`));
      expect(shown(at(t, 4, 0))).toBe('Every figure is a live formula over the sheets.');
      expect(t.print).toMatchObject({ orientation: 'landscape', fitToWidth: true });
      expect(t.print.repeatRows).not.toBeNull();
      expect(t.freeze.rows).toBe(t.print.repeatRows!.last + 1);
      const headerCells = t.cells.filter((c) => c.row === t.print.repeatRows!.last && c.style === 'header');
      expect(headerCells.length).toBeGreaterThanOrEqual(4);
      expect(t.columnWidths.every((w) => w >= 5)).toBe(true);
    }
    expect(shown(at(tab(plan, 'Report Summary'), 5, 0))).toBe('Amounts in EUR');
  });

  test('the Checks tab lists every finding with severity, link, message and status; each rule explained once', () => {
    const t = tab(plan, 'Report Checks');
    expect(t.cells.some((c) => /^Checked by ClusteriX Reporting 0\.1\.0 on \d{1,2} May 2024 \d\d:\d\d, file this workbook$/.test(String(shown(c))))).toBe(true);
    const p01 = findings.find((f) => f.rule === 'P01')!;
    const row = t.cells.find((c) => c.col === 3 && shown(c) === p01.message)!.row;
    expect(at(t, row, 2)!.value).toEqual({ kind: 'link', text: `Project!${p01.cell}`, sheet: p01.sheet, cell: p01.cell!.split(':')[0] });
    expect(at(t, row, 0)).toMatchObject({ value: { kind: 'text', text: 'Error' }, highlight: 'error' });
    expect(shown(at(t, row, 4))).toBe('open');
    const listed = t.cells.filter((c) => c.col === 1 && c.row > t.print.repeatRows!.last && c.value.kind === 'text').length;
    expect(listed).toBe(findings.length);
    const rules = new Set(findings.map((f) => f.rule));
    expect(t.cells.filter((c) => String(shown(c)).startsWith('What it checks: ')).length).toBe(rules.size);
    expect(t.cells.some((c) => /\.md\b/.test(String(shown(c))))).toBe(false);
    expect(t.autoFilter).toBe(`A8:E${8 + findings.length}`);
  });

  test('the sample\'s two errors are marked on their cells, the note beginning with the severity word', () => {
    const errors = plan.marks.filter((m) => m.severity === 'error');
    expect(errors.map((m) => m.rules).sort()).toEqual([['P01'], ['P02']]);
    for (const m of errors) expect(m.note).toMatch(/^Error \(P0[12]\): .+\. How to fix: /);
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
