/** The pane's shared store: one task at a time, progress as given, failures in words. */
import { createPaneStore } from '../../src/taskpane/pane-store';
import type { PaneOutcome } from '../../src/taskpane/actions';

const done: PaneOutcome = { kind: 'done', findings: [], counts: { error: 0, warning: 1, info: 2 }, explanations: {}, consolidated: true, marked: 3 };

test('a run shows its steps, refuses a second run meanwhile, and keeps the outcome', async () => {
  const store = createPaneStore();
  const seen: (string | null)[] = [];
  store.subscribe(() => seen.push(store.get().working?.step ?? null));
  let finish!: (o: PaneOutcome) => void;
  const first = store.run('consolidate', (progress) => {
    progress('Writing the Report Summary tab', 0.6);
    return new Promise<PaneOutcome>((resolve) => (finish = resolve));
  });
  expect(store.get().working).toEqual({ task: 'consolidate', step: 'Writing the Report Summary tab', fraction: 0.6 });
  expect(await store.run('check', async () => done)).toBe(false);
  finish(done);
  expect(await first).toBe(true);
  expect(store.get().working).toBeNull();
  expect(store.get().last).toMatchObject({ task: 'consolidate', outcome: done });
  expect(seen).toEqual(['Reading the workbook…', 'Writing the Report Summary tab', null]);
});

test('an exception from Office becomes a failed outcome in words', async () => {
  const store = createPaneStore();
  await store.run('clear', async () => {
    throw Object.assign(new Error('RichApi.Error'), { code: 'InvalidOperationInCellEditMode' });
  });
  expect(store.get().last?.outcome).toEqual({ kind: 'failed', message: 'Excel is editing a cell. Press Enter or Esc, then try again. (Excel: RichApi.Error)' });
  await store.run('check', async () => {
    throw new Error('The workbook is protected.');
  });
  expect(store.get().last?.outcome).toEqual({ kind: 'failed', message: 'The workbook is protected.' });
});
