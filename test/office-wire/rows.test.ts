/**
 * Whole rows inserted and deleted on the wire host under Microsoft's Excel library (Range.insert(Down) and
 * Range.delete(Up) on '3:4', ExcelApi 1.1), against what Excel does, worked out by hand: the cells below move
 * with their values, formats, formulas, notes and comments; new rows take the row above's formatting and no
 * content; references to moved rows follow them on every sheet, SUM ranges spanning the rows grow and shrink,
 * a reference to a deleted cell is #REF!; merged ranges move. Also the fake's formula rewriting on its own.
 */
import { findSheet, getCell, newSheet, touchCell, type FakeCell, type FakeWorkbook } from '../fake-excel/model';
import { formulaAfterRows } from '../fake-excel/rows';
import { installWireOffice, type WireOffice } from './install';

let office: WireOffice | null = null;
afterEach(async () => {
  await office?.settle();
  office?.uninstall();
  office = null;
});

const put = (s: ReturnType<typeof newSheet>, r: number, c: number, cell: Partial<FakeCell>) => Object.assign(touchCell(s, r, c), cell);

/** Indicators: a header (row 1), values 10, 20, 30, 40 in B2:B5 with a green fill on row 3 and a comment on B4, total in B6; Summary points at B4 and the total. */
function book(): FakeWorkbook {
  const ind = newSheet('Indicators');
  put(ind, 0, 0, { value: 'Partner', type: 'String', bold: true });
  [10, 20, 30, 40].forEach((v, i) => {
    put(ind, 1 + i, 0, { value: i + 1, type: 'Double' });
    put(ind, 1 + i, 1, { value: v, type: 'Double', numberFormat: '#,##0.00' });
  });
  put(ind, 2, 0, { fill: '#00FF00' });
  put(ind, 2, 1, { fill: '#00FF00' });
  put(ind, 3, 1, { comment: 'user note' });
  put(ind, 5, 1, { value: 100, type: 'Double', formula: '=SUM(B2:B5)' });
  ind.merges.push('C6:D6');
  const sum = newSheet('Summary');
  put(sum, 0, 0, { value: 30, type: 'Double', formula: '=Indicators!B4' });
  put(sum, 1, 0, { value: 100, type: 'Double', formula: "='Indicators'!$B$6" });
  put(sum, 2, 0, { value: 'B4', type: 'String', formula: '="B4"' });
  return { sheets: [ind, sum], activeSheetId: ind.id, selection: null, calculationMode: 'Automatic', enableEvents: true };
}

