/** What a browser test puts on the page (the fixture and its options) and the window it gets onto the workbook. */
export interface FixtureOptions {
  /** Office's body background ('#262626' for Excel's dark theme). */
  bodyBackgroundColor?: string;
  /** Each sync waits this long first, so the test can see the pane's progress. */
  syncDelayMs?: number;
  /** Excel on the web's payload limit per sync, made small to see the refusal. */
  payloadLimitBytes?: number;
  /** The workbook's file as Office's getFileAsync hands it over (CompressedFile), and the document's URL; absent: no File API. */
  documentFile?: { base64: string; url: string; sliceSize?: number };
}

export interface CellLook {
  value: unknown;
  formula: string | null;
  fill: string | null;
  note: string | null;
  comment: string | null;
}

export interface PageFake {
  selection(): { sheet: string; cell: string } | null;
  sheetNames(): string[];
  /** Value, formula, fill and note of every cell that has any, by sheet and A1 address. */
  looks(): Record<string, Record<string, CellLook>>;
  /** Runs a ribbon function as Excel would; resolves once the add-in calls event.completed(). */
  runRibbon(name: string): Promise<{ completedAfterMs: number; atCompletion: { working: boolean; lastTask: string | null; lastKind: string | null } }>;
}
