/**
 * The last change to the package Consolidate writes: the report tabs' charts, and our notes by "ClusteriX
 * Reporting" in boxes sized to their text. It works on the parts as texts: the package writer's report tabs
 * are never encoded only to be decoded here again, and in a strict OOXML package the writer spells what is
 * set here in strict's namespaces as it does its own parts.
 */
import type { ReportPlan } from '../../plan/types';
import { a1 } from '../../util/a1';
import { addCharts, type PartTexts } from './charts';
import { patchOurNotes } from './note-parts';

export function addReportParts(pkg: PartTexts, plan: ReportPlan): void {
  addCharts(pkg, plan.tabs);
  const ours = new Map<string, Map<string, string>>();
  const add = (sheet: string, cell: string, text: string) => {
    const m = ours.get(sheet) ?? new Map<string, string>();
    m.set(cell, text);
    ours.set(sheet, m);
  };
  for (const m of plan.marks) add(m.sheet, m.cell, m.note);
  for (const t of plan.tabs) {
    const cells = t.cells;
    for (let i = 0; i < cells.length; i++) if (cells[i].note) add(t.name, a1(cells[i].row, cells[i].col), cells[i].note!);
  }
  patchOurNotes(pkg, ours, new Set(plan.tabs.map((t) => t.name)));
}
