/**
 * A 2021–2027 project typed by hand, independent of the template writer: "PilotNet", four partners (a Spanish
 * lead partner, a Norwegian partner at 50%, a Latvian private non-profit at 70%, a Ukrainian partner), travel at
 * the flat 15% of staff costs, an Infrastructure and works line, preparation costs of EUR 20,000 and equipment of
 * EUR 12,000 across the partnership (neither limited in 2021–2027). Every figure is consistent: checked under
 * the 2021–2027 rules it has no error and no warning. Tests change cells to plant one error at a time.
 * The Project sheet sits one column in (fields in B with values in D, tables from B), unlike the template.
 */
import type { CellValue, SheetSnapshot, ValueType, WorkbookSnapshot } from '../../src/snapshot/types';
import { a1, parseA1 } from '../../src/util/a1';

const serial = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86400000 + 25569;
/** cents × bp / 10000, rounded down: computed here by hand, not by the code under test. */
const down = (c: number, bp: number) => Math.floor((c * bp) / 10000);

export interface Partner2021 {
  no: number;
  role: 'LP' | 'PP';
  name: string;
  country: string;
  nuts: string | null;
  status: string;
  rate: number;
  /** Staff costs per period in cents (P1…P8); the other lines follow from it. */
  staff: number[];
  external: number[];
  equipment: number[];
  infrastructure: number[] | null;
  preparation: number[] | null;
}

const spread = (perPeriod: number) => Array(8).fill(perPeriod) as number[];

export const PARTNERS_2021: Partner2021[] = [
  { no: 1, role: 'LP', name: 'Agencia de Desarrollo Regional de Extremadura', country: 'ES', nuts: 'ES43', status: 'public', rate: 0.8, staff: spread(2_000_000), external: spread(500_000), equipment: [300_000, 0, 0, 0, 0, 0, 0, 0], infrastructure: [0, 0, 2_500_000, 0, 0, 0, 0, 0], preparation: [2_000_000, 0, 0, 0, 0, 0, 0, 0] },
  { no: 2, role: 'PP', name: 'Vestland County Council', country: 'NO', nuts: 'NO0A', status: 'norwegian', rate: 0.5, staff: spread(1_234_567), external: spread(100_001), equipment: [0, 300_000, 0, 0, 0, 0, 0, 0], infrastructure: null, preparation: null },
  { no: 3, role: 'PP', name: 'Baltic Innovation Foundation', country: 'LV', nuts: 'LV006', status: 'private non-profit', rate: 0.7, staff: spread(999_999), external: spread(250_000), equipment: [300_000, 0, 0, 0, 0, 0, 0, 0], infrastructure: null, preparation: null },
  { no: 4, role: 'PP', name: 'Lviv Regional Development Agency', country: 'UA', nuts: null, status: 'public', rate: 0.8, staff: spread(800_000), external: spread(150_000), equipment: [300_000, 0, 0, 0, 0, 0, 0, 0], infrastructure: null, preparation: null },
];

const PERIODS: [string, number, string, string][] = [
  ['P1', 1, '2023-01-01', '2023-06-30'],
  ['P2', 1, '2023-07-01', '2023-12-31'],
  ['P3', 1, '2024-01-01', '2024-06-30'],
  ['P4', 1, '2024-07-01', '2024-12-31'],
  ['P5', 1, '2025-01-01', '2025-06-30'],
  ['P6', 1, '2025-07-01', '2025-12-31'],
  ['P7', 2, '2026-01-01', '2026-06-30'],
  ['P8', 2, '2026-07-01', '2026-12-31'],
];
/** Reported up to the report date (P1–P3): the plan's share of those periods. */
const REPORTED_PERIODS = 3;

/** `officeBp`: the office flat rate the figures follow (15% unless a Rules table says otherwise). */
export function linesAt(p: Partner2021, officeBp = 1500): [string, number[]][] {
  const out: [string, number[]][] = [
    ['Staff costs', p.staff],
    ['Office and administration', p.staff.map((s) => down(s, officeBp))],
    ['Travel and accommodation', p.staff.map((s) => down(s, 1500))],
    ['External expertise and services', p.external],
    ['Equipment', p.equipment],
  ];
  if (p.infrastructure) out.push(['Infrastructure and works', p.infrastructure]);
  if (p.preparation) out.push(['Preparation costs', p.preparation]);
  return out;
}

export function planTotalAt(p: Partner2021, officeBp = 1500): number {
  return linesAt(p, officeBp).reduce((acc, [, xs]) => acc + xs.reduce((a, b) => a + b, 0), 0);
}

/** A workbook as grids of typed cells, changed cell by cell, then a snapshot. */
export class Book2021 {
  readonly sheets = new Map<string, CellValue[][]>();

  set(sheet: string, addr: string, v: CellValue): void {
    const g = this.sheets.get(sheet);
    if (!g) throw new Error(`no sheet ${sheet}`);
    const { row, col } = parseA1(addr);
    while (g.length <= row) g.push([]);
    while (g[row].length <= col) g[row].push(null);
    g[row][col] = v;
  }

  get(sheet: string, addr: string): CellValue {
    const { row, col } = parseA1(addr);
    return this.sheets.get(sheet)?.[row]?.[col] ?? null;
  }

