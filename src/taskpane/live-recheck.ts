/**
 * Re-checking while the user types, on the pane's side: after a run, edits reported by the host are gathered
 * for a moment (debounced), the sheets they touched are checked again, and the store gets what changed since the
 * run. Talks to the host only through PaneActions.
 */
import type { PaneActions } from './actions';
import type { PaneStore } from './pane-store';
import type { Finding } from '../checks/types';
import { paneFindings } from './findings-view';

export const DEBOUNCE_MS = 300;

const keyOf = (f: Finding) => `${f.rule}\u0000${f.sheet ?? ''}\u0000${f.cell ?? ''}\u0000${f.accepted ? 'a' : ''}`;

/** Fixed: in the run, not now; new: now, not in the run (by rule and place). */
export function changesSince(run: readonly Finding[], now: readonly Finding[]): { fixed: number; added: number } {
  const before = new Set(run.map(keyOf));
  const after = new Set(now.map(keyOf));
  let fixed = 0;
  let added = 0;
  for (const k of before) if (!after.has(k)) fixed++;
  for (const k of after) if (!before.has(k)) added++;
  return { fixed, added };
}

/** Starts watching once the store holds a finished run; returns the function that stops it. */
export function startLiveRecheck(actions: PaneActions, store: PaneStore, opts: { debounceMs?: number; now?: () => number } = {}): () => void {
  const { watchEdits, recheck } = actions;
  if (!watchEdits || !recheck) return () => undefined;
  const wait = opts.debounceMs ?? DEBOUNCE_MS;
  const clock = opts.now ?? (() => performance.now());
  const dirty = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopWatching: (() => Promise<void>) | null = null;
  let starting = false;
  let stopped = false;

  const flush = async () => {
    timer = null;
    const state = store.get();
    if (state.working) return schedule(); // a run is on: after it
    const of = state.last;
    if (!of || of.outcome.kind !== 'done' || dirty.size === 0) return;
    const sheets = [...dirty];
    dirty.clear();
    const t0 = clock();
    const outcome = await recheck(sheets);
    if (outcome.kind !== 'done') return; // a failed re-check says nothing; the next run will
    const runFindings = of.outcome.kind === 'done' ? of.outcome.findings : [];
    store.setLive(of, { findings: paneFindings(outcome), ...changesSince(runFindings, outcome.findings), sheets, ms: clock() - t0, at: new Date() });
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void flush(), wait);
  };
  const onEdit = (sheet: string) => {
    dirty.add(sheet);
    schedule();
  };
  const maybeStart = () => {
    const last = store.get().last;
    if (stopWatching || starting || stopped || !last || last.outcome.kind !== 'done') return;
    starting = true;
    watchEdits(onEdit).then(
      (stop) => {
        starting = false;
        if (stopped) void stop();
        else stopWatching = stop;
      },
      () => (starting = false), // the host cannot tell us of edits: Check stays the way
    );
  };
  const unsubscribe = store.subscribe(maybeStart);
  maybeStart();
  return () => {
    stopped = true;
    unsubscribe();
    if (timer) clearTimeout(timer);
    void stopWatching?.();
  };
}
