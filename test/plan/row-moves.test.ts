/** Rows inserted and deleted: addresses, formulas and our state moved as Excel moves them (expectations by hand). */
import { marksAbove, movedAddress, movedFormatSpan, movedFormula, movedRow, movedState, type RowMove } from '../../src/plan/row-moves';
import { emptyState } from '../../src/plan/state';

// Two rows go in before row 12 (1-based) of Indicators, then row 20 (1-based, after the insert) goes.
const MOVES: RowMove[] = [
  { sheet: 'Indicators', at: 11, count: 2 },
  { sheet: 'Indicators', at: 19, count: -1 },
];

describe('row moves', () => {
  it('moves rows below an insert, deletes rows, leaves rows above and other sheets', () => {
    expect(movedRow(MOVES, 'Indicators', 10)).toBe(10); // row 11 stays
    expect(movedRow(MOVES, 'Indicators', 11)).toBe(13); // row 12 -> 14
    expect(movedRow(MOVES, 'indicators', 16)).toBe(18); // row 17 -> 19 (names case-blind)
    expect(movedRow(MOVES, 'Indicators', 17)).toBeNull(); // row 18 -> 20, deleted
    expect(movedRow(MOVES, 'Indicators', 18)).toBe(19); // row 19 -> 21 -> 20
    expect(movedRow(MOVES, 'Project', 30)).toBe(30);
  });

  it('grows and shrinks ranges as Excel does', () => {
    expect(movedAddress(MOVES, 'Indicators', 'K4:K80')).toBe('K4:K81'); // +2 -1
    expect(movedAddress(MOVES, 'Indicators', '$A$12:$C$12')).toBe('$A$14:$C$14');
    expect(movedAddress(MOVES, 'Indicators', 'B18')).toBeNull();
    expect(movedAddress(MOVES, 'Indicators', 'B18:D18')).toBeNull();
    expect(movedAddress(MOVES, 'Indicators', 'B17:D18')).toBe('B19:D19');
    expect(movedAddress(MOVES, 'Indicators', '3:12')).toBe('3:14');
    expect(movedAddress([{ sheet: 'S', at: 4, count: -3 }], 'S', 'A3:A6')).toBe('A3:A4'); // rows 5-7 go: 3..6 -> 3..4
    expect(movedAddress([{ sheet: 'S', at: 4, count: -3 }], 'S', 'A6:A9')).toBe('A5:A6'); // 6..9: 6,7 go, 8..9 -> 5..6
  });

  it("grows a conditional format's or validation's range by rows inserted right under it (they copy the row above)", () => {
    expect(movedAddress(MOVES, 'Indicators', 'B11', movedFormatSpan)).toBe('B11:B13');
    expect(movedAddress(MOVES, 'Indicators', '$K$4:$K$11', movedFormatSpan)).toBe('$K$4:$K$13');
    expect(movedAddress(MOVES, 'Indicators', 'B12', movedFormatSpan)).toBe('B14');
    expect(movedAddress(MOVES, 'Indicators', 'B10', movedFormatSpan)).toBe('B10');
    // A formula's reference does not grow: a SUM ending on the row above the new rows stays as it was.
    expect(movedAddress(MOVES, 'Indicators', 'K4:K11')).toBe('K4:K11');
  });

  it('moves references in formula text: own sheet unqualified, other sheets by name, strings untouched', () => {
    expect(movedFormula('=SUM(K4:K80)', 'Indicators', MOVES)).toBe('=SUM(K4:K81)');
    expect(movedFormula('=SUM(C12:J12)', 'Indicators', MOVES)).toBe('=SUM(C14:J14)');
    expect(movedFormula('=Indicators!K90+\'Indicators\'!$K$5*2', 'Summary', MOVES)).toBe("=Indicators!K91+'Indicators'!$K$5*2");
    expect(movedFormula('=K90&"K90"', 'Summary', MOVES)).toBe('=K90&"K90"');
    expect(movedFormula('=Indicators!B18+1', 'Summary', MOVES)).toBe('=Indicators!#REF!+1');
    expect(movedFormula('=LOG10(K30)+ROWS(Indicators!12:13)', 'Indicators', MOVES)).toBe('=LOG10(K31)+ROWS(Indicators!14:15)') // row 30 -> 32, then row 20 goes: 31;
    expect(movedFormula("='Budget WP'!C12", 'Indicators', MOVES)).toBe("='Budget WP'!C12");
    expect(movedFormula('=[1]Indicators!K30+Indicators!K30', 'Summary', MOVES)).toBe('=[1]Indicators!K30+Indicators!K31');
  });

  it('moves saved marks with their cells; drops a deleted one and an accepted warning that moved', () => {
    const mark = (cell: string) => ({ sheet: 'Indicators', cell, fill: '#00FF00', note: null, markKind: 'note' as const });
    const acc = (cell: string) => ({ rule: 'I04', sheet: 'Indicators', cell, fingerprint: 'x', reason: 'ok', by: 'AB', date: '2026-01-01' });
    const state = { ...emptyState(), marks: [mark('B5'), mark('K12'), mark('C18')], accepted: [acc('B5'), acc('K30')] };
    const moved = movedState(state, MOVES);
    expect(moved.marks.map((m) => m.cell)).toEqual(['B5', 'K14']);
    expect(moved.marks[1]).toEqual(mark('K14'));
    expect(moved.accepted!.map((a) => a.cell)).toEqual(['B5']);
  });

  it('finds the marked cells whose row new rows are inserted under, and where those new cells end up', () => {
    const mark = (cell: string, fill: string | null) => ({ sheet: 'Indicators', cell, fill, note: null, markKind: 'note' as const });
    // Row 11 (1-based) is marked in B and D; two rows go in under it (before row 12), then row 20 goes.
    const state = { ...emptyState(), marks: [mark('B11', '#C6EFCE'), mark('D11', null), mark('B12', null)] };
    expect(marksAbove(state, MOVES)).toEqual([
      { move: 0, col: 1, saved: mark('B11', '#C6EFCE'), cells: ['B12', 'B13'] },
      { move: 0, col: 3, saved: mark('D11', null), cells: ['D12', 'D13'] },
    ]);
    // An insert lower down, after an earlier one moved the marked row: the mark's row at that time counts.
    expect(marksAbove(state, [{ sheet: 'Indicators', at: 30, count: 1 }, { sheet: 'Indicators', at: 2, count: 1 }]).map((l) => l.cells)).toEqual([]);
    expect(marksAbove(state, [{ sheet: 'Indicators', at: 2, count: 1 }, { sheet: 'Indicators', at: 12, count: 1 }]).map((l) => [l.move, l.cells])).toEqual([
      [1, ['B13']],
      [1, ['D13']],
    ]);
  });
});
