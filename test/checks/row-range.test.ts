import { rowRange } from '../../src/checks/lib/amounts';
import type { Amount, BudgetRow } from '../../src/model/types';
import { a1 } from '../../src/util/a1';

const amount = (row: number, col: number): Amount => ({ cents: 0 as never, source: 'number', twoDecimals: true, formula: null, raw: '0', at: { sheet: 'B', cell: a1(row, col), row, col } });

test('a row whose period columns run P8…P1 is named left to right', () => {
  const row: BudgetRow = { line: 'staff', isTotal: false, label: { value: 'Staff costs', at: { sheet: 'B', cell: 'A10', row: 9, col: 0 } }, amounts: [5, 4, 3, 2].map((c) => amount(9, c)), total: null, row: 9 };
  expect(rowRange('B', row)).toEqual({ sheet: 'B', cell: 'C10:F10' });
});
