/**
 * Stands in for office.js in the browser test: installs helper B's strict fake Excel host over the fixture the test
 * put on window, and gives the test a window onto the fake workbook (selection, looks, sheets) and the ribbon.
 */
import { installFakeOffice, workbookFromSnapshot, type FakeWorkbook } from '../fake-excel';
import type { WorkbookSnapshot } from '../../src/snapshot/types';
import { a1 } from '../../src/util/a1';

export interface FixtureOptions {
  /** Office's body background ('#262626' for Excel's dark theme). */
  bodyBackgroundColor?: string;
  /** Each sync waits this long first, so the test can see the pane's progress. */
  syncDelayMs?: number;
  /** Excel on the web's payload limit per sync, made small to see the refusal. */
  payloadLimitBytes?: number;
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

const w = window as unknown as { __clusterixFixture: { snapshot: WorkbookSnapshot; options: FixtureOptions }; __fake: PageFake };
const { snapshot, options } = w.__clusterixFixture;
const fake = installFakeOffice(window, workbookFromSnapshot(snapshot), { payloadLimitBytes: options.payloadLimitBytes });
const workbook = (): FakeWorkbook => fake.host.workbook;

// The ribbon: Excel calls what Office.actions.associate registered, with an event to complete.
// The fake host models the workbook; the ribbon's registry is the page's own, so it lives here.
const associated = new Map<string, (event: { completed(): void }) => unknown>();
const office = (window as unknown as { Office: Record<string, unknown> & { context: object } }).Office;
office.actions = {
  associate: (name: string, fn: (event: { completed(): void }) => unknown) => {
    associated.set(name, fn);
  },
};
if (options.bodyBackgroundColor) {
  Object.assign(office.context, { officeTheme: { bodyBackgroundColor: options.bodyBackgroundColor, bodyForegroundColor: '#ffffff', controlBackgroundColor: options.bodyBackgroundColor, controlForegroundColor: '#ffffff' } });
}

if (options.syncDelayMs) {
  const excel = (window as unknown as { Excel: { run(batch: (ctx: { sync(v?: unknown): Promise<unknown> }) => Promise<unknown>): Promise<unknown> } }).Excel;
  const run = excel.run.bind(excel);
  excel.run = (batch) =>
    run((ctx) => {
      const sync = ctx.sync.bind(ctx);
      ctx.sync = (v) => new Promise((resolve) => setTimeout(resolve, options.syncDelayMs)).then(() => sync(v));
      return batch(ctx);
    });
}

w.__fake = {
  selection() {
    const s = workbook().selection;
    return s && { sheet: s.sheet, cell: s.address.replace(/^.*!/, '').split(':')[0] };
  },
  sheetNames: () => workbook().sheets.map((s) => s.name),
  looks() {
    const out: Record<string, Record<string, CellLook>> = {};
    for (const sheet of workbook().sheets) {
      const cells: Record<string, CellLook> = (out[sheet.name] = {});
      for (const [key, c] of sheet.cells) {
        if (c.value === null && c.formula === null && c.fill === null && c.note === null && c.comment === null) continue;
        const [row, col] = key.split(',').map(Number);
        cells[a1(row, col)] = { value: c.value, formula: c.formula, fill: c.fill, note: c.note, comment: c.comment };
      }
    }
    return out;
  },
  runRibbon(name) {
    const fn = associated.get(name);
    if (!fn) return Promise.reject(new Error(`no function associated with ${name}`));
    const started = performance.now();
    return new Promise((resolve) => {
      // What the pane's shared store held when the add-in said it was done (the store lives on the page).
      const store = () => (window as unknown as { __clusterixPaneStore?: { get(): { working: unknown; last: { task: string; outcome: { kind: string } } | null } } }).__clusterixPaneStore?.get();
      void fn({
        completed: () => {
          const s = store();
          resolve({ completedAfterMs: performance.now() - started, atCompletion: { working: !!s?.working, lastTask: s?.last?.task ?? null, lastKind: s?.last?.outcome.kind ?? null } });
        },
      });
    });
  },
};
