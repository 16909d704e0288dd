/**
 * A failure injected at each data round trip of Check, Consolidate, Clear marks and New reporting workbook in turn,
 * on Microsoft's Excel library over the wire host. As in Excel, the failing request keeps the actions before the
 * failing one (here: its first, its middle and its last action in turn). After each: calculation mode and events as they were; the
 * user's cells, fills and comments as they were, or exactly the cells the message names as still marked; no sheet
 * of ours left visible that was not there; a plain message; then a clean run succeeds.
 */
import { consolidateWorkbook } from '../../src/engine';
import { REPORT_TAB_NAMES, STATE_SHEET } from '../../src/plan/types';
import { buildTemplate } from '../../src/template';
import { CLUSTERIX2 } from '../../src/profile/clusterix2';
import { parseA1 } from '../../src/util/a1';
import { setLook, type FakeWorkbook } from '../fake-excel';
import { splitAddress } from '../../src/apply/office/address';
import { inExcel, NOW, sampleSnapshot } from './helpers';
import type { PaneActions } from '../../src/taskpane/actions';

let uninstall: (() => void) | null = null;
afterEach(() => uninstall?.());

const MARKS = consolidateWorkbook(sampleSnapshot(), { now: NOW }).plan.marks;
const EMPTY = { sheets: [{ name: 'Sheet1', visibility: 'Visible' as const, top: 0, left: 0, values: [], valueTypes: [], formulas: [], numberFormats: [] }] };

/** The sample with the user's own look on two cells that get marks: a fill and a comment; a fill alone. */
function sampleWithLooks() {
  const t = inExcel(sampleSnapshot());
  uninstall = t.fake.uninstall;
  const at = (i: number) => parseA1(MARKS[i].cell);
  setLook(t.wb, MARKS[0].sheet, at(0).row, at(0).col, { fill: '#00B050', comment: 'checked with the partner on 3 May' });
  setLook(t.wb, MARKS[1].sheet, at(1).row, at(1).col, { fill: '#FFFF00' });
  return t;
}

/**
 * Every sheet but our report tabs with its visibility and its non-blank cells (value, formula, fill, comment, note),
 * by name: the user's sheets and _clusterix. A report tab a failed run rebuilt may differ in its computed values
 * (the fake's small calculator does not recalculate on a rename); the sheets list checks that it is still ours.
 */
function view(wb: FakeWorkbook, skip: Set<string> = new Set()): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of wb.sheets) {
    if ((REPORT_TAB_NAMES as readonly string[]).includes(s.name)) continue;
    const cells = [...s.cells.entries()]
      .filter(([, c]) => c.type !== 'Empty' || c.formula !== null || c.fill !== null || c.comment !== null || c.note !== null)
      .filter(([k]) => !skip.has(`${s.name}!${k}`))
      .sort(([a], [b]) => (a < b ? -1 : 1));
    out[s.name] = { visibility: s.visibility, cells };
  }
  return out;
}

/** The cells a message names as still carrying marks ("Marks are still on 2 cells: 'Budget WP'!J12, …. Run …"). */
function namedCells(message: string): Set<string> {
  const m = /Marks are still on \d+ cells?: (.*?)\. Run Clear marks/.exec(message);
  if (!m) return new Set();
  return new Set(
    m[1].split(', ').map((a) => {
      const { sheet, cell } = splitAddress(a);
      const { row, col } = parseA1(cell);
      return `${sheet}!${row},${col}`;
    }),
  );
}

type Op = 'check' | 'consolidate' | 'clearMarks' | 'newReportingWorkbook';

/** How many data round trips the operation takes when nothing fails (the clean-up request not counted). */
async function roundTrips(op: Op, prepare: () => { actions: PaneActions; fake: ReturnType<typeof inExcel>['fake'] }): Promise<number> {
  const { actions, fake } = prepare();
  fake.resetStats();
  const out = await actions[op]();
  expect(['done', 'cleared']).toContain(out.kind);
  return fake.stats.roundTrips;
}

const PREPARE: Record<Op, () => ReturnType<typeof inExcel>> = {
  check: sampleWithLooks,
  consolidate: sampleWithLooks,
  clearMarks: sampleWithLooks,
  newReportingWorkbook: () => {
    const t = inExcel(EMPTY);
    uninstall = t.fake.uninstall;
    return t;
  },
};

async function prepared(op: Op) {
  const t = PREPARE[op]();
  if (op === 'clearMarks') {
    const out = await t.actions.consolidate();
    expect(out.kind).toBe('done');
  }
  if (op === 'consolidate') {
    // A second Consolidate: report tabs of ours and _clusterix already there, marks already on cells.
    expect((await t.actions.consolidate()).kind).toBe('done');
  }
  await t.fake.settle();
  t.fake.resetStats();
  return t;
}

/** Which action of the request fails: the first (nothing of it applied), the middle, or the last (all but one applied). */
const POSITIONS: Record<string, (actions: number) => number> = { first: () => 0, middle: (n) => Math.floor(n / 2), last: (n) => Math.max(0, n - 1) };

