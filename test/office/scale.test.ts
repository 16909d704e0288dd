/** Round trips and payload sizes at 11 and 200 partners; reads and writes planned in chunks under the payload limit; text kept as text. */
import { bigProfile, bigWorkbookSnapshot } from '../support/big-workbook';
import { consolidateWorkbook } from '../../src/engine';
import { applyReport, readWorkbook } from '../../src/apply/office';
import { snapshotFromWorkbook, type FakeOffice } from '../fake-excel';
import { a1 } from '../../src/util/a1';
import { cellOf, inFake, NOW, sampleSnapshot } from './helpers';

let uninstall: (() => void) | null = null;
afterEach(() => uninstall?.());

const FIVE_MB = 5_000_000;

function describeSyncs(fake: FakeOffice): string {
  return fake.stats.syncs.map((s) => `${s.requestBytes}/${s.responseBytes}${s.failed ? ` ${s.failed}` : ''}`).join(', ');
}

test('11 partners: Check and Consolidate in 3 round trips, the read well under 5 MB', async () => {
  const { fake, actions } = inFake(sampleSnapshot());
  uninstall = fake.uninstall;
  await actions.consolidate();
  process.stdout.write(`office 11 partners: ${describeSyncs(fake)} (request/response bytes per sync)\n`);
  expect(fake.stats.roundTrips).toBe(3);
  expect(fake.stats.syncs.map((s) => s.failed)).toEqual([null, null, null]);
  expect(fake.stats.syncs[1].responseBytes).toBeLessThan(400_000);
});

test('200 partners (5.1 MB of cells and fills): the read is planned in two syncs under 5 MB, no refused sync, findings as the CLI path', async () => {
  const snapshot = bigWorkbookSnapshot(200);
  const profile = bigProfile(200);
  const { fake, actions } = inFake(snapshot, { profile });
  uninstall = fake.uninstall;
  const out = await actions.consolidate();
  expect(out).toEqual(expect.objectContaining({ kind: 'done' }));
  process.stdout.write(`office 200 partners: ${describeSyncs(fake)} (request/response bytes per sync)\n`);
  // Sheet list; sizes and the first 163 sheets; the other 39 sheets as planned; the writes.
  expect(fake.stats.roundTrips).toBe(4);
  expect(fake.stats.syncs.map((s) => s.failed)).toEqual([null, null, null, null]);
  const readBytes = fake.stats.syncs[1].responseBytes + fake.stats.syncs[2].responseBytes;
  expect(readBytes).toBeGreaterThan(FIVE_MB); // one sync cannot hold it: exactly one extra round trip
  for (const s of fake.stats.syncs) expect(Math.max(s.requestBytes, s.responseBytes)).toBeLessThan(FIVE_MB);
  const expected = consolidateWorkbook(snapshot, { profile, now: NOW });
  expect(out.kind === 'done' && out.findings).toEqual(expected.findings);
  // The By partner tab: every formula as planned.
  const tab = expected.plan.tabs[1];
  const formulas = tab.cells.filter((c) => c.value.kind === 'formula');
  expect(formulas.length).toBeGreaterThan(200);
  for (const c of formulas) expect(cellOf(fake, tab.name, a1(c.row, c.col)).formula).toBe(c.value.kind === 'formula' && c.value.formula);
});

test('a read budget cut to 1 MB: one more round trip per extra chunk, each within the budget, never a refused sync, the same result', async () => {
  const snapshot = bigWorkbookSnapshot(60);
  const profile = bigProfile(60);
  const whole = inFake(snapshot, { profile });
  const one = await whole.actions.consolidate();
  whole.fake.uninstall();
  const budget = 1_000_000;
  const { fake, actions, wb } = inFake(snapshot, { profile, readBytes: budget, payloadLimitBytes: budget });
  uninstall = fake.uninstall;
  const out = await actions.consolidate();
  process.stdout.write(`office 60 partners, 1 MB reads: ${describeSyncs(fake)}\n`);
  const reads = fake.stats.syncs.slice(1, -1);
  const total = reads.reduce((a, s) => a + s.responseBytes, 0);
  expect(total).toBeGreaterThan(budget);
  expect(reads.every((s) => s.failed === null && s.responseBytes <= budget)).toBe(true);
  // Chunks are planned from sizes (bytes a cell learned from the first sheets read): at most one more than the bytes need.
  expect(reads.length).toBeGreaterThanOrEqual(Math.ceil(total / budget));
  expect(reads.length).toBeLessThanOrEqual(Math.ceil(total / budget) + 1);
  expect(fake.stats.roundTrips).toBe(2 + reads.length);
  expect(out).toEqual(one);
  expect(snapshotFromWorkbook(wb)).toEqual(snapshotFromWorkbook(whole.wb));
});

