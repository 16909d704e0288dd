/** Reading a plan in tests: cells by position or by the row's label, and every formula checked by evaluation. */
import type { PlannedCell, PlannedTab, ReportPlan } from '../../../src/plan/types';
import type { WorkbookSnapshot } from '../../../src/snapshot/types';
import { Evaluator } from './evaluate';

export function tab(plan: ReportPlan, name: string): PlannedTab {
  const t = plan.tabs.find((x) => x.name === name);
  if (!t) throw new Error(`no tab ${name}`);
  return t;
}

export function at(t: PlannedTab, row: number, col: number): PlannedCell | undefined {
  return t.cells.find((c) => c.row === row && c.col === col);
}

/** The row whose cell in `col` shows `label`. */
export function rowOf(t: PlannedTab, label: string, col = 0): number {
  const c = t.cells.find((x) => x.col === col && x.value.kind === 'text' && x.value.text === label);
  if (!c) throw new Error(`no row labelled ${label} on ${t.name}`);
  return c.row;
}

/** The number a cell shows: a formula's cached result or a plain number. */
export function shown(c: PlannedCell | undefined): number | string | null {
  if (!c) return null;
  const v = c.value;
  return v.kind === 'number' ? v.value : v.kind === 'formula' ? v.result : v.text;
}

export function formulas(plan: ReportPlan): { tab: string; cell: PlannedCell; formula: string; result: number | string }[] {
  return plan.tabs.flatMap((t) => t.cells.flatMap((c) => (c.value.kind === 'formula' ? [{ tab: t.name, cell: c, formula: c.value.formula, result: c.value.result }] : [])));
}

/** Each formula evaluated over the snapshot and the plan, against its cached result: to the cent, or 1e-9 for ratios. */
export function disagreements(snapshot: WorkbookSnapshot, plan: ReportPlan): string[] {
  const ev = new Evaluator(snapshot, plan);
  const out: string[] = [];
  for (const f of formulas(plan)) {
    const got = ev.evaluate(f.formula, f.tab);
    const ok =
      typeof f.result === 'number' && typeof got === 'number'
        ? f.cell.numberFormat?.includes('%')
          ? Math.abs(got - f.result) < 1e-9
          : Math.round(got * 100) === Math.round(f.result * 100)
        : got === f.result;
    if (!ok) out.push(`${f.tab} r${f.cell.row}c${f.cell.col} ${f.formula}: computed ${String(got)}, cached ${String(f.result)}`);
  }
  return out;
}

/** Every row whose cell in `col` shows `label`, top to bottom. */
export function rowsOf(t: PlannedTab, label: string, col = 0): number[] {
  return t.cells.filter((x) => x.col === col && x.value.kind === 'text' && x.value.text === label).map((c) => c.row).sort((a, b) => a - b);
}
