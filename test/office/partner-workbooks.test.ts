/**
 * New partner workbooks… through the Office adapter: the open workbook's file handed over by a stand-in for
 * Office's getFileAsync (the sample's own bytes in 8 kB slices, so there are several), the partner files made from
 * it equal, byte for byte, what `clusterix partner-workbook --all` writes for the same file, and read back with
 * ExcelJS (a reader independent of ours) they hold what a partner needs. The file is closed whatever happens; a
 * host without the API, and bad workbooks, get the command line's words.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { strFromU8, unzipSync } from 'fflate';
import { cliInProcess } from '../support/cli-in-process';
import { readXlsxSnapshot as readWithExcelJS } from '../support/exceljs-reader';
import { partOf } from '../support/package-edit';
import { createOfficeActions } from '../../src/apply/office/actions';
import { partnerWorkbooksInExcel } from '../../src/apply/office/partner-workbooks';
import { specToPackage } from '../../src/apply/xlsx/package/new-package';
import { partnerFileNameOf } from '../../src/apply/xlsx/partner-books-all';
import { partnerFileName } from '../../src/cli/commands/partners';
import { buildSample } from '../../src/template';
import type { PartnerBooksOutcome } from '../../src/taskpane/actions';
import type { SheetSnapshot } from '../../src/snapshot/types';
import { encryptXlsx } from '../corpus/encrypt';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clusterix-office-partner-books-'));
const at = (f: string) => path.join(dir, f);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const SLICE = 8 * 1024;
const PARTNERS: Record<number, string> = {
  1: 'Budget ecoplus', 2: 'Budget IDM', 3: 'Budget West-Pannon', 4: 'Budget INMA', 5: 'Budget Lund', 6: 'Budget Ostrava',
  7: 'Budget Southern Denmark', 8: 'Budget Auvergne', 9: 'Budget Flanders', 10: 'Budget North-East', 11: 'Budget Skane',
};

interface Calls {
  getFile: { type: unknown; sliceSize: unknown }[];
  slices: number[];
  closed: number;
}

/**
 * Office's Common API as Excel answers it, over `bytes`: getFileAsync gives a file of `ceil(size / sliceSize)`
 * slices whose data are byte arrays; each call answers later (asynchronously), as Office does.
 */
