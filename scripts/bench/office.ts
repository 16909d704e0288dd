/**
 * Consolidate through the Office.js adapter on the strict fake: round trips, and each sync's request and response
 * in bytes. The fake's limit is lifted so that every size is measured; each sync is then judged against 5 MB.
 */
import type { WorkbookSnapshot } from '../../src/snapshot/types';
import type { Profile } from '../../src/profile/types';
import { createOfficeActions } from '../../src/apply/office';
import { installFakeOffice, workbookFromSnapshot, type SyncRecord } from '../../test/fake-excel';

export const EXCEL_WEB_LIMIT = 5 * 1024 * 1024;
const WRITE_ANSWER_BYTES = 256;

export type OfficeResult =
  | {
      ok: true;
      roundTrips: number;
      syncs: SyncRecord[];
      largestRequestBytes: number;
      largestResponseBytes: number;
      /** The syncs that would pass Excel on the web's 5 MB, request or response. */
      overLimit: string[];
      /** Responses of the syncs after the sheet list that read cells, and requests of those that write. */
      readResponseBytes: number;
      writeRequestBytes: number;
    }
  | { ok: false; why: string };

export async function timeOffice(snapshot: WorkbookSnapshot, profile: Profile): Promise<OfficeResult> {
  const fake = installFakeOffice(globalThis, workbookFromSnapshot(snapshot), { payloadLimitBytes: Number.MAX_SAFE_INTEGER });
  try {
    const actions = createOfficeActions({ profile, now: () => new Date('2019-04-15T10:00:00Z') });
    const out = await actions.consolidate();
    if (out.kind !== 'done') return { ok: false, why: `consolidate gave ${out.kind}${'message' in out ? `: ${out.message}` : ''}` };
    const syncs = fake.stats.syncs;
    const overLimit = syncs.flatMap((s, i) => [
      ...(s.requestBytes > EXCEL_WEB_LIMIT ? [`sync ${i + 1} request`] : []),
      ...(s.responseBytes > EXCEL_WEB_LIMIT ? [`sync ${i + 1} response`] : []),
    ]);
    return {
      ok: true,
      roundTrips: fake.stats.roundTrips,
      syncs,
      largestRequestBytes: fake.stats.largestRequestBytes,
      largestResponseBytes: fake.stats.largestResponseBytes,
      overLimit,
      // A write answers next to nothing; a read answers cells.
      readResponseBytes: syncs.slice(1).filter((s) => s.responseBytes > WRITE_ANSWER_BYTES).reduce((a, s) => a + s.responseBytes, 0),
      writeRequestBytes: syncs.slice(1).filter((s) => s.responseBytes <= WRITE_ANSWER_BYTES).reduce((a, s) => a + s.requestBytes, 0),
    };
  } catch (e) {
    return { ok: false, why: (e as Error).message.split('\n')[0] };
  } finally {
    fake.uninstall();
  }
}
