/**
 * Excel tables on the wire host under Microsoft's Excel library (worksheet.tables: add, items, getItem, getRange,
 * resize, name, showTotals), and what whole rows inserted or deleted (Range.insert(Down) / delete(Up)) do to a
 * table, as Excel does it, worked out by hand: rows inserted inside a table (below its header, down to its last
 * row) grow it; rows inserted directly under its last row stay out of it; rows above move it; rows deleted
 * inside shrink it, never below its header and one row. Each expected address is typed, not computed.
 */
import { findSheet, newSheet, touchCell, type FakeWorkbook } from '../fake-excel/model';
import { tablesOf } from '../fake-excel/tables';
import { installWireOffice, type WireOffice } from './install';

let office: WireOffice | null = null;
afterEach(async () => {
  await office?.settle();
  office?.uninstall();
  office = null;
});

/** Indicators: a header on row 3 (A3:C3), data rows 4 to 8; a Project sheet. */
function book(): FakeWorkbook {
  const ind = newSheet('Indicators');
  ['Partner', 'Indicator', 'Total'].forEach((h, c) => Object.assign(touchCell(ind, 2, c), { value: h, type: 'String' }));
  for (let r = 3; r <= 7; r++) Object.assign(touchCell(ind, r, 0), { value: r - 2, type: 'Double' });
  return { sheets: [newSheet('Project'), ind], activeSheetId: ind.id, selection: null, calculationMode: 'Automatic', enableEvents: true };
}

function setup(excelApi?: string) {
  office = installWireOffice(globalThis, book(), excelApi ? { excelApi } : {});
  const run = office.Excel.run as <T>(f: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;
  return { wb: office.workbook, run };
}

/** The table A3:C8 added, then `change` in a second sync; answers the table's address after it (read through the library). */
async function afterChange(change: (ws: Excel.Worksheet, t: Excel.Table) => void, opts: { totals?: boolean } = {}): Promise<string> {
  const { run } = setup();
  return run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem('Indicators');
    const t = ws.tables.add('A3:C8', true);
    if (opts.totals) t.showTotals = true;
    await ctx.sync();
    change(ws, ws.tables.getItem('Table1'));
    const r = ws.tables.getItem('Table1').getRange().load('address');
    await ctx.sync();
    return r.address;
  });
}
const insert = (rows: string) => (ws: Excel.Worksheet) => void ws.getRange(rows).insert('Down' as Excel.InsertShiftDirection);
const remove = (rows: string) => (ws: Excel.Worksheet) => void ws.getRange(rows).delete('Up' as Excel.DeleteShiftDirection);

describe('tables through the wire host', () => {
  test('add, then items with name, showHeaders, showTotals; getItem by name; getRange; rename', async () => {
    const { wb, run } = setup();
    const got = await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Indicators');
      const added = ws.tables.add('Indicators!A3:C8', true).load('name');
      await ctx.sync();
      const name = added.name;
      const list = ws.tables.load('items/name,items/showHeaders,items/showTotals');
      const none = ctx.workbook.worksheets.getItem('Project').tables.load('items/name');
      await ctx.sync();
      const items = list.items.map((t) => [t.name, t.showHeaders, t.showTotals]);
      const range = list.items[0].getRange().load('address');
      await ctx.sync();
      ws.tables.getItem('table1').name = 'IndicatorRows';
      const again = ws.tables.getItem('IndicatorRows').getRange().load('address');
      await ctx.sync();
      return { name, items, address: range.address, none: none.items.length, again: again.address };
    });
    expect(got).toEqual({ name: 'Table1', items: [['Table1', true, false]], address: 'Indicators!A3:C8', none: 0, again: 'Indicators!A3:C8' });
    expect(tablesOf(findSheet(wb, 'Indicators')!).map((t) => t.name)).toEqual(['IndicatorRows']);
  });

  test('a table cannot overlap another, nor be only a header', async () => {
    const { run } = setup();
    await expect(
      run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('Indicators');
        ws.tables.add('A3:C8', true);
        ws.tables.add('C8:D12', true);
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Project').tables.add('A1:B1', true);
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  test('rows inserted inside grow it: under the header, in the middle, before its last row', async () => {
    expect(await afterChange(insert('4:4'))).toBe('Indicators!A3:C9');
    expect(await afterChange(insert('5:6'))).toBe('Indicators!A3:C10');
    expect(await afterChange(insert('8:8'))).toBe('Indicators!A3:C9');
  });

  test('rows inserted directly under its last row stay out of it; rows further down leave it alone', async () => {
    expect(await afterChange(insert('9:10'))).toBe('Indicators!A3:C8');
    expect(await afterChange(insert('12:12'))).toBe('Indicators!A3:C8');
  });

  test('rows inserted above it, or at its header row, move it down', async () => {
    expect(await afterChange(insert('1:2'))).toBe('Indicators!A5:C10');
    expect(await afterChange(insert('3:3'))).toBe('Indicators!A4:C9');
  });

  test('with a totals row (row 9): a row before it joins, a row under it does not', async () => {
    expect(await afterChange(() => undefined, { totals: true })).toBe('Indicators!A3:C9');
    expect(await afterChange(insert('9:9'), { totals: true })).toBe('Indicators!A3:C10');
    expect(await afterChange(insert('10:10'), { totals: true })).toBe('Indicators!A3:C9');
  });

  test('rows deleted inside shrink it, above move it up; every data row gone leaves the header and one row', async () => {
    expect(await afterChange(remove('5:6'))).toBe('Indicators!A3:C6');
    expect(await afterChange(remove('1:1'))).toBe('Indicators!A2:C7');
    expect(await afterChange(remove('8:9'))).toBe('Indicators!A3:C7');
    expect(await afterChange(remove('4:8'))).toBe('Indicators!A3:C4');
  });

  test('resize (ExcelApi 1.13): to rows inserted under it; not with its header moved', async () => {
    expect(
      await afterChange((ws, t) => {
        ws.getRange('9:10').insert('Down' as Excel.InsertShiftDirection);
        t.resize(ws.getRange('A3:C10'));
      }),
    ).toBe('Indicators!A3:C10');
    expect(await afterChange((_ws, t) => t.resize('A3:D12'))).toBe('Indicators!A3:D12');
    await expect(afterChange((ws, t) => t.resize(ws.getRange('A4:C10')))).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  test('resize is not there below ExcelApi 1.13', async () => {
    const { run } = setup('1.12');
    await expect(
      run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('Indicators');
        ws.tables.add('A3:C8', true).resize('A3:C9');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
  });
});
