/** findHeader and isAnyHeader look at a row only when it holds a required label; tables that require none still match. */
import { findHeader, isAnyHeader, matchHeader, type TableSpec } from '../../src/parse/tables';
import { SheetReader } from '../../src/parse/sheet-reader';
import type { CellValue } from '../../src/snapshot/types';
import { snapshotFromGrid } from '../../src/snapshot/cells';

function sheet(values: CellValue[][]): SheetReader {
  return new SheetReader(snapshotFromGrid('S', values));
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
