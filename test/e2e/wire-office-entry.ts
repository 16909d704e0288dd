/**
 * Runs after Microsoft's Excel library (excel-web-16.00.js, unmodified) in the page's office.js: stands in for what
 * the office.js loader sets up after its handshake with Excel (Office.onReady, Office.actions, Office.context with
 * its requirements and theme) and puts the wire host where Excel would answer: the library's own executor calls
 * OSF.DDA.RichApi.executeRichApiRequestAsync with each request; Excel's events are served as Office's runtime
 * serves them (test/office-wire/events.ts). Gives the test a window onto the workbook.
 */
import { workbookFromSnapshot, type FakeWorkbook } from '../fake-excel/model';
import { versionAtLeast } from '../fake-excel/host';
import { WireHost } from '../office-wire/host';
import { serveEvents } from '../office-wire/events';
import type { WorkbookSnapshot } from '../../src/snapshot/types';
import { a1 } from '../../src/util/a1';
import type { CellLook, FixtureOptions, PageFake } from './page';

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

/** Office's getFileAsync over the fixture's file bytes (the workbook as Excel would save it), slice by slice, each answer later. */
function fileApi(file: NonNullable<FixtureOptions['documentFile']>) {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const later = (f: () => void) => setTimeout(f, options.syncDelayMs ?? 0);
  return {
    url: file.url,
    getFileAsync(type: string, opts: { sliceSize?: number }, cb: (r: unknown) => void) {
      if (type !== 'compressed') return later(() => cb({ status: 'failed', error: { code: 5001, message: `only the compressed form here, not ${type}` } }));
      const sliceSize = Math.min(file.sliceSize ?? opts.sliceSize ?? 4194304, 4194304);
      const handle = {
        size: bytes.length,
        sliceCount: Math.ceil(bytes.length / sliceSize),
        getSliceAsync: (i: number, done: (r: unknown) => void) => later(() => done({ status: 'succeeded', value: { index: i, data: Array.from(bytes.subarray(i * sliceSize, (i + 1) * sliceSize)) } })),
        closeAsync: (done?: (r: unknown) => void) => later(() => done?.({ status: 'succeeded' })),
      };
      later(() => cb({ status: 'succeeded', value: handle }));
    },
  };
}

const context: Record<string, unknown> = {
  requirements: {
    isSetSupported: (name: string, min?: string) =>
      (String(name).toLowerCase() === 'excelapi' && versionAtLeast(EXCEL_API, min == null ? '1.1' : String(min))) || (String(name) === 'CompressedFile' && !!options.documentFile),
  },
  document: {
    addHandlerAsync: (_type: unknown, _handler: unknown, cb?: (r: unknown) => void) => cb?.({ status: 'failed', error: { code: 5010 } }),
    ...(options.documentFile ? fileApi(options.documentFile) : {}),
  },
  diagnostics: { host: 'Excel', platform: 'OfficeOnline', version: '16.0' },
};
if (options.bodyBackgroundColor) {
  context.officeTheme = { bodyBackgroundColor: options.bodyBackgroundColor, bodyForegroundColor: '#ffffff', controlBackgroundColor: options.bodyBackgroundColor, controlForegroundColor: '#ffffff' };
}
w.OSF._OfficeAppFactory = { getContext: () => context, getHostInfo: () => ({ hostType: 'excel', hostPlatform: 'web', isDialog: false }) };
// Excel's events (worksheets.onChanged) as Office's runtime serves them.
const deliver = serveEvents(window);
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
    if (out.events) deliver(out.events);
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
