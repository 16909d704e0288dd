/**
 * A second project, unlike ClusteriX in every way the contract allows, typed by hand here (not by src/template or
 * the profile's sample writer): NordLink, 4 partners (PT lead, a Finnish private non-profit at 75%, a Norwegian
 * partner at 50%, a Greek one written EL), 5 periods of 12 and 6 months over two phases, its own indicators, and its
 * own layout: a Project sheet named Facts with title rows, fields two columns apart and the tables in another order
 * and with synonyms; budget sheets with Period n headers, lines in another order, a sheet known by its Partner name
 * only, an `Actual` table; achievements on two sheets with partners typed by number, PP number, name and short name.
 *
 * Every expected figure below is worked out by hand from the amounts typed in this file.
 */
import type { CellValue, SheetSnapshot, ValueType, WorkbookSnapshot } from '../../src/snapshot/types';

/** Excel's serial of a calendar day, computed here (not with src/util/dates). */
function serial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

class Grid {
  private cells = new Map<string, { v: CellValue; fmt: string }>();
  constructor(readonly name: string) {}
  /** Writes values to the right of (row, col), both 1-based; a string starting with 'd:' is a date. */
  row(row: number, col: number, values: (CellValue | undefined)[]): this {
    values.forEach((v, i) => {
      if (v === undefined || v === null) return;
      const date = typeof v === 'string' && v.startsWith('d:');
      this.cells.set(`${row - 1},${col - 1 + i}`, { v: date ? serial(v.slice(2)) : v, fmt: date ? 'yyyy-mm-dd' : 'General' });
    });
    return this;
  }
  snapshot(): SheetSnapshot {
    let rows = 0;
    let cols = 0;
    for (const k of this.cells.keys()) {
      const [r, c] = k.split(',').map(Number);
      rows = Math.max(rows, r + 1);
      cols = Math.max(cols, c + 1);
    }
    const grid = <T>(f: (cell: { v: CellValue; fmt: string } | undefined) => T): T[][] => Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => f(this.cells.get(`${r},${c}`))));
    const type = (v: CellValue): ValueType => (v === null ? 'Empty' : typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : 'String');
    return {
      name: this.name,
      visibility: 'Visible',
      top: 0,
      left: 0,
      values: grid((x) => x?.v ?? null),
      valueTypes: grid((x) => type(x?.v ?? null)),
      formulas: grid(() => null),
      numberFormats: grid((x) => x?.fmt ?? 'General'),
    };
  }
}

type Lines = Record<'staff' | 'office' | 'travel' | 'external' | 'equipment' | 'preparation', number[]>;

interface PartnerFacts {
  no: number;
  role: 'LP' | 'PP';
  name: string;
  country: string;
  nuts: string;
  status: string;
  rate: number;
  budget: number;
  plan: Partial<Lines>;
  reported: Partial<Lines>;
  erdf?: number;
  contribution?: number;
}

export const NORDLINK_PARTNERS: PartnerFacts[] = [
  {
    no: 1,
    role: 'LP',
    name: 'Porto Maritime Agency',
    country: 'PT',
    nuts: 'PT11',
    status: 'public',
    rate: 0.85,
    budget: 81050,
    plan: { staff: [10000, 10000, 5000, 8000, 4000], office: [1500, 1500, 750, 1200, 600], travel: [2000, 2000, 1000, 1000, 500], external: [5000, 5000, 2000, 3000, 1000], equipment: [1000, 0, 0, 0, 0], preparation: [15000, 0, 0, 0, 0] },
    reported: { staff: [9000, 9500, 4000], office: [1350, 1425, 600], travel: [1800, 2100, 900], external: [4000, 5200, 1500], equipment: [1000, 0, 0], preparation: [15000, 0, 0] },
    erdf: 68892.5,
    contribution: 12157.5,
  },
  {
    no: 2,
    role: 'PP',
    name: 'Turku Innovation Foundation',
    country: 'FI',
    nuts: 'FI1C',
    status: 'private non-profit',
    rate: 75,
    budget: 45900,
    plan: { staff: [8000, 8000, 4000, 6000, 2000], office: [1200, 1200, 600, 900, 300], travel: [1000, 1000, 500, 500, 200], external: [3000, 3000, 1000, 2000, 1000], equipment: [500, 0, 0, 0, 0] },
    reported: { staff: [8000, 8000, 4000], office: [1200, 1200, 600], travel: [900, 1100, 400], external: [3000, 2500, 1000], equipment: [500, 0, 0] },
  },
  {
    no: 3,
    role: 'PP',
    name: 'Bergen Cluster Council',
    country: 'NO',
    nuts: 'NO05',
    status: 'norwegian',
    rate: 0.5,
    budget: 33250,
    plan: { staff: [6000, 6000, 3000, 4000, 2000], office: [900, 900, 450, 600, 300], travel: [800, 800, 400, 400, 200], external: [2000, 2000, 1000, 1000, 500], equipment: [0, 0, 0, 0, 0] },
    reported: { staff: [6000, 6500, 3500], office: [900, 975, 525], travel: [700, 900, 300], external: [2500, 2000, 1500], equipment: [0, 0, 0] },
    erdf: 16625,
  },
  {
    no: 4,
    role: 'PP',
    name: 'Thessaloniki Port Authority',
    country: 'EL',
    nuts: 'EL52',
    status: 'public',
    rate: 0.85,
    budget: 26950,
    plan: { staff: [5000, 5000, 2500, 3000, 1500], office: [750, 750, 375, 450, 225], travel: [700, 700, 300, 300, 100], external: [1500, 1500, 500, 1000, 500], equipment: [300, 0, 0, 0, 0] },
    reported: { staff: [5000, 5000, 2000], office: [750, 750, 300], travel: [700, 600, 200], external: [1500, 1000, 500], equipment: [300, 0, 0] },
  },
];

