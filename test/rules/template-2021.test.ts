/**
 * `clusterix template --programme 2021-2027`: an empty 2021–2027 project with the preset in its Rules table;
 * filled in consistently (as a finance officer would type it), it checks clean.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cliInProcess } from '../support/cli-in-process';
import { readXlsxSnapshot } from '../../src/snapshot/xlsx';
import { checkWorkbook } from '../../src/engine';
import type { WorkbookSnapshot } from '../../src/snapshot/types';
import { setCell, setDate } from '../checks/support/workbook';
import { a1 } from '../../src/util/a1';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cx-rules-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function template(...args: string[]): Promise<WorkbookSnapshot> {
  const out = path.join(dir, `t${Math.random().toString(36).slice(2)}.xlsx`);
  const r = await cliInProcess('template', ...args, out);
  expect([r.code, r.stderr]).toEqual([0, '']);
  return readXlsxSnapshot(out);
}

const brief = (book: WorkbookSnapshot) => checkWorkbook(book).findings.map((f) => `${f.rule} ${f.severity} ${f.sheet}!${f.cell}`);

/** Row (0-based) of each label in column A of a sheet, in order. */
function labelRows(book: WorkbookSnapshot, sheet: string, label: string): number[] {
  const s = book.sheets.find((x) => x.name === sheet)!;
  return s.values.map((r, i) => (r[0 - s.left] === label ? i + s.top : -1)).filter((i) => i >= 0);
}

