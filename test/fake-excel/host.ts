/**
 * The fake host: owns the workbook data, runs a batch of queued operations on sync() (all or nothing), counts
 * round trips and measures request and response sizes. No Node-only imports: it is bundled for a browser too.
 */
import { ErrorCodes, FakeOfficeError, officeError } from './errors';
import type { FakeWorkbook } from './model';

export interface FakeOfficeOptions {
  /** Highest ExcelApi version the host supports ('1.17' has no notes API; '1.9' has no comments). Default '1.18'. */
  excelApi?: string;
  /** Request and response payload limit per sync, in bytes (Excel on the web: 5 MB). */
  payloadLimitBytes?: number;
}

export interface SyncRecord {
  operations: number;
  requestBytes: number;
  responseBytes: number;
  failed: string | null;
}

export interface FakeStats {
  /** Syncs that went to the host (a sync with nothing queued does not). */
  roundTrips: number;
  syncs: SyncRecord[];
  largestRequestBytes: number;
  largestResponseBytes: number;
  /** Cell/sheet writes done while events were on, calculation automatic, or screen updating not suspended. */
  writesWithEventsOn: number;
  writesWithAutomaticCalculation: number;
  writesWithScreenUpdating: number;
  /** Writes that reached the workbook (committed syncs only). */
  writes: number;
}

/** State that lives for one sync only (Excel resumes screen updating at the next sync). */
export interface BatchState {
  screenUpdatingSuspended: boolean;
  /** Ranges whose values or formulas a write changed while events were on (worksheets.onChanged, ExcelApi 1.9). */
  edited: { sheetId: number; address: string }[];
}

/** WorksheetChangedEventArgs as far as the add-in reads them. */
export interface FakeWorksheetChanged {
  type: 'WorksheetChanged';
  changeType: 'RangeEdited';
  source: 'Local';
  worksheetId: string;
  address: string;
}

export interface Operation {
  /** What travels in the request (its JSON is measured). */
  describe: Record<string, unknown>;
  /** Required ExcelApi version, checked when the operation runs. */
  api?: string;
  /** Changes cells or sheets of the user's workbook (for the events/calculation/screen-updating counters). */
  writes?: boolean;
  run(wb: FakeWorkbook, batch: BatchState): unknown;
  deliver?(result: unknown): void;
}

export const DEFAULT_LIMIT = 5 * 1024 * 1024;

export function versionAtLeast(have: string, need: string): boolean {
  const a = have.split('.').map(Number);
  const b = need.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

function bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

export function newStats(): FakeStats {
  return { roundTrips: 0, syncs: [], largestRequestBytes: 0, largestResponseBytes: 0, writesWithEventsOn: 0, writesWithAutomaticCalculation: 0, writesWithScreenUpdating: 0, writes: 0 };
}

export class FakeHost {
  stats: FakeStats = newStats();
  /** Handlers registered with worksheets.onChanged.add: called after a committed sync that edited cells with events on. */
  readonly worksheetChanged = new Set<(args: FakeWorksheetChanged) => unknown>();
  /** Tests: change the workbook just before round trip n (1-based, counted since the last reset), as a user might. */
  beforeRoundTrip: ((n: number, wb: FakeWorkbook) => void) | null = null;
  readonly excelApi: string;
  readonly limit: number;
  constructor(
    public workbook: FakeWorkbook,
    options: FakeOfficeOptions = {},
  ) {
    this.excelApi = options.excelApi ?? '1.18';
    this.limit = options.payloadLimitBytes ?? DEFAULT_LIMIT;
  }

  resetStats(): void {
    this.stats = newStats();
  }

  supports(version: string): boolean {
    return versionAtLeast(this.excelApi, version);
  }

  /** One round trip: run every operation on a copy; commit and deliver only if all succeed. */
  execute(ops: Operation[]): void {
    const record: SyncRecord = { operations: ops.length, requestBytes: bytes(JSON.stringify(ops.map((o) => o.describe))), responseBytes: 0, failed: null };
    this.stats.roundTrips++;
    this.beforeRoundTrip?.(this.stats.roundTrips, this.workbook);
    this.stats.syncs.push(record);
    this.stats.largestRequestBytes = Math.max(this.stats.largestRequestBytes, record.requestBytes);
    const fail = (e: FakeOfficeError): never => {
      record.failed = e.code;
      throw e;
    };
    if (record.requestBytes > this.limit) fail(officeError(ErrorCodes.requestPayloadSizeLimitExceeded, `The request payload size (${record.requestBytes} bytes) has exceeded the limit.`));
    const work = structuredClone(this.workbook);
    const batch: BatchState = { screenUpdatingSuspended: false, edited: [] };
    const results: unknown[] = [];
    const counts = { events: 0, calc: 0, screen: 0, writes: 0 };
    ops.forEach((op, i) => {
      const where = JSON.stringify(op.describe).slice(0, 200);
      if (op.api && !this.supports(op.api)) fail(officeError(ErrorCodes.apiNotFound, `The API you are trying to use could not be found (ExcelApi ${op.api}; this host has ${this.excelApi}).`, where));
      try {
        results[i] = op.run(work, batch);
      } catch (e) {
        if (e instanceof FakeOfficeError) fail(officeError(e.code, e.message, e.debugInfo.errorLocation ?? where));
        fail(officeError(ErrorCodes.invalidArgument, `The argument is invalid or missing or has an incorrect format. (${(e as Error).message})`, where));
      }
      if (op.writes) {
        counts.writes++;
        if (work.enableEvents) counts.events++;
        if (work.calculationMode !== 'Manual') counts.calc++;
        if (!batch.screenUpdatingSuspended) counts.screen++;
      }
    });
    record.responseBytes = bytes(JSON.stringify(results.filter((r) => r !== undefined)));
    this.stats.largestResponseBytes = Math.max(this.stats.largestResponseBytes, record.responseBytes);
    if (record.responseBytes > this.limit) fail(officeError(ErrorCodes.responsePayloadSizeLimitExceeded, `The response payload size (${record.responseBytes} bytes) has exceeded the limit.`));
    Object.assign(this.workbook, work);
    this.stats.writes += counts.writes;
    this.stats.writesWithEventsOn += counts.events;
    this.stats.writesWithAutomaticCalculation += counts.calc;
    this.stats.writesWithScreenUpdating += counts.screen;
    ops.forEach((op, i) => op.deliver?.(results[i]));
    // As Excel: the events arrive after the sync that made the change, on their own.
    if (batch.edited.length > 0 && this.worksheetChanged.size > 0) {
      const handlers = [...this.worksheetChanged];
      const edits = batch.edited.map((e) => ({ type: 'WorksheetChanged', changeType: 'RangeEdited', source: 'Local', worksheetId: `{sheet-${e.sheetId}}`, address: e.address }) as const);
      setTimeout(() => edits.forEach((e) => handlers.forEach((h) => void h(e))), 0);
    }
  }
}
