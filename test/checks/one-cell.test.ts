/**
 * Every rule fires on ONE cell changed in the correct workbook (the sample with its two errors fixed), at the
 * snapshot level, and the test names every finding the change adds: the rule's own and those that follow from
 * the same cell (stale SUM results in the Total cells, the ERDF field), each at its sheet and cell.
 */
import type { Finding } from '../../src/checks/types';
import type { WorkbookSnapshot } from '../../src/snapshot/types';
import { addEuros, check, correctSnapshot, diff, numberAt, setCell, setDate, valueAt } from './support/workbook';

const WP = 'Budget West-Pannon'; // partner 3, PP: plan rows 7-11 + Total 12, reported rows 15-19 + Total 20, P1-P8 in B-I, Total J; ERDF B22
const ECO = 'Budget ecoplus'; // partner 1, LP: plan rows 7-12 (12: preparation) + Total 13; ERDF B24

let baseline: Finding[];
beforeAll(() => {
  baseline = check(correctSnapshot());
});

function after(change: (book: WorkbookSnapshot) => void): { added: string[]; removed: string[]; findings: Finding[] } {
  const book = correctSnapshot();
  change(book);
  const findings = check(book);
  return { ...diff(baseline, findings), findings };
}

const only = (fs: Finding[], rule: string) => fs.filter((f) => f.rule === rule);

