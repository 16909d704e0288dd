/** Why a figure on our tabs is not a plain live SUM: listed on the Checks tab, each with a link to the figure. */
import type { ReportTabName } from './types';
import type { LiveFigure } from './formula';
import type { TabBuilder } from './frame';
import { a1 } from '../util/a1';

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
  place(tab: TabBuilder, row: number, col: number, figure: LiveFigure, what: string, numberFormat: string): void {
    tab.put(row, col, figure.value, 'body', numberFormat);
    for (const text of figure.notes) this.list.push({ tab: tab.name, cell: a1(row, col), what, text });
  }

  add(tab: ReportTabName, row: number, col: number, what: string, text: string): void {
    this.list.push({ tab, cell: a1(row, col), what, text });
  }
}
