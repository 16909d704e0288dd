/**
 * The report plan: what Consolidate writes, as data independent of Excel or xlsx.
 * The two appliers (src/apply/xlsx, src/apply/office) turn it into cells; the engine never touches either.
 */
import type { Severity } from '../checks/types';

export const REPORT_TAB_NAMES = ['Report Summary', 'Report By partner', 'Report Spending plan', 'Report Indicators', 'Report Checks'] as const;
export type ReportTabName = (typeof REPORT_TAB_NAMES)[number];
export const STATE_SHEET = '_clusterix';
/** Worksheet custom property (Office.js) / marker that says a tab is the add-in's own. */
export const OWNER_PROPERTY = { key: 'clusterix', value: 'report' } as const;
export const STATE_FORMAT_VERSION = 1;

export type CellStyleName =
  | 'title' // big bold title of a tab
  | 'subtitle' // project name, report date, units
  | 'header' // table header row: bold, filled, wrapped, bottom border
  | 'body'
  | 'total' // totals row: bold, top border
  | 'band' // a table's title over the full width: bold, left, no fill
  | 'note'; // small italic explanatory text

export type PlanValue =
  /** Text that must stay text, even when it starts with = + - @ (user data reaches us this way). */
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  /** A live formula (en-US, starting with '=') and the value we computed for it, cached in the cell. */
  | { kind: 'formula'; formula: string; result: number | string }
  /** A link to a cell of this workbook: text shown, target sheet and A1 cell. */
  | { kind: 'link'; text: string; sheet: string; cell: string };

export interface PlannedCell {
  /** 0-based row and column on the tab. */
  row: number;
  col: number;
  value: PlanValue;
  style?: CellStyleName;
  /** Excel number format ('#,##0.00', '0.0%', '0'). */
  numberFormat?: string;
  /** A fill that says something about the figure (HIGHLIGHT_FILL). */
  highlight?: Highlight;
  /** A note on the cell (a figure that cannot be live: why, and where its source is). */
  note?: string;
}

/**
 * Why a report cell is filled: a figure that cannot be live; a partner above 100% (warning) or 120% (error)
 * of its budget; the current period; a period not yet due; a finding's severity on Report Checks.
 */
export type Highlight = 'notLive' | 'error' | 'warning' | 'info' | 'current' | 'notDue';

export const HIGHLIGHT_FILL: Record<Highlight, string> = {
  notLive: '#F4B6E4',
  error: '#E23C3C',
  warning: '#FFD966',
  info: '#9CE8E8',
  current: '#DFF2D0',
  notDue: '#F2F2F2',
};
/** Font colour on a fill too dark for black text (none of ours is). */
export const HIGHLIGHT_FONT: Partial<Record<Highlight, string>> = {};

/** A chart on a report tab, over ranges of that tab (A1, without the sheet). */
export interface PlannedChart {
  kind: 'column' | 'line';
  title: string;
  /** Category labels: one column range. */
  categories: string;
  series: { name: string; values: string }[];
  /** Top-left and bottom-right cells it covers (0-based, the bottom-right exclusive). */
  from: { row: number; col: number };
  to: { row: number; col: number };
  yAxisTitle?: string;
}

export interface PlannedTab {
  name: ReportTabName;
  cells: PlannedCell[];
  /** Column widths in Excel character units, by 0-based column. */
  columnWidths: number[];
  /** Frozen rows and columns at the top-left (the table header). */
  freeze: { rows: number; cols: number };
  /** A1 ranges to merge (titles). */
  merges: string[];
  print: { orientation: 'portrait' | 'landscape'; fitToWidth: boolean; repeatRows: { first: number; last: number } | null; breaksBefore?: number[] };
  charts?: PlannedChart[];
  /** A1 range of a table header and body to put an autofilter on. */
  autoFilter?: string;
}

/** A finding's mark on a user's cell: a fill by severity and a note carrying the rule id and message. */
export interface Mark {
  sheet: string;
  /** A1 address of one cell (a range finding is marked on its first cell). */
  cell: string;
  severity: Severity;
  /** '[B04] Budget total … ' — several findings on one cell are joined, one line each. */
  note: string;
  rules: string[];
}

/**
 * Severity fills, told apart by more than hue: at least 3:1 luminance contrast between any two (dark red, orange,
 * light cyan), and none of them a fill of the template (#D9E1F2, #FFF2CC, #EDEDED) or of Excel's usual input cells.
 * Text on the error fill is white (MARK_FONT).
 */
export const MARK_FILL: Record<Severity, string> = { error: HIGHLIGHT_FILL.error, warning: HIGHLIGHT_FILL.warning, info: HIGHLIGHT_FILL.info };
export const MARK_FONT: Partial<Record<Severity, string>> = { error: '#FFFFFF' };
/** The author of our notes. */
export const NOTE_AUTHOR = 'ClusteriX Reporting';

/** The user's own formatting of a cell from before we marked it: restored exactly by Clear marks. */
export interface SavedCell {
  sheet: string;
  cell: string;
  /** Solid fill colour as '#RRGGBB', or null for no fill. Adapters may store a fuller fill description in `fillDetail`. */
  fill: string | null;
  fillDetail?: unknown;
  /** The user's note (or comment) text, or null for none. */
  note: string | null;
  /** Optional fuller note description (xlsx: ExcelJS rich-text note), restored in preference to `note` by the adapter that wrote it. */
  noteDetail?: unknown;
  /** Which kind of note we added: a legacy note (ExcelApi 1.18 / xlsx) or a comment (1.10 fallback). */
  markKind: 'note' | 'comment';
}

/** JSON text in A1 of the very hidden sheet _clusterix: shared by both faces. */
export interface ClusterixState {
  format: typeof STATE_FORMAT_VERSION;
  product: string;
  version: string;
  tabs: string[];
  marks: SavedCell[];
  /** Warnings accepted with a reason (checks/acceptance.ts); kept by Consolidate and Clear marks. */
  accepted?: Acceptance[];
}

/** A warning a person accepted: where, what it was computed from, why, who and when ('YYYY-MM-DD'). */
export interface Acceptance {
  rule: string;
  sheet: string;
  cell: string;
  fingerprint: string;
  reason: string;
  by: string;
  date: string;
}

export interface ReportPlan {
  tabs: PlannedTab[];
  marks: Mark[];
}
