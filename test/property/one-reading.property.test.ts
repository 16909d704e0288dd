/**
 * One reading of the workbook (issue #12): over generated workbooks with stray rows, repeated rows, partner names
 * typed in other forms and several indicator sheets, every total a finding quotes is the figure the report carries,
 * and both equal what this file computes on its own from what it generated (not from src/).
 * Workbooks are built as snapshots in memory: no files.
 */
import fc from 'fast-check';
import { checkWorkbook } from '../../src/engine';
import { computeFigures } from '../../src/figures';
import { planReport } from '../../src/plan';
import { disagreements } from '../plan/support/plan-helpers';
import { CLUSTERIX2 } from '../../src/profile/clusterix2';
import type { CellValue, SheetSnapshot, ValueType, WorkbookSnapshot } from '../../src/snapshot/types';

type Line = 'staff' | 'office' | 'travel' | 'external' | 'equipment';
const LINES: Line[] = ['staff', 'office', 'travel', 'external', 'equipment'];
/** Each line's label as typed: the first is the programme's, the others its synonyms (workbook.md). */
const LABELS: Record<Line, string[]> = {
  staff: ['Staff costs', 'Staff'],
  office: ['Office and administration', 'Office & administration'],
  travel: ['Travel and accommodation', 'Travel'],
  external: ['External expertise and services', 'External costs'],
  equipment: ['Equipment', 'EQUIPMENT'],
};
const STRAY = ['Catering', 'Other costs', 'Misc.'];
/** First words unique but for the two Region partners, whose first word alone fits both; 'Cedar' is a word of one name and the start of another. */
const NAMES = ['Alder Institute of Technology', 'Region North Agency', 'Birch Chamber of Commerce', 'Region South Council', 'Cedar University', 'Cedarwood Foundation'];
const TARGETS = [
  { code: 'EVT', name: 'Events held', target: 40 },
  { code: 'PLN', name: 'Plans adopted', target: 6 },
  { code: 'VIS', name: 'Study visits', target: 15 },
];
const PERIODS = 4;

type NameForm = 'number' | 'pp' | 'full' | 'upper' | 'short' | 'ambiguous';

interface GenPartner {
  lines: { line: Line | null; label: string; cents: number[] }[];
  reported: { line: Line | null; label: string; cents: number[] }[];
  approvedDelta: number;
  rateBp: 8500 | 7500;
  erdfDelta: number;
}

interface GenRow {
  partner: number;
  form: NameForm;
  target: number;
  values: number[];
}

interface Gen {
  partners: GenPartner[];
  sheets: GenRow[][];
}

const cents = fc.oneof(fc.integer({ min: 0, max: 5_000_000 }), fc.constantFrom(1, 5, 99, 100_001));
const periodCents = fc.array(cents, { minLength: PERIODS, maxLength: PERIODS });

/** A table's rows: the five lines, some typed by a synonym, some twice, a stray row or two, in any order. */
const tableRows = fc
  .tuple(
    fc.array(fc.tuple(fc.constantFrom(...LINES), fc.nat(1), periodCents), { minLength: 5, maxLength: 5 }),
    fc.array(fc.tuple(fc.constantFrom(...LINES), fc.nat(1), periodCents), { maxLength: 2 }),
    fc.array(fc.tuple(fc.constantFrom(...STRAY), periodCents), { maxLength: 2 }),
    fc.infiniteStream(fc.nat()),
  )
  .map(([base, repeats, strays, order]) => {
    const rows = [
      ...LINES.map((line, i) => ({ line: line as Line | null, label: LABELS[line][base[i][1]], cents: base[i][2] })),
      ...repeats.map(([line, s, c]) => ({ line: line as Line | null, label: LABELS[line][s], cents: c })),
      ...strays.map(([label, c]) => ({ line: null, label, cents: c })),
    ];
    const it = order[Symbol.iterator]();
    for (let i = rows.length - 1; i > 0; i--) {
      const j = (it.next().value as number) % (i + 1);
      [rows[i], rows[j]] = [rows[j], rows[i]];
    }
    return rows;
  });

const partner: fc.Arbitrary<GenPartner> = fc.record({
  lines: tableRows,
  reported: tableRows,
  approvedDelta: fc.oneof(fc.constant(0), fc.integer({ min: -1000, max: 1000 })),
  rateBp: fc.constantFrom(8500 as const, 7500 as const),
  erdfDelta: fc.oneof(fc.constant(0), fc.constant(1), fc.integer({ min: -500, max: 500 })),
});

