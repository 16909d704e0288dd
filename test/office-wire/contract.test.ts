/**
 * The wire host under Microsoft's own Excel library: Excel's failure rules as documented (no rollback, ItemNotFound,
 * InvalidArgument, payload limits on the real bytes, cell and sheet-name limits), null objects, and the clean-up
 * request Excel.run sends after every batch that made ranges.
 */
import { findSheet, getCell, newSheet, touchCell, type FakeWorkbook } from '../fake-excel/model';
import { installWireOffice, type WireOffice } from './install';

let office: WireOffice | null = null;
afterEach(async () => {
  await office?.settle();
  office?.uninstall();
  office = null;
});

function book(): FakeWorkbook {
  const a = newSheet('Budget WP');
  Object.assign(touchCell(a, 0, 0), { value: 'Partner', type: 'String' });
  Object.assign(touchCell(a, 1, 1), { value: 1234.5, type: 'Double' });
  return { sheets: [a, newSheet('Project')], activeSheetId: a.id, selection: null, calculationMode: 'Automatic', enableEvents: true };
}

function setup(opts: { payloadLimitBytes?: number } = {}) {
  office = installWireOffice(globalThis, book(), opts);
  const run = office.Excel.run as <T>(f: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;
  return { office, wb: office.workbook, run };
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return String((e as { code?: string }).code);
  }
  return 'no error';
}

describe('failures as Excel has them', () => {
  test('the actions before a failing one stay applied; the error is ItemNotFound at the sync', async () => {
    const { run, wb } = setup();
    const code = await codeOf(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Budget WP').getRange('C1').values = [['written before']];
        ctx.workbook.application.calculationMode = 'Manual' as Excel.CalculationMode;
        ctx.workbook.worksheets.getItem('No such sheet').getRange('A1').values = [['never']];
        ctx.workbook.worksheets.getItem('Budget WP').getRange('C2').values = [['after the failure']];
        await ctx.sync();
      }),
    );
    expect(code).toBe('ItemNotFound');
    const s = findSheet(wb, 'Budget WP')!;
    expect(getCell(s, 0, 2).value).toBe('written before');
    expect(wb.calculationMode).toBe('Manual');
    expect(getCell(s, 1, 2).type).toBe('Empty');
  });

  test('a values array of the wrong shape is InvalidArgument', async () => {
    const { run } = setup();
    expect(await codeOf(run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Budget WP').getRange('A1:B2').values = [[1, 2]];
      await ctx.sync();
    }))).toBe('InvalidArgument');
  });

  test('8,192 characters a formula, 32,767 a cell', async () => {
    const { run, wb } = setup();
    const formula = `=${'1+'.repeat(4095)}1`; // 8,192 characters
    const write = (v: string) => run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Project').getRange('A1').formulas = [[v]];
      await ctx.sync();
    });
    expect(formula.length).toBe(8192);
    expect(await codeOf(write(formula))).toBe('no error');
    expect(getCell(findSheet(wb, 'Project')!, 0, 0).formula).toBe(formula);
    expect(await codeOf(write(`${formula}0`))).toBe('InvalidArgument');
    expect(await codeOf(write('x'.repeat(32767)))).toBe('no error');
    expect(await codeOf(write('x'.repeat(32768)))).toBe('InvalidArgument');
  });

  test.each([['x'.repeat(32)], ['a/b'], ['a[1]'], ['what?'], ['History'], ["'quoted'"], ['']])('sheet name %j is refused (InvalidArgument)', async (name) => {
    const { run, wb } = setup();
    expect(await codeOf(run(async (ctx) => {
      ctx.workbook.worksheets.add(name);
      await ctx.sync();
    }))).toBe('InvalidArgument');
    expect(wb.sheets).toHaveLength(2);
  });

  test('a 31-character name is taken; a name in use is ItemAlreadyExists, whatever its case', async () => {
    const { run, wb } = setup();
    expect(await codeOf(run(async (ctx) => {
      ctx.workbook.worksheets.add('x'.repeat(31));
      await ctx.sync();
    }))).toBe('no error');
    expect(await codeOf(run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Project').name = 'budget wp';
      await ctx.sync();
    }))).toBe('ItemAlreadyExists');
    expect(wb.sheets.map((s) => s.name)).toEqual(['Budget WP', 'Project', 'x'.repeat(31)]);
  });

  test('a request over the limit is refused whole, measured on the bytes the library sends', async () => {
    const { run, office, wb } = setup({ payloadLimitBytes: 100_000 });
    const rows = Array.from({ length: 2000 }, (_, i) => [`row ${i} ${'y'.repeat(40)}`]);
    expect(await codeOf(run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Project').getRange('A1:A2000').values = rows;
      await ctx.sync();
    }))).toBe('RequestPayloadSizeLimitExceeded');
    expect(office.stats.syncs[0].requestBytes).toBeGreaterThan(100_000);
    expect(findSheet(wb, 'Project')!.cells.size).toBe(0);
  });

  test('a response over the limit is refused (the request itself was small)', async () => {
    const { run, office, wb } = setup({ payloadLimitBytes: 100_000 });
    const s = findSheet(wb, 'Project')!;
    for (let r = 0; r < 2000; r++) Object.assign(touchCell(s, r, 0), { value: `row ${r} ${'y'.repeat(40)}`, type: 'String' });
    expect(await codeOf(run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Project').getRange('A1:A2000').load('values');
      await ctx.sync();
    }))).toBe('ResponsePayloadSizeLimitExceeded');
    expect(office.stats.syncs[0].requestBytes).toBeLessThan(2_000);
    expect(office.stats.syncs[0].responseBytes).toBeGreaterThan(100_000);
  });

  test('a protected sheet refuses changes (AccessDenied)', async () => {
    const { run, wb } = setup();
    findSheet(wb, 'Project')!.protected = true;
    expect(await codeOf(run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Project').getRange('A1').format.fill.color = '#FF0000';
      await ctx.sync();
    }))).toBe('AccessDenied');
  });
});

