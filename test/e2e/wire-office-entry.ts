/**
 * Runs after Microsoft's Excel library (excel-web-16.00.js, unmodified) in the page's office.js: stands in for what
 * the office.js loader sets up after its handshake with Excel (Office.onReady, Office.actions, Office.context with
 * its requirements and theme) and puts the wire host where Excel would answer: the library's own executor calls
 * OSF.DDA.RichApi.executeRichApiRequestAsync with each request. Gives the test a window onto the workbook.
 */
import { workbookFromSnapshot, type FakeWorkbook } from '../fake-excel/model';
import { versionAtLeast } from '../fake-excel/host';
import { WireHost } from '../office-wire/host';
import type { WorkbookSnapshot } from '../../src/snapshot/types';
import { a1 } from '../../src/util/a1';
import type { CellLook, FixtureOptions, PageFake } from './fake-office-entry';

/** The highest ExcelApi the npm library serves (no notes API: marks are comments). */
const EXCEL_API = '1.15';

interface Page {
  __clusterixFixture: { snapshot: WorkbookSnapshot; options: FixtureOptions };
  __fake: PageFake;
  Office: Record<string, unknown>;
  OSF: { _OfficeAppFactory?: unknown; DDA: { RichApi: Record<string, unknown> } };
}
const w = window as unknown as Page;
const { snapshot, options } = w.__clusterixFixture;
const host = new WireHost(workbookFromSnapshot(snapshot), { excelApi: EXCEL_API, payloadLimitBytes: options.payloadLimitBytes });
const workbook = (): FakeWorkbook => host.workbook;

const context: Record<string, unknown> = {
  requirements: { isSetSupported: (name: string, min?: string) => String(name).toLowerCase() === 'excelapi' && versionAtLeast(EXCEL_API, min == null ? '1.1' : String(min)) },
  document: { addHandlerAsync: (_type: unknown, _handler: unknown, cb?: (r: unknown) => void) => cb?.({ status: 'failed', error: { code: 5010 } }) },
  diagnostics: { host: 'Excel', platform: 'OfficeOnline', version: '16.0' },
};
if (options.bodyBackgroundColor) {
  context.officeTheme = { bodyBackgroundColor: options.bodyBackgroundColor, bodyForegroundColor: '#ffffff', controlBackgroundColor: options.bodyBackgroundColor, controlForegroundColor: '#ffffff' };
}
w.OSF._OfficeAppFactory = { getContext: () => context, getHostInfo: () => ({ hostType: 'excel', hostPlatform: 'web', isDialog: false }) };
const info = { host: 'Excel', platform: 'OfficeOnline' };
w.Office.onReady = (cb?: (i: typeof info) => void) => {
  cb?.(info);
  return Promise.resolve(info);
};
const associated = new Map<string, (event: { completed(): void }) => unknown>();
w.Office.actions = { associate: (name: string, fn: (event: { completed(): void }) => unknown) => void associated.set(name, fn) };

// safeArray: [customData, method, path, headerArray, body, appPermission, requestFlags, ...]
w.OSF.DDA.RichApi.executeRichApiRequestAsync = (safeArray: unknown[], cb: (r: unknown) => void) => {
  setTimeout(() => {
    const out = host.processQuery(String(safeArray[4]));
    if ('ooeError' in out) cb({ status: 'failed', error: { code: out.ooeError, message: out.message } });
    else cb({ status: 'succeeded', value: { data: [200, [], JSON.stringify(out.body)] } });
  }, options.syncDelayMs ?? 0);
};

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
