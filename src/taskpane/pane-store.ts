/**
 * The state the task pane shows, shared with the ribbon's Consolidate (same runtime, same page): what is being
 * done now, and the last outcome. One task at a time, so a ribbon click and a pane click cannot overlap.
 */
import type { ClearOutcome, PaneOutcome, PartnerBooksOutcome, Progress } from './actions';
import { describeError } from './describe-error';
import type { PaneFinding } from './findings-view';

export type PaneTask = 'check' | 'consolidate' | 'clear' | 'new' | 'accept' | 'import' | 'partners';

export type ClearResult = ClearOutcome;

export type LastResult =
  | { task: 'check' | 'consolidate' | 'new' | 'accept' | 'import'; outcome: PaneOutcome; at: Date }
  | { task: 'clear'; outcome: ClearResult; at: Date }
  /** New partner workbooks…: the files to download (nothing written to the workbook); `before`: the run before it, still in view. */
  | { task: 'partners'; outcome: PartnerBooksOutcome; at: Date; before: LastResult | null };

/** A re-check after the user's edits (nothing written): its findings and what changed since the last run. */
export interface LiveResult {
  findings: PaneFinding[];
  fixed: number;
  added: number;
  /** Sheets the edits were on, and how long reading and checking took (ms). */
  sheets: string[];
  ms: number;
  at: Date;
}

export interface PaneState {
  working: { task: PaneTask; step: string; fraction: number; cancelling?: boolean } | null;
  last: LastResult | null;
  /** Since `last`: the findings after the user's edits; null until an edit, and again after every run. */
  live: LiveResult | null;
  /** Whether any run of this session has written to the workbook (the undo note shows until then). */
  wrote: boolean;
}

type Work<T> = (progress: Progress, signal: AbortSignal) => Promise<T>;

export interface PaneStore {
  get(): PaneState;
  subscribe(listener: () => void): () => void;
  /** Runs one task; refuses (returns false) while another is running. Never throws: a failure becomes the outcome. */
  run(task: 'check' | 'consolidate' | 'new' | 'accept' | 'import', work: Work<PaneOutcome>): Promise<boolean>;
  run(task: 'clear', work: Work<ClearResult>): Promise<boolean>;
  run(task: 'partners', work: Work<PartnerBooksOutcome>): Promise<boolean>;
  /** Asks the running task to stop (it stops before its first write, or finishes). */
  cancel(): void;
  /** A re-check's result, kept only if it belongs to the current last run (`of`). */
  setLive(of: LastResult | null, live: LiveResult): void;
}

const STARTING: Record<PaneTask, string> = {
  check: 'Reading the workbook…',
  consolidate: 'Reading the workbook…',
  clear: 'Clearing marks…',
  new: 'Laying out the reporting workbook…',
  accept: 'Accepting the warning…',
  import: 'Reading the partner files…',
  partners: 'Reading the workbook’s file…',
};

export function createPaneStore(): PaneStore {
  let state: PaneState = { working: null, last: null, live: null, wrote: false };
  let controller: AbortController | null = null;
  const listeners = new Set<() => void>();
  const set = (next: PaneState) => {
    state = next;
    listeners.forEach((l) => l());
  };
  async function run(task: PaneTask, work: Work<PaneOutcome | ClearResult | PartnerBooksOutcome>): Promise<boolean> {
    if (state.working) return false;
    const mine = (controller = new AbortController());
    set({ ...state, working: { task, step: STARTING[task], fraction: 0 } });
    const progress: Progress = (step, fraction) => {
      if (state.working) set({ ...state, working: { ...state.working, step, fraction } });
    };
    let outcome: PaneOutcome | ClearResult | PartnerBooksOutcome;
    try {
      outcome = await work(progress, mine.signal);
    } catch (error) {
      outcome = { kind: 'failed', message: describeError(error) };
    }
    controller = null;
    const wrote = state.wrote || (outcome.kind === 'done' || outcome.kind === 'cleared');
    // New partner workbooks… changes nothing in the workbook: the run before it (its findings, their re-check) stays.
    const before = task === 'partners' ? { before: state.last?.task === 'partners' ? state.last.before : state.last } : {};
    set({ working: null, last: { task, outcome, at: new Date(), ...before } as LastResult, live: task === 'partners' ? state.live : null, wrote });
    return true;
  }
  return {
    get: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    run: run as PaneStore['run'],
    setLive(of, live) {
      if (state.last === of && !state.working) set({ ...state, live });
    },
    cancel() {
      if (!controller || !state.working) return;
      controller.abort();
      set({ ...state, working: { ...state.working, step: 'Cancelling…', cancelling: true } });
    },
  };
}

// On the page itself, not in a module variable: the pane and command bundles must see the very same store.
const KEY = '__clusterixPaneStore';
export function paneStore(): PaneStore {
  const g = globalThis as unknown as Record<string, PaneStore | undefined>;
  return (g[KEY] ??= createPaneStore());
}
