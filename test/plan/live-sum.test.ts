/** liveSum and ranges on their own: the orders and mixes of terms the report's figures meet (its one-pass and in-order fast paths). */
import { liveSum, ranges, type Term } from '../../src/plan/formula';
import { a1 } from '../../src/util/a1';

const at = (sheet: string, row: number, col: number) => ({ sheet, row, col, cell: a1(row, col) });
const refTerm = (sheet: string, row: number, col: number): Term => ({ kind: 'ref', at: at(sheet, row, col) });

describe('ranges', () => {
  test('cells out of order or twice come out as in order, once', () => {
    const cells = [at('S', 9, 1), at('S', 7, 1), at('S', 8, 1), at('S', 7, 1), at('S', 7, 2), at('S', 8, 2), at('S', 9, 2)];
    expect(ranges(cells)).toEqual(['S!B8:C10']);
    expect(ranges([at('S', 7, 2), at('S', 7, 1)])).toEqual(['S!B8:C8']);
  });

  test('an unbroken column or row is one range; a cell twice is one cell', () => {
    expect(ranges([at('S', 4, 2), at('S', 5, 2), at('S', 6, 2)])).toEqual(['S!C5:C7']);
    expect(ranges([at('S', 4, 2), at('S', 4, 3), at('S', 4, 4)])).toEqual(['S!C5:E5']);
    expect(ranges([at('S', 4, 2), at('S', 4, 2)])).toEqual(['S!C5']);
    expect(ranges([at('S', 4, 2), at('S', 5, 2), at('S', 7, 2), at('S', 8, 2)])).toEqual(['S!C5:C6', 'S!C8:C9']);
    expect(ranges([at('S', 4, 2), at('S', 5, 3)])).toEqual(['S!C5', 'S!D6']);
    expect(ranges([at('S', 4, 2), at('S', 4, 4)])).toEqual(['S!C5', 'S!E5']);
  });

  test('several sheets: each in the order it first appears, its cells grouped', () => {
    expect(ranges([at('S', 7, 1), at('T', 7, 1), at('S', 8, 1), at('T', 9, 1)])).toEqual(['S!B8:B9', 'T!B8', 'T!B10']);
    expect(ranges([])).toEqual([]);
  });
});

describe('liveSum', () => {
  test('refs, then rounded cells, then numeric text as constants, with a note for each constant', () => {
    const terms: Term[] = [
      { kind: 'constant', value: -2.5, at: at('S', 9, 1), raw: '-2,50' },
      refTerm('S', 7, 1),
      { kind: 'round', at: at('S', 10, 1) },
      refTerm('S', 8, 1),
      { kind: 'constant', value: 12.5, at: at('S', 11, 1), raw: '12,50' },
    ];
    const live = liveSum(terms, 100);
    expect(live.value).toEqual({ kind: 'formula', formula: '=SUM(S!B8:B9,ROUND(S!B11,2))-2.5+12.5', result: 100 });
    expect(live.notes).toHaveLength(2);
    expect(live.notes[0]).toContain("S!B10 holds the text '-2,50'");
    expect(live.notes[1]).toContain("S!B12 holds the text '12,50'");
  });

  test('a missing cell makes the figure a number, whatever else there is', () => {
    const live = liveSum([refTerm('S', 7, 1), { kind: 'missing', at: at('S', 8, 1), raw: '#REF!' }, { kind: 'missing', at: at('T', 8, 1), raw: 'tbd' }], 3);
    expect(live.value).toEqual({ kind: 'number', value: 3 });
    expect(live.notes).toEqual(['written as the number 3.00, not a formula: S!B9 (#REF!), T!B9 (tbd) hold no readable value and count as 0']);
  });

  test('more sheets than SUM takes arguments: a number with its reason; no terms: a plain number', () => {
    const many = Array.from({ length: 300 }, (_, i) => refTerm(`S${i}x`, 7, 1));
    const live = liveSum(many, 5, 'count');
    expect(live.value).toEqual({ kind: 'number', value: 5 });
    expect(live.notes).toEqual(['written as the number 5: its source cells are too scattered for one formula']);
    expect(liveSum([], 0)).toEqual({ value: { kind: 'number', value: 0 }, notes: [] });
    // 300 cells of one sheet are one range.
    const column = Array.from({ length: 300 }, (_, i) => refTerm('S', i, 1));
    expect(liveSum(column, 1).value).toEqual({ kind: 'formula', formula: '=SUM(S!B1:B300)', result: 1 });
  });

  test('bare cells are refs: alone, mixed with other terms, and on one line or not, as the same terms made as refs', () => {
    const lists: [string, number, number][][] = [
      [['S', 7, 1], ['S', 7, 2], ['S', 7, 3]],
      [['S', 7, 1], ['S', 8, 1]],
      [['S', 7, 1], ['S', 9, 1]],
      [['S', 7, 1], ['T', 7, 1]],
      [['S', 7, 2], ['S', 7, 1]],
    ];
    for (const list of lists) {
      const asRefs = list.map(([s, r, c]) => refTerm(s, r, c));
      const bare: Term[] = list.map(([s, r, c]) => at(s, r, c));
      expect(liveSum(bare, 7)).toEqual(liveSum(asRefs, 7));
      // A bare cell before and after the first other term.
      const extra: Term = { kind: 'constant', value: 1.5, at: at('S', 20, 1), raw: '1,50' };
      expect(liveSum([bare[0], extra, ...bare.slice(1)], 7)).toEqual(liveSum([asRefs[0], extra, ...asRefs.slice(1)], 7));
      expect(liveSum([...bare, { kind: 'round', at: at('S', 30, 1) }], 7)).toEqual(liveSum([...asRefs, { kind: 'round', at: at('S', 30, 1) }], 7));
    }
    expect(liveSum([at('S', 7, 1), at('S', 7, 2)], 7).value).toEqual({ kind: 'formula', formula: '=SUM(S!B8:C8)', result: 7 });
  });
});
