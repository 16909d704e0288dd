/**
 * Request sizing on the bytes Microsoft's Excel library really sends, with the host refusing anything over 5 MB:
 * 10,000 marks on the comment path, a Checks tab of 5,000 links, 500 partners consolidated. No request over 5 MB,
 * none refused, and the writes in no more syncs than ⌈bytes / 4.5 MB⌉ + 1 (chunks filled well).
 */
import { applyReport, readWorkbook } from '../../src/apply/office';
import { MARK_FILL, type Mark, type PlannedTab } from '../../src/plan/types';
import { consolidateWorkbook } from '../../src/engine';
import { bigProfile, bigWorkbookSnapshot } from '../support/big-workbook';
import { snapshotFromGrid } from '../../src/snapshot/cells';
import type { WireSync } from '../office-wire/host';
import { cellOf, inExcel, NOW, sampleSnapshot } from './helpers';

let uninstall: (() => void) | null = null;
afterEach(() => uninstall?.());

const LIMIT = 5 * 1024 * 1024;
const CHUNK = 4.5 * 1024 * 1024;

function expectWellChunked(syncs: WireSync[]): { bytes: number; chunks: number } {
  for (const s of syncs) {
    expect(s.failed).toBeNull();
    expect(s.requestBytes).toBeLessThanOrEqual(LIMIT);
    expect(s.responseBytes).toBeLessThanOrEqual(LIMIT);
  }
  const writes = syncs.filter((s) => s.writes > 0);
  const bytes = writes.reduce((n, s) => n + s.requestBytes, 0);
  expect(writes.length).toBeLessThanOrEqual(Math.ceil(bytes / CHUNK) + 1);
  return { bytes, chunks: writes.length };
}

/** The sample plus a sheet of `rows` numbers in column C. */
function withLedger(rows: number) {
  const ledger = snapshotFromGrid('Ledger', Array.from({ length: rows }, (_, r) => ['', '', r + 0.5]));
  const t = inExcel({ sheets: [...sampleSnapshot().sheets, ledger] });
  uninstall = t.fake.uninstall;
  return t;
}

test('10,000 marks with comments: every request under 5 MB, chunks well filled, every mark written', async () => {
  const t = withLedger(10_000);
  const ctx = t.fake.newContext();
  const read = await readWorkbook(ctx, { withValues: true });
  const marks: Mark[] = Array.from({ length: 10_000 }, (_, i) => ({ sheet: 'Ledger', cell: `C${i + 1}`, severity: i % 2 ? 'warning' : 'error', note: `[B06] Amount in C${i + 1} (${i},50) is text, not a number: read as ${i}.50.`, rules: ['B06'] }));
  t.fake.resetStats();
  const r = await applyReport(ctx, read, { tabs: null, marks });
  expect(r).toEqual(expect.objectContaining({ kind: 'applied', marked: 10_000 }));
  const { bytes, chunks } = expectWellChunked(t.fake.stats.syncs);
  process.stdout.write(`office 10,000 marks: ${chunks} write syncs, ${bytes} bytes (${t.fake.stats.syncs.map((s) => s.requestBytes).join(', ')})\n`);
  expect(bytes).toBeGreaterThan(2 * LIMIT); // really more than two requests' worth
  for (const i of [0, 1, 4_999, 9_999]) {
    const c = cellOf(t.fake, 'Ledger', `C${i + 1}`);
    expect([c.fill, c.comment]).toEqual([MARK_FILL[marks[i].severity], marks[i].note]);
  }
  expect([t.wb.calculationMode, t.wb.enableEvents]).toEqual(['Automatic', true]);
});

test('a Checks tab of 5,000 links: every request under 5 MB, chunks well filled, every link in place', async () => {
  const t = withLedger(5_000);
  const ctx = t.fake.newContext();
  const read = await readWorkbook(ctx, { withValues: true });
  const tab: PlannedTab = {
    name: 'Report Checks',
    cells: Array.from({ length: 5_000 }, (_, i) => [
      { row: i, col: 0, value: { kind: 'link' as const, text: `Ledger!C${i + 1}`, sheet: 'Ledger', cell: `C${i + 1}` } },
      { row: i, col: 1, value: { kind: 'text' as const, text: `B06 warning: the amount in C${i + 1} is typed as text; it is read as ${i}.50 and counted.` } },
      { row: i, col: 2, value: { kind: 'number' as const, value: i + 0.5 }, numberFormat: '#,##0.00' },
    ]).flat(),
    columnWidths: [14, 60, 12],
    freeze: { rows: 1, cols: 0 },
    merges: [],
    print: { orientation: 'landscape', fitToWidth: true, repeatRows: null },
  };
  t.fake.resetStats();
  const r = await applyReport(ctx, read, { tabs: [tab], marks: [] });
  expect(r.kind).toBe('applied');
  const { bytes, chunks } = expectWellChunked(t.fake.stats.syncs);
  process.stdout.write(`office Checks tab, 5,000 links: ${chunks} write syncs, ${bytes} bytes\n`);
  for (const i of [0, 2_500, 4_999]) expect(cellOf(t.fake, 'Report Checks', `A${i + 1}`).hyperlink).toEqual({ documentReference: `Ledger!C${i + 1}`, textToDisplay: `Ledger!C${i + 1}` });
});

test('500 partners consolidated: reads and writes under 5 MB each, writes well chunked, findings as the CLI path', async () => {
  const snapshot = bigWorkbookSnapshot(500);
  const profile = bigProfile(500);
  const t = inExcel(snapshot, { profile });
  uninstall = t.fake.uninstall;
  const out = await t.actions.consolidate();
  expect(out.kind).toBe('done');
  const { bytes, chunks } = expectWellChunked(t.fake.stats.syncs);
  process.stdout.write(`office 500 partners: ${t.fake.stats.roundTrips} round trips, ${chunks} write syncs, ${bytes} bytes written (${t.fake.stats.syncs.map((s) => `${s.requestBytes}/${s.responseBytes}`).join(', ')})\n`);
  // The reads are what is big here (about 11 MB of cells in planned chunks); the writes are the report tabs.
  expect(t.fake.stats.syncs.filter((s) => s.writes === 0).reduce((n, s) => n + s.responseBytes, 0)).toBeGreaterThan(2 * LIMIT);
  expect(out.kind === 'done' && out.findings).toEqual(consolidateWorkbook(snapshot, { profile, now: NOW }).findings);
});
