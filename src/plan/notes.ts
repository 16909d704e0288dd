/**
 * Figures on our tabs that cannot be plain live formulas (numeric text, an error value, a missing cell or row):
 * each is filled and carries a note on the report cell itself (why, and where the source is), and is listed
 * on the Checks tab with a link to it; the header block counts them.
 */
import type { PlannedCell, ReportTabName } from './types';
import type { LiveFigure } from './formula';
import type { TabBuilder } from './frame';
import { a1 } from '../util/a1';
import { cutText } from './text';

export interface FigureNote {
  tab: ReportTabName;
  cell: string;
  /** The figure in words: 'Budget ecoplus, Staff costs, planned'. */
  what: string;
  text: string;
}

export class FigureNotes {
  readonly list: FigureNote[] = [];

  /** Put a live figure on a tab and keep its notes. */
  place(tab: TabBuilder, row: number, col: number, figure: LiveFigure, what: string, numberFormat: string): PlannedCell {
    const cell = tab.put(row, col, figure.value, 'body', numberFormat);
    // Indexed: most figures have no note, and for…of would make an iterator for each in unoptimized code.
    for (let i = 0; i < figure.notes.length; i++) this.note(tab, cell, what, figure.notes[i]);
    return cell;
  }

  /** Mark `cell` as a figure that cannot be live: fill, note on the cell, a row on the Checks tab. */
  note(tab: TabBuilder, cell: PlannedCell, what: string, text: string): void {
    this.list.push({ tab: tab.name, cell: a1(cell.row, cell.col), what, text });
    cell.highlight = 'notLive';
    const line = `Not live (${what}): ${text}.`;
    cell.note = cutText(cell.note ? `${cell.note}\n${line}` : line, 600);
  }

  add(tab: TabBuilder, row: number, col: number, what: string, text: string): void {
    const cell = tab.cells.find((c) => c.row === row && c.col === col);
    if (cell) this.note(tab, cell, what, text);
    else this.list.push({ tab: tab.name, cell: a1(row, col), what, text });
  }
}
