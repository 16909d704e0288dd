/**
 * The frame every report tab shares: title, project, report date, units, then the table with a frozen,
 * repeated header; printed landscape, fit to the page width.
 */
import { a1, columnLetters } from '../util/a1';
import type { CellStyleName, PlannedCell, PlannedTab, PlanValue, ReportTabName } from './types';
import { textValue } from './text';

export interface FrameInfo {
  project: string;
  reportDate: string | null;
}

export class TabBuilder {
  readonly cells: PlannedCell[] = [];
  readonly merges: string[] = [];

  constructor(
    readonly name: ReportTabName,
    readonly columnWidths: number[],
  ) {}

  put(row: number, col: number, value: PlanValue, style: CellStyleName = 'body', numberFormat?: string): void {
    this.cells.push(numberFormat ? { row, col, value, style, numberFormat } : { row, col, value, style });
  }

  text(row: number, col: number, text: string, style: CellStyleName = 'body'): void {
    this.put(row, col, textValue(text), style);
  }

  /** Title and subtitle lines from row 0; returns the row where the table's header goes. */
  frame(title: string, info: FrameInfo, lines: string[]): number {
    const span = Math.max(1, this.columnWidths.length);
    this.text(0, 0, title, 'title');
    if (span > 1) this.merges.push(`A1:${columnLetters(span - 1)}1`);
    const subtitles = [`Project: ${info.project || '(no project acronym)'}`, `Report date: ${info.reportDate ?? 'not given on the Project sheet'}`, ...lines];
    subtitles.forEach((t, i) => this.text(1 + i, 0, t, 'subtitle'));
    return subtitles.length + 2;
  }

  /** A merged label over columns c1..c2 of one row (a group of columns in a two-row header). */
  group(row: number, c1: number, c2: number, text: string): void {
    this.text(row, c1, text, 'header');
    for (let c = c1 + 1; c <= c2; c++) this.put(row, c, textValue(''), 'header');
    if (c2 > c1) this.merges.push(`${a1(row, c1)}:${a1(row, c2)}`);
  }

  headerRow(row: number, labels: string[], firstCol = 0): void {
    labels.forEach((l, i) => this.text(row, firstCol + i, l, 'header'));
  }

  build(header: { first: number; last: number }, freezeCols: number): PlannedTab {
    return {
      name: this.name,
      cells: this.cells,
      columnWidths: this.columnWidths,
      freeze: { rows: header.last + 1, cols: freezeCols },
      merges: this.merges,
      print: { orientation: 'landscape', fitToWidth: true, repeatRows: header },
    };
  }
}

export const UNITS_EUR = 'Amounts in EUR';