describe('null objects and the clean-up request', () => {
  test('methods and property sets on a null object do nothing; isNullObject is true', async () => {
    const { run, wb } = setup();
    const before = JSON.stringify(wb.sheets.map((s) => [...s.cells]));
    const found = await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject('Nowhere');
      ws.getRange('A1').values = [['x']];
      const used = ctx.workbook.worksheets.getItem('Project').getUsedRangeOrNullObject(true);
      used.format.fill.color = '#FF0000';
      await ctx.sync();
      return [ws.isNullObject, used.isNullObject];
    });
    expect(found).toEqual([true, true]);
    expect(JSON.stringify(wb.sheets.map((s) => [...s.cells]))).toBe(before);
  });

  test('Excel.run that made ranges: one data round trip, then one clean-up request of its own', async () => {
    const { run, office } = setup();
    const values = await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Budget WP').getRange('A1:B2').load('values');
      await ctx.sync();
      return r.values;
    });
    expect(values).toEqual([['Partner', ''], ['', 1234.5]]);
    await office.settle();
    expect([office.stats.roundTrips, office.stats.cleanups]).toEqual([1, 1]);
  });

  test('writes of more than 1,500 cells arrive in blocks the library splits, all applied', async () => {
    const { run, wb, office } = setup();
    const rows = Array.from({ length: 2000 }, (_, i) => [i, i * 2]);
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Project').getRange('A1:B2000').values = rows;
      await ctx.sync();
    });
    const s = findSheet(wb, 'Project')!;
    expect([getCell(s, 1999, 0).value, getCell(s, 1999, 1).value, getCell(s, 0, 1).value]).toEqual([1999, 3998, 0]);
    expect(office.stats.roundTrips).toBe(1);
  });
});
