/** findHeader and isAnyHeader look at a row only when it holds a required label; tables that require none still match. */
import { findHeader, isAnyHeader, matchHeader, type TableSpec } from '../../src/parse/tables';
import { SheetReader } from '../../src/parse/sheet-reader';
import type { CellValue, SheetSnapshot } from '../../src/snapshot/types';

function sheet(values: CellValue[][]): SheetReader {
  const snap: SheetSnapshot = {
    name: 'S',
    visibility: 'Visible',
    top: 0,
    left: 0,
    values,
    valueTypes: values.map((r) => r.map((v) => (v === null ? 'Empty' : typeof v === 'number' ? 'Double' : 'String'))),
    formulas: values.map((r) => r.map(() => null)),
    numberFormats: values.map((r) => r.map(() => 'General')),
  };
  return new SheetReader(snap);
}

const NAME_ONLY: TableSpec = { columns: [{ key: 'name', synonyms: ['Name'], required: false }], minPeriods: 2 };
const CODE: TableSpec = { columns: [{ key: 'code', synonyms: ['Code'], required: true }, { key: 'name', synonyms: ['Name'], required: false }] };

describe('headers', () => {
  const s = sheet([
    ['x', 'P1', 'P2'],
    ['Name', 'P1', 'P2'],
    ['Code', 'Name', null],
    [12, 'name', 'P1'],
  ]);

  test('a table that requires no column is found by its periods', () => {
    expect(findHeader(s, NAME_ONLY)).toEqual({ row: 0, cols: {}, periods: [{ number: 1, col: 1 }, { number: 2, col: 2 }], firstCol: 0, endCol: 3 });
    expect(isAnyHeader(s, 0, [CODE, NAME_ONLY])).toBe(true);
  });

  test('isAnyHeader agrees with matchHeader on every row', () => {
    for (let r = 0; r < 4; r++) {
      for (const specs of [[CODE], [NAME_ONLY], [CODE, NAME_ONLY]]) {
        expect(isAnyHeader(s, r, specs)).toBe(specs.some((spec) => matchHeader(s, r, spec) !== null));
      }
    }
    expect(findHeader(s, CODE)?.row).toBe(2);
    expect(findHeader(s, CODE, 3)).toBeNull();
  });
});
