/** Which Excel tables the add-in resizes after an import's row moves, and to what: expected ranges typed by hand. */
import { tableResizes, type SheetTable } from '../../src/plan/table-moves';
import type { RowMove } from '../../src/plan/row-moves';

const table = (address: string, more: Partial<SheetTable> = {}): SheetTable => ({ sheet: 'Indicators', name: 'IndicatorRows', address, showHeaders: true, showTotals: false, ...more });
const ins = (at: number, count: number, sheet = 'Indicators'): RowMove => ({ sheet, at, count });

describe('tables resized after the moves', () => {
  it('a table whose last row gets rows right under it: resized to take them (rows inside as well)', () => {
    // Header on row 3, rows 4..80: two rows before row 81 (0-based 80), one inside before row 25.
    expect(tableResizes([table('Indicators!A3:L80')], [ins(80, 2), ins(24, 1)])).toEqual([{ sheet: 'Indicators', name: 'IndicatorRows', address: 'A3:L83' }]);
    expect(tableResizes([table("'My sheet'!$B$3:$D$10", { sheet: 'My sheet' })], [ins(10, 1, 'My sheet')])).toEqual([{ sheet: 'My sheet', name: 'IndicatorRows', address: 'B3:D11' }]);
  });

  it('left alone where Excel does what the rule does: rows inside, above, further down, another sheet, under a totals row', () => {
    expect(tableResizes([table('A3:L80')], [ins(24, 2), ins(60, -1)])).toEqual([]);
    expect(tableResizes([table('A3:L80')], [ins(0, 3)])).toEqual([]);
    expect(tableResizes([table('A3:L80')], [ins(85, 3)])).toEqual([]);
    expect(tableResizes([table('A3:L80')], [ins(80, 2, 'Other')])).toEqual([]);
    expect(tableResizes([table('A3:L81', { showTotals: true })], [ins(81, 2)])).toEqual([]);
  });

  it('every data row gone: resized to its header and one row (the rule keeps it), whatever Excel made of it', () => {
    expect(tableResizes([table('A3:L80')], [ins(3, -77)])).toEqual([{ sheet: 'Indicators', name: 'IndicatorRows', address: 'A3:L4' }]);
    expect(tableResizes([table('A3:L81', { showTotals: true })], [ins(3, -77)])).toEqual([{ sheet: 'Indicators', name: 'IndicatorRows', address: 'A3:L5' }]);
    // Every row of it gone, header too: nothing left to resize.
    expect(tableResizes([table('A3:L80')], [ins(2, -78)])).toEqual([]);
    // Another table right under it (A81:B83, now A4:B6): the one row would be that table's header; left as Excel made it.
    expect(tableResizes([table('A3:L80'), table('A81:B83', { name: 'Checks' })], [ins(3, -77)])).toEqual([]);
    expect(tableResizes([table('A3:L80'), table('M81:N83', { name: 'Beside' })], [ins(3, -77)])).toEqual([{ sheet: 'Indicators', name: 'IndicatorRows', address: 'A3:L4' }]);
  });
});
