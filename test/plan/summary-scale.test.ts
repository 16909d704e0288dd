import { consolidateWorkbook } from '../../src/engine';
import { bigProfile, bigWorkbookSnapshot } from '../support/big-workbook';
import type { PlannedTab } from '../../src/plan/types';

const cell = (tab: PlannedTab, row: number, col: number) => tab.cells.find((c) => c.row === row && c.col === col)!;

describe('the Summary stays live at any project size', () => {
  it.each([11, 500])('with %d partners every budget line is a formula over the By partner totals', (n) => {
    const { plan, figures } = consolidateWorkbook(bigWorkbookSnapshot(n), { profile: bigProfile(n), now: new Date('2026-11-28T10:00:00Z') });
    const summary = plan.tabs.find((t) => t.name === 'Report Summary')!;
    const byPartner = plan.tabs.find((t) => t.name === 'Report By partner')!;
    const header = summary.cells.find((c) => c.value.kind === 'text' && c.value.text === 'Budget line')!.row;
    const staff = cell(summary, header + 1, 1).value;
    expect(staff.kind).toBe('formula');
    if (staff.kind !== 'formula') return;
    const m = /^='Report By partner'!([A-Z]+)(\d+)$/.exec(staff.formula)!;
    expect(m).not.toBeNull();
    const target = byPartner.cells.find((c) => c.row === Number(m[2]) - 1 && c.col === 3)!.value;
    expect(target.kind).toBe('formula');
    expect(staff.result).toBe(figures.totals.budget.staff / 100);
    expect(target.kind === 'formula' && target.result).toBe(staff.result);
  });
});
