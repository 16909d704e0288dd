/**
 * A 2021–2027 project (test/support/project-2021.ts, typed by hand) under the rules its Programme field picks:
 * clean as built; one planted error per rule that changed from 2014–2020, each caught with the 2021–2027 value
 * in its message; the same workbook read as a 2014–2020 one gets the old rules' findings.
 */
import { checkWorkbook } from '../../src/engine';
import type { Finding } from '../../src/checks/types';
import { Book2021, buildProject2021 } from '../support/project-2021';

const check = (book: Book2021) => checkWorkbook(book.snapshot()).findings;
const brief = (fs: Finding[]) => fs.map((f) => `${f.rule} ${f.severity} ${f.sheet}!${f.cell}`);
const serious = (fs: Finding[]) => fs.filter((f) => f.severity !== 'info');
const PROJECT = 'Project';

/** The Partners table's cell of partner `no` (1-based row after the header) under the column `header`. */
function partnerCell(book: Book2021, no: number, header: string): string {
  const h = book.find(PROJECT, header);
  const noCol = book.find(PROJECT, 'No');
  const row = Number(noCol.replace(/\D/g, '')) + no;
  return `${h.replace(/\d+/g, '')}${row}`;
}

describe('PilotNet, a 2021–2027 project', () => {
  test('as built: no error and no warning, only the progress infos', () => {
    const findings = check(buildProject2021());
    expect(serious(findings)).toEqual([]);
    expect(brief(findings)).toEqual(['I02 info Project!D31', 'I02 info Project!D32']);
  });

  test('a public partner at 85%: P05 quotes 80%', () => {
    const book = buildProject2021();
    const at = partnerCell(book, 1, 'Co-financing rate');
    book.set(PROJECT, at, 0.85);
    const p05 = check(book).filter((f) => f.rule === 'P05');
    expect(p05.map((f) => [f.cell, f.message])).toEqual([[at, 'ERDF rate of partner 1 (Agencia de Desarrollo Regional de Extremadura) is 85%; a public partner gets 80%']]);
  });

  test('a private non-profit partner at 75%: P05 quotes 70%', () => {
    const book = buildProject2021();
    const at = partnerCell(book, 3, 'Co-financing rate');
    book.set(PROJECT, at, '75%');
    const p05 = check(book).filter((f) => f.rule === 'P05');
    expect(p05.map((f) => [f.cell, f.message])).toEqual([[at, 'ERDF rate of partner 3 (Baltic Innovation Foundation) is 75%; a private non-profit partner gets 70%']]);
  });

  test('Interreg funds worked out at the old 75%: B05 quotes 70%', () => {
    const book = buildProject2021();
    const at = Book2021.right(book.find('PP3 budget', 'Interreg funds'), 1);
    // Planned total of partner 3: staff 8 × 9,999.99 + office and travel 2 × 8 × 1,499.99 + external 20,000 + equipment 3,000.
    const total = 7_999_992 + 2 * 1_199_992 + 2_000_000 + 300_000;
    expect(total).toBe(12_699_976);
    book.set('PP3 budget', at, Math.floor(total * 0.75) / 100);
    book.set('PP3 budget', Book2021.right(book.find('PP3 budget', 'Partner contribution'), 1), (total - Math.floor(total * 0.75)) / 100);
    const b05 = check(book).filter((f) => f.rule === 'B05');
    expect(b05.map((f) => [f.cell, f.message])).toEqual([
      [at, 'ERDF is 95,249.82; 70% of the planned total 126,999.76 is 88,899.83'],
      ['B19', 'Partner contribution is 31,749.94; the planned total 126,999.76 minus ERDF 88,899.83 is 38,099.93'],
    ]);
  });

  test('travel not at the flat 15% of staff costs: B01 quotes 15%', () => {
    const book = buildProject2021();
    const label = book.find('PP2 budget', 'Travel and accommodation');
    const p2 = Book2021.right(label, 2);
    // Staff 12,345.67 a period: 15% is 1,851.85 (rounded down).
    expect(book.get('PP2 budget', p2)).toBe(1851.85);
    book.set('PP2 budget', p2, 1900);
    const b01 = check(book).filter((f) => f.rule === 'B01');
    expect(b01.map((f) => [f.cell, f.message])).toEqual([[p2, 'Travel and accommodation planned in P2 is 1,900.00; 15% of staff costs 12,345.67 is 1,851.85']]);
  });

  test('a partner from the United Kingdom: P01, quoting the 2021–2027 partner countries', () => {
    const book = buildProject2021();
    const at = partnerCell(book, 4, 'Country');
    book.set(PROJECT, at, 'UK');
    const p01 = check(book).filter((f) => f.rule === 'P01');
    expect(p01.map((f) => [f.cell, f.message])).toEqual([
      [at, 'Country UK of partner 4 (Lviv Regional Development Agency) is not an Interreg Europe partner country (partner countries in force: AT, BE, BG, CY, CZ, DE, DK, EE, EL, ES, FI, FR, HR, HU, IE, IT, LT, LU, LV, MT, NL, PL, PT, RO, SE, SI, SK, NO, CH, AL, BA, MD, ME, MK, RS, UA)'],
    ]);
  });

  test('a line that is none of the 2021–2027 lines: B02 lists them, Infrastructure and works among them', () => {
    const book = buildProject2021();
    const at = book.find('PP1 budget', 'Infrastructure and works');
    book.set('PP1 budget', at, 'Catering');
    const b02 = check(book).filter((f) => f.rule === 'B02');
    expect(b02.map((f) => [f.cell, f.message])).toEqual([
      [at, 'Catering is not a budget line of the programme (staff costs, office and administration, travel and accommodation, external expertise and services, equipment, infrastructure and works, preparation costs)'],
    ]);
  });

  test('read as a 2014–2020 project (its Programme field), the old rules apply', () => {
    const book = buildProject2021({ programme: 'Interreg Europe 2014-2020' });
    const findings = serious(check(book));
    expect(brief(findings)).toEqual([
      'error PP1 budget!A10',
      'error PP1 budget!B11:I11',
      'error PP1 budget!A19',
      'error PP1 budget!B20:I20',
      'error Project!H25',
      'error Project!H27',
      'error Project!E28',
      'error Project!H28',
      'warning PP1 budget!B9:I9',
    ].map((s, i) => `${['B02', 'B02', 'B02', 'B02', 'P05', 'P05', 'P01', 'P05', 'B08'][i]} ${s}`));
    expect(findings.map((f) => f.message)).toEqual(
      expect.arrayContaining([
        'Preparation costs planned are 20,000.00; at most 15,000.00 is allowed',
        'ERDF rate of partner 1 (Agencia de Desarrollo Regional de Extremadura) is 80%; a public partner gets 85%',
        'Equipment across the partnership is 12,000.00 (planned, or reported where higher), above the limit of 7,000.00; this partner\'s share is 3,000.00',
      ]),
    );
  });
});