  /** The address of the first cell holding `text` (exactly), searched row by row. */
  find(sheet: string, text: string): string {
    const g = this.sheets.get(sheet) ?? [];
    for (let r = 0; r < g.length; r++) for (let c = 0; c < (g[r]?.length ?? 0); c++) if (g[r][c] === text) return a1(r, c);
    throw new Error(`no '${text}' on ${sheet}`);
  }

  /** The cell `n` columns right of `addr`. */
  static right(addr: string, n: number): string {
    const { row, col } = parseA1(addr);
    return a1(row, col + n);
  }

  snapshot(): WorkbookSnapshot {
    return { sheets: [...this.sheets].map(([name, g]) => toSheet(name, g)) };
  }
}

function toSheet(name: string, grid: CellValue[][]): SheetSnapshot {
  const width = Math.max(1, ...grid.map((r) => r.length));
  const values = grid.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? null));
  const type = (v: CellValue): ValueType => (v === null ? 'Empty' : typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : 'String');
  return {
    name,
    visibility: 'Visible',
    top: 0,
    left: 0,
    values,
    valueTypes: values.map((r) => r.map(type)),
    formulas: values.map((r) => r.map(() => null)),
    numberFormats: values.map((r) => r.map(() => 'General')),
  };
}

/** `rules`: rows of a Rules table (label, value) to add under the Targets; none by default. */
export function buildProject2021(opts: { programme?: string; rules?: [string, CellValue][]; officeBp?: number } = {}): Book2021 {
  const book = new Book2021();
  const office = opts.officeBp ?? 1500;
  const planTotal = (p: Partner2021) => planTotalAt(p, office);
  const lines = (p: Partner2021) => linesAt(p, office);
  const g: CellValue[][] = [];
  const row = (cells: CellValue[]) => g.push([null, ...cells]);
  row(['PilotNet: pilot actions for regional innovation networks']);
  row([]);
  const total = PARTNERS_2021.reduce((a, p) => a + planTotal(p), 0);
  row(['Project acronym', null, 'PilotNet']);
  row(['Programme', null, opts.programme ?? 'Interreg Europe 2021-2027']);
  row(['Total eligible budget', null, total / 100]);
  row(['Project start', null, serial('2023-01-01')]);
  row(['Project end', null, '31/12/2026']);
  row(['Reporting date', null, serial('2024-06-30')]);
  row([]);
  row(['Phase', 'Start', 'End', 'Months']);
  row(['1', serial('2023-01-01'), serial('2025-12-31'), 36]);
  row(['2', serial('2026-01-01'), serial('2026-12-31'), 12]);
  row([]);
  row(['Period', 'Phase', 'Start', 'End', 'Months']);
  for (const [label, phase, start, end] of PERIODS) row([label, phase, serial(start), serial(end), 6]);
  row([]);
  row(['No', 'Role', 'Partner', 'Country', 'NUTS', 'Legal status', 'Co-financing rate', 'Approved budget']);
  for (const p of PARTNERS_2021) row([p.no, p.role, p.name, p.country, p.nuts, p.status, p.rate, planTotal(p) / 100]);
  row([]);
  row(['Code', 'Indicator', 'Target', 'Unit', 'Minimum']);
  row(['PLE', 'Policy learning events organised', 8, 'events', 'no']);
  row(['GP', 'Good practices identified', 6, 'good practices', 'yes']);
  if (opts.rules) {
    row([]);
    row(['Rule', 'Value']);
    for (const r of opts.rules) row(r);
  }
  book.sheets.set('Project', g);

  for (const p of PARTNERS_2021) {
    const b: CellValue[][] = [];
    b.push([`${p.name}: budget and reported expenditure`]);
    b.push(['Partner No', p.no]);
    b.push([]);
    const head = (first: string) => b.push([first, ...PERIODS.map(([label]) => label), 'Total']);
    const body = (share: (xs: number[]) => number[]) => {
      for (const [label, xs] of lines(p)) {
        const ys = share(xs);
        b.push([label, ...ys.map((x) => x / 100), ys.reduce((a, c) => a + c, 0) / 100]);
      }
    };
    head('Budget line');
    body((xs) => xs);
    b.push([]);
    head('Reported expenditure');
    body((xs) => xs.map((x, i) => (i < REPORTED_PERIODS ? x : 0)));
    b.push([]);
    const t = planTotal(p);
    const funds = down(t, Math.round(p.rate * 10000));
    b.push(['Interreg funds', funds / 100]);
    b.push(['Partner contribution', (t - funds) / 100]);
    book.sheets.set(`PP${p.no} budget`, b);
  }

  const ind: CellValue[][] = [['Partner', 'Indicator', ...PERIODS.map(([label]) => label), 'Total']];
  for (const p of PARTNERS_2021) {
    ind.push([p.no, 'PLE', 1, 0, 1, 0, 0, 0, 0, 0, 2]);
    ind.push([p.name, 'Good practices identified', 0, 1, 0, 0, 0, 0, 0, 0, 1]);
  }
  book.sheets.set('Achievements', ind);
  return book;
}
