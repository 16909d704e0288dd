/**
 * The cases of issue #12 on the correct sample: names resolved once (model/names.ts) and one definition of each
 * total (model/totals.ts), so a finding's number is the number the report shows. Expected values are typed here.
 */
import type { WorkbookSnapshot, SheetSnapshot, ValueType, CellValue } from '../../src/snapshot/types';
import { consolidateWorkbook } from '../../src/engine';
import { toFiguresJson as toJson } from '../../src/figures/json';
import { check, correctSnapshot, diff, setCell } from './support/workbook';

const WP = 'Budget West-Pannon';
const NOW = new Date('2024-05-02T10:00:00Z');

function sheet(book: WorkbookSnapshot, name: string): SheetSnapshot {
  return book.sheets.find((s) => s.name === name)!;
}

/** Inserts a row before 1-based `row` (the rows below move down; no formula is rewritten, as cached values stay). */
function insertRow(book: WorkbookSnapshot, name: string, row: number, values: CellValue[]): void {
  const s = sheet(book, name);
  const width = s.values[0].length;
  const cells = Array.from({ length: width }, (_, c) => values[c] ?? null);
  const i = row - 1 - s.top;
  s.values.splice(i, 0, cells);
  s.valueTypes.splice(i, 0, cells.map((v): ValueType => (v === null ? 'Empty' : typeof v === 'number' ? 'Double' : 'String')));
  s.formulas.splice(i, 0, cells.map(() => null));
  s.numberFormats.splice(i, 0, cells.map(() => 'General'));
}

/** Appends a row below the last used row of a sheet. */
function appendRow(book: WorkbookSnapshot, name: string, values: CellValue[]): number {
  const s = sheet(book, name);
  insertRow(book, name, s.top + s.values.length + 1, values);
  return s.top + s.values.length;
}

const achieved = (book: WorkbookSnapshot, code: string) => consolidateWorkbook(book, { now: NOW }).figures.indicators.find((i) => i.code === code)!;

describe('one resolution of names', () => {
  it('an indicator row whose partner fits two partners is I01 naming both, and counts towards nothing', () => {
    const book = correctSnapshot();
    const before = achieved(book, 'PLE').achieved;
    const row = appendRow(book, 'Indicators', ['Region', 'PLE', 5, 0, 0, 0, 0, 0, 0, 0, 5]);
    const fs = check(book);
    expect(fs.filter((f) => f.rule === 'I01').map((f) => [f.cell, f.message])).toEqual([
      [`A${row}`, 'Partner Region fits partner 7 (Region of Southern Denmark) or partner 11 (Region Skåne): type the partner\'s number or full name'],
    ]);
    expect(achieved(book, 'PLE').achieved).toBe(before);
  });

  it('a second PLE row for partner 5 typed by its short name is T03 (both rows count, as typed)', () => {
    const book = correctSnapshot();
    const before = achieved(book, 'PLE');
    const row = appendRow(book, 'Indicators', ['Lund', 'PLE', 3, 0, 0, 0, 0, 0, 0, 0, 3]);
    const { added } = diff(check(correctSnapshot()), check(book));
    expect(added).toEqual([`T03 error Indicators!A${row}`]);
    const after = achieved(book, 'PLE');
    expect(after.achieved).toBe(before.achieved + 3);
    expect(after.byPartner['5']).toBe(before.byPartner['5'] + 3);
  });

  it('the same pair once on each of two indicator sheets adds up and is no T03', () => {
    const book = correctSnapshot();
    const before = achieved(book, 'PLE');
    const extra: SheetSnapshot = {
      name: 'Indicators 2020',
      top: 0,
      left: 0,
      visibility: 'Visible',
      values: [['Partner', 'Indicator', 'P7', 'P8'], ['Lund University', 'Policy learning events organised', 2, 1]],
      valueTypes: [['String', 'String', 'String', 'String'], ['String', 'String', 'Double', 'Double']],
      formulas: [[null, null, null, null], [null, null, null, null]],
      numberFormats: [['General', 'General', 'General', 'General'], ['General', 'General', 'General', 'General']],
    } as SheetSnapshot;
    book.sheets.push(extra);
    const { added, removed } = diff(check(correctSnapshot()), check(book));
    expect(removed.filter((k) => !k.startsWith('I02'))).toEqual([]);
    expect(added.filter((k) => !k.startsWith('I02'))).toEqual([]);
    const after = achieved(book, 'PLE');
    expect(after.achieved).toBe(before.achieved + 3);
    expect(after.byPartner['5']).toBe(before.byPartner['5'] + 3);
  });

  it("a Partner name that fits no partner does not contradict the sheet's Partner No", () => {
    const book = correctSnapshot();
    setCell(book, WP, 'B4', 'West Pannon Ltd');
    expect(diff(check(correctSnapshot()), check(book))).toEqual({ added: [], removed: [] });
  });

  it('a budget sheet found by a Partner name that fits two partners is P03 naming both, on that sheet', () => {
    const book = correctSnapshot();
    setCell(book, WP, 'A3', null);
    setCell(book, WP, 'B3', null);
    setCell(book, WP, 'B4', 'Region');
    const fs = check(book).filter((f) => f.rule === 'P03');
    expect(fs.map((f) => [f.sheet, f.cell, f.message])).toEqual([
      ['Budget West-Pannon', 'B4', "Partner Region fits partner 7 (Region of Southern Denmark) or partner 11 (Region Skåne): type the partner's number or full name"],
      ['Project', 'A31', 'partner 3 (West-Pannon Regional and Economic Development Public Nonprofit Ltd.) has no budget sheet'],
    ]);
  });
});

describe('one definition of each total', () => {
  it('a stray Catering row is B02 alone: the total every finding and the report use stays 178,550.00', () => {
    const book = correctSnapshot();
    insertRow(book, WP, 12, ['Catering', 1000, 0, 0, 0, 0, 0, 0, 0, 1000]);
    const { findings, figures } = consolidateWorkbook(book, { now: NOW });
    expect(diff(check(correctSnapshot()), findings).added).toEqual(['B02 error Budget West-Pannon!A12']);
    const wp = toJson(figures).partners.find((p) => p.no === 3)!;
    expect(wp.budget.total).toBe(178550);
    expect(wp.erdf).toBe(151767.5);
  });

  it('a B04 finding quotes the same total as the report', () => {
    const book = correctSnapshot();
    setCell(book, WP, 'C9', 1983.88 + 1000);
    const { findings, figures } = consolidateWorkbook(book, { now: NOW });
    const b04 = findings.find((f) => f.rule === 'B04')!;
    expect(b04.actual).toBe(179550);
    expect(toJson(figures).partners.find((p) => p.no === 3)!.budget.total).toBe(179550);
  });
});
