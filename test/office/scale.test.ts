/** Round trips and payload sizes at 200 partners (11: consolidate.test.ts); chunking above the payload limit; text kept as text. */
import { bigProfile, bigWorkbookSnapshot } from '../support/big-workbook';
import { consolidateWorkbook } from '../../src/engine';
import { applyReport, readWorkbook } from '../../src/apply/office';
import { snapshotFromWorkbook } from '../fake-excel';
import { cellOf, inFake, NOW, sampleSnapshot } from './helpers';

let uninstall: (() => void) | null = null;
afterEach(() => uninstall?.());

test('200 partners: Consolidate with every payload under 5 MB (5 round trips: the read is split once), findings as the CLI path', async () => {
  const snapshot = bigWorkbookSnapshot(200);
  const profile = bigProfile(200);
  const { fake, actions } = inFake(snapshot, { profile });
  uninstall = fake.uninstall;
  const out = await actions.consolidate();
  expect(out).toEqual(expect.objectContaining({ kind: 'done' }));
  process.stdout.write(`office 200 partners: ${fake.stats.syncs.map((s) => `${s.requestBytes}/${s.responseBytes}${s.failed ? ` ${s.failed}` : ''}`).join(', ')} (request/response bytes per sync)\n`);
  // The cells and fills of 200 budget sheets answer 5.7 MB: Excel refuses that, so the read goes again in two halves.
  expect(fake.stats.syncs.map((s) => s.failed)).toEqual([null, 'ResponsePayloadSizeLimitExceeded', null, null, null]);
  const ok = fake.stats.syncs.filter((s) => !s.failed);
  expect(Math.max(...ok.map((s) => s.requestBytes))).toBeLessThan(5 * 1024 * 1024);
  expect(Math.max(...ok.map((s) => s.responseBytes))).toBeLessThan(5 * 1024 * 1024);
  const expected = consolidateWorkbook(snapshot, { profile, now: NOW });
  expect(out.kind === 'done' && out.findings).toEqual(expected.findings);
  // The By partner tab: every formula as planned.
  const tab = expected.plan.tabs[1];
  const formulas = tab.cells.filter((c) => c.value.kind === 'formula');
  expect(formulas.length).toBeGreaterThan(200);
  for (const c of formulas) expect(cellOf(fake, tab.name, `${String.fromCharCode(65 + c.col)}${c.row + 1}`).formula).toBe(c.value.kind === 'formula' && c.value.formula);
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
