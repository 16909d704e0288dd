/**
 * What a report tab has beyond cells and styles, through Office.js: fills that say something (figures that cannot
 * be live, partners over budget, the current period, severities), notes on report cells (ExcelApi 1.18 notes, or
 * 1.10 comments), the Checks list's autofilter, page breaks and the footer (1.9), and the charts (1.7: charts.add,
 * series.add, setValues, setXAxisValues), each over ranges of the tab itself.
 */
import { HIGHLIGHT_FILL, type PlannedChart, type PlannedTab } from '../../plan/types';
import { a1 } from '../../util/a1';
import { sheetCell } from './address';
import { OPS, stepsOf, type WriteQueue } from './queue';
import { noteBox } from '../../plan/note-size';

/** A note's width and height: two property sets on the note just made (weighed like a link each, not measured). */
export const NOTE_BOX_OPS = 1.6;

/** A note's box sized to its text (ExcelApi 1.18, as notes themselves). */
export function sizeNote(note: Excel.Note, text: string): void {
  const box = noteBox(text);
  note.width = box.width;
  note.height = box.height;
}


export function queueTabExtras(queue: WriteQueue, sheetName: string, tab: PlannedTab, noteKind: 'note' | 'comment' | null): void {
  const sheet = (context: Excel.RequestContext) => context.workbook.worksheets.getItem(sheetName);
  const fills = fillRuns(tab);
  for (const block of stepsOf(fills, OPS.fillOnSheet, queue.chunkBytes)) {
    queue.add((context) => {
      const ws = sheet(context);
      for (const f of block) ws.getRange(f.address).format.fill.color = f.color;
    }, block, block.length * OPS.fillOnSheet);
  }
  const notes = noteKind ? tab.cells.flatMap((c) => (c.note ? [{ address: a1(c.row, c.col), text: c.note }] : [])) : [];
  for (const block of stepsOf(notes, OPS.fillAndText + NOTE_BOX_OPS, queue.chunkBytes)) {
    queue.add((context) => {
      const ws = sheet(context);
      for (const n of block) {
        if (noteKind === 'note') sizeNote(ws.notes.add(n.address, n.text), n.text);
        else context.workbook.comments.add(sheetCell(sheetName, n.address), n.text);
      }
    }, block, block.length * (OPS.fillAndText + (noteKind === 'note' ? NOTE_BOX_OPS : 0)));
  }
  queue.add(
    (context) => {
      const ws = sheet(context);
      if (tab.autoFilter) ws.autoFilter.apply(ws.getRange(tab.autoFilter));
      for (const row of tab.print.breaksBefore ?? []) ws.horizontalPageBreaks.add(ws.getRange(`A${row + 1}`));
      const footer = ws.pageLayout.headersFooters.defaultForAllPages;
      footer.leftFooter = '&A';
      footer.rightFooter = 'Page &P of &N';
    },
    [tab.autoFilter, tab.print.breaksBefore],
    4,
  );
  for (const chart of tab.charts ?? []) queue.add((context) => addChart(sheet(context), chart), chart, 10);
}

/**
 * Highlighted cells as ranges: neighbours in a row with one fill are one run, and runs over the same columns
 * on rows one under the other with the same fill are one range (the not-yet-due periods of a block are one fill).
 */
export function fillRuns(tab: PlannedTab): { address: string; color: string }[] {
  const cells = tab.cells.filter((c) => c.highlight).sort((a, b) => a.row - b.row || a.col - b.col);
  const runs: { top: number; bottom: number; left: number; right: number; color: string }[] = [];
  /** The run that ended on the row above, by its columns and fill, so the next row's equal run extends it. */
  const open = new Map<string, (typeof runs)[number]>();
  for (let i = 0; i < cells.length; ) {
    const first = cells[i];
    const color = HIGHLIGHT_FILL[first.highlight!];
    let last = first;
    while (i + 1 < cells.length && cells[i + 1].row === first.row && cells[i + 1].col === last.col + 1 && HIGHLIGHT_FILL[cells[i + 1].highlight!] === color) last = cells[++i];
    i++;
    const key = `${first.col}:${last.col}:${color}`;
    const above = open.get(key);
    if (above && above.bottom === first.row - 1) above.bottom = first.row;
    else {
      const run = { top: first.row, bottom: first.row, left: first.col, right: last.col, color };
      runs.push(run);
      open.set(key, run);
    }
  }
  return runs.map((r) => ({ address: r.top === r.bottom && r.left === r.right ? a1(r.top, r.left) : `${a1(r.top, r.left)}:${a1(r.bottom, r.right)}`, color: r.color }));
}

function addChart(ws: Excel.Worksheet, chart: PlannedChart): void {
  const [first, ...rest] = chart.series;
  if (!first) return;
  const c = ws.charts.add(chart.kind === 'column' ? 'ColumnClustered' : 'LineMarkers', ws.getRange(first.values), 'Columns');
  c.title.text = chart.title;
  c.legend.position = 'Bottom';
  const s0 = c.series.getItemAt(0);
  s0.name = first.name;
  s0.setXAxisValues(ws.getRange(chart.categories));
  for (const s of rest) {
    const added = c.series.add(s.name);
    added.setValues(ws.getRange(s.values));
    added.setXAxisValues(ws.getRange(chart.categories));
  }
  c.setPosition(a1(chart.from.row, chart.from.col), a1(chart.to.row - 1, chart.to.col - 1));
}
