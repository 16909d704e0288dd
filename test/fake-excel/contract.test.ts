/** The fake's strictness rules, each proven: what Office.js would refuse, the fake refuses too. */
import { snapshotFromGrid } from '../../src/snapshot/cells';
import { createFakeOffice, FakeOfficeError, getCell, findSheet, setLook, snapshotFromWorkbook, workbookFromSnapshot, type FakeWorkbook } from './index';
import type { FakeRequestContext } from './install';

function book(): FakeWorkbook {
  return workbookFromSnapshot({
    sheets: [
      snapshotFromGrid('Project', [['Project acronym', 'ClusteriX 2.0'], ['Total budget', 2126574]]),
      snapshotFromGrid('Budget WP', [['Budget line', 'P1'], ['Staff costs', 100]]),
    ],
  });
}

function setup(opts = {}) {
  const wb = book();
  const fake = createFakeOffice(wb, opts);
  const run = <T>(f: (ctx: FakeRequestContext) => Promise<T>) => (fake.Excel.run as (f: (ctx: FakeRequestContext) => Promise<T>) => Promise<T>)(f);
  return { wb, fake, run };
}

async function failure(p: Promise<unknown>): Promise<FakeOfficeError> {
  try {
    await p;
  } catch (e) {
    return e as FakeOfficeError;
  }
  throw new Error('expected the batch to fail');
}

describe('reading before load and sync', () => {
  test('a property read before load() throws PropertyNotLoaded', async () => {
    const { run } = setup();
    await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Project').getRange('A1');
      expect(() => r.values).toThrow(/not available/);
      try {
        void r.values;
      } catch (e) {
        expect((e as FakeOfficeError).code).toBe('PropertyNotLoaded');
      }
    });
  });

  test('loaded but not yet synced still throws; after sync the value is there', async () => {
    const { run } = setup();
    await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Project').getRange('A1:B2');
      r.load('values');
      expect(() => r.values).toThrow(/not available/);
      await ctx.sync();
      expect(r.values).toEqual([
        ['Project acronym', 'ClusteriX 2.0'],
        ['Total budget', 2126574],
      ]);
      expect(() => r.formulas).toThrow(/not available/);
    });
  });

  test('nested properties need their own path: format.fill.color', async () => {
    const { run, wb } = setup();
    setLook(wb, 'Project', 0, 0, { fill: '#00FF00' });
    await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Project').getRange('A1');
      r.load('values');
      await ctx.sync();
      expect(() => r.format.fill.color).toThrow(/not available/);
      r.load('format/fill/color');
      await ctx.sync();
      expect(r.format.fill.color).toBe('#00FF00');
      expect(() => r.format.font.bold).toThrow(/not available/);
    });
  });

  test('a no-fill cell reads as white with pattern None (so white is not "no fill")', async () => {
    const { run } = setup();
    await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Project').getRange('A1');
      r.load('format/fill/color, format/fill/pattern');
      const props = r.getCellProperties({ format: { fill: { color: true, pattern: true } } });
      expect(() => props.value).toThrow(/not available/);
      await ctx.sync();
      expect([r.format.fill.color, r.format.fill.pattern]).toEqual(['#FFFFFF', 'None']);
      expect(props.value).toEqual([[{ format: { fill: { color: '#FFFFFF', pattern: 'None' } } }]]);
    });
  });

  test('collection items need load; isNullObject needs a sync', async () => {
    const { run } = setup();
    await run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      expect(() => sheets.items).toThrow(/not available/);
      sheets.load('items/name,items/visibility');
      const missing = sheets.getItemOrNullObject('Nope');
      expect(() => missing.isNullObject).toThrow(/not available/);
      await ctx.sync();
      expect(sheets.items.map((s) => [s.name, s.visibility])).toEqual([
        ['Project', 'Visible'],
        ['Budget WP', 'Visible'],
      ]);
      expect(() => sheets.items[0].position).toThrow(/not available/);
      expect(missing.isNullObject).toBe(true);
    });
  });

  test('loading a property that does not exist fails the sync', async () => {
    const { run } = setup();
    const e = await failure(run(async (ctx) => void ctx.workbook.worksheets.getItem('Project').getRange('A1').load('valuez')));
    expect(e.code).toBe('InvalidArgument');
  });
});

