/** Highlights sent to Excel as few ranges as they make: runs in a row, and equal runs on rows one under the other. */
import { fillRuns } from '../../src/apply/office/tab-extras';
import { HIGHLIGHT_FILL, type PlannedCell, type PlannedTab } from '../../src/plan/types';

const cell = (row: number, col: number, highlight?: PlannedCell['highlight']): PlannedCell => ({ row, col, value: { kind: 'text', text: '' }, style: 'body', ...(highlight ? { highlight } : {}) });
const tab = (cells: PlannedCell[]) => ({ name: 'Report Spending plan', cells, columnWidths: [], freeze: { rows: 0, cols: 0 }, merges: [], print: { orientation: 'landscape', fitToWidth: true, repeatRows: null } }) as PlannedTab;

test('a current row and two not-yet-due rows under it: two ranges; a lone cell and a gap stay apart', () => {
  const row = (r: number, h: PlannedCell['highlight']) => [0, 1, 2].map((c) => cell(r, c, h));
  const cells = [...row(5, 'current'), ...row(6, 'notDue'), ...row(7, 'notDue'), cell(9, 1, 'notDue'), cell(10, 0, 'notDue'), cell(10, 2, 'notDue'), cell(11, 0)];
  expect(fillRuns(tab(cells))).toEqual([
    { address: 'A6:C6', color: HIGHLIGHT_FILL.current },
    { address: 'A7:C8', color: HIGHLIGHT_FILL.notDue },
    { address: 'B10', color: HIGHLIGHT_FILL.notDue },
    { address: 'A11', color: HIGHLIGHT_FILL.notDue },
    { address: 'C11', color: HIGHLIGHT_FILL.notDue },
  ]);
});
