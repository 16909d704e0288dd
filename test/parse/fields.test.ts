/** findFields (several fields in one pass) finds what findField finds for each field alone. */
import { findField, findFields } from '../../src/parse/fields';
import { SheetReader } from '../../src/parse/sheet-reader';
import type { CellValue } from '../../src/snapshot/types';
import { snapshotFromGrid } from '../../src/snapshot/cells';

function sheet(values: CellValue[][]): SheetReader {
  return new SheetReader({ ...snapshotFromGrid('S', values), top: 2, left: 1 });
}

describe('findFields', () => {
  const s = sheet([
    ['Partner', null, 'Lund University', null],
    ['ERDF', 12, 'Partner No', 3],
    ['partner no.', 4, 'Contribution', null],
    ['ERDF', 99, null, null],
  ]);
  const fields = [['Partner No'], ['Partner'], ['ERDF'], ['Partner contribution', 'Contribution'], ['Nowhere']] as const;

  test('each field as findField finds it alone: first by row then column, value the next non-empty cell', () => {
    for (const excluded of [new Set<number>(), new Set([3])]) {
      const together = findFields(s, fields, excluded);
      expect(together).toEqual(fields.map((f) => findField(s, f, excluded)));
    }
    expect(findFields(s, fields, new Set())).toEqual([
      { labelRow: 3, labelCol: 3, valueCol: 4 },
      { labelRow: 2, labelCol: 1, valueCol: 3 },
      { labelRow: 3, labelCol: 1, valueCol: 2 },
      { labelRow: 4, labelCol: 3, valueCol: null },
      null,
    ]);
    // Row 3 excluded (a table's row): the next ones.
    expect(findFields(s, fields, new Set([3])).slice(0, 3)).toEqual([
      { labelRow: 4, labelCol: 1, valueCol: 2 },
      { labelRow: 2, labelCol: 1, valueCol: 3 },
      { labelRow: 5, labelCol: 1, valueCol: 2 },
    ]);
  });

  test('one cell can be two fields when their labels overlap', () => {
    expect(findFields(s, [['ERDF'], ['erdf']], new Set())).toEqual([
      { labelRow: 3, labelCol: 1, valueCol: 2 },
      { labelRow: 3, labelCol: 1, valueCol: 2 },
    ]);
  });
});