describe('writes queue until sync', () => {
  test('nothing changes before sync; sync applies', async () => {
    const { run, wb } = setup();
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Project').getRange('C1').values = [[42]];
      expect(getCell(findSheet(wb, 'Project')!, 0, 2).value).toBeNull();
      await ctx.sync();
      expect(getCell(findSheet(wb, 'Project')!, 0, 2).value).toBe(42);
    });
  });

  test('Excel.run syncs what is left queued at the end', async () => {
    const { run, wb } = setup();
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Project').getRange('C1').values = [[7]];
    });
    expect(getCell(findSheet(wb, 'Project')!, 0, 2).value).toBe(7);
  });

  test('an array that does not match the range shape fails the batch', async () => {
    const { run } = setup();
    const e = await failure(run(async (ctx) => void (ctx.workbook.worksheets.getItem('Project').getRange('C1:D1').values = [[1]])));
    expect(e.code).toBe('InvalidArgument');
  });
});

describe("strings written to values are entered the way Excel does", () => {
  const cases: [string, { value: unknown; formula: string | null; type: string }][] = [
    ['=1+1', { value: 2, formula: '=1+1', type: 'Double' }],
    ['+1+1', { value: 2, formula: '=+1+1', type: 'Double' }],
    ['-2+3', { value: 1, formula: '=-2+3', type: 'Double' }],
    ['@SUM(1)', { value: 1, formula: '=SUM(1)', type: 'Double' }],
    ['12.5', { value: 12.5, formula: null, type: 'Double' }],
    ['TRUE', { value: true, formula: null, type: 'Boolean' }],
    ["'=not a formula", { value: '=not a formula', formula: null, type: 'String' }],
    ["'12.5", { value: '12.5', formula: null, type: 'String' }],
    ['plain words', { value: 'plain words', formula: null, type: 'String' }],
  ];
  test.each(cases)('%s', async (input, expected) => {
    const { run, wb } = setup();
    await run(async (ctx) => void (ctx.workbook.worksheets.getItem('Project').getRange('D4').values = [[input]]));
    const c = getCell(findSheet(wb, 'Project')!, 3, 3);
    expect({ value: c.value, formula: c.formula, type: c.type }).toEqual(expected);
  });

  test("a text-formatted cell ('@') keeps '=…' and '12.5' as text", async () => {
    const { run, wb } = setup();
    await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Project').getRange('D4:E4');
      r.numberFormat = [['@', '@']];
      r.values = [['=SUM(1)', '12.5']];
    });
    const s = findSheet(wb, 'Project')!;
    expect([getCell(s, 3, 3).value, getCell(s, 3, 3).formula, getCell(s, 3, 4).value]).toEqual(['=SUM(1)', null, '12.5']);
  });

  test('formulas with references and SUM are calculated; anything else is #NAME?', async () => {
    const { run, wb } = setup();
    await run(async (ctx) => void (ctx.workbook.worksheets.getItem('Project').getRange('C1:C3').formulas = [["=SUM('Budget WP'!B2,B2)*2"], ['=B2/100'], ['=VLOOKUP(1,A1:B2,2)']]));
    const s = findSheet(wb, 'Project')!;
    expect([getCell(s, 0, 2).value, getCell(s, 1, 2).value, getCell(s, 2, 2).value]).toEqual([(100 + 2126574) * 2, 21265.74, '#NAME?']);
  });
});

