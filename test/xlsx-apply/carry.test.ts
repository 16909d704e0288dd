/**
 * Every part of the user's package comes through consolidate and clear: charts, pivots, slicers, macros,
 * threaded comments, external links, sparklines, dynamic arrays, calculated table columns, protection byte for
 * byte; styles, merges, notes, validation, conditional formats, names, hidden sheets, tables and layout as
 * ExcelJS (an independent reader) sees them.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { unzipSync } from 'fflate';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { clearFile, consolidateFile } from '../../src/apply/xlsx';
import { handPlan, userBook } from './fixtures';
import { cellPrints, load } from './read-back';

const now = new Date('2026-01-15T10:00:00Z');
let dir: string;
let book: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clx-carry-'));
  book = join(dir, 'book.xlsx');
  await userBook(book);
});

/** BOOK with extra package parts, as Excel would have written them. */
async function withParts(name: string, parts: Record<string, string>, sheetXml?: (xml: string) => string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(book));
  for (const [p, text] of Object.entries(parts)) zip.file(p, text);
  if (sheetXml) zip.file('xl/worksheets/sheet2.xml', sheetXml(await zip.file('xl/worksheets/sheet2.xml')!.async('string')));
  const p = join(dir, name);
  writeFileSync(p, await zip.generateAsync({ type: 'nodebuffer' }));
  return p;
}

const CHART = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart><c:plotArea><c:barChart><c:barDir val="col"/>
<c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>'Budget WP'!$B$2:$B$4</c:f></c:numRef></c:val></c:ser></c:barChart></c:plotArea></c:chart></c:chartSpace>`;
const DRAWING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"/>`;

const CASES: [string, Record<string, string>, ((xml: string) => string) | undefined, string][] = [
  ['a chart', { 'xl/charts/chart1.xml': CHART, 'xl/drawings/drawing1.xml': DRAWING }, undefined, 'charts, drawings, shapes or pictures'],
  ['a pivot table', { 'xl/pivotTables/pivotTable1.xml': '<pivotTableDefinition/>', 'xl/pivotCache/pivotCacheDefinition1.xml': '<x/>' }, undefined, 'pivot tables'],
  ['a slicer', { 'xl/slicers/slicer1.xml': '<x/>' }, undefined, 'slicers'],
  ['macros', { 'xl/vbaProject.bin': 'binary' }, undefined, 'macros (VBA project)'],
  ['threaded comments', { 'xl/threadedComments/threadedComment1.xml': '<x/>' }, undefined, 'threaded comments'],
  ['an external link', { 'xl/externalLinks/externalLink1.xml': '<x/>' }, undefined, 'links to other workbooks (external links)'],
  ['sparklines', {}, (x) => x.replace('</worksheet>', '<extLst><ext><x14:sparklineGroups xmlns:x14="x"/></ext></extLst></worksheet>'), 'sparklines'],
  ['dynamic arrays', { 'xl/metadata.xml': '<metadata/>' }, undefined, 'dynamic array formulas (spilled results)'],
  ['a table with a calculated column', { 'xl/tables/table1.xml': '<table><tableColumns><tableColumn><calculatedColumnFormula>B2*2</calculatedColumnFormula></tableColumn></tableColumns></table>' }, undefined, 'tables with calculated columns or custom totals'],
];

/** Every part of `p` but ours, by name, as bytes: what must come through consolidate and clear as it was. */
function partsOf(p: string): Record<string, Uint8Array> {
  return unzipSync(readFileSync(p));
}

const OURS_OR_PATCHED = /^(\[Content_Types\]\.xml|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/styles\.xml|xl\/calcChain\.xml|xl\/worksheets\/.*|xl\/comments\d*\.xml|xl\/drawings\/vmlDrawing\d*\.vml)$/;

describe.each(CASES)('a workbook with %s', (label, parts, sheetXml) => {
  it('is consolidated and cleared with that part byte for byte as it was', async () => {
    const p = await withParts(`${label.replace(/\W+/g, '-')}.xlsx`, parts, sheetXml);
    const out = join(dir, `${label.replace(/\W+/g, '-')}.out.xlsx`);
    const cleared = join(dir, `${label.replace(/\W+/g, '-')}.cleared.xlsx`);
    await consolidateFile(p, out, { now, plan: () => handPlan([{ sheet: 'Budget WP', cell: 'B2', severity: 'error' }]) });
    await clearFile(out, cleared);
    const before = partsOf(p);
    for (const path of [out, cleared]) {
      const after = partsOf(path);
      for (const [name, bytes] of Object.entries(before)) {
        if (OURS_OR_PATCHED.test(name)) continue;
        expect([name, Buffer.from(after[name] ?? []).toString('latin1')]).toEqual([name, Buffer.from(bytes).toString('latin1')]);
      }
      for (const name of Object.keys(parts)) expect(Object.keys(after)).toContain(name);
    }
    // The user's sheets come back from clear as they were, byte for byte.
    const after = partsOf(cleared);
    for (const name of Object.keys(before).filter((n) => /^xl\/worksheets\/sheet[123]\.xml$/.test(n))) {
      expect([name, Buffer.from(after[name]).toString('utf8')]).toEqual([name, Buffer.from(before[name]).toString('utf8')]);
    }
  });
});

