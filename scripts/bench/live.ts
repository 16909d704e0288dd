/**
 * Re-checking while the user types, on the strict fake: the time from an edit committed in Excel to the pane's
 * store holding the re-checked findings (the event, reading the edited sheet, the engine, what changed), without
 * the 300 ms the pane waits for typing to pause. The React render after it is not included.
 */
import type { WorkbookSnapshot } from '../../src/snapshot/types';
import type { Profile } from '../../src/profile/types';
import { createOfficeActions } from '../../src/apply/office';
import { createPaneStore } from '../../src/taskpane/pane-store';
import { startLiveRecheck } from '../../src/taskpane/live-recheck';
import { installFakeOffice, workbookFromSnapshot } from '../../test/fake-excel';

/** ms: edit to store, all of it; ours: the same less the time inside the fake host's sync (Excel's share). */
export type LiveResult = { ok: true; ms: number[]; median: number; oursMedian: number; roundTrips: number; responseBytes: number } | { ok: false; why: string };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function timeLive(snapshot: WorkbookSnapshot, profile: Profile, runs: number): Promise<LiveResult> {
  const fake = installFakeOffice(globalThis, workbookFromSnapshot(snapshot), { payloadLimitBytes: Number.MAX_SAFE_INTEGER });
  const budget = snapshot.sheets.find((s) => /^Budget /.test(s.name));
  try {
    if (!budget) return { ok: false, why: 'no budget sheet' };
    const actions = createOfficeActions({ profile, now: () => new Date('2019-04-15T10:00:00Z') });
    const store = createPaneStore();
    await store.run('check', (p) => actions.check(p));
    const stop = startLiveRecheck(actions, store, { debounceMs: 0 });
    await new Promise((r) => setTimeout(r, 50)); // the handler registered
    const ms: number[] = [];
    const ours: number[] = [];
    let hostMs = 0;
    const execute = fake.host.execute.bind(fake.host);
    fake.host.execute = (ops) => {
      const t = performance.now();
      try {
        execute(ops);
      } finally {
        hostMs += performance.now() - t;
      }
    };
    let roundTrips = 0;
    let responseBytes = 0;
    for (let i = 0; i < runs; i++) {
      const updated = new Promise<void>((resolve) => {
        const off = store.subscribe(() => {
          if (store.get().live) {
            off();
            resolve();
          }
        });
      });
      await Excel.run(async (context) => {
        // An amount typed on the first budget sheet: a different value each time.
        context.workbook.worksheets.getItem(budget.name).getRange('B7').values = [[1000 + i]];
        await context.sync();
      });
      fake.resetStats();
      hostMs = 0;
      const t0 = performance.now();
      await updated;
      ms.push(performance.now() - t0);
      ours.push(performance.now() - t0 - hostMs);
      roundTrips = fake.stats.roundTrips;
      responseBytes = fake.stats.largestResponseBytes;
      await store.run('check', (p) => actions.check(p)); // a new run: the next edit is measured from it
    }
    stop();
    return { ok: true, ms, median: median(ms), oursMedian: median(ours), roundTrips, responseBytes };
  } catch (e) {
    return { ok: false, why: (e as Error).message.split('\n')[0] };
  } finally {
    fake.uninstall();
  }
}