function installOffice(bytes: Uint8Array | null, opts: { url?: string; failSlice?: number; compressedFile?: boolean } = {}): Calls {
  const calls: Calls = { getFile: [], slices: [], closed: 0 };
  const later = (f: () => void) => setTimeout(f, 0);
  const document = {
    url: opts.url ?? '',
    getFileAsync(type: unknown, options: { sliceSize: number }, cb: (r: unknown) => void) {
      calls.getFile.push({ type, sliceSize: options.sliceSize });
      const size = bytes!.length;
      const file = {
        size,
        sliceCount: Math.ceil(size / options.sliceSize),
        getSliceAsync(i: number, done: (r: unknown) => void) {
          calls.slices.push(i);
          if (i === opts.failSlice) return later(() => done({ status: 'failed', error: { code: 5001, name: 'Internal Error', message: 'An internal error has occurred.' } }));
          const data = Array.from(bytes!.subarray(i * options.sliceSize, (i + 1) * options.sliceSize));
          later(() => done({ status: 'succeeded', value: { data, index: i, size: data.length } }));
        },
        closeAsync(done: (r: unknown) => void) {
          calls.closed++;
          later(() => done({ status: 'succeeded' }));
        },
      };
      later(() => cb({ status: 'succeeded', value: file }));
    },
  };
  const Office = {
    FileType: { Compressed: 'compressed', Pdf: 'pdf', Text: 'text' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    context: {
      document: opts.compressedFile === false ? { url: document.url } : document,
      requirements: { isSetSupported: (name: string) => name === 'CompressedFile' && opts.compressedFile !== false },
    },
  };
  (globalThis as Record<string, unknown>).Office = Office;
  return calls;
}
afterEach(() => delete (globalThis as Record<string, unknown>).Office);

const sampleBytes = () => new Uint8Array(fs.readFileSync(at('sample.xlsx')));
const made = (o: PartnerBooksOutcome) => {
  if (o.kind !== 'made') throw new Error(`expected files, got: ${o.message}`);
  return o;
};

beforeAll(async () => {
  expect((await cliInProcess('sample', at('sample.xlsx'))).code).toBe(0);
  expect((await cliInProcess('partner-workbook', at('sample.xlsx'), '--all', '-o', at('cli'))).code).toBe(0);
});

test('every partner’s workbook, from the file in slices, is byte for byte the command line’s, and the file is closed', async () => {
  const calls = installOffice(sampleBytes());
  const steps: string[] = [];
  const o = made(await partnerWorkbooksInExcel('sample.xlsx', { sliceSize: SLICE, progress: (s) => steps.push(s) }));
  const sliceCount = Math.ceil(sampleBytes().length / SLICE);
  expect(sliceCount).toBeGreaterThanOrEqual(3);
  expect(calls.getFile).toEqual([{ type: 'compressed', sliceSize: SLICE }]);
  expect(calls.slices).toEqual([...Array(sliceCount).keys()]);
  expect(calls.closed).toBe(1);
  expect(steps).toContain(`Reading the workbook’s file (${sliceCount} of ${sliceCount})`);
  expect(steps.filter((s) => /^Making partner workbook \d/.test(s))).toEqual([...Array(11).keys()].map((i) => `Making partner workbook ${i + 1} of 11`));

  const cliFiles = fs.readdirSync(at('cli')).sort();
  expect(cliFiles).toHaveLength(11);
  expect(o.files.map((f) => f.name).sort()).toEqual(cliFiles);
  expect(o.files.map((f) => f.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  expect(o.files[3]).toMatchObject({ name: 'sample partner 4.xlsx', partner: 'INMA' });
  for (const f of o.files) expect(Buffer.from(f.bytes).equals(fs.readFileSync(at(`cli/${f.name}`)))).toBe(true);

  // Download all: one zip of the same eleven files.
  expect(o.all.name).toBe('sample partner workbooks.zip');
  const zipped = unzipSync(o.all.bytes);
  expect(Object.keys(zipped).sort()).toEqual(cliFiles);
  for (const f of o.files) expect(Buffer.from(zipped[f.name]).equals(Buffer.from(f.bytes))).toBe(true);
});

/** The indicator rows of an Indicators sheet: rows whose first cell is a partner number, as [partner, code]. */
function indicatorRows(s: SheetSnapshot): [number, string][] {
  return s.values.filter((row) => typeof row[0] === 'number').map((row) => [row[0] as number, String(row[1])]);
}
const sheet = (sheets: SheetSnapshot[], name: string) => sheets.find((s) => s.name === name)!;

test('read with ExcelJS, each file holds the Project sheet (protected), the partner’s own budget sheet and only its indicator rows', async () => {
  installOffice(sampleBytes());
  const o = made(await partnerWorkbooksInExcel('sample.xlsx', { sliceSize: SLICE }));
  const sample = await readWithExcelJS(at('sample.xlsx'));
  const allRows = indicatorRows(sheet(sample.sheets, 'Indicators'));
  for (const f of o.files) {
    const book = await readWithExcelJS(Buffer.from(f.bytes), f.name);
    expect(book.sheets.map((s) => s.name)).toEqual(['Project', PARTNERS[f.no], 'Indicators']);
    expect(sheet(book.sheets, PARTNERS[f.no]).values).toEqual(sheet(sample.sheets, PARTNERS[f.no]).values);
    expect(sheet(book.sheets, 'Project').values).toEqual(sheet(sample.sheets, 'Project').values);
    const rows = indicatorRows(sheet(book.sheets, 'Indicators'));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows).toEqual(allRows.filter(([no]) => no === f.no));
    const parts = unzipSync(f.bytes);
    expect(strFromU8(parts[partOf(parts, 'Project')])).toMatch(/<sheetProtection [^>]*sheet="1"/);
    expect(strFromU8(parts[partOf(parts, PARTNERS[f.no])])).not.toMatch(/<sheetProtection/);
  }
});

test('through the pane’s action: the file named from the document’s URL; a slice Excel refuses is one line, and the file is still closed', async () => {
  const url = 'https://contoso.sharepoint.com/sites/lead/Shared%20Documents/ClusteriX%20P6.xlsx?web=1';
  installOffice(sampleBytes(), { url });
  const ok = made((await createOfficeActions().partnerWorkbooks!())!);
  expect(ok.files.map((f) => f.name)).toEqual([...Array(11).keys()].map((i) => `ClusteriX P6 partner ${i + 1}.xlsx`));
  expect(ok.all.name).toBe('ClusteriX P6 partner workbooks.zip');

  // The pane asks for 4 MB slices: the sample is one.
  const calls = installOffice(sampleBytes(), { url, failSlice: 0 });
  const o = await createOfficeActions().partnerWorkbooks!();
  expect(o).toEqual({
    kind: 'failed',
    message: 'Excel could not read part 1 of 1 of the workbook’s file (An internal error has occurred., code 5001). Save the workbook and try again, or use the command line: clusterix partner-workbook BOOK.xlsx --all -o DIR',
  });
  expect(calls.getFile).toEqual([{ type: 'compressed', sliceSize: 4 * 1024 * 1024 }]);
  expect(calls.slices).toEqual([0]);
  expect(calls.closed).toBe(1);

  // In smaller slices, the third refused: the first two were read, the file closed once.
  const third = installOffice(sampleBytes(), { failSlice: 2 });
  await expect(partnerWorkbooksInExcel('sample.xlsx', { sliceSize: SLICE })).rejects.toThrow(/^Excel could not read part 3 of \d+ of the workbook’s file \(An internal error has occurred\., code 5001\)/);
  expect(third.slices).toEqual([0, 1, 2]);
  expect(third.closed).toBe(1);
});

test('a host without the File API is told the command; nothing is asked of Office', async () => {
  const calls = installOffice(sampleBytes(), { compressedFile: false });
  const o = await createOfficeActions().partnerWorkbooks!();
  expect(o).toEqual({ kind: 'failed', message: expect.stringContaining('clusterix partner-workbook BOOK.xlsx --all -o DIR') });
  expect(o.kind === 'failed' && o.message).toMatch(/^This Excel cannot hand the add-in the workbook’s file/);
  expect(calls.getFile).toEqual([]);
});

test('a workbook that is not a reporting workbook, or has no partner with a budget sheet: the command line’s own line', async () => {
  const spec = buildSample();
  const cases = [
    { file: 'notes.xlsx', bytes: specToPackage({ ...spec, sheets: spec.sheets.filter((s) => s.name !== 'Project') }) },
    { file: 'no budgets.xlsx', bytes: specToPackage({ ...spec, sheets: spec.sheets.filter((s) => !s.name.startsWith('Budget ')) }) },
  ];
  for (const c of cases) {
    fs.writeFileSync(at(c.file), c.bytes);
    const cli = await cliInProcess('partner-workbook', at(c.file), '--all', '-o', at(`out-${c.file}`));
    expect(cli.code).toBe(2);
    const line = cli.stderr.trim().split('\n');
    expect(line).toHaveLength(1);
    installOffice(new Uint8Array(c.bytes), { url: `https://example.org/${encodeURIComponent(c.file)}` });
    const o = await createOfficeActions().partnerWorkbooks!();
    // The same sentence, the file named as each face knows it (a path on the command line, the file name in Excel).
    expect(o).toEqual({ kind: 'failed', message: line[0].replace(/^clusterix: /, '').replace(at(c.file), c.file) });
    expect(o.kind === 'failed' && o.message).toMatch(c.file === 'notes.xlsx' ? /^notes\.xlsx is not a reporting workbook: no Project sheet/ : /^no budgets\.xlsx has no partner with one budget sheet: no partner workbook to write$/);
  }
});

/** The adapter as the pane's bundle has it: fflate's codec in zlib's place (codec.browser.ts). */
function inTheBrowser(): typeof import('../../src/apply/office/partner-workbooks') {
  let mod!: typeof import('../../src/apply/office/partner-workbooks');
  jest.isolateModules(() => {
    jest.doMock(require.resolve('../../src/snapshot/package/codec'), () => jest.requireActual('../../src/snapshot/package/codec.browser'));
    mod = jest.requireActual('../../src/apply/office/partner-workbooks');
  });
  return mod;
}

/** Runs `f` with no global Buffer, as in a browser: the pane's path must not need Node's. */
async function withoutBuffer<T>(f: () => Promise<T>): Promise<T> {
  const g = globalThis as Record<string, unknown>;
  const saved = g.Buffer;
  delete g.Buffer;
  try {
    return await f();
  } finally {
    g.Buffer = saved;
  }
}

test('on the pane’s codec and without Node’s Buffer, every file holds the command line’s parts, in its order', async () => {
  const { partnerWorkbooksInExcel: inBrowser } = inTheBrowser();
  installOffice(sampleBytes());
  const o = made(await withoutBuffer(() => inBrowser('sample.xlsx', { sliceSize: SLICE })));
  expect(Buffer.isBuffer(o.files[0].bytes)).toBe(false); // fflate's codec made it, not Node's
  for (const f of o.files) {
    const ours = unzipSync(f.bytes);
    const cli = unzipSync(new Uint8Array(fs.readFileSync(at(`cli/${f.name}`))));
    expect(Object.keys(ours)).toEqual(Object.keys(cli));
    for (const name of Object.keys(cli)) expect(Buffer.from(ours[name]).equals(Buffer.from(cli[name]))).toBe(true);
  }
});

test('a password-protected workbook (Office hands over the encrypted file): the command line’s line, in the browser too', async () => {
  const locked = encryptXlsx(fs.readFileSync(at('sample.xlsx')), 'secret');
  fs.writeFileSync(at('locked.xlsx'), locked);
  const cli = await cliInProcess('partner-workbook', at('locked.xlsx'), '--all', '-o', at('out-locked'));
  expect(cli.code).toBe(2);
  const line = cli.stderr.trim().replace(/^clusterix: /, '').replace(at('locked.xlsx'), 'locked.xlsx');
  expect(line).toBe('cannot read locked.xlsx: the workbook is password-protected (remove the password in Excel and save again)');
  installOffice(new Uint8Array(locked));
  const { partnerWorkbooksInExcel: inBrowser } = inTheBrowser();
  await expect(withoutBuffer(() => inBrowser('locked.xlsx'))).rejects.toThrow(line);
});

test('the files are named as the command line names them', () => {
  for (const book of ['sample.xlsx', 'ClusteriX 2.0 P6.xlsm', 'book', 'lead.v2.final.xlsx', '.hidden', 'Report 2026.XLSX']) {
    for (const no of [1, 11]) expect(partnerFileNameOf(book, no)).toBe(partnerFileName(book, no));
  }
  expect(partnerFileNameOf('ClusteriX 2.0 P6.xlsm', 3)).toBe('ClusteriX 2.0 P6 partner 3.xlsm');
});

test('a workbook never saved (no URL): the files are named after the project’s acronym', async () => {
  installOffice(sampleBytes(), { url: '' });
  const o = made((await createOfficeActions().partnerWorkbooks!())!);
  expect(o.files.map((f) => f.name).slice(0, 2)).toEqual(['ClusteriX 2.0 partner 1.xlsx', 'ClusteriX 2.0 partner 2.xlsx']);
  expect(o.all.name).toBe('ClusteriX 2.0 partner workbooks.zip');
  // The same bytes as the command line's for that partner: only the name differs.
  expect(Buffer.from(o.files[0].bytes).equals(fs.readFileSync(at('cli/sample partner 1.xlsx')))).toBe(true);
});
