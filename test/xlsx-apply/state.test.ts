import { clearMarks, emptyState, isOurTab, joinStateChunks, mergeMarks, parseState, serializeState, stateChunks, type CellLook } from '../../src/plan/state';
import { MARK_FILL, REPORT_TAB_NAMES, type Mark } from '../../src/plan/types';

const mark = (sheet: string, cell: string, severity: Mark['severity'] = 'error'): Mark => ({
  sheet,
  cell,
  severity,
  note: `[B04] something on ${cell}`,
  rules: ['B04'],
});

/** A fake sheet: what each cell shows now. */
function looks(cells: Record<string, CellLook>) {
  return (sheet: string, cell: string): CellLook => cells[`${sheet}!${cell}`] ?? { fill: null, note: null };
}

describe('parseState', () => {
  it.each([[''], ['   '], ['not json'], ['{"format":2}'], ['[]'], ['null'], ['{"format":1,"tabs":"x"}']])(
    'reads %p as the empty state',
    (text) => {
      expect(parseState(text)).toEqual(emptyState());
    },
  );

  it('reads absent text as the empty state', () => {
    expect(parseState(null)).toEqual(emptyState());
    expect(parseState(undefined)).toEqual(emptyState());
  });

  it('round-trips a full state, details included', () => {
    const s = {
      ...emptyState(),
      tabs: [...REPORT_TAB_NAMES],
      marks: [
        { sheet: 'Budget WP', cell: 'J12', fill: '#00FF00', fillDetail: { type: 'pattern' }, note: 'mine', noteDetail: { texts: [] }, markKind: 'note' as const },
        { sheet: 'Project', cell: 'B3', fill: null, note: null, markKind: 'comment' as const },
      ],
    };
    expect(parseState(serializeState(s))).toEqual(s);
  });
});

describe('mergeMarks', () => {
  const opts = { tabs: [...REPORT_TAB_NAMES], markKind: 'note' as const };

  it('saves the user look of a newly marked cell', () => {
    const r = mergeMarks(emptyState(), [mark('S', 'A1')], looks({ 'S!A1': { fill: '#112233', note: 'user note' } }), opts);
    expect(r.state.marks).toEqual([{ sheet: 'S', cell: 'A1', fill: '#112233', note: 'user note', markKind: 'note' }]);
    expect(r.restore).toEqual([]);
    expect(r.apply.map((m) => m.cell)).toEqual(['A1']);
    expect(r.state.tabs).toEqual([...REPORT_TAB_NAMES]);
  });

  it('keeps the ORIGINAL look of a cell marked before, never our own mark', () => {
    const first = mergeMarks(emptyState(), [mark('S', 'A1')], looks({ 'S!A1': { fill: null, note: 'orig' } }), opts);
    // The cell now shows our mark; a second run must not save that as the user's.
    const ourLook = looks({ 'S!A1': { fill: MARK_FILL.error, note: '[B04] something on A1' } });
    const second = mergeMarks(parseState(serializeState(first.state)), [mark('S', 'a1', 'warning')], ourLook, opts);
    expect(second.state.marks).toEqual([{ sheet: 'S', cell: 'A1', fill: null, note: 'orig', markKind: 'note' }]);
    expect(second.restore).toEqual([]);
  });

  it('restores cells no longer marked, and marks new ones', () => {
    const prev = { ...emptyState(), tabs: opts.tabs, marks: [{ sheet: 'S', cell: 'A1', fill: '#ABCDEF', note: null, markKind: 'note' as const }] };
    const r = mergeMarks(prev, [mark('S', 'B2')], looks({ 'S!B2': { fill: null, note: null } }), opts);
    expect(r.restore).toEqual(prev.marks);
    expect(r.state.marks).toEqual([{ sheet: 'S', cell: 'B2', fill: null, note: null, markKind: 'note' }]);
  });

  it('marks a cell once when two marks name it', () => {
    const read = jest.fn(() => ({ fill: null, note: null }));
    const r = mergeMarks(emptyState(), [mark('S', 'A1'), mark('S', 'A1', 'warning')], read, opts);
    expect(r.apply).toHaveLength(1);
    expect(r.state.marks).toHaveLength(1);
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('keeps cells on different sheets apart', () => {
    const r = mergeMarks(emptyState(), [mark('S', 'A1'), mark('T', 'A1')], looks({ 'T!A1': { fill: '#000000', note: null } }), opts);
    expect(r.state.marks.map((m) => [m.sheet, m.fill])).toEqual([
      ['S', null],
      ['T', '#000000'],
    ]);
  });
});

describe('clearMarks and isOurTab', () => {
  it('restores every saved cell and leaves an empty state', () => {
    const prev = { ...emptyState(), tabs: ['Report Summary'], marks: [{ sheet: 'S', cell: 'A1', fill: null, note: 'n', markKind: 'note' as const }] };
    const r = clearMarks(prev);
    expect(r.restore).toEqual(prev.marks);
    expect(r.state).toEqual(emptyState());
  });

  it('knows our tabs by the state, whatever the case', () => {
    const s = { ...emptyState(), tabs: ['Report Summary'] };
    expect(isOurTab(s, 'report summary')).toBe(true);
    expect(isOurTab(s, 'Report Checks')).toBe(false);
  });
});

describe('state in column A', () => {
  it('splits a long state into cells Excel accepts and joins it back', () => {
    const marks = Array.from({ length: 800 }, (_, i) => ({ sheet: 'Budget sheet with a long name', cell: `A${i + 1}`, fill: null, note: 'x'.repeat(60), markKind: 'note' as const }));
    const s = { ...emptyState(), tabs: [...REPORT_TAB_NAMES], marks };
    const chunks = stateChunks(s);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.every((c) => c.length <= 32767)).toBe(true);
    expect(parseState(joinStateChunks([...chunks, null, 'stray']))).toEqual(s);
  });
});
