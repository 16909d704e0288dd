/**
 * The frame every report tab shares: title, project, report date, units, then the table with a frozen,
 * repeated header; printed landscape, fit to the page width.
 */
import { a1, columnLetters } from '../util/a1';
import type { CellStyleName, Highlight, PlannedCell, PlannedTab, PlanValue, ReportTabName } from './types';
import { flatten, textValue } from './text';

export interface FrameInfo {
  project: string;
  programme?: string | null;
  reportDate: string | null;
  /** 'P6 (2018-10-01 to 2019-03-31)': the period the report date falls in. */
  currentPeriod?: string | null;
  /** The source workbook's file name. */
  sourceName?: string | null;
  /** The time of the run in the user's local form, '30 Nov 2026 23:42'. */
  runTime?: string;
  version?: string;
}

/** Row of the header block's line that counts the figures that cannot be live (filled in once all tabs are built). */
export const NOT_LIVE_ROW = 4;

export class TabBuilder {
  readonly cells: PlannedCell[] = [];
  readonly merges: string[] = [];

  constructor(
    readonly name: ReportTabName,
    readonly columnWidths: number[],
  ) {}

  /**
   * The fill of the cells put from now on, until set back to undefined: set for a whole row whose fill is known
   * before its cells are (Spending plan's current and not-yet-due periods). A cell made with its `highlight` holds
   * it in the object itself; one added afterwards costs the cell a second object for its extra property.
   */
  rowHighlight: Highlight | undefined = undefined;

  put(row: number, col: number, value: PlanValue, style: CellStyleName = 'body', numberFormat?: string): PlannedCell {
    // row | 0, col | 0: kept small integers (Smi) in the cell, even where an optimized caller holds them as doubles;
    // one double stored would make every later cell carry boxed numbers (64k cells at 500 partners).
    const highlight = this.rowHighlight;
    let cell: PlannedCell;
    if (highlight === undefined) cell = numberFormat ? { row: row | 0, col: col | 0, value, style, numberFormat } : { row: row | 0, col: col | 0, value, style };
    else cell = numberFormat ? { row: row | 0, col: col | 0, value, style, numberFormat, highlight } : { row: row | 0, col: col | 0, value, style, highlight };
    if (value.kind === 'formula') flatten(value.formula);
    this.cells.push(cell);
    return cell;
  }

  /** The value of each text put on this tab: cells with the same text share it (plan values are never changed). */
  private readonly texts = new Map<string, PlanValue>();

  text(row: number, col: number, text: string, style: CellStyleName = 'body'): void {
    // Spending plan repeats a few texts on every partner's period rows ('reported', 'not yet due', the labels).
    let value = this.texts.get(text);
    if (value === undefined) this.texts.set(text, (value = textValue(text)));
    this.put(row, col, value, style);
  }

  /**
   * The header block every tab shares, from row 0: title; project and programme; report date and the current
   * period; source file, time of the run and version; the count of figures that cannot be live (row NOT_LIVE_ROW,
   * written by setNotLiveCount); then `lines`. Returns the row where the table's header goes.
   */
  frame(title: string, info: FrameInfo, lines: string[]): number {
    const span = Math.max(1, this.columnWidths.length);
    this.text(0, 0, title, 'title');
    if (span > 1) this.merges.push(`A1:${columnLetters(span - 1)}1`);
    const programme = info.programme ? `   Programme: ${info.programme}` : '';
    const date = info.reportDate ? `Report date: ${info.reportDate}${info.currentPeriod ? `, in period ${info.currentPeriod}` : ', in no period of the Periods table'}` : 'Report date: not given on the Project sheet';
    const source = [`Source: ${info.sourceName || 'this workbook'}`, info.runTime ? `run ${info.runTime}` : '', info.version ?? ''].filter((x) => x).join('   ');
    const subtitles = [`Project: ${info.project || '(no project acronym)'}${programme}`, date, source, '', ...lines];
    subtitles.forEach((t, i) => {
      if (t) this.text(1 + i, 0, t, 'subtitle');
    });
    return subtitles.length + 2;
  }

  /** A merged label over columns c1..c2 of one row (a group of columns in a two-row header). */
  group(row: number, c1: number, c2: number, text: string): void {
    this.text(row, c1, text, 'header');
    for (let c = c1 + 1; c <= c2; c++) this.put(row, c, textValue(''), 'header');
    if (c2 > c1) this.merges.push(`${a1(row, c1)}:${a1(row, c2)}`);
  }

  /** A table's title across columns c1..c2 (merged), above its rows. */
  band(row: number, c1: number, c2: number, text: string): void {
    this.text(row, c1, text, 'band');
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

/** The header block's count of figures that cannot be live, on one tab. */
export function setNotLiveCount(tab: PlannedTab, count: number): void {
  const text = count === 0 ? 'Every figure is a live formula over the sheets.' : `${count} ${count === 1 ? 'figure cannot be a live formula: it is' : 'figures cannot be live formulas: they are'} filled pink, with a note saying why and where the source is.`;
  tab.cells.push({ row: NOT_LIVE_ROW, col: 0, value: textValue(text), style: 'subtitle' });
}
