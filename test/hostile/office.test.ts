/**
 * The same hostile text through the Office.js adapter on Microsoft's Excel library over the wire host, which, as Excel does, turns "=…", "+…",
 * "-…" and "@…" written to values into formulas: every payload must still arrive as text.
 */
import { consolidateWorkbook } from '../../src/engine';
import { REPORT_TAB_NAMES } from '../../src/plan/types';
import { MAX_TEXT } from '../../src/plan/text';
import { findSheet } from '../fake-excel';
import { cellOf, inExcel, NOW, sampleSnapshot } from '../office/helpers';
import { carriesPayload, HOSTILE, LONG_NAME, withPayloads } from './payloads';

let uninstall: (() => void) | null = null;
afterEach(() => uninstall?.());

test('payloads reach the report tabs and notes as text, never as formulas; long text is cut', async () => {
  const snapshot = withPayloads(sampleSnapshot());
  const t = inExcel(snapshot);
  uninstall = t.fake.uninstall;
  const result = await t.actions.consolidate();
  expect(result.kind).toBe('done');
  const cells = REPORT_TAB_NAMES.flatMap((name) => [...findSheet(t.wb, name)!.cells.values()].map((c) => ({ tab: name, ...c })));
  for (const text of Object.values(HOSTILE)) {
    const shown = cells.filter((c) => c.value === text);
    expect({ text, shown: shown.length > 0 }).toEqual({ text, shown: true });
    for (const c of shown) expect([c.type, c.formula]).toEqual(['String', null]);
  }
  expect(cells.filter((c) => c.formula !== null && carriesPayload(c.formula)).map((c) => `${c.tab}: ${c.formula}`)).toEqual([]);
  // The user's own cell stays text, and the P01 mark's note quotes the payload.
  expect([cellOf(t.fake, 'Project', 'C30').type, cellOf(t.fake, 'Project', 'C30').formula]).toEqual(['String', null]);
  const mark = cellOf(t.fake, 'Project', 'D39');
  expect(`${mark.note ?? ''}${mark.comment ?? ''}`).toContain(HOSTILE.hyperlink);
  // The same plan as the CLI path, so the same cut: MAX_TEXT characters ending in an ellipsis.
  const long = cells.filter((c) => typeof c.value === 'string' && c.value.startsWith('Ostrava very long'));
  expect(long.length).toBeGreaterThan(0);
  for (const c of long) expect(c.value).toBe(`${LONG_NAME.slice(0, MAX_TEXT - 1)}…`);
  const plan = consolidateWorkbook(snapshot, { now: NOW }).plan;
  expect(plan.tabs.flatMap((tab) => tab.cells).some((c) => c.value.kind === 'text' && c.value.text === HOSTILE.at)).toBe(true);
});
