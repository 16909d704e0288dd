/**
 * The bad-workbook corpus: each case is a file made by code and exactly what the user sees for it: the findings
 * beyond the sample's own (rule, sheet, cell), or exit 2 with its one-line reason.
 */
import ExcelJS from 'exceljs';
import { encryptXlsx } from './encrypt';
import { freshBook, sampleBytes, sampleWith, sheet, truncatedSample, zipNotXlsx } from './books';

export interface Seen {
  rule: string;
  sheet: string | null;
  cell: string | null;
}

export interface CorpusCase {
  name: string;
  /** What the user sees, in a line (goes into the issue note). */
  sees: string;
  make: () => Promise<Buffer>;
  /** exit 2 with this reason (after 'cannot read FILE: ' or the file name), or the findings. */
  reason?: (file: string) => string;
  /** Error and warning findings besides the sample's own two (P02 Project!C14, P01 Project!D39), in any order. */
  extra?: Seen[];
  /** True when the sample's own two errors are gone too (the case changed those cells). */
  withoutSampleErrors?: boolean;
}

export const SAMPLE_ERRORS: Seen[] = [
  { rule: 'P02', sheet: 'Project', cell: 'C14' },
  { rule: 'P01', sheet: 'Project', cell: 'D39' },
];

const WP = 'Budget West-Pannon';

const seen = (rule: string, sheet: string | null, cell: string | null): Seen => ({ rule, sheet, cell });
const rows = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const LINES = ['Staff costs', 'Office and administration', 'Travel and accommodation', 'External expertise and services', 'Equipment'];
const notReporting = (f: string) => `${f} is not a reporting workbook: no Project sheet (no sheet has the field 'Project acronym'); start from 'clusterix template OUT.xlsx'`;