const gen: fc.Arbitrary<Gen> = fc.integer({ min: 2, max: NAMES.length }).chain((n) =>
  fc.record({
    partners: fc.array(partner, { minLength: n, maxLength: n }),
    sheets: fc.array(
      fc.array(
        fc.record({
          partner: fc.nat(n - 1),
          form: fc.constantFrom<NameForm>('number', 'pp', 'full', 'upper', 'short', 'ambiguous'),
          target: fc.nat(TARGETS.length - 1),
          values: fc.array(fc.nat(5), { minLength: PERIODS, maxLength: PERIODS }),
        }),
        { minLength: 1, maxLength: 8 },
      ),
      { minLength: 1, maxLength: 3 },
    ),
  }),
);

// ---- the workbook, cell by cell ----

class Sheet {
  rows: CellValue[][] = [];
  constructor(readonly name: string) {}
  put(row: number, values: CellValue[]): void {
    while (this.rows.length <= row) this.rows.push([]);
    this.rows[row] = values;
  }
  snapshot(): SheetSnapshot {
    const width = Math.max(...this.rows.map((r) => r.length));
    const grid = this.rows.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? null));
    const type = (v: CellValue): ValueType => (v === null ? 'Empty' : typeof v === 'number' ? 'Double' : 'String');
    return {
      name: this.name,
      visibility: 'Visible',
      top: 0,
      left: 0,
      values: grid,
      valueTypes: grid.map((r) => r.map(type)),
      formulas: grid.map((r) => r.map(() => null)),
      numberFormats: grid.map((r) => r.map(() => 'General')),
    };
  }
}

const euros = (c: number) => c / 100;
const periodHeads = Array.from({ length: PERIODS }, (_, i) => `P${i + 1}`);

/** What this test expects, computed from the generator's own description. */
interface Expected {
  planned: number[];
  reported: number[];
  approved: number[];
  erdf: number[];
  erdfField: number[];
  achieved: number[][]; // [target][partner]
  budgetDuplicates: number;
  indicatorDuplicates: number;
  ambiguous: number;
}

/** The counted total of a table: the first row of each known line; repeats and stray rows count for nothing. */
function counted(rows: GenPartner['lines']): number {
  const seen = new Set<Line>();
  let sum = 0;
  for (const r of rows) {
    if (r.line === null || seen.has(r.line)) continue;
    seen.add(r.line);
    sum += r.cents.reduce((a, b) => a + b, 0);
  }
  return sum;
}

const repeats = (rows: GenPartner['lines']) => rows.filter((r) => r.line !== null).length - new Set(rows.map((r) => r.line).filter((l) => l !== null)).size;

function nameAs(i: number, form: NameForm): CellValue {
  const name = NAMES[i];
  switch (form) {
    case 'number':
      return i + 1;
    case 'pp':
      return `PP${i + 1}`;
    case 'full':
      return name;
    case 'upper':
      return name.toUpperCase().replace(/ /g, '  ');
    case 'short':
      return name.startsWith('Region') ? name.split(' ').slice(0, 2).join(' ') : name.split(' ')[0];
    case 'ambiguous':
      return 'Region';
  }
}

function build(g: Gen): { book: WorkbookSnapshot; expected: Expected } {
  const n = g.partners.length;
  const planned = g.partners.map((p) => counted(p.lines));
  const reported = g.partners.map((p) => counted(p.reported));
  const approved = planned.map((t, i) => Math.max(0, t + g.partners[i].approvedDelta));
  const erdf = planned.map((t, i) => Math.floor((t * g.partners[i].rateBp) / 10000));
  const erdfField = erdf.map((e, i) => Math.max(0, e + g.partners[i].erdfDelta));

  const project = new Sheet('Project');
  project.put(0, ['Project acronym', 'GEN']);
  project.put(1, ['Programme', 'Interreg Europe']);
  project.put(2, ['Total budget (EUR)', euros(approved.reduce((a, b) => a + b, 0))]);
  project.put(4, ['No', 'Role', 'Partner', 'Country', 'NUTS', 'Legal status', 'ERDF rate', 'Approved budget (EUR)']);
  g.partners.forEach((p, i) => project.put(5 + i, [i + 1, i === 0 ? 'LP' : 'PP', NAMES[i], 'AT', null, p.rateBp === 8500 ? 'public' : 'private non-profit', p.rateBp / 10000, euros(approved[i])]));
  project.put(6 + n, ['Code', 'Indicator', 'Target']);
  TARGETS.forEach((t, i) => project.put(7 + n + i, [t.code, t.name, t.target]));
  const sheets = [project];

  let budgetDuplicates = 0;
  g.partners.forEach((p, i) => {
    const s = new Sheet(`Budget ${i + 1}`);
    s.put(0, ['Partner No', i + 1]);
    s.put(2, ['Budget line', ...periodHeads]);
    p.lines.forEach((r, k) => s.put(3 + k, [r.label, ...r.cents.map(euros)]));
    const rep = 4 + p.lines.length;
    s.put(rep, ['Reported', ...periodHeads]);
    p.reported.forEach((r, k) => s.put(rep + 1 + k, [r.label, ...r.cents.map(euros)]));
    s.put(rep + 2 + p.reported.length, ['ERDF', euros(erdfField[i])]);
    budgetDuplicates += repeats(p.lines) + repeats(p.reported);
    sheets.push(s);
  });

  const achieved = TARGETS.map(() => Array.from({ length: n }, () => 0));
  let indicatorDuplicates = 0;
  let ambiguous = 0;
  g.sheets.forEach((rows, k) => {
    const s = new Sheet(`Achievements ${k + 1}`);
    s.put(0, ['Partner', 'Indicator', ...periodHeads]);
    const seen = new Set<string>();
    rows.forEach((r, j) => {
      // Indicators typed by code or name, alternately.
      s.put(1 + j, [nameAs(r.partner, r.form), j % 2 === 0 ? TARGETS[r.target].code : TARGETS[r.target].name, ...r.values]);
      // 'Region' fits two partners where both are listed, else the one.
      const regions = NAMES.slice(0, n).filter((x) => x.startsWith('Region ')).length;
      const who = r.form === 'ambiguous' ? (regions === 1 ? NAMES.findIndex((x) => x.startsWith('Region ')) : null) : r.partner;
      // A pair is the same pair however it is typed; an unresolved name compares as typed.
      const key = `${who ?? '?'}|${r.target}`;
      if (who === null) ambiguous++;
      if (who === null && !seen.has(key)) {
        seen.add(key);
        return;
      }
      if (seen.has(key)) indicatorDuplicates++;
      if (who === null) return;
      seen.add(key);
      achieved[r.target][who] += r.values.reduce((a, b) => a + b, 0);
    });
    sheets.push(s);
  });

  return { book: { sheets: sheets.map((s) => s.snapshot()) }, expected: { planned, reported, approved, erdf, erdfField, achieved, budgetDuplicates, indicatorDuplicates, ambiguous } };
}

