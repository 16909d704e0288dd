/**
 * A small hand-made reporting workbook for tests: one description gives both the snapshot (cells) and the
 * Model the parser would make of it, with every value's CellRef, so formulas can be evaluated against the cells.
 */
import type { Amount, BudgetLineKey, BudgetRow, BudgetSheet, BudgetTable, CellRef, IndicatorRow, Model, Partner, Period, Target } from '../../../src/model/types';
import type { CellValue, SheetSnapshot, ValueType, WorkbookSnapshot } from '../../../src/snapshot/types';
import type { CalendarDate } from '../../../src/util/dates';
import type { Cents } from '../../../src/util/money';
import { a1 } from '../../../src/util/a1';

/** A period cell: a number of euros, numeric text (with the cents it reads as), an error, a formula, or blank. */
export type CellSpec =
  | number
  | null
  | { text: string; cents: number }
  | { error: string }
  | { formula: string; value: number }
  | { uncalculated: string }
  | { invalid: string };

export interface PartnerSpec {
  no: number | null;
  name: string;
  country?: string;
  role?: 'LP' | 'PP';
  /** As the Partners table cell holds it: 0.85, 85 or '85%'; the model gets rateBp. */
  rateCell?: CellValue;
  rateBp?: number | null;
}

export interface BudgetSpec {
  sheet: string;
  partnerNo?: number;
  partnerName?: string;
  periods: number[];
  plan: Partial<Record<BudgetLineKey | 'unknown', CellSpec[]>>;
  reported?: Partial<Record<BudgetLineKey | 'unknown', CellSpec[]>>;
  /** Row order of the plan table's lines, default staff, office, travel, external, equipment, preparation. */
  order?: (BudgetLineKey | 'unknown')[];
}

export interface IndicatorSpec {
  sheet: string;
  periods: number[];
  rows: { partner: string; indicator: string; values: (number | null | string)[] }[];
}

export interface BookSpec {
  acronym?: string;
  projectSheet?: string;
  totalBudget?: number;
  reportDate?: string;
  periods?: { number: number; phase: string; start: string; end: string; months: number }[];
  partners: PartnerSpec[];
  budgets: BudgetSpec[];
  targets?: { code: string; name: string; target: number }[];
  indicators?: IndicatorSpec[];
}

const LABELS: Record<BudgetLineKey | 'unknown', string> = {
  staff: 'Staff costs',
  office: 'Office and administration',
  travel: 'Travel and accommodation',
  external: 'External expertise and services',
  equipment: 'Equipment',
  infrastructure: 'Infrastructure and works',
  preparation: 'Preparation costs',
  unknown: 'Catering',
};

class Grid {
  cells = new Map<string, { value: CellValue; type: ValueType; formula: string | null }>();
  constructor(readonly name: string) {}
  set(row: number, col: number, value: CellValue, type?: ValueType, formula: string | null = null): CellRef {
    const t: ValueType = type ?? (value === null ? 'Empty' : typeof value === 'number' ? 'Double' : typeof value === 'boolean' ? 'Boolean' : 'String');
    this.cells.set(`${row},${col}`, { value, type: t, formula });
    return this.ref(row, col);
  }
  ref(row: number, col: number): CellRef {
    return { sheet: this.name, cell: a1(row, col), row, col };
  }
  snapshot(): SheetSnapshot {
    let rows = 0;
    let cols = 0;
    for (const k of this.cells.keys()) {
      const [r, c] = k.split(',').map(Number);
      rows = Math.max(rows, r + 1);
      cols = Math.max(cols, c + 1);
    }
    const make = <T>(f: (r: number, c: number) => T): T[][] => Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => f(r, c)));
    return {
      name: this.name,
      visibility: 'Visible',
      top: 0,
      left: 0,
      values: make((r, c) => this.cells.get(`${r},${c}`)?.value ?? null),
      valueTypes: make((r, c) => this.cells.get(`${r},${c}`)?.type ?? 'Empty'),
      formulas: make((r, c) => this.cells.get(`${r},${c}`)?.formula ?? null),
      numberFormats: make(() => 'General'),
    };
  }
}

export function euro(e: number): Cents {
  return Math.round(e * 100) as Cents;
}

