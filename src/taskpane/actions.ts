/**
 * What the task pane and the ribbon can ask of the host. The React components receive these as props and never
 * touch Office.js; src/apply/office implements them over Excel.run, tests pass fakes.
 */
import type { Finding, RuleExplanation } from '../checks/types';
import type { PresetId } from '../rules/types';

export type Progress = (step: string, fraction: number) => void;

export interface SeverityCounts {
  /** Errors that are data errors (not "still to fill in"). */
  error: number;
  /** Warnings not accepted. */
  warning: number;
  info: number;
  toFill?: number;
  accepted?: number;
}

export type PaneOutcome =
  | {
      kind: 'done';
      /** Exactly the engine's findings (both faces give the same). */
      findings: Finding[];
      /** The partner each finding is about ("4 INMA"), by index, for the partner filter. */
      partners?: (string | null)[];
      counts: SeverityCounts;
      explanations: Record<string, RuleExplanation & { title: string }>;
      consolidated: boolean;
      marked: number;
      /** After Import partner files…: one line per file of what changed (the check follows). */
      imported?: string[];
      /** What the run wants the user to know beside the findings (a sheet of theirs named like a report tab), one line each. */
      notices?: string[];
    }
  /** Not a reporting workbook: what was looked for, so the pane can offer "New reporting workbook". */
  | { kind: 'notReporting'; lookedFor: string }
  /** Stopped by the user before anything was written. */
  | { kind: 'cancelled' }
  /** Office or the workbook refused: the words to show (no stack trace). */
  | { kind: 'failed'; message: string };

export type ClearOutcome =
  /** `found`: whether there were marks or report tabs to take away at all. */
  | { kind: 'cleared'; restored: number; found?: boolean }
  | { kind: 'failed'; message: string };

export interface AcceptInput {
  rule: string;
  sheet: string;
  cell: string;
  reason: string;
  by: string;
}

/** A picked partner file: its name and its bytes as base64. */
export interface PartnerFileInput {
  name: string;
  base64: string;
}

/** Import partner files…: one line per file of what changed, then the check; or the one line that refused (nothing written). */
export type ImportOutcome = { kind: 'imported'; lines: string[]; outcome: PaneOutcome } | { kind: 'failed'; message: string };

/** New partner workbooks…: one file per partner ('BOOK partner 3.xlsx'), and all of them in one zip. */
export interface PartnerWorkbookFile {
  no: number;
  /** The partner's name ('' when blank). */
  partner: string;
  name: string;
  bytes: Uint8Array;
}
export type PartnerBooksOutcome = { kind: 'made'; files: PartnerWorkbookFile[]; all: { name: string; bytes: Uint8Array } } | { kind: 'failed'; message: string };

export interface PaneActions {
  /** `signal`: Cancel; honoured up to the first write (Excel cannot take back a write half done). */
  check(progress?: Progress, signal?: AbortSignal): Promise<PaneOutcome>;
  consolidate(progress?: Progress, signal?: AbortSignal): Promise<PaneOutcome>;
  clearMarks(progress?: Progress): Promise<ClearOutcome>;
  /** Activate the sheet and select the cell (or range) of a finding. */
  selectCell(sheet: string, cell: string | null): Promise<void>;
  /** Lay out a template in the open workbook: ClusteriX 2.0's (2014–2020, the default) or an empty 2021–2027 project. */
  newReportingWorkbook(progress?: Progress, programme?: PresetId): Promise<PaneOutcome>;
  /** Accept a warning with a reason, then check again (its mark's note says accepted). Optional: older hosts lack it. */
  accept?(input: AcceptInput, progress?: Progress): Promise<PaneOutcome>;
  /** After a run: calls `onEdit` with the user sheet an edit changed (never our tabs or state). Resolves to "stop". */
  watchEdits?(onEdit: (sheet: string) => void): Promise<() => Promise<void>>;
  /** Checks again after edits on these sheets, reading only them; writes nothing. */
  recheck?(sheets: string[]): Promise<PaneOutcome>;
  /** Takes partners' files into this workbook in place of those partners' budget sheet and indicator rows, then checks. */
  importPartnerFiles?(files: PartnerFileInput[], progress?: Progress): Promise<ImportOutcome>;
  /** Every partner's own workbook made from this workbook's file, to download; writes nothing to the workbook. */
  partnerWorkbooks?(progress?: Progress): Promise<PartnerBooksOutcome>;
}