/** The lines in the order NordLink's sheets list them, with the labels its officers type. */
const ORDER: [keyof Lines, string][] = [
  ['staff', 'Staff'],
  ['travel', 'Travel'],
  ['office', 'Office & administration'],
  ['external', 'External costs'],
  ['equipment', 'Equipment'],
  ['preparation', 'Preparation costs'],
];

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

export const NORDLINK_SHEETS = { project: 'Facts', budgets: ['PP1 Porto', 'Turku', 'PP3 Bergen', 'PP4 Thessaloniki'], indicators: ['Outputs 2019-20', 'Outputs 2021-22'] };

export function nordLinkSnapshot(): WorkbookSnapshot {
  const facts = new Grid('Facts')
    .row(1, 1, ['NordLink: interregional learning on port innovation'])
    .row(2, 1, ['Typed by hand for the tests'])
    .row(4, 2, ['Project acronym', null, 'NordLink'])
    .row(5, 2, ['Programme', null, 'Interreg Europe'])
    .row(6, 2, ['Total eligible budget', null, 187150])
    .row(7, 2, ['Project start', null, 'd:2019-01-01'])
    .row(8, 2, ['Project end', null, 'd:2022-12-31'])
    .row(9, 2, ['Reporting date', null, 'd:2021-06-30'])
    .row(11, 2, ['Partner', 'PP', 'Role', 'Country', 'NUTS', 'Legal status', 'Co-financing rate', 'Budget']);
  NORDLINK_PARTNERS.forEach((p, i) => facts.row(12 + i, 2, [p.name, p.no, p.role, p.country, p.nuts, p.status, p.rate, p.budget]));
  facts
    .row(18, 2, ['Code', 'Indicator', 'Unit', 'Target'])
    .row(19, 2, ['EV', 'Events organised', 'events', 12])
    .row(20, 2, ['SV', 'Study visits', 'visits', 8])
    .row(21, 2, ['AP', 'Action plans', 'plans', 4])
    .row(23, 2, ['Period', 'Phase', 'Start', 'End', 'Months'])
    .row(24, 2, ['P1', 'A', 'd:2019-01-01', 'd:2019-12-31', 12])
    .row(25, 2, ['P2', 'A', 'd:2020-01-01', 'd:2020-12-31', 12])
    .row(26, 2, ['P3', 'A', 'd:2021-01-01', 'd:2021-06-30', 6])
    .row(27, 2, ['P4', 'B', 'd:2021-07-01', 'd:2022-06-30', 12])
    .row(28, 2, ['P5', 'B', 'd:2022-07-01', 'd:2022-12-31', 6])
    .row(30, 2, ['Phase', 'Start', 'End', 'Months'])
    .row(31, 2, ['A', 'd:2019-01-01', 'd:2021-06-30', 30])
    .row(32, 2, ['B', 'd:2021-07-01', 'd:2022-12-31', 18]);

  const budgets = NORDLINK_PARTNERS.map((p, i) => {
    const g = new Grid(NORDLINK_SHEETS.budgets[i]).row(1, 1, [`Budget of ${p.name}`]);
    // Turku's sheet names its partner by the Partner field alone.
    if (p.no === 2) g.row(2, 1, ['Partner', p.name]);
    else g.row(2, 1, ['Partner No', p.no]);
    const lines = ORDER.filter(([k]) => p.plan[k]);
    g.row(4, 1, ['Cost category', 'Period 1', 'Period 2', 'Period 3', 'Period 4', 'Period 5', 'Total']);
    lines.forEach(([k, label], j) => g.row(5 + j, 1, [label, ...p.plan[k]!, sum(p.plan[k]!)]));
    const actual = 5 + lines.length + 1;
    g.row(actual, 1, ['Actual', 'Period 1', 'Period 2', 'Period 3', 'Period 4', 'Period 5']);
    lines.forEach(([k, label], j) => g.row(actual + 1 + j, 1, [label, ...p.reported[k]!]));
    const fields = actual + lines.length + 2;
    if (p.erdf !== undefined) g.row(fields, 1, ['ERDF', p.erdf]);
    if (p.contribution !== undefined) g.row(fields + 1, 1, ['Partner contribution', p.contribution]);
    return g;
  });

  const outputs1 = new Grid(NORDLINK_SHEETS.indicators[0])
    .row(1, 1, ['Partner', 'Indicator', 'P1', 'P2', 'Comment'])
    .row(2, 1, ['Porto Maritime Agency', 'EV', 2, 1])
    .row(3, 1, ['Turku', 'EV', 1, 1, 'short name'])
    .row(4, 1, ['PP3', 'Study visits', 1, 2])
    .row(5, 1, [4, 'SV', 0, 1]);
  const outputs2 = new Grid(NORDLINK_SHEETS.indicators[1])
    .row(1, 1, ['Partner', 'Indicator', 'P3', 'P4', 'P5'])
    .row(2, 1, [1, 'EV', 1, 0, 0])
    .row(3, 1, ['Bergen Cluster Council', 'EV', 1, 1, 0])
    .row(4, 1, ['Thessaloniki', 'AP', 0, 1, 0])
    .row(5, 1, ['Turku Innovation Foundation', 'AP', 0, 0, 0]);

  return { sheets: [budgets[1], facts, budgets[0], outputs2, budgets[3], budgets[2], outputs1].map((g) => g.snapshot()) };
}