function writeAmount(g: Grid, row: number, col: number, spec: CellSpec): Amount {
  const base = { twoDecimals: true, formula: null as string | null };
  if (spec === null) return { ...base, cents: 0 as Cents, source: 'empty', raw: '', at: g.ref(row, col) };
  if (typeof spec === 'number') {
    const at = g.set(row, col, spec);
    const h = spec * 100;
    return { ...base, cents: Math.round(h) as Cents, twoDecimals: Math.abs(h - Math.round(h)) < 1e-6, source: 'number', raw: String(spec), at };
  }
  if ('text' in spec) return { ...base, cents: spec.cents as Cents, source: 'text', raw: spec.text, at: g.set(row, col, spec.text) };
  if ('error' in spec) return { ...base, cents: null, source: 'error', raw: spec.error, at: g.set(row, col, spec.error, 'Error') };
  if ('formula' in spec) return { ...base, cents: euro(spec.value), source: 'formula', formula: spec.formula, raw: String(spec.value), at: g.set(row, col, spec.value, 'Double', spec.formula) };
  if ('uncalculated' in spec) return { ...base, cents: null, source: 'uncalculated', formula: spec.uncalculated, raw: '', at: g.set(row, col, null, 'Uncalculated', spec.uncalculated) };
  return { ...base, cents: null, source: 'invalid', raw: spec.invalid, at: g.set(row, col, spec.invalid) };
}

function loc<T>(value: T | null, at: CellRef) {
  return { value, at };
}

function budgetTable(g: Grid, kind: 'plan' | 'reported', top: number, spec: BudgetSpec, lines: Partial<Record<BudgetLineKey | 'unknown', CellSpec[]>>): BudgetTable {
  const header = g.set(top, 0, kind === 'plan' ? 'Budget line' : 'Reported');
  const periods = spec.periods.map((n, i) => ({ number: n, col: i + 1, header: g.set(top, i + 1, `P${n}`) }));
  const order = (spec.order ?? (['staff', 'office', 'travel', 'external', 'equipment', 'preparation', 'unknown'] as const)).filter((k) => lines[k]);
  const rows: BudgetRow[] = order.map((key, i) => {
    const row = top + 1 + i;
    const label = g.set(row, 0, LABELS[key]);
    const cells = lines[key] ?? [];
    return {
      line: key === 'unknown' ? null : key,
      isTotal: false,
      label: loc(LABELS[key], label),
      amounts: spec.periods.map((_, j) => writeAmount(g, row, j + 1, cells[j] ?? null)),
      total: null,
      row,
    };
  });
  return { kind, header, periods, totalCol: null, rows };
}