function setup() {
  office = installWireOffice(globalThis, book());
  const run = office.Excel.run as <T>(f: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;
  return { wb: office.workbook, run };
}

const cell = (wb: FakeWorkbook, sheet: string, r: number, c: number) => getCell(findSheet(wb, sheet)!, r, c);

describe('whole rows through the wire host', () => {
  test('insert two rows before row 4: content moves down, new rows formatted as row 3, formulas follow', async () => {
    const { wb, run } = setup();
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Indicators').getRange('4:5').insert('Down' as Excel.InsertShiftDirection);
      await ctx.sync();
    });
    // Row 4 (30, the comment) is row 6 now; rows 4 and 5 are new: green like row 3, no value.
    expect([cell(wb, 'Indicators', 5, 1).value, cell(wb, 'Indicators', 5, 1).comment]).toEqual([30, 'user note']);
    for (const r of [3, 4]) {
      expect(cell(wb, 'Indicators', r, 0)).toMatchObject({ value: null, type: 'Empty', fill: '#00FF00' });
      expect(cell(wb, 'Indicators', r, 1)).toMatchObject({ value: null, fill: '#00FF00', numberFormat: '#,##0.00', comment: null });
    }
    expect(cell(wb, 'Indicators', 2, 1)).toMatchObject({ value: 20, fill: '#00FF00' });
    // The total (was B6) is B8 and sums B2:B7; Summary follows B4 -> B6 and $B$6 -> $B$8; a string stays.
    expect(cell(wb, 'Indicators', 7, 1)).toMatchObject({ formula: '=SUM(B2:B7)', value: 100 });
    expect(cell(wb, 'Summary', 0, 0)).toMatchObject({ formula: '=Indicators!B6', value: 30 });
    expect(cell(wb, 'Summary', 1, 0)).toMatchObject({ formula: "='Indicators'!$B$8", value: 100 });
    expect(cell(wb, 'Summary', 2, 0).formula).toBe('="B4"');
    expect(findSheet(wb, 'Indicators')!.merges).toEqual(['C8:D8']);
  });

  test('delete rows 3 and 4: rows below move up, the total shrinks, a reference to a deleted cell is #REF!', async () => {
    const { wb, run } = setup();
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Indicators').getRange('3:4').delete('Up' as Excel.DeleteShiftDirection);
      await ctx.sync();
    });
    expect(cell(wb, 'Indicators', 2, 1).value).toBe(40);
    expect(cell(wb, 'Indicators', 2, 1).fill).toBeNull();
    expect(cell(wb, 'Indicators', 3, 1)).toMatchObject({ formula: '=SUM(B2:B3)', value: 50 });
    expect(cell(wb, 'Summary', 0, 0).formula).toBe('=Indicators!#REF!');
    expect(cell(wb, 'Summary', 1, 0).formula).toBe("='Indicators'!$B$4");
    expect(findSheet(wb, 'Indicators')!.merges).toEqual(['C4:D4']);
    expect([...findSheet(wb, 'Indicators')!.cells.values()].some((c) => c.comment !== null)).toBe(false);
  });

  test("rows inserted under a header, then cleared of formats: no look of the header's, the content kept", async () => {
    const { wb, run } = setup();
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Indicators');
      ws.getRange('2:2').insert('Down' as Excel.InsertShiftDirection);
      ws.getRange('2:2').clear('Formats' as Excel.ClearApplyTo);
      await ctx.sync();
    });
    expect(cell(wb, 'Indicators', 0, 0)).toMatchObject({ value: 'Partner', bold: true });
    expect(cell(wb, 'Indicators', 1, 0)).toMatchObject({ value: null, bold: false, fill: null });
    expect(cell(wb, 'Indicators', 2, 1)).toMatchObject({ value: 10, numberFormat: '#,##0.00' });
    expect(cell(wb, 'Indicators', 6, 1).formula).toBe('=SUM(B3:B6)');
  });

  test('a range that is not whole rows is not served (the host says so)', async () => {
    const { run } = setup();
    await expect(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Indicators').getRange('A3:B4').delete('Up' as Excel.DeleteShiftDirection);
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
  });
});

describe("the fake's formula rewriting", () => {
  test('as Excel rewrites a formula when rows go in or out', () => {
    expect(formulaAfterRows('=SUM(C12:J12)+C11', 'S', 'S', 11, 2)).toBe('=SUM(C14:J14)+C11');
    expect(formulaAfterRows('=SUM(K4:K80)', 'S', 'S', 11, 2)).toBe('=SUM(K4:K82)');
    expect(formulaAfterRows('=SUM(K4:K80)', 'S', 'S', 3, -77)).toBe('=SUM(#REF!)');
    expect(formulaAfterRows('=SUM(K4:K80)', 'S', 'S', 79, -1)).toBe('=SUM(K4:K79)');
    expect(formulaAfterRows('=LOG10(A20)&"A20"', 'S', 'S', 0, 1)).toBe('=LOG10(A21)&"A20"');
    expect(formulaAfterRows("=S!A5+'S'!$A$5:$B$6+T!A5", 'U', 'S', 4, 1)).toBe("=S!A6+'S'!$A$6:$B$7+T!A5");
    expect(formulaAfterRows('=ROWS($3:$5)', 'S', 'S', 3, 2)).toBe('=ROWS($3:$7)');
  });
});
