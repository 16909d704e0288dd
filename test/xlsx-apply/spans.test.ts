/**
 * A mark on a cell the file does not have adds that cell to its row; where the row says which columns its cells
 * take (spans="1:4", a hint Excel trusts), the spans cover the new cell, and Clear gives the row's tag back as it was.
 */
import JSZip from 'jszip';
import { unzipSync, strFromU8 } from 'fflate';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { clearFile, consolidateFile } from '../../src/apply/xlsx';
import { editCells } from '../../src/apply/xlsx/package/sheet-edit';
import { handPlan, userBook } from './fixtures';

const now = new Date('2026-01-15T10:00:00Z');

/** The start tag of row r in a sheet part. */
const rowTag = (xml: string, r: number) => new RegExp(`<row r="${r}"[^>]*>`).exec(xml)?.[0];

describe('spans of a row a mark adds a cell to', () => {
  const mark = () => '<c r="X" s="9"/>';
  const newCell = (addr: string) => (start: string | null) => (start ?? mark().replace('X', addr));
  const takeAway = () => null;

  it('cover a new cell right of, left of and between the ranges, and come back as they were when it goes', () => {
    const xml = '<worksheet><sheetData><row r="2" spans="2:3 6:7"><c r="B2"><v>1</v></c><c r="F2"><v>2</v></c></row><row r="3" spans="2:2"/></sheetData></worksheet>';
    const cases: [string, string][] = [
      ['J2', '2:3 6:7 10:10'],
      ['A2', '1:1 2:3 6:7'],
      ['D2', '2:3 4:4 6:7'],
      ['C2', '2:3 6:7'], // inside a range already: unchanged
    ];
    for (const [addr, spans] of cases) {
      const marked = editCells(xml, new Map([[addr, newCell(addr)]]));
      expect(rowTag(marked, 2)).toBe(`<row r="2" spans="${spans}">`);
      expect(marked).toContain(`<c r="${addr}" s="9"/>`);
      // Clear takes the empty cell away, and the range it added with it.
      expect(editCells(marked, new Map([[addr, takeAway]]))).toBe(xml);
    }
  });

  it('cover a new cell in a row written as <row … spans=…/>', () => {
    const xml = '<worksheet><sheetData><row r="3" spans="2:2"/></sheetData></worksheet>';
    const marked = editCells(xml, new Map([['E3', newCell('E3')]]));
    expect(marked).toBe('<worksheet><sheetData><row r="3" spans="2:2 5:5"><c r="E3" s="9"/></row></sheetData></worksheet>');
  });

  it('through consolidate and clear: the marked row covers the mark, and clear gives the part back byte for byte', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clx-spans-'));
    const book = join(dir, 'book.xlsx');
    await userBook(book);
    const zip = await JSZip.loadAsync(readFileSync(book));
    // Budget WP's rows as Excel writes them: spans= the columns their cells take (A:D).
    const sheet = (await zip.file('xl/worksheets/sheet2.xml')!.async('string')).replace(/<row r="(\d+)"(?![^>]*spans)/g, '<row r="$1" spans="1:4"');
    expect(rowTag(sheet, 3)).toMatch(/spans="1:4"/);
    zip.file('xl/worksheets/sheet2.xml', sheet);
    const input = join(dir, 'spans.xlsx');
    writeFileSync(input, await zip.generateAsync({ type: 'nodebuffer' }));
    const out = join(dir, 'spans.out.xlsx');
    const cleared = join(dir, 'spans.cleared.xlsx');
    // G3 is outside A:D, where the file has no cell.
    await consolidateFile(input, out, { now, plan: () => handPlan([{ sheet: 'Budget WP', cell: 'G3', severity: 'warning' }]) });
    const marked = strFromU8(unzipSync(readFileSync(out))['xl/worksheets/sheet2.xml']);
    expect(rowTag(marked, 3)).toMatch(/ spans="1:4 7:7"/);
    expect(marked).toMatch(/<c r="G3" s="\d+"\/><\/row>/);
    await clearFile(out, cleared);
    expect(strFromU8(unzipSync(readFileSync(cleared))['xl/worksheets/sheet2.xml'])).toBe(sheet);
  });
});