test('one sheet far bigger than a reporting sheet: one refused try, then its rows read in planned bands', async () => {
  const sample = sampleSnapshot();
  const rows = 3000;
  const ledger = {
    name: 'Ledger',
    visibility: 'Visible' as const,
    top: 0,
    left: 0,
    values: Array.from({ length: rows }, (_, r) => Array.from({ length: 12 }, (_, c) => `entry ${r} ${c} of the partner's own ledger`)),
    valueTypes: Array.from({ length: rows }, () => Array.from({ length: 12 }, () => 'String' as const)),
    formulas: Array.from({ length: rows }, () => Array.from({ length: 12 }, () => null)),
    numberFormats: Array.from({ length: rows }, () => Array.from({ length: 12 }, () => 'General')),
  };
  const snapshot = { sheets: [...sample.sheets, ledger] };
  const { fake, actions } = inFake(snapshot);
  uninstall = fake.uninstall;
  const out = await actions.consolidate();
  process.stdout.write(`office sample + 3,000-row ledger: ${describeSyncs(fake)}\n`);
  expect(out.kind === 'done' && out.findings).toEqual(consolidateWorkbook(snapshot, { now: NOW }).findings);
  const failed = fake.stats.syncs.filter((s) => s.failed);
  expect(failed.map((s) => s.failed)).toEqual(['ResponsePayloadSizeLimitExceeded']);
  const reads = fake.stats.syncs.slice(3, -1);
  const total = reads.reduce((a, s) => a + s.responseBytes, 0);
  expect(reads.every((s) => s.failed === null)).toBe(true);
  expect(reads.length).toBeLessThanOrEqual(Math.ceil(total / 4_900_000) + 1);
  for (const s of fake.stats.syncs.filter((x) => !x.failed)) expect(s.responseBytes).toBeLessThan(FIVE_MB);
});

test('writes above the chunk size go in more syncs, one per chunk, with the same result', async () => {
  const one = inFake(sampleSnapshot());
  await one.actions.consolidate();
  one.fake.uninstall();
  const chunked = inFake(sampleSnapshot(), { payloadLimitBytes: 400_000, chunkBytes: 40_000 });
  uninstall = chunked.fake.uninstall;
  const out = await chunked.actions.consolidate();
  expect(out).toEqual(expect.objectContaining({ kind: 'done' }));
  const writes = chunked.fake.stats.syncs.slice(2);
  expect(writes.length).toBeGreaterThan(1);
  expect(chunked.fake.stats.roundTrips).toBe(2 + writes.length);
  expect(Math.max(...writes.map((s) => s.requestBytes))).toBeLessThanOrEqual(60_000);
  expect(writes.every((s) => s.failed === null)).toBe(true);
  expect(snapshotFromWorkbook(chunked.wb)).toEqual(snapshotFromWorkbook(one.wb));
});

test('text that starts with = + - @ or looks like a number stays text in Excel', async () => {
  const { fake } = inFake(sampleSnapshot());
  uninstall = fake.uninstall;
  const ctx = fake.newContext() as unknown as Excel.RequestContext;
  const read = await readWorkbook(ctx, { withValues: true });
  const texts = ['=SUM(A1:A3)', '+1+1', '-2+3', '@SUM(1)', '12.5', '2024-01-31', 'TRUE', "'quoted"];
  const tab = {
    name: 'Report Summary' as const,
    cells: [
      ...texts.map((text, row) => ({ row, col: 0, value: { kind: 'text' as const, text } })),
      ...texts.map((text, row) => ({ row, col: 1, numberFormat: '#,##0.00', value: { kind: 'text' as const, text } })),
    ],
    columnWidths: [20, 20],
    freeze: { rows: 1, cols: 1 },
    merges: [],
    print: { orientation: 'portrait' as const, fitToWidth: true, repeatRows: null },
  };
  const r = await applyReport(ctx, read, { tabs: [tab], marks: [] });
  expect(r.kind).toBe('applied');
  for (let row = 0; row < texts.length; row++)
    for (const col of ['A', 'B']) {
      const c = cellOf(fake, 'Report Summary', `${col}${row + 1}`);
      expect([c.value, c.type, c.formula]).toEqual([texts[row], 'String', null]);
    }
});