describe('clusterix template --programme 2021-2027', () => {
  test('lays out the Project sheet with empty facts, the preset in the Rules table, budget sheets with Infrastructure and works', async () => {
    const book = await template('--programme', '2021-2027');
    expect(book.sheets.map((s) => s.name)).toEqual(['Project', 'Budget PP1', 'Budget PP2', 'Indicators']);
    const { model } = checkWorkbook(book);
    const p = model.project!;
    expect([p.acronym.value, p.programme?.value, p.totalBudget?.cents ?? null, p.start?.value ?? null]).toEqual([null, 'Interreg Europe 2021-2027', null, null]);
    expect(p.rulesTable!.values).toEqual({
      officeRateBp: 1500,
      travelRateBp: 1500,
      erdfPublic: 8000,
      erdfPrivate: 7000,
      erdfNorwegian: 5000,
      flexibilityBp: 2000,
      countries: ['AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'EL', 'ES', 'FI', 'FR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK', 'NO', 'CH', 'AL', 'BA', 'MD', 'ME', 'MK', 'RS', 'UA'],
      budgetLines: ['staff', 'office', 'travel', 'external', 'equipment', 'infrastructure', 'preparation'],
    });
    expect(model.budgets.map((b) => b.plan!.rows.map((r) => r.label.value))).toEqual([
      ['Staff costs', 'Office and administration', 'Travel and accommodation', 'External expertise and services', 'Equipment', 'Infrastructure and works', 'Preparation costs', 'Total'],
      ['Staff costs', 'Office and administration', 'Travel and accommodation', 'External expertise and services', 'Equipment', 'Infrastructure and works', 'Total'],
    ]);
    // What is still to fill in, and nothing else.
    expect(brief(book)).toEqual([
      'T02 error Project!A4', 'T02 error Project!A6', 'T02 error Project!A7', 'T02 error Project!A8',
      'P01 error Project!D29', 'P05 error Project!F29', 'P04 error Project!H29',
      'P01 error Project!D30', 'P05 error Project!F30', 'P04 error Project!H30',
    ]);
  });

  test('filled in consistently, it checks clean: no error, no warning', async () => {
    const book = await template('--programme', '2021-2027');
    const P = 'Project';
    // Two partners: a public German lead partner at 80% with infrastructure and preparation costs, a Norwegian one at 50%.
    const lead = { staff: 1_000_000, external: 200_000, equipment: [100_000, 0], infrastructure: [0, 500_000], preparation: [1_000_000, 0] };
    const norway = { staff: 500_010, external: 100_000 };
    // 15% of staff: 1,500.00 and 750.015 → 750.01 (rounded down), worked out by hand.
    const leadLines: Record<string, number[]> = {
      'Staff costs': Array(8).fill(lead.staff),
      'Office and administration': Array(8).fill(150_000),
      'Travel and accommodation': Array(8).fill(150_000),
      'External expertise and services': Array(8).fill(lead.external),
      Equipment: [...lead.equipment, 0, 0, 0, 0, 0, 0],
      'Infrastructure and works': [...lead.infrastructure, 0, 0, 0, 0, 0, 0],
      'Preparation costs': [...lead.preparation, 0, 0, 0, 0, 0, 0],
    };
    const norwayLines: Record<string, number[]> = {
      'Staff costs': Array(8).fill(norway.staff),
      'Office and administration': Array(8).fill(75_001),
      'Travel and accommodation': Array(8).fill(75_001),
      'External expertise and services': Array(8).fill(norway.external),
      Equipment: Array(8).fill(0),
      'Infrastructure and works': Array(8).fill(0),
    };
    const leadTotal = 13_600_000; // 8 × 15,000 + 1,000 + 5,000 + 10,000
    const norwayTotal = 6_000_096; // 8 × 7,500.12
    fillBudget(book, 'Budget PP1', leadLines, leadTotal, 8000);
    fillBudget(book, 'Budget PP2', norwayLines, norwayTotal, 5000);

    setCell(book, P, 'B4', 'NewNet');
    setCell(book, P, 'B6', (leadTotal + norwayTotal) / 100);
    setDate(book, P, 'B7', '2024-01-01');
    setDate(book, P, 'B8', '2027-12-31');
    setDate(book, P, 'B9', '2024-12-31');
    setDate(book, P, 'B13', '2024-01-01');
    setDate(book, P, 'C13', '2026-12-31');
    setDate(book, P, 'B14', '2027-01-01');
    setDate(book, P, 'C14', '2027-12-31');
    const starts = ['2024-01-01', '2024-07-01', '2025-01-01', '2025-07-01', '2026-01-01', '2026-07-01', '2027-01-01', '2027-07-01'];
    const ends = ['2024-06-30', '2024-12-31', '2025-06-30', '2025-12-31', '2026-06-30', '2026-12-31', '2027-06-30', '2027-12-31'];
    starts.forEach((d, i) => setDate(book, P, `C${18 + i}`, d));
    ends.forEach((d, i) => setDate(book, P, `D${18 + i}`, d));
    [['Rhine Valley Innovation Agency', 'DE', 'DE13', 'public', 0.8, leadTotal], ['Nordland County Council', 'NO', 'NO07', 'norwegian', 0.5, norwayTotal]].forEach(([name, country, nuts, status, rate, total], i) => {
      const r = 29 + i;
      setCell(book, P, `C${r}`, name as string);
      setCell(book, P, `D${r}`, country as string);
      setCell(book, P, `E${r}`, nuts as string);
      setCell(book, P, `F${r}`, status as string);
      setCell(book, P, `G${r}`, rate as number);
      setCell(book, P, `H${r}`, (total as number) / 100);
    });
    ['PLE', 'Policy learning events organised', 4, 'events', 'no'].forEach((v, c) => setCell(book, P, a1(33, c), v));
    [1, 2].forEach((no, i) => {
      const r = 3 + i;
      [no, 'PLE', 1, 0, 0, 0, 0, 0, 0, 0, 1].forEach((v, c) => setCell(book, 'Indicators', a1(r, c), v));
    });

    const findings = checkWorkbook(book).findings;
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(findings.map((f) => `${f.rule} ${f.message}`)).toEqual(['I02 PLE Policy learning events organised: 2 achieved of 4 (50.0%)']);
  });

  test('without --programme the ClusteriX 2.0 template, now with its Rules table (the 2014–2020 preset)', async () => {
    const { model } = checkWorkbook(await template());
    expect(model.project!.acronym.value).toBe('ClusteriX 2.0');
    expect(model.project!.rulesTable!.values.erdfPublic).toBe(8500);
    expect(model.project!.rulesTable!.values.countries).toContain('UK');
    expect(model.project!.rulesTable!.values.travelRateBp).toBeUndefined(); // blank: real costs, the preset's
  });

  test('an unknown programme is a usage error: exit 2, one line', async () => {
    const r = await cliInProcess('template', '--programme', '2028-2034', path.join(dir, 'x.xlsx'));
    expect([r.code, r.stderr]).toEqual([2, "clusterix: --programme must be 2014-2020 or 2021-2027, not '2028-2034'\n"]);
  });
});

/** Plan and reported tables (reported up to P2, the report date's period), totals, Interreg funds and contribution. */
function fillBudget(book: WorkbookSnapshot, sheet: string, lines: Record<string, number[]>, total: number, rateBp: number): void {
  const [planTotal, reportedTotal] = labelRows(book, sheet, 'Total');
  for (const [kind, totalRow] of [['plan', planTotal], ['reported', reportedTotal]] as const) {
    const colSums = Array(9).fill(0);
    for (const [label, xs] of Object.entries(lines)) {
      const row = labelRows(book, sheet, label)[kind === 'plan' ? 0 : 1];
      const ys = kind === 'plan' ? xs : xs.map((x, i) => (i < 2 ? x : 0));
      ys.forEach((y, i) => {
        setCell(book, sheet, a1(row, 1 + i), y / 100);
        colSums[i] += y;
      });
      const sum = ys.reduce((a, b) => a + b, 0);
      colSums[8] += sum;
      setCell(book, sheet, a1(row, 9), sum / 100);
    }
    colSums.forEach((c, i) => setCell(book, sheet, a1(totalRow, 1 + i), c / 100));
    if (kind === 'plan') expect(colSums[8]).toBe(total);
  }
  const funds = Math.floor((total * rateBp) / 10000);
  setCell(book, sheet, a1(labelRows(book, sheet, 'Interreg funds')[0], 1), funds / 100);
  setCell(book, sheet, a1(labelRows(book, sheet, 'Partner contribution')[0], 1), (total - funds) / 100);
}