describe('one cell changed: the findings it adds', () => {
  it('P01: a country of no programme (GR for Greece) on the Project sheet', () => {
    const r = after((b) => setCell(b, 'Project', 'D29', 'GR'));
    expect(r).toMatchObject({ added: ['P01 error Project!D29'], removed: [] });
    expect(only(r.findings, 'P01')[0].message).toBe('Country GR of partner 1 (ecoplus. The Business Agency of Lower Austria) is not an Interreg Europe partner country: the programme writes EL');
  });

  it('P02: a period ending a day late names that end only', () => {
    const r = after((b) => setDate(b, 'Project', 'D20', '2017-10-01'));
    expect(r).toMatchObject({ added: ['P02 error Project!D20'], removed: [] });
    expect(only(r.findings, 'P02')[0]).toMatchObject({ expected: '2017-09-30', actual: '2017-10-01' });
  });

  it('P02: the project end differing from the last period', () => {
    const r = after((b) => setDate(b, 'Project', 'B8', '2021-04-30'));
    expect(r).toMatchObject({ added: ['P02 error Project!B8'], removed: [] });
  });

  it('P03: a budget sheet of an unlisted partner, and the partner left without a sheet', () => {
    const r = after((b) => setCell(b, WP, 'B3', 12));
    expect(r).toMatchObject({ added: ['P03 error Budget West-Pannon!B3', 'P03 error Project!A31'], removed: [] });
  });

  it('P03: Partner No and Partner naming different partners', () => {
    const r = after((b) => setCell(b, WP, 'B4', 'INMA'));
    expect(r).toMatchObject({ added: ['P03 error Budget West-Pannon!B4'], removed: [] });
  });

  it('P03: a second lead partner', () => {
    const r = after((b) => setCell(b, 'Project', 'B30', 'LP'));
    expect(r).toMatchObject({ added: ['P03 error Project!B30'], removed: [] });
  });

  it("P04: a partner's approved budget one cent off (and its budget sheet no longer matching it: B04)", () => {
    const r = after((b) => addEuros(b, 'Project', 'H30', 0.01));
    expect(r).toMatchObject({ added: ['B04 error Budget IDM!J12', 'P04 error Project!B6'], removed: [] });
    expect(only(r.findings, 'P04')[0].message).toBe("The partners' approved budgets add up to 2,126,574.01; the project's total budget is 2,126,574.00");
  });

  it("P04: West-Pannon's budget differing from the description is also a warning", () => {
    const r = after((b) => addEuros(b, 'Project', 'H31', 0.01));
    expect(r).toMatchObject({ added: ['B04 error Budget West-Pannon!J12', 'P04 error Project!B6', 'P04 warning Project!H31'], removed: [] });
  });

  it('P05: an ERDF rate that does not fit the legal status (and the ERDF fields that follow it: B05)', () => {
    const r = after((b) => setCell(b, 'Project', 'G31', 0.75));
    expect(r).toMatchObject({ added: ['B05 error Budget West-Pannon!B22', 'B05 error Budget West-Pannon!B23', 'P05 error Project!G31'], removed: [] });
  });

  it('B01: reported office and administration one cent above 15% (its stale Totals: B03)', () => {
    const r = after((b) => addEuros(b, WP, 'C16', 0.01));
    expect(r).toMatchObject({ added: ['B01 error Budget West-Pannon!C16', 'B03 error Budget West-Pannon!C20', 'B03 error Budget West-Pannon!J16', 'B03 error Budget West-Pannon!J20'], removed: [] });
    const staff = numberAt(correctSnapshot(), WP, 'C15');
    expect(only(r.findings, 'B01')[0].message).toContain(`15% of staff costs ${staff.toLocaleString('en-US', { minimumFractionDigits: 2 })}`);
  });

  it('B02: a row that is no budget line (the Equipment row it replaced is missing: T02, from the parser)', () => {
    const r = after((b) => setCell(b, WP, 'A11', 'Catering'));
    expect(only(r.findings, 'B02').map((f) => [f.cell, f.message])).toEqual([
      ['A11', 'Catering is not a budget line of the programme (staff costs, office and administration, travel and accommodation, external expertise and services, equipment, preparation costs)'],
    ]);
    // An unknown line counts towards no total (README): the budget total is then short of the Equipment amounts
    // (B04, B05 quote that total); the sheet's own Total line, which adds every row, is not B03's to flag.
    expect(r).toMatchObject({ added: ['B02 error Budget West-Pannon!A11', 'B04 error Budget West-Pannon!J12', 'B05 error Budget West-Pannon!B22', 'B05 error Budget West-Pannon!B23', 'T02 error Budget West-Pannon!A6'], removed: [] });
  });

  it('B02: preparation costs of 15,000.01 for the lead partner', () => {
    const r = after((b) => addEuros(b, ECO, 'B12', 0.01));
    expect(r).toMatchObject({
      added: ['B02 error Budget ecoplus!B12:I12', 'B03 error Budget ecoplus!B13', 'B03 error Budget ecoplus!J12', 'B03 error Budget ecoplus!J13', 'B04 error Budget ecoplus!J13', 'B05 error Budget ecoplus!B25'],
      removed: [],
    });
  });

  it("B03: a line's Total off by 0.01 fires, the same value does not", () => {
    expect(after((b) => addEuros(b, WP, 'J7', 0))).toMatchObject({ added: [], removed: [] });
    const r = after((b) => addEuros(b, WP, 'J7', 0.01));
    expect(r).toMatchObject({ added: ['B03 error Budget West-Pannon!J7'], removed: [] });
  });

  it('B04: a planned amount one cent off the approved budget (its Totals and the contribution follow: B03, B05)', () => {
    const r = after((b) => addEuros(b, WP, 'D9', 0.01));
    // 85% of 178,550.01 rounded down is still 151,767.50: the ERDF field stays right, the contribution does not.
    expect(r).toMatchObject({
      added: ['B03 error Budget West-Pannon!D12', 'B03 error Budget West-Pannon!J12', 'B03 error Budget West-Pannon!J9', 'B04 error Budget West-Pannon!J12', 'B05 error Budget West-Pannon!B23'],
      removed: [],
    });
    expect(only(r.findings, 'B04')[0]).toMatchObject({ expected: 178550, actual: 178550.01, message: 'Budget total 178,550.01 differs from the approved 178,550.00 of partner 3 (West-Pannon Regional and Economic Development Public Nonprofit Ltd.)' });
  });

  it('B05: the ERDF field one cent off', () => {
    const r = after((b) => addEuros(b, WP, 'B22', 0.01));
    expect(r).toMatchObject({ added: ['B05 error Budget West-Pannon!B22'], removed: [] });
  });

  it('B06: the same amount typed as text is a warning, with a third decimal an error', () => {
    const text = after((b) => setCell(b, WP, 'B7', String(numberAt(b, WP, 'B7'))));
    expect(text).toMatchObject({ added: ['B06 warning Budget West-Pannon!B7'], removed: [] });
    const decimals = after((b) => setCell(b, WP, 'B7', numberAt(b, WP, 'B7') + 0.001));
    expect(decimals).toMatchObject({ added: ['B06 error Budget West-Pannon!B7'], removed: [] });
  });

  it('B07: reported above the plan (its stale Totals: B03)', () => {
    const r = after((b) => addEuros(b, WP, 'G18', 100000));
    expect(r).toMatchObject({ added: ['B03 error Budget West-Pannon!G20', 'B03 error Budget West-Pannon!J18', 'B03 error Budget West-Pannon!J20', 'B07 warning Budget West-Pannon!J20'], removed: [] });
    expect(only(r.findings, 'B07')[0].message).toBe('Reported 210,944.38 of partner 3 (West-Pannon Regional and Economic Development Public Nonprofit Ltd.) is 118.1% of the planned 178,550.00: above 100%, within the 20% flexibility');
  });

  it('B08: equipment across the partnership above 7,000.00', () => {
    const r = after((b) => setCell(b, WP, 'C11', 1500.01));
    expect(r).toMatchObject({
      added: ['B03 error Budget West-Pannon!C12', 'B03 error Budget West-Pannon!J11', 'B03 error Budget West-Pannon!J12', 'B04 error Budget West-Pannon!J12', 'B05 error Budget West-Pannon!B22', 'B05 error Budget West-Pannon!B23', 'B08 warning Budget West-Pannon!B11:I11'],
      removed: [],
    });
  });

  it('B09: expenditure in a period that starts after the report date', () => {
    const r = after((b) => setCell(b, WP, 'H18', 100));
    expect(r).toMatchObject({ added: ['B03 error Budget West-Pannon!H20', 'B03 error Budget West-Pannon!J18', 'B03 error Budget West-Pannon!J20', 'B09 warning Budget West-Pannon!H18'], removed: [] });
  });

  it('B10: phase 2 planned above phase 1', () => {
    const r = after((b) => addEuros(b, WP, 'H10', 100000));
    expect(r).toMatchObject({
      added: ['B03 error Budget West-Pannon!H12', 'B03 error Budget West-Pannon!J10', 'B03 error Budget West-Pannon!J12', 'B04 error Budget West-Pannon!J12', 'B05 error Budget West-Pannon!B22', 'B05 error Budget West-Pannon!B23', 'B10 info Budget West-Pannon!H7:I11'],
      removed: [],
    });
  });

  it('I01: an indicator row of an unlisted partner', () => {
    const r = after((b) => setCell(b, 'Indicators', 'A4', 12));
    expect(r).toMatchObject({ added: ['I01 error Indicators!A4'], removed: [] });
  });

  it('I01: a value that is not a whole number', () => {
    const r = after((b) => setCell(b, 'Indicators', 'C4', 0.5));
    expect(r.added).toEqual(['I01 error Indicators!C4', 'I04 error Indicators!K4']);
  });

  it('I02: a report date after the project end turns progress into warnings for targets not reached', () => {
    const r = after((b) => setDate(b, 'Project', 'B9', '2021-04-01'));
    const cells = ['C43', 'C44', 'C45', 'C46', 'C47', 'C48', 'C49'];
    expect(r).toMatchObject({ added: cells.map((c) => `I02 warning Project!${c}`), removed: cells.map((c) => `I02 info Project!${c}`) });
  });

  it('I02: a report date on the project end keeps progress as info', () => {
    expect(after((b) => setDate(b, 'Project', 'B9', '2021-03-31'))).toMatchObject({ added: [], removed: [] });
  });

  it('I03: more action plans than policy instruments (and the target differing from the description: I02)', () => {
    const r = after((b) => setCell(b, 'Project', 'C45', 11));
    expect(r).toMatchObject({ added: ['I02 warning Project!C45', 'I03 warning Project!C45'], removed: [] });
  });

  it("I04: a row's Total off by one", () => {
    const r = after((b) => setCell(b, 'Indicators', 'K4', numberAt(b, 'Indicators', 'K4') + 1));
    expect(r).toMatchObject({ added: ['I04 error Indicators!K4'], removed: [] });
  });

  it('T01: an error value, and no check that would sum it', () => {
    const r = after((b) => setCell(b, WP, 'B7', '#REF!'));
    expect(r).toMatchObject({ added: ['T01 error Budget West-Pannon!B7'], removed: [] });
  });

  it('T02: a formula never calculated, and a date that cannot be read', () => {
    expect(after((b) => setCell(b, WP, 'J7', { uncalculated: '=SUM(B7:I7)' }))).toMatchObject({ added: ['T02 error Budget West-Pannon!J7'], removed: [] });
    expect(after((b) => setCell(b, 'Project', 'B7', 'soon'))).toMatchObject({ added: ['T02 error Project!B7'], removed: [] });
  });

  it('T03: a budget line twice (the line it replaced is missing: T02), and B02 leaves it to T03', () => {
    const r = after((b) => setCell(b, WP, 'A9', 'Staff costs'));
    // The second Staff costs row counts for nothing (T03): the total is short, as in the report.
    expect(r).toMatchObject({ added: ['B04 error Budget West-Pannon!J12', 'B05 error Budget West-Pannon!B22', 'B05 error Budget West-Pannon!B23', 'T02 error Budget West-Pannon!A6', 'T03 error Budget West-Pannon!A9'], removed: [] });
  });

  it('P03: a sheet without Partner No is found by its Partner field', () => {
    expect(after((b) => setCell(b, WP, 'B3', null))).toMatchObject({ added: [], removed: [] });
  });

  it('B06: text that is no amount is an error, and no sum that includes it is reported', () => {
    const r = after((b) => setCell(b, WP, 'B7', 'tbd'));
    expect(r).toMatchObject({ added: ['B06 error Budget West-Pannon!B7'], removed: [] });
  });

  it('T03: a partner–indicator pair twice', () => {
    const r = after((b) => setCell(b, 'Indicators', 'B5', 'PLE'));
    expect(r).toMatchObject({ added: ['T03 error Indicators!A5'], removed: [] });
  });
});