/** The figures, worked out by hand (EUR), as the JSON of `consolidate --json` gives them. */
export const NORDLINK_FIGURES = {
  project: { acronym: 'NordLink', totalBudget: 187150 },
  partners: [
    { no: 1, budget: { staff: 37000, office: 5550, travel: 6500, external: 16000, equipment: 1000, preparation: 15000, total: 81050 }, reported: { staff: 22500, office: 3375, travel: 4800, external: 10700, equipment: 1000, preparation: 15000, total: 57375 }, erdf: 68892.5, contribution: 12157.5 },
    { no: 2, budget: { staff: 28000, office: 4200, travel: 3200, external: 10000, equipment: 500, preparation: 0, total: 45900 }, reported: { staff: 20000, office: 3000, travel: 2400, external: 6500, equipment: 500, preparation: 0, total: 32400 }, erdf: 34425, contribution: 11475 },
    { no: 3, budget: { staff: 21000, office: 3150, travel: 2600, external: 6500, equipment: 0, preparation: 0, total: 33250 }, reported: { staff: 16000, office: 2400, travel: 1900, external: 6000, equipment: 0, preparation: 0, total: 26300 }, erdf: 16625, contribution: 16625 },
    { no: 4, budget: { staff: 17000, office: 2550, travel: 2100, external: 5000, equipment: 300, preparation: 0, total: 26950 }, reported: { staff: 12000, office: 1800, travel: 1500, external: 3000, equipment: 300, preparation: 0, total: 18600 }, erdf: 22907.5, contribution: 4042.5 },
  ],
  totals: {
    budget: { staff: 103000, office: 15450, travel: 14400, external: 37500, equipment: 1800, preparation: 15000, total: 187150 },
    reported: { staff: 70500, office: 10575, travel: 10600, external: 26200, equipment: 1800, preparation: 15000, total: 134675 },
    erdf: 142850,
    contribution: 44300,
  },
  periods: [
    { period: 1, budget: 66150, reported: 64100, cumulativeBudget: 66150, cumulativeReported: 64100 },
    { period: 2, budget: 49350, reported: 48750, cumulativeBudget: 115500, cumulativeReported: 112850 },
    { period: 3, budget: 23375, reported: 21825, cumulativeBudget: 138875, cumulativeReported: 134675 },
    { period: 4, budget: 33350, reported: 0, cumulativeBudget: 172225, cumulativeReported: 134675 },
    { period: 5, budget: 14925, reported: 0, cumulativeBudget: 187150, cumulativeReported: 134675 },
  ],
  indicators: [
    { code: 'EV', target: 12, achieved: 8, byPartner: { '1': 4, '2': 2, '3': 2, '4': 0 } },
    { code: 'SV', target: 8, achieved: 4, byPartner: { '1': 0, '2': 0, '3': 3, '4': 1 } },
    { code: 'AP', target: 4, achieved: 1, byPartner: { '1': 0, '2': 0, '3': 0, '4': 1 } },
  ],
};

/** Its findings, by hand: nothing wrong, progress against the three targets. */
export const NORDLINK_FINDINGS = [
  { rule: 'I02', severity: 'info', sheet: 'Facts', cell: 'E19', message: 'EV Events organised: 8 achieved of 12 (66.7%)', expected: 12, actual: 8 },
  { rule: 'I02', severity: 'info', sheet: 'Facts', cell: 'E20', message: 'SV Study visits: 4 achieved of 8 (50.0%)', expected: 8, actual: 4 },
  { rule: 'I02', severity: 'info', sheet: 'Facts', cell: 'E21', message: 'AP Action plans: 1 achieved of 4 (25.0%)', expected: 4, actual: 1 },
];
