/**
 * What ExcelJS cannot write, added to the package it wrote: the report tabs' charts, and our notes' author and
 * box size. One unzip and one zip of the whole package.
 */
import { unzipSync, zipSync } from 'fflate';
import type { ReportPlan } from '../../plan/types';
import { a1 } from '../../util/a1';
import { addCharts } from './charts';
import { patchOurNotes } from './note-parts';

export function finishPackage(xlsx: Uint8Array, plan: ReportPlan): Uint8Array {
  const pkg = unzipSync(xlsx);
  addCharts(pkg, plan.tabs);
  const ours = new Map<string, Map<string, string>>();
  const add = (sheet: string, cell: string, text: string) => {
    const m = ours.get(sheet) ?? new Map<string, string>();
    m.set(cell, text);
    ours.set(sheet, m);
  };
  for (const m of plan.marks) add(m.sheet, m.cell, m.note);
  for (const t of plan.tabs) for (const c of t.cells) if (c.note) add(t.name, a1(c.row, c.col), c.note);
  patchOurNotes(pkg, ours);
  return zipSync(pkg, { level: 6 });
}