test("every total a finding quotes is the figure the report carries, and the report's formulas compute them, over 1,000 generated workbooks", () => {
  let run = 0;
  fc.assert(
    fc.property(gen, (g) => {
      const { book, expected: x } = build(g);
      const { model, findings } = checkWorkbook(book, CLUSTERIX2);
      const figures = computeFigures(model);
      const on = (rule: string, sheet: string) => findings.filter((f) => f.rule === rule && f.sheet === sheet);
      g.partners.forEach((_, i) => {
        const f = figures.partners[i];
        const sheet = `Budget ${i + 1}`;
        expect([i, f.budget.total, f.reported.total, f.erdf]).toEqual([i, x.planned[i], x.reported[i], x.erdf[i]]);
        const b04 = on('B04', sheet);
        expect(b04.map((b) => [b.actual, b.expected])).toEqual(x.planned[i] === x.approved[i] ? [] : [[euros(f.budget.total), euros(x.approved[i])]]);
        const b05 = on('B05', sheet).filter((b) => b.message.startsWith('ERDF'));
        expect(b05.map((b) => [b.expected, b.actual])).toEqual(x.erdfField[i] === x.erdf[i] ? [] : [[euros(f.erdf), euros(x.erdfField[i])]]);
        for (const b of on('B07', sheet)) expect([b.expected, b.actual]).toEqual([euros(f.budget.total), euros(f.reported.total)]);
        expect(on('B07', sheet).length).toBe(x.reported[i] > x.planned[i] ? 1 : 0);
      });
      TARGETS.forEach((t, k) => {
        const ind = figures.indicators.find((i) => i.code === t.code)!;
        expect([t.code, ind.achieved]).toEqual([t.code, x.achieved[k].reduce((a, b) => a + b, 0)]);
        x.achieved[k].forEach((v, i) => expect([t.code, i + 1, ind.byPartner[String(i + 1)]]).toEqual([t.code, i + 1, v]));
        const i02 = findings.filter((f) => f.rule === 'I02' && f.expected === t.target && f.message.startsWith(t.code));
        expect(i02.map((f) => f.actual)).toEqual([ind.achieved]);
      });
      // The report's live formulas, evaluated over the cells, give those same figures (one workbook in five: the
      // evaluator costs more than the engine).
      if (run++ % 5 === 0) {
        const plan = planReport(model, findings, figures, { profile: CLUSTERIX2, now: new Date('2024-01-02T03:04:05Z') });
        expect(disagreements(book, plan)).toEqual([]);
      }
      const t03 = findings.filter((f) => f.rule === 'T03');
      expect(t03.filter((f) => f.sheet!.startsWith('Budget')).length).toBe(x.budgetDuplicates);
      expect(t03.filter((f) => f.sheet!.startsWith('Achievements')).length).toBe(x.indicatorDuplicates);
      expect(findings.filter((f) => f.rule === 'I01' && / fits /.test(f.message)).length).toBe(x.ambiguous);
    }),
    { numRuns: 1000 },
  );
});
