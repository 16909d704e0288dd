/**
 * Consolidate through the Office.js adapter on Microsoft's Excel library (excel-web-16.00.debug.js, in a vm) over
 * the wire host: data round trips and the clean-up request Excel.run sends after them, and each request's bytes as
 * the library serialized it (responses as the host's JSON). The host's limit is lifted so that every size is
 * measured; each sync is then judged against 5 MB.
 */
import type { WorkbookSnapshot } from '../../src/snapshot/types';
import type { Profile } from '../../src/profile/types';
import { createOfficeActions } from '../../src/apply/office';
import { workbookFromSnapshot } from '../../test/fake-excel/model';
import { installWireOffice } from '../../test/office-wire/install';
import type { WireSync } from '../../test/office-wire/host';

export const EXCEL_WEB_LIMIT = 5 * 1024 * 1024;

export type OfficeResult =
  | {
      ok: true;
      /** Data round trips; the clean-up requests (Workbook._RemoveReference after Excel.run) apart. */
      roundTrips: number;
      cleanups: number;
      syncs: WireSync[];
      largestRequestBytes: number;
      largestResponseBytes: number;
      /** The syncs that would pass Excel on the web's 5 MB, request or response. */
      overLimit: string[];
      /** Responses of the syncs that read (after the sheet list), and requests of those that write. */
      readResponseBytes: number;
      writeRequestBytes: number;
    }
  | { ok: false; why: string };

export async function timeOffice(snapshot: WorkbookSnapshot, profile: Profile): Promise<OfficeResult> {
  const fake = installWireOffice(globalThis, workbookFromSnapshot(snapshot), { payloadLimitBytes: Number.MAX_SAFE_INTEGER });
  try {
    const actions = createOfficeActions({ profile, now: () => new Date('2019-04-15T10:00:00Z') });
    const out = await actions.consolidate();
    if (out.kind !== 'done') return { ok: false, why: `consolidate gave ${out.kind}${'message' in out ? `: ${out.message}` : ''}` };
    await fake.settle();
    const syncs = fake.stats.syncs;
    const overLimit = syncs.flatMap((s, i) => [
      ...(s.requestBytes > EXCEL_WEB_LIMIT ? [`sync ${i + 1} request`] : []),
      ...(s.responseBytes > EXCEL_WEB_LIMIT ? [`sync ${i + 1} response`] : []),
    ]);
    return {
      ok: true,
      roundTrips: fake.stats.roundTrips,
      cleanups: fake.stats.cleanups,
      syncs,
      largestRequestBytes: fake.stats.largestRequestBytes,
      largestResponseBytes: fake.stats.largestResponseBytes,
      overLimit,
      readResponseBytes: syncs.slice(1).filter((s) => s.writes === 0).reduce((a, s) => a + s.responseBytes, 0),
      writeRequestBytes: syncs.slice(1).filter((s) => s.writes > 0).reduce((a, s) => a + s.requestBytes, 0),
    };
  } catch (e) {
    return { ok: false, why: (e as Error).message.split('\n')[0] };
  } finally {
    fake.uninstall();
  }
}
