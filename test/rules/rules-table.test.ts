/**
 * A project's own Rules table over its preset: obeyed by the checks, quoted in their messages, listed with its
 * cells on Report Checks; an unreadable value is a T02 at its cell. The ClusteriX sample keeps its two findings.
 */
import { checkWorkbook, consolidateWorkbook } from '../../src/engine';
import type { Finding } from '../../src/checks/types';
import type { PlannedTab } from '../../src/plan/types';
import { Book2021, buildProject2021 } from '../support/project-2021';
import { sampleSnapshot } from '../checks/support/workbook';

const NOW = new Date('2026-12-01T10:00:00Z');
const serious = (fs: Finding[]) => fs.filter((f) => f.severity !== 'info');
const brief = (fs: Finding[]) => fs.map((f) => `${f.rule} ${f.severity} ${f.sheet}!${f.cell}`);
const OVERRIDES: [string, string | number][] = [
  ['Office and administration flat rate (% of staff costs)', 0.07],
  ['Equipment across the partnership at most', 10000],
];

/** Report Checks' rows below the "Programme rules in force" title: [rule, source, value] by row (under Cell, Status, Message: columns C, E, D). */
function rulesRows(tab: PlannedTab): string[][] {
  const text = (c: PlannedTab['cells'][number] | undefined) => (!c ? '' : c.value.kind === 'text' ? c.value.text : c.value.kind === 'link' ? c.value.text : String('value' in c.value ? c.value.value : ''));
  const at = (r: number, col: number) => text(tab.cells.find((c) => c.row === r && c.col === col));
  const title = tab.cells.find((c) => c.value.kind === 'text' && c.value.text.startsWith('Programme rules in force'))!;
  const out: string[][] = [];
  for (let r = title.row + 2; at(r, 2) !== ''; r++) out.push([at(r, 2), at(r, 4), at(r, 3)]);
  return [[text(title)], ...out];
}

describe('a Rules table: office rate 7%, equipment at most EUR 10,000', () => {
  test('figures at 7% of staff costs: no B01; the EUR 12,000 of equipment is a B08 warning quoting 10,000', () => {
    const findings = serious(checkWorkbook(buildProject2021({ rules: OVERRIDES, officeBp: 700 }).snapshot()).findings);
    expect(findings.map((f) => [f.rule, f.severity, f.message])).toEqual([
      ['B08', 'warning', 'Equipment across the partnership is 12,000.00 (planned, or reported where higher), above the limit of 10,000.00; this partner\'s share is 3,000.00'],
    ]);
  });

  test('figures at the preset\'s 15%: every office cell is a B01 error quoting 7%', () => {
    const book = buildProject2021({ rules: OVERRIDES });
    const b01 = checkWorkbook(book.snapshot()).findings.filter((f) => f.rule === 'B01');
    // 4 partners × 8 planned periods, and 3 reported periods each (the later ones are 0 = 7% of 0).
    expect(b01).toHaveLength(4 * 8 + 4 * 3);
    const p1 = b01.find((f) => f.sheet === 'PP1 budget' && f.cell === 'B6')!;
    expect(p1.message).toBe('Office and administration planned in P1 is 3,000.00; 7% of staff costs 20,000.00 is 1,400.00');
    expect(b01.every((f) => / 7% of staff costs /.test(f.message))).toBe(true);
  });

  test('the same values typed as text (7 %, EUR 10.000,00) are read alike', () => {
    const findings = serious(checkWorkbook(buildProject2021({ rules: [['Office and administration flat rate', '7 %'], ['equipment across the partnership at most (EUR)', '10.000,00']], officeBp: 700 }).snapshot()).findings);
    expect(brief(findings)).toEqual(['B08 warning PP1 budget!B9:I9']);
  });

  test('Report Checks lists the rules in force: the two from the Rules table\'s cells, the rest from the preset', () => {
    const { plan } = consolidateWorkbook(buildProject2021({ rules: OVERRIDES, officeBp: 700 }).snapshot(), { now: NOW });
    const rows = rulesRows(plan.tabs.find((t) => t.name === 'Report Checks')!);
    expect(rows).toEqual([
      ['Programme rules in force: the Interreg Europe 2021-2027 preset, with this workbook\'s Rules table over it'],
      ['Office and administration flat rate', 'Rules table C35', '7%'],
      ['Travel and accommodation flat rate', 'preset 2021-2027', '15%'],
      ['ERDF rate public', 'preset 2021-2027', '80%'],
      ['ERDF rate private non-profit', 'preset 2021-2027', '70%'],
      ['ERDF rate norwegian', 'preset 2021-2027', '50%'],
      ['Preparation costs at most', 'preset 2021-2027', 'blank: not checked: B02 does not check the preparation costs\' amount'],
      ['Equipment across the partnership at most', 'Rules table C36', 'EUR 10,000.00'],
      ['Partner budget flexibility', 'preset 2021-2027', '20%'],
      ['Partner countries', 'preset 2021-2027', 'AT, BE, BG, CY, CZ, DE, DK, EE, EL, ES, FI, FR, HR, HU, IE, IT, LT, LU, LV, MT, NL, PL, PT, RO, SE, SI, SK, NO, CH, AL, BA, MD, ME, MK, RS, UA'],
      ['Budget lines', 'preset 2021-2027', 'Staff costs, Office and administration, Travel and accommodation, External expertise and services, Equipment, Infrastructure and works, Preparation costs'],
    ]);
    const link = plan.tabs.find((t) => t.name === 'Report Checks')!.cells.find((c) => c.value.kind === 'link' && c.value.text === 'Rules table C35')!;
    expect(link.value).toEqual({ kind: 'link', text: 'Rules table C35', sheet: 'Project', cell: 'C35' });
  });
});

