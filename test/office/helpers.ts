/**
 * Shared set-up for the adapter tests: the sample (or a big workbook) in Microsoft's Excel library over the wire
 * host (inExcel), or in the strict fake (inFake: only for what needs the notes API, ExcelApi 1.18, which the npm
 * library lacks), installed as globals.
 */
import { buildSample, specToSnapshot } from '../../src/template';
import type { WorkbookSnapshot } from '../../src/snapshot/types';
import type { Profile } from '../../src/profile/types';
import { CLUSTERIX2 } from '../../src/profile/clusterix2';
import { createOfficeActions } from '../../src/apply/office';
import { installFakeOffice, workbookFromSnapshot, findSheet, getCell, type FakeOffice, type FakeOfficeOptions } from '../fake-excel';
import { parseA1 } from '../../src/util/a1';
import type { FakeWorkbook } from '../fake-excel/model';
import { installWireOffice, type WireOffice } from '../office-wire/install';
import type { WireHostOptions } from '../office-wire/host';

export const NOW = new Date('2024-05-02T10:00:00Z');

export function sampleSnapshot(): WorkbookSnapshot {
  return specToSnapshot(buildSample());
}

export function inFake(snapshot: WorkbookSnapshot, opts: FakeOfficeOptions & { profile?: Profile; chunkBytes?: number; readBytes?: number } = {}) {
  const wb = workbookFromSnapshot(snapshot);
  const fake: FakeOffice = installFakeOffice(globalThis, wb, opts);
  const actions = createOfficeActions({ profile: opts.profile ?? CLUSTERIX2, now: () => NOW, chunkBytes: opts.chunkBytes, readBytes: opts.readBytes });
  return { wb, fake, actions };
}

/** Excel's own client library over the wire host (ExcelApi 1.15 unless told: marks are comments). */
export function inExcel(snapshot: WorkbookSnapshot, opts: WireHostOptions & { profile?: Profile; chunkBytes?: number; readBytes?: number } = {}) {
  const wb = workbookFromSnapshot(snapshot);
  const fake: WireOffice = installWireOffice(globalThis, wb, opts);
  const actions = createOfficeActions({ profile: opts.profile ?? CLUSTERIX2, now: () => NOW, chunkBytes: opts.chunkBytes, readBytes: opts.readBytes });
  return { wb, fake, actions };
}

export function cellOf(fake: { workbook: FakeWorkbook }, sheet: string, address: string) {
  const s = findSheet(fake.workbook, sheet);
  if (!s) throw new Error(`no sheet ${sheet}`);
  const { row, col } = parseA1(address);
  return getCell(s, row, col);
}