describe('boundaries, on the whole path', () => {
  /** West-Pannon's reported total in the correct workbook, in cents: its period cells B15:I19, added here. */
  function reportedCents(): number {
    const book = correctSnapshot();
    let cents = 0;
    for (let row = 15; row <= 19; row++) for (const col of 'BCDEFGHI') cents += Math.round(numberAt(book, WP, `${col}${row}`) * 100);
    return cents;
  }
  /** Moves West-Pannon's reported total to `targetCents` through one cell (external expertise, P6). */
  const reportTo = (targetCents: number) => (b: WorkbookSnapshot) => addEuros(b, WP, 'G18', (targetCents - reportedCents()) / 100);
  const b07 = (targetCents: number) => only(after(reportTo(targetCents)).findings, 'B07').map((f) => f.severity);

  it('B07: reported exactly 100% of the budget is silent, one cent more a warning', () => {
    expect(b07(17855000)).toEqual([]);
    expect(b07(17855001)).toEqual(['warning']);
  });

  it('B07: reported exactly 120% is a warning, one cent more an error', () => {
    expect(b07(21426000)).toEqual(['warning']);
    expect(b07(21426001)).toEqual(['error']);
  });

  it('B08: equipment across the partnership 7,000.00 is silent, 7,000.01 a warning', () => {
    // Eleven partners plan 500.00 each in P1; West-Pannon's P2 brings the partnership to 7,000.00 or 7,000.01.
    expect(only(after((b) => setCell(b, WP, 'C11', 1500)).findings, 'B08')).toEqual([]);
    expect(only(after((b) => setCell(b, WP, 'C11', 1500.01)).findings, 'B08').map((f) => [f.cell, f.expected, f.actual])).toEqual([['B11:I11', 7000, 7000.01]]);
  });

  it('B09: expenditure in the period ending on the report date is silent, in the one starting the day after a warning', () => {
    const book = correctSnapshot();
    expect(valueAt(book, 'Project', 'B9')).toBe(numberAt(book, 'Project', 'D23')); // report date = P6's end, 2019-03-31
    expect(numberAt(book, WP, 'G18')).toBeGreaterThan(0); // P6 has expenditure, and the correct workbook has no B09
    expect(only(after((b) => setCell(b, WP, 'H18', 0.01)).findings, 'B09').map((f) => [f.cell, f.message])).toEqual([
      ['H18', 'External expertise and services reported in P7 (0.01), a period that starts 2019-04-01, after the report date 2019-03-31'],
    ]);
  });

  it('P04 and B03: a difference of 0.01 fires, 0.00 does not', () => {
    expect(after((b) => addEuros(b, 'Project', 'B6', 0)).added).toEqual([]);
    expect(after((b) => addEuros(b, 'Project', 'B6', 0.01)).added).toEqual(['P04 error Project!B6', 'P04 warning Project!B6']);
    expect(after((b) => addEuros(b, WP, 'J12', -0.01)).added).toEqual(['B03 error Budget West-Pannon!J12']);
  });
});
