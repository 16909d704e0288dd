/**
 * What the task pane and the ribbon can ask of the host. The React components receive these as props and never
 * touch Office.js; src/apply/office implements them over Excel.run, tests pass fakes.
 */
import type { Finding, RuleExplanation } from '../checks/types';
import type { PresetId } from '../rules/types';

export type Progress = (step: string, fraction: number) => void;

export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
}

export type PaneOutcome =
  | { kind: 'done'; findings: Finding[]; counts: SeverityCounts; explanations: Record<string, RuleExplanation & { title: string }>; consolidated: boolean; marked: number }
  /** Not a reporting workbook: what was looked for, so the pane can offer "New reporting workbook". */
  | { kind: 'notReporting'; lookedFor: string }
  /** Office or the workbook refused: the words to show (no stack trace). */
  | { kind: 'failed'; message: string };

export interface PaneActions {
  check(progress?: Progress): Promise<PaneOutcome>;
  consolidate(progress?: Progress): Promise<PaneOutcome>;
  clearMarks(progress?: Progress): Promise<{ kind: 'cleared'; restored: number } | { kind: 'failed'; message: string }>;
  /** Activate the sheet and select the cell (or range) of a finding. */
  selectCell(sheet: string, cell: string | null): Promise<void>;
  /** Lay out a template in the open workbook: ClusteriX 2.0's (2014–2020, the default) or an empty 2021–2027 project. */
  newReportingWorkbook(progress?: Progress, programme?: PresetId): Promise<PaneOutcome>;
}
