/**
 * The fake's tables under whole-row moves (tables.ts, written apart from src/plan/row-moves.ts) against the shared
 * rule with Excel's own insert (movedTableSpan, joinBelow false), over every single move near a small table: the
 * two agree. The hand-worked cases are in test/office-wire/tables.test.ts.
 */
import { newSheet } from './model';
import { tablesAfterRows, tablesOf, type FakeTable } from './tables';
import { movedTableSpan } from '../../src/plan/row-moves';

describe("the fake's tables and the shared rule (Excel's insert)", () => {
  it('agree on every insert and delete of 1 to 3 rows at rows 0..12 around tables on rows 2..7', () => {
    let cases = 0;
    for (const header of [0, 1])
      for (const totals of [0, 1])
        for (let at = 0; at <= 12; at++)
          for (const count of [-3, -2, -1, 1, 2, 3]) {
            const sheet = newSheet('S');
            const t: FakeTable = { id: '1', name: 'T', top: 2, bottom: 7, left: 0, right: 2, showHeaders: header === 1, showTotals: totals === 1 };
            tablesOf(sheet).push(t);
            tablesAfterRows(sheet, at, count);
            const fake = tablesOf(sheet).includes(t) ? { top: t.top, bottom: t.bottom } : null;
            expect([header, totals, at, count, fake]).toEqual([header, totals, at, count, movedTableSpan([{ sheet: 'S', at, count }], 'S', 2, 7, header, totals, false)]);
            cases++;
          }
    expect(cases).toBe(312);
  });

  it('a table without a header whose rows all go is gone; one with a header keeps it and one row', () => {
    const sheet = newSheet('S');
    const bare: FakeTable = { id: '1', name: 'Bare', top: 2, bottom: 4, left: 0, right: 2, showHeaders: false, showTotals: false };
    const headed: FakeTable = { id: '2', name: 'Headed', top: 10, bottom: 14, left: 0, right: 2, showHeaders: true, showTotals: false };
    tablesOf(sheet).push(bare, headed);
    tablesAfterRows(sheet, 11, -4); // rows 12..15 (Headed's data rows)
    tablesAfterRows(sheet, 2, -3); // rows 3..5 (all of Bare)
    expect(tablesOf(sheet).map((t) => [t.name, t.top, t.bottom])).toEqual([['Headed', 7, 8]]);
  });
});