describe('a failing batch applies nothing', () => {
  test('write to a protected sheet: AccessDenied, and the earlier writes of the batch are gone', async () => {
    const { run, wb } = setup();
    findSheet(wb, 'Budget WP')!.protected = true;
    const e = await failure(
      run(async (ctx) => {
        ctx.workbook.worksheets.add('Report Summary');
        ctx.workbook.worksheets.getItem('Project').getRange('C1').values = [[1]];
        ctx.workbook.worksheets.getItem('Budget WP').getRange('C1').format.fill.color = '#FFC7CE';
      }),
    );
    expect(e).toBeInstanceOf(FakeOfficeError);
    expect(e.code).toBe('AccessDenied');
    expect(wb.sheets.map((s) => s.name)).toEqual(['Project', 'Budget WP']);
    expect(getCell(findSheet(wb, 'Project')!, 0, 2).value).toBeNull();
  });

  test('loads of a failed batch deliver nothing', async () => {
    const { run } = setup();
    let r: { values: unknown } | undefined;
    await failure(
      run(async (ctx) => {
        const range = ctx.workbook.worksheets.getItem('Project').getRange('A1').load('values');
        r = range;
        ctx.workbook.worksheets.getItem('Missing').getRange('A1').values = [[1]];
        await ctx.sync();
      }),
    );
    expect(() => r!.values).toThrow(/not available/);
  });

  test('sheet names: duplicates and bad characters are refused; the last visible sheet cannot be hidden', async () => {
    const { run } = setup();
    expect((await failure(run(async (ctx) => void ctx.workbook.worksheets.add('project')))).code).toBe('ItemAlreadyExists');
    expect((await failure(run(async (ctx) => void (ctx.workbook.worksheets.getItem('Project').name = 'a/b')))).code).toBe('InvalidArgument');
    expect(
      (
        await failure(
          run(async (ctx) => {
            ctx.workbook.worksheets.getItem('Project').visibility = 'VeryHidden';
            ctx.workbook.worksheets.getItem('Budget WP').visibility = 'Hidden';
          }),
        )
      ).code,
    ).toBe('InvalidOperation');
  });
});

describe('requirement sets', () => {
  test('notes need ExcelApi 1.18: absent below it, and isSetSupported says so', async () => {
    const { run, fake, wb } = setup({ excelApi: '1.17' });
    const office = fake.Office as { context: { requirements: { isSetSupported(n: string, v: string): boolean } } };
    expect(office.context.requirements.isSetSupported('ExcelApi', '1.18')).toBe(false);
    expect(office.context.requirements.isSetSupported('ExcelApi', '1.10')).toBe(true);
    const e = await failure(run(async (ctx) => void ctx.workbook.worksheets.getItem('Project').notes.add('A1', 'x')));
    expect(e.code).toBe('ApiNotFound');
    await run(async (ctx) => void ctx.workbook.comments.add("'Budget WP'!B2", '[B04] check'));
    expect(getCell(findSheet(wb, 'Budget WP')!, 1, 1).comment).toBe('[B04] check');
  });

  test('comments need 1.10, custom properties 1.12', async () => {
    const { run } = setup({ excelApi: '1.9' });
    expect((await failure(run(async (ctx) => void ctx.workbook.comments.load('items/content')))).code).toBe('ApiNotFound');
    expect((await failure(run(async (ctx) => void ctx.workbook.worksheets.getItem('Project').customProperties.add('k', 'v')))).code).toBe('ApiNotFound');
  });

  test('a cell holds a note or a comment, not both; notes read back by cell', async () => {
    const { run, wb } = setup();
    setLook(wb, 'Project', 0, 0, { note: 'mine' });
    expect((await failure(run(async (ctx) => void ctx.workbook.comments.add('Project!A1', 'x')))).code).toBe('InvalidOperation');
    await run(async (ctx) => {
      const notes = ctx.workbook.notes.load('items/content');
      await ctx.sync();
      const where = notes.items.map((n) => n.getLocation().load('address'));
      await ctx.sync();
      expect(notes.items.map((n, i) => [where[i].address, n.content])).toEqual([['Project!A1', 'mine']]);
    });
  });
});

