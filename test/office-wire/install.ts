/**
 * Microsoft's Excel library over the wire host, installed as the globals the adapter uses (Excel, Office,
 * OfficeExtension), with the same face as the fake's installFakeOffice so a test can use either.
 */
import type { FakeWorkbook } from '../fake-excel/model';
import { setOfficeGlobals } from '../fake-excel/install';
import { loadExcel } from './load';
import { WireHost, type WireHostOptions, type WireStats } from './host';

export interface WireOffice {
  host: WireHost;
  workbook: FakeWorkbook;
  readonly stats: WireStats;
  resetStats(): void;
  /** A context for calling adapter functions directly. */
  newContext(): Excel.RequestContext;
  /** Waits until the library has no request in flight (the clean-up after Excel.run is not awaited). */
  settle(): Promise<void>;
  /** A value typed by the user in Excel: entered into the workbook, then Excel's events for it delivered. */
  edit(sheet: string, cell: string, value: unknown): void;
  Excel: Record<string, unknown>;
  Office: Record<string, unknown>;
  OfficeExtension: Record<string, unknown>;
  uninstall(): void;
}

const tick = () => new Promise<void>((r) => setTimeout(r, 0));

export function installWireOffice(target: object, workbook: FakeWorkbook, options: WireHostOptions = {}): WireOffice {
  const host = new WireHost(workbook, options);
  const lib = loadExcel((text) => host.processQuery(text), host.excelApi);
  const uninstall = setOfficeGlobals(target, lib);
  return {
    host,
    workbook,
    get stats() {
      return host.stats;
    },
    resetStats: () => host.resetStats(),
    newContext: () => new lib.Excel.RequestContext(),
    async settle() {
      for (let idle = 0; idle < 3; ) {
        await tick();
        idle = lib.pending() === 0 ? idle + 1 : 0;
      }
    },
    edit: (sheet, cell, value) => lib.deliver(host.userEdit(sheet, cell, value)),
    Excel: lib.Excel,
    Office: lib.Office,
    OfficeExtension: lib.OfficeExtension,
    uninstall,
  };
}
