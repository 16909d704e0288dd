/** Round trips and payload sizes at 11 and 200 partners; reads and writes planned in chunks under the payload limit; text kept as text. */
import { bigProfile, bigWorkbookSnapshot } from '../support/big-workbook';
import { consolidateWorkbook } from '../../src/engine';
import { applyReport, readWorkbook } from '../../src/apply/office';
import { snapshotFromWorkbook } from '../fake-excel';
import type { WireOffice } from '../office-wire/install';
import { a1 } from '../../src/util/a1';
import { snapshotFromGrid } from '../../src/snapshot/cells';
import { cellOf, inExcel, NOW, sampleSnapshot } from './helpers';

let uninstall: (() => void) | null = null;
afterEach(() => uninstall?.());

const FIVE_MB = 5_000_000;

function describeSyncs(fake: WireOffice): string {
  return fake.stats.syncs.map((s) => `${s.requestBytes}/${s.responseBytes}${s.failed ? ` ${s.failed}` : ''}`).join(', ');
}

test('11 partners: Check and Consolidate in 3 round trips (sheets and sizes; cells; writes), the read well under 5 MB', async () => {
  const { fake, actions } = inExcel(sampleSnapshot());
  uninstall = fake.uninstall;
  await actions.consolidate();
  process.stdout.write(`office 11 partners: ${describeSyncs(fake)} (request/response bytes per sync)\n`);
  expect(fake.stats.roundTrips).toBe(3);
  expect(fake.stats.syncs.map((s) => s.failed)).toEqual([null, null, null]);
  // Names and sizes only: on the wire each of the walk's 256 steps is answered (about 190 bytes a step, null ones included).
  expect(fake.stats.syncs[0].responseBytes).toBeLessThan(60_000);
  expect(fake.stats.syncs[1].responseBytes).toBeLessThan(400_000);
  // The write: the five tabs with their header blocks, two tables on By partner, Spending plan by partner and period, fills, notes and two charts (283 kB).
  for (const s of fake.stats.syncs) expect(s.requestBytes).toBeLessThan(300_000);
});

test('Check at 11 partners: 3 round trips too (the marks are the writes)', async () => {
  const { fake, actions } = inExcel(sampleSnapshot());
  uninstall = fake.uninstall;
  const out = await actions.check();
  expect(out.kind === 'done' && out.findings).toEqual(consolidateWorkbook(sampleSnapshot(), { now: NOW }).findings);
  expect(fake.stats.roundTrips).toBe(3);
  expect(fake.stats.syncs.map((s) => s.failed)).toEqual([null, null, null]);
  expect(out.kind === 'done' && out.marked).toBeGreaterThan(0);
});

test('200 partners (4.7 MB of cells and fills): the whole read in one sync under 5 MB, 3 round trips, no refused sync, findings as the CLI path', async () => {
  const snapshot = bigWorkbookSnapshot(200);
  const profile = bigProfile(200);
  const { fake, actions } = inExcel(snapshot, { profile });
  uninstall = fake.uninstall;
  const out = await actions.consolidate();
  expect(out).toEqual(expect.objectContaining({ kind: 'done' }));
  process.stdout.write(`office 200 partners: ${describeSyncs(fake)} (request/response bytes per sync)\n`);
  // Sheets and their sizes; every sheet's cells (planned from the sizes), state, protection, notes; the writes.
  expect(fake.stats.roundTrips).toBe(3);
  expect(fake.stats.syncs.map((s) => s.failed)).toEqual([null, null, null]);
  expect(fake.stats.syncs[1].responseBytes).toBeGreaterThan(4_000_000);
  for (const s of fake.stats.syncs) expect(Math.max(s.requestBytes, s.responseBytes)).toBeLessThan(FIVE_MB);
  const expected = consolidateWorkbook(snapshot, { profile, now: NOW });
  expect(out.kind === 'done' && out.findings).toEqual(expected.findings);
  // The By partner tab: every formula as planned.
  const tab = expected.plan.tabs[1];
  const formulas = tab.cells.filter((c) => c.value.kind === 'formula');
  expect(formulas.length).toBeGreaterThan(200);
  for (const c of formulas) expect(cellOf(fake, tab.name, a1(c.row, c.col)).formula).toBe(c.value.kind === 'formula' && c.value.formula);
});

test('250 partners (5.9 MB of cells and fills): one extra read sync, each under 5 MB, never a refused sync, findings as the CLI path', async () => {
  const snapshot = bigWorkbookSnapshot(250);
  const profile = bigProfile(250);
  const { fake, actions } = inExcel(snapshot, { profile });
  uninstall = fake.uninstall;
  const out = await actions.consolidate();
  process.stdout.write(`office 250 partners: ${describeSyncs(fake)} (request/response bytes per sync)\n`);
  const reads = fake.stats.syncs.slice(1, -1);
  expect(reads.reduce((a, s) => a + s.responseBytes, 0)).toBeGreaterThan(FIVE_MB);
  expect(fake.stats.roundTrips).toBe(4);
  expect(fake.stats.syncs.every((s) => s.failed === null && s.requestBytes < FIVE_MB && s.responseBytes < FIVE_MB)).toBe(true);
  expect(out.kind === 'done' && out.findings).toEqual(consolidateWorkbook(snapshot, { profile, now: NOW }).findings);
});