export function buildBook(spec: BookSpec): { snapshot: WorkbookSnapshot; model: Model } {
  const sheets: Grid[] = [];
  const p = new Grid(spec.projectSheet ?? 'Project');
  sheets.push(p);
  const acronym = spec.acronym ?? 'Test project';
  p.set(0, 0, 'Project acronym');
  const acronymAt = p.set(0, 1, acronym);
  p.set(1, 0, 'Total budget (EUR)');
  const totalAt = p.set(1, 1, spec.totalBudget ?? 0);
  p.set(2, 0, 'Report date');
  const reportAt = p.set(2, 1, spec.reportDate ?? '2019-03-31');

  let row = 4;
  const periodsHeader = p.set(row, 0, 'Period');
  ['Phase', 'Start', 'End', 'Months'].forEach((h, i) => p.set(row, i + 1, h));
  const periods: Period[] = (spec.periods ?? []).map((pe) => {
    row++;
    const at = p.set(row, 0, pe.number);
    return {
      number: pe.number,
      label: `P${pe.number}`,
      phaseKey: pe.phase,
      phaseAt: p.set(row, 1, pe.phase),
      start: loc(pe.start as CalendarDate, p.set(row, 2, pe.start)),
      end: loc(pe.end as CalendarDate, p.set(row, 3, pe.end)),
      months: loc(pe.months, p.set(row, 4, pe.months)),
      at,
    };
  });

  row += 2;
  const partnersHeader = p.set(row, 0, 'No');
  ['Role', 'Partner', 'Country', 'NUTS', 'Legal status', 'ERDF rate', 'Approved budget (EUR)'].forEach((h, i) => p.set(row, i + 1, h));
  const partners: Partner[] = spec.partners.map((ps) => {
    row++;
    const at = ps.no === null ? p.ref(row, 0) : p.set(row, 0, ps.no);
    const rateCell = ps.rateCell === undefined ? 0.85 : ps.rateCell;
    const rateAt = p.set(row, 6, rateCell);
    return {
      no: loc(ps.no, at),
      role: loc(ps.role ?? 'PP', p.set(row, 1, ps.role ?? 'PP')),
      name: loc(ps.name, p.set(row, 2, ps.name)),
      country: loc(ps.country ?? 'AT', p.set(row, 3, ps.country ?? 'AT')),
      nuts: loc<string>(null, p.ref(row, 4)),
      legalStatus: loc('public', p.set(row, 5, 'public')),
      erdfRateBp: loc(ps.rateBp === undefined ? 8500 : ps.rateBp, rateAt),
      approvedBudget: { cents: 0 as Cents, source: 'empty', twoDecimals: true, formula: null, raw: '', at: p.ref(row, 7) },
      at,
    };
  });

  row += 2;
  const targetsHeader = p.set(row, 0, 'Code');
  p.set(row, 1, 'Indicator');
  p.set(row, 2, 'Target');
  const targets: Target[] = (spec.targets ?? []).map((t) => {
    row++;
    const at = p.set(row, 0, t.code);
    p.set(row, 1, t.name);
    return { code: t.code, name: t.name, target: loc(t.target, p.set(row, 2, t.target)), unit: null, minimum: false, at };
  });

  const budgets: BudgetSheet[] = spec.budgets.map((b) => {
    const g = new Grid(b.sheet);
    sheets.push(g);
    let partnerNo = null;
    let partnerName = null;
    if (b.partnerNo !== undefined) {
      g.set(0, 0, 'Partner No');
      partnerNo = loc(b.partnerNo, g.set(0, 1, b.partnerNo));
    }
    if (b.partnerName !== undefined) {
      g.set(1, 0, 'Partner');
      partnerName = loc(b.partnerName, g.set(1, 1, b.partnerName));
    }
    const plan = budgetTable(g, 'plan', 3, b, b.plan);
    const reported = b.reported ? budgetTable(g, 'reported', 3 + plan.rows.length + 2, b, b.reported) : null;
    return { sheet: b.sheet, partnerNo, partnerName, plan, reported, erdf: null, contribution: null };
  });

  const indicatorSheets = [];
  const indicators: IndicatorRow[] = [];
  for (const is of spec.indicators ?? []) {
    const g = new Grid(is.sheet);
    sheets.push(g);
    const header = g.set(0, 0, 'Partner');
    g.set(0, 1, 'Indicator');
    const periodCols = is.periods.map((n, i) => ({ number: n, col: i + 2, header: g.set(0, i + 2, `P${n}`) }));
    indicatorSheets.push({ sheet: is.sheet, header, periods: periodCols, totalCol: null });
    is.rows.forEach((r, i) => {
      const rr = i + 1;
      indicators.push({
        sheet: is.sheet,
        row: rr,
        partner: loc(r.partner, g.set(rr, 0, r.partner)),
        indicator: loc(r.indicator, g.set(rr, 1, r.indicator)),
        values: is.periods.map((n, j) => {
          const v = r.values[j] ?? null;
          const at = v === null ? g.ref(rr, j + 2) : g.set(rr, j + 2, v);
          return { period: n, value: typeof v === 'number' ? v : null, at, raw: v === null ? '' : String(v) };
        }),
        total: null,
        comment: null,
      });
    });
  }

  const model: Model = {
    project: {
      sheet: p.name,
      acronym: loc(acronym, acronymAt),
      programme: null,
      totalBudget: { cents: euro(spec.totalBudget ?? 0), source: 'number', twoDecimals: true, formula: null, raw: String(spec.totalBudget ?? 0), at: totalAt },
      start: null,
      end: null,
      reportDate: loc((spec.reportDate ?? '2019-03-31') as CalendarDate, reportAt),
      phases: [],
      phasesHeader: null,
      periods,
      periodsHeader,
      partners,
      partnersHeader,
      targets,
      targetsHeader,
    },
    budgets,
    indicatorSheets,
    indicators,
    otherSheets: [],
    cellIssues: [],
    missing: [],
    duplicates: [],
  };
  return { snapshot: { sheets: sheets.map((s) => s.snapshot()) }, model };
}
