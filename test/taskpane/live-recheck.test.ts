/** The pane's side of re-checking while the user types: edits gathered, one re-check, what changed since the run. */
import { createPaneStore } from '../../src/taskpane/pane-store';
import { changesSince, startLiveRecheck } from '../../src/taskpane/live-recheck';
import type { PaneActions, PaneOutcome } from '../../src/taskpane/actions';
import type { Finding } from '../../src/checks/types';

const f = (rule: string, cell: string, severity: Finding['severity'] = 'error'): Finding => ({ rule, severity, sheet: 'Project', cell, message: `${rule} at ${cell}` });
const done = (findings: Finding[]): PaneOutcome => ({ kind: 'done', findings, counts: { error: 0, warning: 0, info: 0 }, explanations: {}, consolidated: false, marked: 0 });

test('changes since the run: by rule and place', () => {
  expect(changesSince([f('P01', 'D39'), f('P02', 'C14'), f('B06', 'B15', 'warning')], [f('P02', 'C14'), f('B06', 'D15', 'warning')])).toEqual({ fixed: 2, added: 1 });
  expect(changesSince([f('P02', 'C14')], [{ ...f('P02', 'C14'), message: 'other words' }])).toEqual({ fixed: 0, added: 0 });
});

test('edits in a burst make one re-check of the sheets they touched; a new run clears what it found', async () => {
  jest.useFakeTimers();
  try {
    const store = createPaneStore();
    let onEdit: (sheet: string) => void = () => undefined;
    const rechecked: string[][] = [];
    const actions: Partial<PaneActions> = {
      watchEdits: async (cb) => {
        onEdit = cb;
        return async () => undefined;
      },
      recheck: async (sheets) => {
        rechecked.push(sheets);
        return done([f('P02', 'C14'), f('B06', 'D15', 'warning')]);
      },
    };
    const stop = startLiveRecheck(actions as PaneActions, store, { debounceMs: 300 });
    await store.run('check', async () => done([f('P01', 'D39'), f('P02', 'C14')]));
    await Promise.resolve();
    onEdit('Project');
    jest.advanceTimersByTime(200);
    onEdit('Budget Lund');
    onEdit('Project');
    jest.advanceTimersByTime(299);
    expect(rechecked).toEqual([]);
    jest.advanceTimersByTime(1);
    await jest.runAllTimersAsync();
    expect(rechecked).toEqual([['Project', 'Budget Lund']]);
    expect(store.get().live).toMatchObject({ fixed: 1, added: 1, sheets: ['Project', 'Budget Lund'] });
    expect(store.get().live?.findings.map((x) => x.cell)).toEqual(['C14', 'D15']);
    await store.run('check', async () => done([]));
    expect(store.get().live).toBeNull();
    stop();
  } finally {
    jest.useRealTimers();
  }
});

test('Cancel: the work sees the signal, the outcome says nothing was written', async () => {
  const store = createPaneStore();
  let seen: AbortSignal | null = null;
  const run = store.run('consolidate', async (_p, signal) => {
    seen = signal;
    await new Promise((r) => setTimeout(r, 20));
    return signal.aborted ? { kind: 'cancelled' } : done([]);
  });
  store.cancel();
  expect(store.get().working).toMatchObject({ step: 'Cancelling…', cancelling: true });
  await run;
  expect(seen!.aborted).toBe(true);
  expect(store.get().last?.outcome).toEqual({ kind: 'cancelled' });
  expect(store.get().wrote).toBe(false);
});