test('more sheets than one walk (256): one more sync walks on, the findings as the CLI path', async () => {
  const sample = sampleSnapshot();
  const notes = Array.from({ length: 260 }, (_, i) => ({ ...snapshotFromGrid(`Note ${i + 1}`, [[`working note ${i + 1}`]]), visibility: i === 3 ? ('Hidden' as const) : ('Visible' as const) }));
  const snapshot = { sheets: [...sample.sheets, ...notes] };
  const { fake, actions } = inExcel(snapshot);
  uninstall = fake.uninstall;
  const out = await actions.check();
  // Sheets 1-256; sheets 257-275 walked with the first sheets' protection and cells; the last sheets' cells; marks.
  expect(fake.stats.roundTrips).toBe(4);
  expect(fake.stats.syncs.map((s) => s.failed)).toEqual([null, null, null, null]);
  expect(out.kind === 'done' && out.findings).toEqual(consolidateWorkbook(snapshot, { now: NOW }).findings);
  const ctx = fake.newContext() as unknown as Excel.RequestContext;
  const read = await readWorkbook(ctx, { withValues: true });
  expect(read.sheets.map((s) => s.name)).toEqual([...snapshot.sheets.map((s) => s.name), '_clusterix']); // the state Check saved
  expect(read.snapshot.sheets.find((s) => s.name === 'Note 4')).toEqual(notes[3]); // hidden, and walked in the first sync
});

test('exactly 256 sheets: the walk that finds no more rides along with the cells, so Check takes its 3 round trips', async () => {
  const sample = sampleSnapshot();
  const notes = Array.from({ length: 256 - sample.sheets.length }, (_, i) => snapshotFromGrid(`Note ${i + 1}`, [[`working note ${i + 1}`]]));
  const snapshot = { sheets: [...sample.sheets, ...notes] };
  const { fake, actions } = inExcel(snapshot);
  uninstall = fake.uninstall;
  const out = await actions.check();
  // Sheets 1-256; a walk on that finds none, with the protection and the cells; marks. (Four before, with a walk sync of its own.)
  expect(fake.stats.roundTrips).toBe(3);
  expect(fake.stats.syncs.map((s) => s.failed)).toEqual([null, null, null]);
  expect(out.kind === 'done' && out.findings).toEqual(consolidateWorkbook(snapshot, { now: NOW }).findings);
  const ctx = fake.newContext() as unknown as Excel.RequestContext;
  const read = await readWorkbook(ctx, { withValues: true });
  expect(read.sheets.map((s) => s.name)).toEqual([...snapshot.sheets.map((s) => s.name), '_clusterix']);
  expect(read.snapshot.sheets.find((s) => s.name === 'Note 250')).toEqual(notes[249]);
});

test('a read budget cut to 1 MB: one more round trip per extra chunk, each within the budget, never a refused sync, the same result', async () => {
  const snapshot = bigWorkbookSnapshot(60);
  const profile = bigProfile(60);
  const whole = inExcel(snapshot, { profile });
  const one = await whole.actions.consolidate();
  whole.fake.uninstall();
  const budget = 1_000_000;
  const { fake, actions, wb } = inExcel(snapshot, { profile, readBytes: budget, payloadLimitBytes: budget });
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

test('one sheet far bigger than a reporting sheet: sized first, so read without a refused try', async () => {
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
  const { fake, actions } = inExcel(snapshot);
  uninstall = fake.uninstall;
  const out = await actions.consolidate();
  process.stdout.write(`office sample + 3,000-row ledger: ${describeSyncs(fake)}\n`);
  expect(out.kind === 'done' && out.findings).toEqual(consolidateWorkbook(snapshot, { now: NOW }).findings);
  expect(fake.stats.syncs.map((s) => s.failed)).toEqual([null, null, null]);
  expect(fake.stats.syncs[1].responseBytes).toBeGreaterThan(4_000_000);
  for (const s of fake.stats.syncs) expect(s.responseBytes).toBeLessThan(FIVE_MB);
});

test('a ledger whose text is much longer than an estimate counts: one refused try, then that chunk planned again at twice the bytes a cell, the same result', async () => {
  const sample = sampleSnapshot();
  const rows = 5000;
  const ledger = snapshotFromGrid('Ledger', Array.from({ length: rows }, (_, r) => Array.from({ length: 12 }, (_, c) => `entry ${r} ${c} of the partner's own ledger, with a long description`)));
  const snapshot = { sheets: [...sample.sheets, ledger] };
  const { fake, actions } = inExcel(snapshot);
  uninstall = fake.uninstall;
  const out = await actions.check();
  process.stdout.write(`office sample + 5,000-row long-text ledger: ${describeSyncs(fake)}\n`);
  expect(out.kind === 'done' && out.findings).toEqual(consolidateWorkbook(snapshot, { now: NOW }).findings);
  expect(fake.stats.syncs.filter((s) => s.failed).map((s) => s.failed)).toEqual(['ResponsePayloadSizeLimitExceeded']);
  // Walk; refused; the extras; the cells in as many syncs as twice the estimate needs; the marks.
  expect(fake.stats.roundTrips).toBeLessThanOrEqual(7);
  for (const s of fake.stats.syncs.filter((x) => !x.failed)) expect(s.responseBytes).toBeLessThan(FIVE_MB);
});

test('writes above the chunk size go in more syncs, one per chunk, with the same result', async () => {
  const one = inExcel(sampleSnapshot());
  await one.actions.consolidate();
  one.fake.uninstall();
  const chunked = inExcel(sampleSnapshot(), { payloadLimitBytes: 400_000, chunkBytes: 40_000 });
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
  const { fake } = inExcel(sampleSnapshot());
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
