/**
 * The state the task pane shows, shared with the ribbon's Consolidate (same runtime, same page): what is being
 * done now, and the last outcome. One task at a time, so a ribbon click and a pane click cannot overlap.
 */
import type { PaneOutcome, Progress } from './actions';
import { describeError } from './describe-error';

export type PaneTask = 'check' | 'consolidate' | 'clear' | 'new';

export type ClearResult = { kind: 'cleared'; restored: number } | { kind: 'failed'; message: string };

export type LastResult =
  | { task: 'check' | 'consolidate' | 'new'; outcome: PaneOutcome; at: Date }
  | { task: 'clear'; outcome: ClearResult; at: Date };

export interface PaneState {
  working: { task: PaneTask; step: string; fraction: number } | null;
  last: LastResult | null;
}

export interface PaneStore {
  get(): PaneState;
  subscribe(listener: () => void): () => void;
  /** Runs one task; refuses (returns false) while another is running. Never throws: a failure becomes the outcome. */
  run(task: 'check' | 'consolidate' | 'new', work: (progress: Progress) => Promise<PaneOutcome>): Promise<boolean>;
  run(task: 'clear', work: (progress: Progress) => Promise<ClearResult>): Promise<boolean>;
}

const STARTING: Record<PaneTask, string> = {
  check: 'Reading the workbook…',
  consolidate: 'Reading the workbook…',
  clear: 'Clearing marks…',
  new: 'Laying out the reporting workbook…',
};

export function createPaneStore(): PaneStore {
  let state: PaneState = { working: null, last: null };
  const listeners = new Set<() => void>();
  const set = (next: PaneState) => {
    state = next;
    listeners.forEach((l) => l());
  };
  async function run(task: PaneTask, work: (progress: Progress) => Promise<PaneOutcome | ClearResult>): Promise<boolean> {
    if (state.working) return false;
    set({ ...state, working: { task, step: STARTING[task], fraction: 0 } });
    const progress: Progress = (step, fraction) => {
      if (state.working) set({ ...state, working: { task, step, fraction } });
    };
    let outcome: PaneOutcome | ClearResult;
    try {
      outcome = await work(progress);
    } catch (error) {
      outcome = { kind: 'failed', message: describeError(error) };
    }
    set({ working: null, last: { task, outcome, at: new Date() } as LastResult });
    return true;
  }
  return {
    get: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    run: run as PaneStore['run'],
  };
}

// On the page itself, not in a module variable: the pane and command bundles must see the very same store.
const KEY = '__clusterixPaneStore';
export function paneStore(): PaneStore {
  const g = globalThis as unknown as Record<string, PaneStore | undefined>;
  return (g[KEY] ??= createPaneStore());
}