export const CASES: CorpusCase[] = [
  {
    name: 'empty workbook (one blank sheet)',
    sees: 'exit 2: not a reporting workbook, no Project sheet',
    make: () => freshBook((wb) => wb.addWorksheet('Sheet1')),
    reason: notReporting,
  },
  {
    name: 'only user sheets',
    sees: 'exit 2: not a reporting workbook, no Project sheet',
    make: () =>
      freshBook((wb) => {
        const a = wb.addWorksheet('Travel log');
        a.addRow(['Date', 'Trip', 'Cost']);
        a.addRow([new Date(Date.UTC(2018, 4, 3)), 'Lund', 412.5]);
        wb.addWorksheet('Notes').getCell('B2').value = 'Budget line';
      }),
    reason: notReporting,
  },
  {
    name: 'not a zip',
    sees: 'exit 2: not an xlsx file (not a zip archive)',
    make: async () => Buffer.from('No;Partner;Budget\n1;ecoplus;420000\n'),
    reason: (f) => `cannot read ${f}: not an xlsx file (not a zip archive)`,
  },
  {
    name: 'a zip that is not an xlsx',
    sees: 'exit 2: a zip archive but not an xlsx workbook',
    make: zipNotXlsx,
    reason: (f) => `cannot read ${f}: a zip archive but not an xlsx workbook (no xl/workbook.xml)`,
  },
  {
    name: 'truncated xlsx',
    sees: 'exit 2: the file is truncated or damaged',
    make: truncatedSample,
    reason: (f) => `cannot read ${f}: the file is truncated or damaged (its zip archive cannot be read)`,
  },
  {
    name: 'password-protected xlsx (really encrypted: ECMA-376 AES-128 in an OLE compound file)',
    sees: 'exit 2: the workbook is password-protected (remove the password in Excel and save again)',
    make: async () => encryptXlsx(await sampleBytes(), 'secret'),
    reason: (f) => `cannot read ${f}: the workbook is password-protected (remove the password in Excel and save again)`,
  },
  {
    name: 'a stray value at XFD1048576, the last cell of a user sheet',
    sees: "exit 2: sheet 'My notes' has a used range A1:XFD1048576 too large to read (a stray value far from the data?)",
    make: () =>
      sampleWith((wb) => {
        const ws = wb.addWorksheet('My notes');
        ws.getCell('A1').value = 'to ask the JS';
        ws.getCell('XFD1048576').value = 'x';
      }),
    reason: (f) => `cannot read ${f}: sheet 'My notes' has a used range A1:XFD1048576 too large to read (a stray value far from the data?)`,
  },
  {
    name: 'Project sheet with no Partners table',
    sees: 'T02 on Project (Partners table missing, cell null), said once: the budget sheets and indicator rows are not each flagged as belonging to no listed partner',
    make: () =>
      sampleWith((wb) => {
        const p = sheet(wb, 'Project');
        for (let r = 27; r <= 39; r++) p.getRow(r).eachCell((c) => (c.value = null));
      }),
    withoutSampleErrors: true,
    extra: [seen('P02', 'Project', 'C14'), seen('T02', 'Project', null)],
  },
  {
    name: 'budget sheet with a header and no rows',
    sees: 'T02 at the header (A6) for each of the five missing budget lines, and B04 (budget total 0.00 against the approved 178,550.00)',
    make: () =>
      sampleWith((wb) => {
        const b = sheet(wb, WP);
        for (let r = 7; r <= 23; r++) b.getRow(r).eachCell((c) => (c.value = null));
      }),
    extra: [seen('B04', WP, 'A6'), ...LINES.map(() => seen('T02', WP, 'A6'))],
  },
  {
    name: 'merged cells inside a table',
    sees: 'the merged-away cell (D9) reads blank: B03 on the line total J9, the P3 total D12 and J12; B04 and B05 follow from the smaller total',
    make: () =>
      sampleWith((wb) => {
        sheet(wb, WP).mergeCells('C9:D9');
      }),
    extra: [seen('B03', WP, 'J9'), seen('B03', WP, 'D12'), seen('B03', WP, 'J12'), seen('B04', WP, 'J12'), seen('B05', WP, 'B22'), seen('B05', WP, 'B23')],
  },
  {
    name: 'hidden rows and columns',
    sees: 'read like visible ones: the sample\'s findings only',
    make: () =>
      sampleWith((wb) => {
        const b = sheet(wb, WP);
        b.getRow(9).hidden = true;
        b.getColumn('D').hidden = true;
        sheet(wb, 'Project').getRow(31).hidden = true;
      }),
    extra: [],
  },
  {
    name: 'every Excel error value',
    sees: 'T01 on each error cell (typed or a formula\'s cached error); no sum that includes one is checked',
    make: () =>
      sampleWith((wb) => {
        const b = sheet(wb, WP);
        b.getCell('B7').value = { error: '#REF!' };
        b.getCell('C7').value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
        b.getCell('D9').value = { error: '#VALUE!' };
        b.getCell('E10').value = { error: '#N/A' };
        b.getCell('F11').value = { error: '#NAME?' };
        sheet(wb, 'Project').getCell('H31').value = { error: '#NUM!' };
        sheet(wb, 'Indicators').getCell('C20').value = { error: '#NULL!' };
      }),
    extra: [seen('T01', WP, 'B7'), seen('T01', WP, 'C7'), seen('T01', WP, 'D9'), seen('T01', WP, 'E10'), seen('T01', WP, 'F11'), seen('T01', 'Project', 'H31'), seen('T01', 'Indicators', 'C20')],
  },
  {
    name: 'dates as text (ISO, dd/mm/yyyy, dd.mm.yyyy) instead of serials',
    sees: 'read as the same calendar days: the sample\'s findings only',
    make: () =>
      sampleWith((wb) => {
        const p = sheet(wb, 'Project');
        const iso = (c: ExcelJS.Cell) => (c.value as Date).toISOString().slice(0, 10);
        const forms = [(d: string) => d, (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`, (d: string) => `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}`];
        let i = 0;
        const cells = ['B7', 'B8', 'B9', 'B13', 'C13', 'B14', 'C14', ...[18, 19, 20, 21, 22, 23, 24, 25].flatMap((r) => [`C${r}`, `D${r}`])];
        for (const a of cells) {
          const c = p.getCell(a);
          c.value = forms[i++ % 3](iso(c));
          c.numFmt = '@';
        }
      }),
    extra: [],
  },
  {
    name: 'a date that is no date',
    sees: 'T02 on the cell (a date expected), and the period checks around it skipped',
    make: () =>
      sampleWith((wb) => {
        sheet(wb, 'Project').getCell('D20').value = '31/09/2017';
      }),
    extra: [seen('T02', 'Project', 'D20')],
  },
  {
    name: 'amounts as numeric text in every form people type',
    sees: 'B06 warning on each text cell; the amounts are read (no other finding)',
    make: () =>
      sampleWith((wb) => {
        const b = sheet(wb, WP);
        const texts: Record<string, string> = {
          B7: '10 911,41',
          C7: '10.911,38',
          D7: '10,911.38',
          E7: '€ 10 911,38',
          F7: '10 911,38 EUR',
          G7: '10\u00a0911,38',
          H7: '16\u202f367,08',
          I7: '16367.08',
          B11: '500',
        };
        for (const [a, t] of Object.entries(texts)) b.getCell(a).value = t;
        const p = sheet(wb, 'Project');
        p.getCell('B6').value = '2.126.574';
        p.getCell('H31').value = '178,550';
        p.getCell('H32').value = '150.000';
      }),
    extra: [...['B7', 'C7', 'D7', 'E7', 'F7', 'G7', 'H7', 'I7', 'B11'].map((c) => seen('B06', WP, c)), seen('B06', 'Project', 'B6'), seen('B06', 'Project', 'H31'), seen('B06', 'Project', 'H32')],
  },
  {
    name: 'text that is no amount (tbd, n/a, -)',
    sees: 'B06 error on each cell; sums that include them are not checked',
    make: () =>
      sampleWith((wb) => {
        const b = sheet(wb, WP);
        b.getCell('F9').value = 'tbd';
        b.getCell('G10').value = 'n/a';
        b.getCell('H11').value = '-';
      }),
    extra: [seen('B06', WP, 'F9'), seen('B06', WP, 'G10'), seen('B06', WP, 'H11')],
  },
  {
    name: 'numbers with more than two decimals',
    sees: 'B06 error on the cell',
    make: () =>
      sampleWith((wb) => {
        sheet(wb, WP).getCell('B9').value = 1983.8899;
      }),
    extra: [seen('B06', WP, 'B9')],
  },
  {
    name: 'formulas with a cached 0 and with no cached value',
    sees: 'a cached 0 is a 0 (no finding); no cached value and a function the reader does not compute (MAX): T02 (open and save in Excel), sums with it skipped',
    make: () =>
      sampleWith((wb) => {
        const b = sheet(wb, WP);
        b.getCell('I19').value = { formula: 'B19*0', result: 0 } as ExcelJS.CellFormulaValue;
        b.getCell('B8').value = { formula: 'MAX(B7*0.15,0)' } as ExcelJS.CellFormulaValue;
      }),
    extra: [seen('T02', WP, 'B8')],
  },
  {
    name: 'the same partner number twice',
    sees: 'P03 on the second number; the budget sheet and indicator rows of the partner no longer listed',
    make: () =>
      sampleWith((wb) => {
        sheet(wb, 'Project').getCell('A32').value = 3;
      }),
    extra: [seen('P03', 'Project', 'A32'), seen('P03', 'Budget INMA', 'B3'), ...rows(25, 31).map((r) => seen('I01', 'Indicators', `A${r}`))],
  },
  {
    name: 'sheet names with spaces, quotes, apostrophes, non-Latin letters and 31 characters',
    sees: 'findings name each sheet exactly as written',
    make: () =>
      sampleWith((wb) => {
        const names: Record<string, string> = {
          'Budget ecoplus': 'Budget  ecoplus (LP)',
          'Budget IDM': 'IDM "Südtirol"',
          [WP]: "West-Pannon's budget",
          'Budget INMA': 'Бюджет INMA',
          'Budget Lund': '予算 Lund',
          'Budget Ostrava': 'Budget Regional Dev Agency Ostr',
        };
        for (const [from, to] of Object.entries(names)) {
          const ws = sheet(wb, from);
          ws.name = to;
          ws.getCell('B7').value = { error: '#REF!' };
        }
      }),
    extra: ['Budget  ecoplus (LP)', 'IDM "Südtirol"', "West-Pannon's budget", 'Бюджет INMA', '予算 Lund', 'Budget Regional Dev Agency Ostr'].map((n) => seen('T01', n, 'B7')),
  },
  {
    name: 'a sheet reaching column XFD',
    sees: 'read like any other: a table ending at XFD gives findings at XFD4 (T01) and XEU4 (T03, the pair is also on Indicators)',
    make: () =>
      sampleWith((wb) => {
        sheet(wb, WP).getCell('XFD2').value = 'note at the far right';
        const w = wb.addWorksheet('Wide notes');
        w.getCell('A1').value = 'first column';
        w.getCell('XFD1').value = 'last column';
        // An indicator table whose last period column is XFD, Excel's last column.
        const far = wb.addWorksheet('Indicators far right');
        const left = 16384 - 10 + 1;
        far.getRow(3).values = Object.assign([], { [left]: 'Partner', [left + 1]: 'Indicator' }, Object.fromEntries(rows(1, 8).map((n) => [left + 1 + n, `P${n}`])));
        far.getRow(4).values = Object.assign([], { [left]: 5, [left + 1]: 'MEDIA' }, Object.fromEntries(rows(1, 7).map((n) => [left + 1 + n, 0])));
        far.getCell(4, 16384).value = { error: '#REF!' };
      }),
    extra: [seen('T01', 'Indicators far right', 'XFD4'), seen('T03', 'Indicators far right', 'XEU4')],
  },
];

export { sampleBytes };
export type { ExcelJS };
