/**
 * Chunking of the Office.js adapter's writes, on Microsoft's Excel library over the wire host (request bytes as the
 * library serializes them): when the report's writes pass Excel on the web's 5 MB request limit, Consolidate adds
 * one round trip per extra chunk, keeps every request under the limit, and writes exactly what one unlimited sync
 * would. The big write comes from partners who typed every amount as text: each amount is a B06 warning, so a
 * mark (fill + comment), a saved look in _clusterix and a row on the Checks tab.
 */
import { bigProfile, bigWorkbookSnapshot } from '../support/big-workbook';
import { createOfficeActions } from '../../src/apply/office';
import { snapshotFromWorkbook, workbookFromSnapshot } from '../fake-excel';
import { installWireOffice } from '../office-wire/install';
import type { WireHostOptions } from '../office-wire/host';
import type { WorkbookSnapshot } from '../../src/snapshot/types';
import type { Profile } from '../../src/profile/types';
import { createHash } from 'crypto';

const FIVE_MB = 5 * 1024 * 1024;
const NOW = new Date('2019-04-15T10:00:00Z');
const NO_LIMIT = Number.MAX_SAFE_INTEGER;

/** The workbook after the run, as a short fingerprint (a diff of megabytes of JSON would take minutes). */
const digest = (x: unknown) => createHash('sha256').update(JSON.stringify(x)).digest('hex');

async function consolidate(snapshot: WorkbookSnapshot, profile: Profile, opts: WireHostOptions & { chunkBytes?: number }) {
  const office = installWireOffice(globalThis, workbookFromSnapshot(snapshot), opts);
  try {
    const out = await createOfficeActions({ profile, now: () => NOW, chunkBytes: opts.chunkBytes }).consolidate();
    await office.settle();
    const syncs = office.stats.syncs.map((s) => ({ ...s }));
    return { out, roundTrips: office.stats.roundTrips, cleanups: office.stats.cleanups, syncs, writes: syncs.slice(2), after: digest(snapshotFromWorkbook(office.workbook)) };
  } finally {
    office.uninstall();
  }
}

describe('Consolidate in Excel on a workbook whose writes pass 5 MB', () => {
  // 32 partners with every amount as text: 2,640 warnings, about 5.3 MB of writes; the reads stay far under 5 MB.
  const partners = 32;
  const profile = bigProfile(partners);
  const snapshot = bigWorkbookSnapshot(partners, { amountsAsText: true });
  let single: Awaited<ReturnType<typeof consolidate>>;
  let chunked: Awaited<ReturnType<typeof consolidate>>;

  beforeAll(async () => {
    single = await consolidate(snapshot, profile, { payloadLimitBytes: NO_LIMIT, chunkBytes: NO_LIMIT });
    chunked = await consolidate(snapshot, profile, {});
  });

  it('in one sync the writes would be refused by Excel on the web: the write payload passes 5 MB', () => {
    expect(single.out.kind).toBe('done');
    expect(single.roundTrips).toBe(3);
    expect(single.writes).toHaveLength(1);
    expect(single.writes[0].requestBytes).toBeGreaterThan(FIVE_MB);
    expect(single.syncs[0].responseBytes + single.syncs[1].responseBytes).toBeLessThan(FIVE_MB);
  });

  it('with the real 5 MB limit: two reads, then one write sync per chunk, each request under 5 MB, no failed sync', () => {
    expect(chunked.out).toMatchObject({ kind: 'done' });
    const total = chunked.writes.reduce((a, s) => a + s.requestBytes, 0);
    // Chunks of about 4.5 MB as the library sends them (the adapter's default, under 5 MB); the last may be partly empty.
    expect(chunked.writes.length).toBeGreaterThanOrEqual(Math.ceil(total / FIVE_MB));
    expect(chunked.writes.length).toBeLessThanOrEqual(Math.ceil(total / (4.5 * 1024 * 1024)) + 1);
    expect(chunked.roundTrips).toBe(2 + chunked.writes.length);
    expect(chunked.cleanups).toBe(1); // Excel.run's _RemoveReference request, after the data round trips
    expect(chunked.roundTrips).toBeGreaterThan(3);
    for (const s of chunked.syncs) {
      expect(s.failed).toBeNull();
      expect(s.requestBytes).toBeLessThanOrEqual(FIVE_MB);
      expect(s.responseBytes).toBeLessThanOrEqual(FIVE_MB);
    }
  });

  it('the chunked run leaves the workbook exactly as the single sync does, with the same findings', () => {
    expect(chunked.after).toBe(single.after);
    if (chunked.out.kind !== 'done' || single.out.kind !== 'done') throw new Error('consolidate did not finish');
    expect(chunked.out.findings).toEqual(single.out.findings);
    // B06 on every typed amount: 5 lines × 8 periods × 2 tables, ERDF and contribution per partner; the lead partner's preparation line.
    expect(chunked.out.counts).toEqual({ error: 0, warning: partners * (2 * 5 * 8 + 2) + 2 * 8, info: 7, toFill: 0, accepted: 0 });
    expect(chunked.out.marked).toBe(single.out.marked);
  });
});

describe('round trips grow by one per extra chunk, whatever the chunk size', () => {
  // The 11-partner book with amounts as text (about 2 MB of writes, no single step near a chunk) cut finer,
  // the limit 5/4 of the chunk as Excel on the web's 5 MB is of the adapter's default 4 MB.
  const profile = bigProfile(11);
  const snapshot = bigWorkbookSnapshot(11, { amountsAsText: true });
  let single: Awaited<ReturnType<typeof consolidate>>;
  beforeAll(async () => {
    single = await consolidate(snapshot, profile, { payloadLimitBytes: NO_LIMIT, chunkBytes: NO_LIMIT });
  });

  it.each([1024 * 1024, 512 * 1024])('chunks of %i bytes', async (chunkBytes) => {
    const limit = (chunkBytes * 5) / 4;
    const run = await consolidate(snapshot, profile, { chunkBytes, payloadLimitBytes: limit });
    expect(run.out).toMatchObject({ kind: 'done' });
    const total = single.writes[0].requestBytes;
    expect(run.syncs.length - run.writes.length).toBe(2);
    expect(run.writes.length).toBeGreaterThanOrEqual(Math.ceil(total / limit));
    // The adapter weighs each step conservatively (up to about twice what the fake measures), so that no sync is
    // ever refused: it may take up to twice the fewest chunks, never more.
    expect(run.writes.length).toBeLessThanOrEqual(Math.ceil((2 * total) / chunkBytes) + 1);
    for (const s of run.syncs) expect(s.requestBytes).toBeLessThanOrEqual(limit);
    expect(run.after).toBe(single.after);
  });
});
