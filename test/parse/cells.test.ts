import { parseNumericText } from '../../src/parse/numeric-text';
import { parse } from '../../src/parse';
import { numberText } from '../../src/parse/cells';
import { CLUSTERIX2 } from '../../src/profile';
import { buildWorkbook } from '../support/workbook-builder';
import type { WorkbookSnapshot } from '../../src/snapshot/types';
import { parseA1 } from '../../src/util/a1';

describe('numeric text as people type it', () => {
  it.each([
    ['12500', 1250000],
    ['12 500,00', 1250000],
    ['12.500,00', 1250000],
    ['12,500.00', 1250000],
    ['€ 1 200', 120000],
    ['1 200 EUR', 120000],
    ['1\u00a0200,50', 120050],
    ['1\u202f200', 120000],
    ['1.250', 125000],
    ['1,250', 125000],
    ['3306,5', 330650],
    ['-1 200', -120000],
  ])('%j reads as %d cents', (text, cents) => {
    expect(parseNumericText(text)).toEqual({ cents, twoDecimals: true });
  });
  it.each(['tbd', 'n/a', '-', '', '12 50', '1.2.3,4', '12,50.00', 'EUR'])('%j is no amount', (text) => {
    expect(parseNumericText(text)).toBeNull();
  });
  it('says when there are more than two decimals', () => {
    expect(parseNumericText('1,2345')).toEqual({ cents: 123, twoDecimals: false });
  });
});

function setCell(book: WorkbookSnapshot, sheet: string, addr: string, value: string | number | null, type?: 'Error' | 'Uncalculated', formula?: string) {
  const s = book.sheets.find((x) => x.name === sheet)!;
  const { row, col } = parseA1(addr);
  while (s.values.length <= row) {
    s.values.push([]);
    s.valueTypes.push([]);
    s.formulas.push([]);
    s.numberFormats.push([]);
  }
  s.values[row][col] = value;
  s.valueTypes[row][col] = type ?? (value === null ? 'Empty' : typeof value === 'number' ? 'Double' : 'String');
  s.formulas[row][col] = formula ?? null;
}

describe('what cannot be read is logged with its sheet and cell, never thrown', () => {
  // Budget PP3: header on row 5 (A5), Staff costs on row 6, P1 in column B.
  it('numeric text is read and logged; text that is no amount is missing', () => {
    const book = buildWorkbook(CLUSTERIX2);
    setCell(book, 'Budget PP3', 'B6', '12 500,00');
    setCell(book, 'Budget PP3', 'C6', 'tbd');
    const model = parse(book);
    const row = model.budgets.find((b) => b.sheet === 'Budget PP3')!.plan!.rows.find((r) => r.line === 'staff')!;
    expect(row.amounts[0]).toMatchObject({ cents: 1250000, source: 'text' });
    expect(row.amounts[1]).toMatchObject({ cents: null, source: 'invalid', raw: 'tbd' });
    expect(model.cellIssues.map((i) => [i.kind, i.at.sheet, i.at.cell])).toEqual([
      ['numericText', 'Budget PP3', 'B6'],
      ['notAmount', 'Budget PP3', 'C6'],
    ]);
  });
  it('error values and uncalculated formulas are missing and logged', () => {
    const book = buildWorkbook(CLUSTERIX2);
    setCell(book, 'Budget PP3', 'D6', '#REF!', 'Error', '=#REF!*2');
    setCell(book, 'Budget PP3', 'E6', null, 'Uncalculated', '=SUM(X1:X2)');
    setCell(book, 'Project', 'B6', 'soon');
    const model = parse(book);
    const row = model.budgets.find((b) => b.sheet === 'Budget PP3')!.plan!.rows.find((r) => r.line === 'staff')!;
    expect(row.amounts[2]).toMatchObject({ cents: null, source: 'error' });
    expect(row.amounts[3]).toMatchObject({ cents: null, source: 'uncalculated', formula: '=SUM(X1:X2)' });
    expect(model.cellIssues.map((i) => [i.kind, i.at.sheet, i.at.cell])).toEqual([
      ['unreadable', 'Project', 'B6'],
      ['error', 'Budget PP3', 'D6'],
      ['uncalculated', 'Budget PP3', 'E6'],
    ]);
    expect(model.project!.start!.value).toBeNull();
  });
  it('a workbook without a Project sheet parses to no project and says what was looked for', () => {
    const book = buildWorkbook(CLUSTERIX2);
    book.sheets = book.sheets.filter((s) => s.name !== 'Project');
    const model = parse(book);
    expect(model.project).toBeNull();
    expect(model.missing).toEqual([{ what: 'Project sheet (a sheet with the field "Project acronym")', sheet: null, cell: null }]);
  });
  it('a missing column of the Partners table is named, at the row where the table was expected', () => {
    const book = buildWorkbook(CLUSTERIX2);
    const project = book.sheets[0];
    const headerRow = project.values.findIndex((r) => r[0] === 'No' && r[1] === 'Role');
    project.values[headerRow][5] = 'Status';
    const model = parse(book);
    expect(model.project!.partners).toEqual([]);
    expect(model.missing).toEqual([
      { what: 'column "Legal status" of the Partners table (header No | Role | Partner | Country | Legal status | ERDF rate | Approved budget (EUR))', sheet: 'Project', cell: `A${headerRow + 1}` },
    ]);
  });
  it('a budget line twice and a partner–indicator pair twice are duplicates', () => {
    const book = buildWorkbook(CLUSTERIX2);
    setCell(book, 'Budget PP3', 'A8', 'Staff');
    const ind = book.sheets.find((s) => s.name === 'Indicators')!;
    ind.values[4] = [...ind.values[3]];
    const model = parse(book);
    expect(model.duplicates.map((d) => [d.what, d.at.sheet, d.at.cell, d.first.cell])).toEqual([
      ['budget line Staff costs (plan)', 'Budget PP3', 'A8', 'A6'],
      ['partner 1 / indicator PLE', 'Indicators', 'A5', 'A4'],
    ]);
  });
});

describe('numberText', () => {
  test('is String(v) for any number: whole cents, other fractions, large, tiny, negative, special', () => {
    // A fixed pseudo-random sequence (xorshift): the same numbers on every run.
    let x = 0x2545f491;
    const next = () => {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      return (x >>> 0) / 0x100000000;
    };
    const values: number[] = [0, -0, 0.01, 0.1, 0.07, 0.5, 1.005, 1e-7, 1e21, 2 ** 53, 1e13, 9999999999999.99, 123456789012.34, 1e15 / 100, 1e16 / 100, NaN, Infinity, -Infinity, -0.01, -12.5];
    for (let i = 0; i < 20000; i++) {
      const cents = Math.floor(next() * 1e12) - 5e11;
      values.push(cents / 100, Math.floor(next() * 1e17) / 100, next() * 1e6, next(), Math.floor(next() * 1e9), -next() * 1e4);
    }
    expect(values.filter((v) => numberText(v) !== String(v)).map((v) => [v, numberText(v)])).toEqual([]);
  });
});
