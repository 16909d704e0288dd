/**
 * The fake's globals: Excel (run, RequestContext, enums), Office (requirements, onReady) and OfficeExtension
 * (Error, ErrorCodes). installFakeOffice puts them on a global object: Node tests or a browser page.
 */
import { FakeContextBase } from './base';
import { ErrorCodes, FakeOfficeError } from './errors';
import { FakeHost, versionAtLeast, type FakeOfficeOptions, type FakeStats } from './host';
import type { FakeWorkbook } from './model';
import { FakeRuntime, FakeWorkbookObject } from './sheets';

export class FakeRequestContext extends FakeContextBase {
  readonly workbook: FakeWorkbookObject;
  readonly runtime: FakeRuntime;
  constructor(host: FakeHost) {
    super(host);
    this.workbook = new FakeWorkbookObject(this);
    this.runtime = new FakeRuntime(this, 'runtime');
  }
}

export interface FakeOffice {
  host: FakeHost;
  workbook: FakeWorkbook;
  readonly stats: FakeStats;
  resetStats(): void;
  /** A context for calling adapter functions directly (Microsoft's unit-testing pattern). */
  newContext(): FakeRequestContext;
  Excel: Record<string, unknown>;
  Office: Record<string, unknown>;
  OfficeExtension: Record<string, unknown>;
  uninstall(): void;
}

export function createFakeOffice(workbook: FakeWorkbook, options: FakeOfficeOptions = {}): Omit<FakeOffice, 'uninstall'> {
  const host = new FakeHost(workbook, options);
  const run = async <T>(...args: unknown[]): Promise<T> => {
    const batch = args[args.length - 1] as (ctx: FakeRequestContext) => Promise<T>;
    const ctx = new FakeRequestContext(host);
    const result = await batch(ctx);
    await ctx.sync();
    return result;
  };
  const Excel = {
    run,
    RequestContext: FakeRequestContext,
    ErrorCodes,
    SheetVisibility: { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' },
    PageOrientation: { portrait: 'Portrait', landscape: 'Landscape' },
    CalculationMode: { automatic: 'Automatic', automaticExceptTables: 'AutomaticExceptTables', manual: 'Manual' },
  };
  const Office = {
    HostType: { Excel: 'Excel' },
    onReady: async () => ({ host: 'Excel', platform: 'OfficeOnline' }),
    context: {
      requirements: {
        isSetSupported: (name: string, version?: string) => name === 'ExcelApi' && versionAtLeast(host.excelApi, version ?? '1.1'),
      },
    },
  };
  const OfficeExtension = { Error: FakeOfficeError, ErrorCodes };
  return {
    host,
    workbook,
    get stats() {
      return host.stats;
    },
    resetStats: () => host.resetStats(),
    newContext: () => new FakeRequestContext(host),
    Excel,
    Office,
    OfficeExtension,
  };
}

/** Install Excel, Office and OfficeExtension on `target` (globalThis in tests, window in a page). */
export function installFakeOffice(target: object, workbook: FakeWorkbook, options: FakeOfficeOptions = {}): FakeOffice {
  const fake = createFakeOffice(workbook, options);
  return Object.assign(fake, { uninstall: setOfficeGlobals(target, fake) }) as FakeOffice;
}

/** Sets Excel, Office and OfficeExtension on `target`; the function returned puts back what was there (the fake's and the wire host's install). */
export function setOfficeGlobals(target: object, globals: { Excel: unknown; Office: unknown; OfficeExtension: unknown }): () => void {
  const g = target as Record<string, unknown>;
  const before = { Excel: g.Excel, Office: g.Office, OfficeExtension: g.OfficeExtension };
  g.Excel = globals.Excel;
  g.Office = globals.Office;
  g.OfficeExtension = globals.OfficeExtension;
  return () => {
    g.Excel = before.Excel;
    g.Office = before.Office;
    g.OfficeExtension = before.OfficeExtension;
  };
}