it('carries a protected workbook structure (and the empty <workbookProtection/> LibreOffice writes) through consolidate', async () => {
  for (const protection of ['<workbookProtection lockStructure="1"/>', '<workbookProtection/>']) {
    const zip = await JSZip.loadAsync(readFileSync(book));
    const xml = await zip.file('xl/workbook.xml')!.async('string');
    zip.file('xl/workbook.xml', xml.replace('<sheets>', `${protection}<sheets>`));
    const p = join(dir, 'protected.xlsx');
    writeFileSync(p, await zip.generateAsync({ type: 'nodebuffer' }));
    const out = join(dir, 'protected.out.xlsx');
    await consolidateFile(p, out, { now, plan: () => handPlan() });
    const wbXml = Buffer.from(partsOf(out)['xl/workbook.xml']).toString('utf8');
    expect(wbXml).toContain(`${protection}<sheets>`);
    expect((await load(out)).worksheets.map((w) => w.name)).toContain('Report Summary');
  }
});

describe('a workbook with what ExcelJS carries', () => {
  let rich: string;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    const b = wb.getWorksheet('Budget WP')!;
    b.getCell('A1').font = { bold: true, italic: true, color: { argb: 'FF1F4E79' }, size: 12 };
    b.getCell('A2').border = { left: { style: 'thin' }, bottom: { style: 'dashed', color: { argb: 'FFFF0000' } } };
    b.getCell('A3').alignment = { wrapText: true, horizontal: 'center' };
    b.getColumn(1).width = 33;
    b.getRow(2).height = 27;
    b.views = [{ state: 'frozen', xSplit: 1, ySplit: 1 }];
    b.properties.tabColor = { argb: 'FF00B050' };
    b.pageSetup.orientation = 'landscape';
    const t = wb.addWorksheet('Costs table');
    t.addTable({ name: 'Costs', ref: 'A1', headerRow: true, totalsRow: true, columns: [{ name: 'Item', totalsRowLabel: 'Total' }, { name: 'Amount', totalsRowFunction: 'sum' }], rows: [['a', 10.5], ['b', 20.25]] });
    rich = join(dir, 'rich.xlsx');
    await wb.xlsx.writeFile(rich);
  });

  it('keeps each through consolidate and clear', async () => {
    const out = join(dir, 'rich.out.xlsx');
    const cleared = join(dir, 'rich.cleared.xlsx');
    await consolidateFile(rich, out, { now, plan: () => handPlan([{ sheet: 'Budget WP', cell: 'A2', severity: 'error' }]) });
    await clearFile(out, cleared);
    const sheets = ['Project', 'Budget WP', 'Hidden notes', 'Costs table'];
    const before = await load(rich);
    for (const path of [out, cleared]) {
      const wb = await load(path);
      const b = wb.getWorksheet('Budget WP')!;
      expect(b.getCell('A1').font).toEqual(before.getWorksheet('Budget WP')!.getCell('A1').font);
      expect(b.getCell('A2').border).toEqual(before.getWorksheet('Budget WP')!.getCell('A2').border);
      expect(b.getCell('A3').alignment).toEqual({ wrapText: true, horizontal: 'center' });
      expect(b.getColumn(1).width).toBe(33);
      expect(b.getRow(2).height).toBe(27);
      expect(b.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
      expect(b.properties.tabColor).toEqual({ argb: 'FF00B050' });
      expect(b.pageSetup.orientation).toBe('landscape');
      expect(wb.getWorksheet('Project')!.getCell('E1').isMerged).toBe(true);
      expect(wb.getWorksheet('Hidden notes')!.state).toBe('hidden');
      expect(wb.definedNames.getRanges('Amounts').ranges).toEqual(["'Budget WP'!$B$2:$C$4"]);
      const table = (wb.getWorksheet('Costs table') as unknown as { getTable(n: string): { table: { tableRef?: string; ref?: string; totalsRow: boolean } } }).getTable('Costs');
      expect(table.table.totalsRow).toBe(true);
      const zip = await JSZip.loadAsync(readFileSync(path));
      expect(Object.keys(zip.files).some((n) => /^xl\/tables\/table\d+\.xml$/.test(n))).toBe(true);
    }
    expect(cellPrints(await load(cleared), sheets)).toEqual(cellPrints(before, sheets));
  });
});

it("keeps Excel's shared formulas (a formula filled down) through consolidate and clear, a marked one included", async () => {
  const zip = await JSZip.loadAsync(readFileSync(book));
  const xml = (await zip.file('xl/worksheets/sheet2.xml')!.async('string'))
    .replace(/<c r="D2"([^>]*)><f>B2\+C2<\/f>/, '<c r="D2"$1><f t="shared" ref="D2:D4" si="0">B2+C2</f>')
    .replace(/<c r="D3"([^>]*)><f>B3\+C3<\/f>/, '<c r="D3"$1><f t="shared" si="0"/>')
    .replace(/<c r="D4"([^>]*)><f>B4\+C4<\/f>/, '<c r="D4"$1><f t="shared" si="0"/>');
  expect(xml.match(/t="shared"/g)).toHaveLength(3);
  zip.file('xl/worksheets/sheet2.xml', xml);
  const shared = join(dir, 'shared.xlsx');
  writeFileSync(shared, await zip.generateAsync({ type: 'nodebuffer' }));
  const out = join(dir, 'shared.out.xlsx');
  const cleared = join(dir, 'shared.cleared.xlsx');
  await consolidateFile(shared, out, { now, plan: () => handPlan([{ sheet: 'Budget WP', cell: 'D3', severity: 'error' }]) });
  await clearFile(out, cleared);
  for (const path of [out, cleared]) {
    const ws = (await load(path)).getWorksheet('Budget WP')!;
    expect(['D2', 'D3', 'D4'].map((a) => [ws.getCell(a).formula, (ws.getCell(a) as unknown as { result: number }).result])).toEqual([
      ['B2+C2', 300.3],
      ['B3+C3', 45.04],
      ['B4+C4', 110.55],
    ]);
  }
});