describe('Rules table values that cannot be read', () => {
  test('a limit in words is a T02 naming its cell, and the preset\'s value stays in force', () => {
    const book = buildProject2021({ rules: [['Equipment across the partnership at most', 'ten thousand']] });
    const findings = serious(checkWorkbook(book.snapshot()).findings);
    expect(findings.map((f) => [f.rule, `${f.sheet}!${f.cell}`, f.message])).toEqual([
      ['T02', 'Project!C35', "Rule Equipment across the partnership at most holds 'ten thousand', which cannot be read as an amount in EUR (15000), or none"],
    ]);
  });

  test('a rule the programme does not have is a T02 on its name; a rate above 100% too', () => {
    const book = buildProject2021({ rules: [['Coffee allowance', 0.1], ['Partner budget flexibility', '150%']] });
    const findings = serious(checkWorkbook(book.snapshot()).findings);
    expect(brief(findings)).toEqual(['T02 error Project!B35', 'T02 error Project!C36']);
    expect(findings[0].message).toMatch(/^Rule holds 'Coffee allowance', which cannot be read as a rule of the programme \(Office and administration flat rate; /);
  });

  test('"none" lifts a limit: a 2014–2020 project with equipment above EUR 7,000 gets no B08', () => {
    const build = (rules?: [string, string][]) => buildProject2021({ programme: 'Interreg Europe 2014-2020', rules });
    expect(brief(checkWorkbook(build().snapshot()).findings.filter((f) => f.rule === 'B08'))).toEqual(['B08 warning PP1 budget!B9:I9']);
    expect(checkWorkbook(build([['Equipment across the partnership at most', 'none']]).snapshot()).findings.filter((f) => f.rule === 'B08')).toEqual([]);
  });
});

describe('the ClusteriX 2.0 sample, now with its Rules table', () => {
  test('its findings are still exactly P02 on Project!C14 and P01 on Project!D39', () => {
    const errorsAndWarnings = serious(checkWorkbook(sampleSnapshot()).findings);
    expect(brief(errorsAndWarnings)).toEqual(['P02 error Project!C14', 'P01 error Project!D39']);
  });

  test('its Rules table holds the 2014–2020 preset, read from its cells', () => {
    const { plan } = consolidateWorkbook(sampleSnapshot(), { now: NOW });
    const rows = rulesRows(plan.tabs.find((t) => t.name === 'Report Checks')!);
    expect(rows[0]).toEqual(['Programme rules in force: the Interreg Europe 2014-2020 preset, with this workbook\'s Rules table over it']);
    expect(rows.slice(1).map(([rule, , value]) => [rule, value])).toEqual([
      ['Office and administration flat rate', '15%'],
      ['Travel and accommodation flat rate', 'blank: real costs, not checked: B01 does not check travel and accommodation'],
      ['ERDF rate public', '85%'],
      ['ERDF rate private non-profit', '75%'],
      ['ERDF rate norwegian', '50%'],
      ['Preparation costs at most', 'EUR 15,000.00'],
      ['Equipment across the partnership at most', 'EUR 7,000.00'],
      ['Partner budget flexibility', '20%'],
      ['Partner countries', 'AT, BE, BG, CY, CZ, DE, DK, EE, EL, ES, FI, FR, HR, HU, IE, IT, LT, LU, LV, MT, NL, PL, PT, RO, SE, SI, SK, UK, NO, CH'],
      ['Budget lines', 'Staff costs, Office and administration, Travel and accommodation, External expertise and services, Equipment, Preparation costs'],
    ]);
    // Values the table sets come from its cells (column C); the blank travel rate is the preset's.
    expect(rows.slice(1).map(([, source]) => source.replace(/C\d+$/, 'C'))).toEqual(['Rules table C', 'preset 2014-2020', ...Array(8).fill('Rules table C')]);
  });
});

test('Book2021.right is a plain column step', () => {
  expect(Book2021.right('B6', 3)).toBe('E6');
});
