/** The Office.js adapter on the strict fake: round trips and the largest request and response (pending helper B). */
import type { WorkbookSnapshot } from '../../src/snapshot/types';
import type { Profile } from '../../src/profile/types';

export type OfficeResult =
  | { ok: true; roundTrips: number; largestRequestBytes: number; largestResponseBytes: number; largestRequestBytesUnchunked?: number }
  | { ok: false; why: string; roundTrips?: undefined; largestRequestBytes?: undefined; largestResponseBytes?: undefined; largestRequestBytesUnchunked?: undefined };

export async function timeOffice(_snapshot: WorkbookSnapshot, _profile: Profile): Promise<OfficeResult> {
  return { ok: false, why: 'src/apply/office is not there yet' };
}
