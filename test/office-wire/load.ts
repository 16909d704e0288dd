/**
 * Microsoft's Excel client library (@microsoft/office-js, dist/excel-web-16.00.debug.js), loaded unmodified in a
 * Node vm with the few browser globals it touches, and wired to a host of ours where Office itself would be:
 * OSF.DDA.RichApi.executeRichApiRequestAsync (the executor the library uses inside Office; it also maps Office's
 * ooe error numbers, 5103/5104 for the payload limits, as Office does). Office.context.requirements is answered
 * by a stand-in for what the office.js loader sets after the host handshake (the loader is not in this file).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { versionAtLeast } from '../fake-excel/host';

export interface LoadedExcel {
  Excel: Record<string, unknown> & { run: (...args: unknown[]) => Promise<unknown>; RequestContext: new () => Excel.RequestContext };
  Office: Record<string, unknown>;
  OfficeExtension: Record<string, unknown>;
  /** Requests sent but not yet answered (the clean-up after Excel.run is not awaited by the library). */
  pending(): number;
}

/** What the host answers for one request body (the text exactly as the library serialized it). */
export type ProcessQuery = (text: string) => { body: unknown } | { ooeError: number; code: string; message: string };

let source: string | null = null;
let script: vm.Script | null = null;

export function libraryPath(file = 'excel-web-16.00.debug.js'): string {
  return path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist', file);
}

function compiled(): vm.Script {
  source ??= fs.readFileSync(libraryPath(), 'utf8');
  script ??= new vm.Script(source, { filename: 'excel-web-16.00.debug.js' });
  return script;
}

/** A fresh copy of the library (its own realm), answering through `processQuery`; `excelApi`: the highest set claimed. */
export function loadExcel(processQuery: ProcessQuery, excelApi: string): LoadedExcel {
  const noop = () => undefined;
  const el = () => ({ style: {}, setAttribute: noop, appendChild: noop, addEventListener: noop, removeChild: noop });
  const sb: Record<string, unknown> = {
    console,
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    Promise,
    JSON,
    Math,
    Date,
    performance,
    TextEncoder,
    document: { getElementById: () => null, getElementsByTagName: () => [], createElement: el, addEventListener: noop, readyState: 'complete', cookie: '', body: el(), head: el() },
    navigator: { userAgent: 'node', language: 'en-US' },
    location: { href: 'https://localhost/taskpane.html', search: '', hash: '', hostname: 'localhost', protocol: 'https:' },
    addEventListener: noop,
    removeEventListener: noop,
  };
  sb.window = sb;
  sb.self = sb;
  sb.top = sb;
  sb.parent = sb;
  vm.createContext(sb);
  compiled().runInContext(sb);
  const OSF = sb.OSF as { _OfficeAppFactory?: unknown; DDA: { RichApi: Record<string, unknown> } };
  const context = {
    requirements: { isSetSupported: (name: string, min?: string) => String(name).toLowerCase() === 'excelapi' && versionAtLeast(excelApi, min == null ? '1.1' : String(min)) },
    diagnostics: { host: 'Excel', platform: 'OfficeOnline', version: '16.0' },
  };
  OSF._OfficeAppFactory = { getContext: () => context, getHostInfo: () => ({ hostType: 'excel', hostPlatform: 'web', isDialog: false }) };
  let inFlight = 0;
  // safeArray: [customData, method, path, headerArray, body, appPermission, requestFlags, ...]
  OSF.DDA.RichApi.executeRichApiRequestAsync = (safeArray: unknown[], cb: (r: unknown) => void) => {
    inFlight++;
    const out = processQuery(String(safeArray[4]));
    setTimeout(() => {
      inFlight--;
      if ('ooeError' in out) cb({ status: 'failed', error: { code: out.ooeError, message: out.message } });
      else cb({ status: 'succeeded', value: { data: [200, [], JSON.stringify(out.body)] } });
    }, 0);
  };
  return { Excel: sb.Excel as LoadedExcel['Excel'], Office: sb.Office as Record<string, unknown>, OfficeExtension: sb.OfficeExtension as Record<string, unknown>, pending: () => inFlight };
}