describe.each<Op>(['check', 'consolidate', 'clearMarks', 'newReportingWorkbook'])('%s failing at each round trip', (op) => {
  test.each(Object.keys(POSITIONS))('at the %s action: settings back, the workbook as it was or as the message says, then a clean run succeeds', async (position) => {
    const n = await roundTrips(op, () => {
      const t = PREPARE[op]();
      return t;
    });
    uninstall?.();
    // For Clear and the second Consolidate the operation counted is the one after the preparing run.
    const total = op === 'clearMarks' || op === 'consolidate' ? await (async () => {
      const t = await prepared(op);
      const out = await t.actions[op]();
      expect(['done', 'cleared']).toContain(out.kind);
      uninstall?.();
      return t.fake.stats.roundTrips;
    })() : n;
    expect(total).toBeGreaterThanOrEqual(3);
    for (let k = 1; k <= total; k++) {
      const t = await prepared(op);
      const before = view(t.wb);
      const sheetsBefore = t.wb.sheets.map((s) => [s.name, s.visibility]);
      t.fake.host.inject = (round, request) => (round === k ? { at: POSITIONS[position](request.Actions?.length ?? 0) } : null);
      const out = await t.actions[op]();
      t.fake.host.inject = null;
      await t.fake.settle();
      const where = `${op}, failure at the ${position} action of round trip ${k} of ${total}`;
      expect({ where, kind: out.kind }).toEqual({ where, kind: 'failed' });
      const message = out.kind === 'failed' ? out.message : '';
      expect(message).not.toMatch(/\n\s+at |Error:|undefined/);
      expect({ where, settings: [t.wb.calculationMode, t.wb.enableEvents] }).toEqual({ where, settings: ['Automatic', true] });
      if (op === 'newReportingWorkbook') {
        // The template whole (the failure came after it, while checking it) or not at all.
        const names = buildTemplate(CLUSTERIX2).sheets.map((s) => s.name);
        const present = names.filter((name) => t.wb.sheets.some((s) => s.name === name));
        expect({ where, whole: present.length === 0 || present.length === names.length }).toEqual({ where, whole: true });
        const again = present.length === 0 ? await t.actions.newReportingWorkbook() : await t.actions.check();
        expect({ where, kind: again.kind }).toEqual({ where, kind: 'done' });
        uninstall?.();
        continue;
      }
      const named = namedCells(message);
      if (op === 'clearMarks') {
        // What Clear restored stays restored: each cell is as before Clear (still marked, as the state says, when
        // the failure came before any write), the user's own look again, or named as still marked.
        const was = before as Record<string, { cells: [string, { fill: string | null; comment: string | null }][] }>;
        const cleared = PREPARE.clearMarks();
        await cleared.actions.consolidate();
        await cleared.actions.clearMarks();
        const userLook = view(cleared.wb);
        cleared.fake.uninstall();
        uninstall = t.fake.uninstall;
        for (const [name, sheet] of Object.entries(view(t.wb)) as [string, { cells: [string, { fill: string | null; comment: string | null }][] }][]) {
          const mine = userLook[name] as { cells: [string, { fill: string | null; comment: string | null }][] } | undefined;
          if (!mine) continue; // our tabs and _clusterix: Clear again takes them away
          for (const [k, cell] of sheet.cells) {
            const own = mine.cells.find(([key]) => key === k)?.[1];
            const prior = was[name]?.cells.find(([key]) => key === k)?.[1];
            const same = (own !== undefined && own.fill === cell.fill && own.comment === cell.comment) || (prior !== undefined && JSON.stringify(prior) === JSON.stringify(cell));
            if (!same) expect({ where, cell: `${name}!${k}`, named: named.has(`${name}!${k}`) }).toEqual({ where, cell: `${name}!${k}`, named: true });
          }
        }
        // _clusterix is there, very hidden, until Clear's last step takes it away.
        expect(['VeryHidden', 'gone']).toContain(t.wb.sheets.find((s) => s.name === STATE_SHEET)?.visibility ?? 'gone');
      } else {
        // The same sheets, each as visible as it was (a report tab rebuilt by the failed run may come back in another place).
        const sorted = (list: string[][]) => [...list].sort((a, b) => (a[0] < b[0] ? -1 : 1));
        expect({ where, sheets: sorted(t.wb.sheets.map((s) => [s.name, s.visibility])) }).toEqual({ where, sheets: sorted(sheetsBefore) });
        expect({ where, view: view(t.wb, named) }).toEqual({ where, view: Object.fromEntries(Object.entries(before).map(([name, v]) => [name, { ...(v as object), cells: (v as { cells: [string, unknown][] }).cells.filter(([k]) => !named.has(`${name}!${k}`)) }])) });
        expect({ where, named: named.size }).toEqual({ where, named: 0 });
      }
      const again = await t.actions[op]();
      expect({ where, kind: again.kind }).toEqual({ where, kind: op === 'clearMarks' ? 'cleared' : 'done' });
      expect([t.wb.calculationMode, t.wb.enableEvents]).toEqual(['Automatic', true]);
      uninstall?.();
    }
  });
});

test('a workbook with manual calculation and events off: a run, failed or not, leaves them so', async () => {
  const t = inExcel(sampleSnapshot());
  uninstall = t.fake.uninstall;
  t.wb.calculationMode = 'Manual';
  t.wb.enableEvents = false;
  t.fake.host.inject = (round, request) => (round === 3 ? { at: Math.floor((request.Actions?.length ?? 0) / 2) } : null);
  const out = await t.actions.consolidate();
  expect(out.kind).toBe('failed');
  expect([t.wb.calculationMode, t.wb.enableEvents]).toEqual(['Manual', false]);
  t.fake.host.inject = null;
  expect((await t.actions.consolidate()).kind).toBe('done');
  expect([t.wb.calculationMode, t.wb.enableEvents]).toEqual(['Manual', false]);
});

test('Excel refusing everything after the first write: the settings sync fails too, and the message says what to do', async () => {
  const t = inExcel(sampleSnapshot());
  uninstall = t.fake.uninstall;
  t.fake.host.inject = (round, request) => (round >= 3 ? { at: Math.min(5, Math.max(0, (request.Actions?.length ?? 1) - 1)) } : null);
  const out = await t.actions.consolidate();
  expect(out).toEqual({ kind: 'failed', message: expect.stringMatching(/Calculation Options/) });
});