describe('counting', () => {
  test('round trips count across runs; an empty sync is no round trip; sizes are measured', async () => {
    const { run, fake } = setup();
    await run(async (ctx) => {
      await ctx.sync();
      ctx.workbook.worksheets.load('items/name');
      await ctx.sync();
    });
    await run(async (ctx) => void (ctx.workbook.worksheets.getItem('Project').getRange('C1').values = [['x'.repeat(1000)]]));
    expect(fake.stats.roundTrips).toBe(2);
    expect(fake.stats.largestRequestBytes).toBeGreaterThan(1000);
    expect(fake.stats.syncs[0].responseBytes).toBeGreaterThan(20);
    fake.resetStats();
    expect(fake.stats.roundTrips).toBe(0);
  });

  test('a request above the payload limit fails whole', async () => {
    const { run, wb } = setup({ payloadLimitBytes: 2000 });
    const e = await failure(run(async (ctx) => void (ctx.workbook.worksheets.getItem('Project').getRange('C1').values = [['x'.repeat(3000)]])));
    expect(e.code).toBe('RequestPayloadSizeLimitExceeded');
    expect(getCell(findSheet(wb, 'Project')!, 0, 2).value).toBeNull();
  });

  test('writes are counted with the events, calculation and screen-updating state they ran under', async () => {
    const { run, fake, wb } = setup();
    await run(async (ctx) => {
      ctx.workbook.application.suspendScreenUpdatingUntilNextSync();
      ctx.workbook.application.calculationMode = 'Manual';
      ctx.runtime.enableEvents = false;
      ctx.workbook.worksheets.getItem('Project').getRange('C1').values = [[1]];
      await ctx.sync();
      ctx.workbook.worksheets.getItem('Project').getRange('C2').values = [[1]];
      ctx.runtime.enableEvents = true;
      ctx.workbook.application.calculationMode = 'Automatic';
    });
    expect(fake.stats.writes).toBe(2);
    expect([fake.stats.writesWithEventsOn, fake.stats.writesWithAutomaticCalculation, fake.stats.writesWithScreenUpdating]).toEqual([0, 0, 1]);
    expect([wb.enableEvents, wb.calculationMode]).toEqual([true, 'Automatic']);
  });
});

describe('worksheets', () => {
  test('rename keeps the object; VeryHidden; custom properties; freeze; activate and select', async () => {
    const { run, wb } = setup();
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.add('tmp~1');
      ws.getRange('A1').values = [['Report']];
      ws.customProperties.add('clusterix', 'report');
      ws.freezePanes.freezeRows(3);
      ws.name = 'Report Summary';
      ws.getRange('A2').values = [['after rename']];
      ws.position = 0;
      ctx.workbook.worksheets.getItem('Project').visibility = 'VeryHidden';
      const b = ctx.workbook.worksheets.getItem('Budget WP');
      b.activate();
      b.getRange('B2').select();
    });
    const s = findSheet(wb, 'Report Summary')!;
    expect(wb.sheets.map((x) => [x.name, x.visibility])).toEqual([
      ['Report Summary', 'Visible'],
      ['Project', 'VeryHidden'],
      ['Budget WP', 'Visible'],
    ]);
    expect([getCell(s, 0, 0).value, getCell(s, 1, 0).value, s.frozenRows, s.customProperties.get('clusterix')]).toEqual(['Report', 'after rename', 3, 'report']);
    expect(wb.selection).toEqual({ sheet: 'Budget WP', address: 'B2' });
  });

  test('used range: values-only box, address with the sheet quoted; an empty sheet has a null used range', async () => {
    const { run, wb } = setup();
    setLook(wb, 'Budget WP', 9, 9, { fill: '#FF0000' });
    await run(async (ctx) => {
      ctx.workbook.worksheets.add('Empty');
      const used = ctx.workbook.worksheets.getItem('Budget WP').getUsedRange(true).load('address,rowIndex,columnIndex,rowCount,columnCount,valueTypes');
      const all = ctx.workbook.worksheets.getItem('Budget WP').getUsedRange().load('address');
      const none = ctx.workbook.worksheets.getItem('Empty').getUsedRangeOrNullObject(true);
      await ctx.sync();
      expect([used.address, used.rowIndex, used.columnIndex, used.rowCount, used.columnCount]).toEqual(["'Budget WP'!A1:B2", 0, 0, 2, 2]);
      expect(used.valueTypes).toEqual([
        ['String', 'String'],
        ['String', 'Double'],
      ]);
      expect(all.address).toBe("'Budget WP'!A1:J10");
      expect(none.isNullObject).toBe(true);
    });
  });

  test('walking the sheets without their names: getFirst, getNextOrNullObject, null objects after the last one', async () => {
    const { run, wb } = setup();
    const e = await failure(
      run(async (ctx) => {
        ctx.workbook.worksheets.add('Empty');
        ctx.workbook.worksheets.getItem('Budget WP').visibility = 'Hidden';
        await ctx.sync();
        const walked = [ctx.workbook.worksheets.getFirst()];
        for (let k = 0; k < 4; k++) walked.push(walked[k].getNextOrNullObject());
        const used = walked.map((ws) => ws.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount'));
        walked.forEach((ws) => ws.load('name,visibility'));
        const visible = ctx.workbook.worksheets.getFirst(true).getNextOrNullObject(true).load('name');
        // Unloaded and unsynced properties throw, null object or not.
        expect(() => walked[4].isNullObject).toThrow(/not available/);
        expect(() => walked[0].name).toThrow(/not available/);
        await ctx.sync();
        expect(walked.slice(1).map((ws) => ws.isNullObject)).toEqual([false, false, true, true]); // getFirst() is no null object: it has no isNullObject to read
        expect(walked.map((ws) => [ws.name, ws.visibility])).toEqual([
          ['Project', 'Visible'],
          ['Budget WP', 'Hidden'],
          ['Empty', 'Visible'],
          [null, null],
          [null, null],
        ]);
        expect(used.map((r) => (r.isNullObject ? null : [r.rowIndex, r.columnIndex, r.rowCount, r.columnCount]))).toEqual([[0, 0, 2, 2], [0, 0, 2, 2], null, null, null]);
        expect(used[4].rowCount).toBeNull(); // a null object's loaded properties read as null
        expect(visible.name).toBe('Empty'); // visibleOnly skips the hidden sheet
        expect(() => walked[0].position).toThrow(/not available/);
        // A walked sheet is that sheet from then on, even after a rename; writing through a null object fails the batch.
        walked[1].name = 'Budget renamed';
        walked[4].getRange('A1').values = [[1]];
      }),
    );
    expect(e.code).toBe('ItemNotFound');
    expect(wb.sheets.map((s) => s.name)).toEqual(['Project', 'Budget WP', 'Empty']);
  });

  test('a walk costs requests, not round trips: 256 steps over 3 sheets in one sync, the request small', async () => {
    const { run, fake } = setup();
    await run(async (ctx) => {
      let ws = ctx.workbook.worksheets.getFirst();
      const names = [ws.load('name')];
      for (let k = 1; k < 256; k++) names.push((ws = ws.getNextOrNullObject()).load('name'));
      await ctx.sync();
      expect(names.slice(1).filter((w) => !w.isNullObject).map((w) => w.name)).toEqual(['Budget WP']);
      expect(names[0].name).toBe('Project');
    });
    expect(fake.stats.roundTrips).toBe(1);
    expect(fake.stats.syncs[0].requestBytes).toBeLessThan(60_000);
  });

  test('getNextOrNullObject needs ExcelApi 1.5', async () => {
    const { run } = setup({ excelApi: '1.4' });
    const e = await failure(run(async (ctx) => void ctx.workbook.worksheets.getFirst().getNextOrNullObject().load('name')));
    expect(e.code).toBe('ApiNotFound');
  });

  test('the workbook exports back to the snapshot it came from', () => {
    const snap = { sheets: [snapshotFromGrid('Project', [['Project acronym', 'ClusteriX 2.0'], [null, 5]])] };
    const back = snapshotFromWorkbook(workbookFromSnapshot(snap));
    expect(back).toEqual(snap);
  });
});
