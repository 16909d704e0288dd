/**
 * Hostile text from the workbook (partner and target names like =HYPERLINK(…), +1+1, @SUM(1), -2+3) reaches our
 * report tabs and the marks' notes as text, never as a formula, in the xlsx the CLI writes; overlong text is cut.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { promises as fs } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { runConsolidate } from '../../src/cli/commands/consolidate';
import { REPORT_TAB_NAMES } from '../../src/plan/types';
import { MAX_TEXT } from '../../src/plan/text';
import { sampleWith, sheet } from '../corpus/books';
import { carriesPayload, HOSTILE, LONG_NAME, PLACES } from './payloads';

let out: ExcelJS.Workbook;
let findings: { rule: string; sheet: string | null; cell: string | null; message: string }[];
let dir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'clx-hostile-'));
  const book = join(dir, 'hostile.xlsx');
  await fs.writeFile(
    book,
    await sampleWith((wb) => {
      const p = sheet(wb, 'Project');
      for (const { row, col, text } of PLACES) p.getCell(row + 1, col + 1).value = text; // a string, as typed with an apostrophe
    }),
  );
  const run = await runConsolidate(book, { out: join(dir, 'out.xlsx'), now: new Date('2024-05-02T10:00:00Z') });
  findings = run.findings;
  out = new ExcelJS.Workbook();
  await out.xlsx.readFile(join(dir, 'out.xlsx'));
}, 60000);
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

function reportCells(): ExcelJS.Cell[] {
  const cells: ExcelJS.Cell[] = [];
  for (const name of REPORT_TAB_NAMES) {
    const ws = out.getWorksheet(name);
    if (!ws) throw new Error(`no tab ${name}`);
    ws.eachRow((row) => row.eachCell((c) => void cells.push(c)));
  }
  return cells;
}

describe('hostile text in the consolidated xlsx', () => {
  it('shows every payload in a report tab as a text cell, never a formula', () => {
    const cells = reportCells();
    for (const text of Object.values(HOSTILE)) {
      const exact = cells.filter((c) => c.value === text);
      expect(exact.length).toBeGreaterThan(0);
      for (const c of exact) {
        expect(c.type).toBe(ExcelJS.ValueType.String);
        expect(c.formula).toBeUndefined();
      }
    }
  });

  it('writes no formula that carries a payload (references to the source cell are fine)', () => {
    const bad = reportCells()
      .filter((c) => c.type === ExcelJS.ValueType.Formula && carriesPayload(c.formula))
      .map((c) => `${c.worksheet.name}!${c.address}: ${c.formula}`);
    expect(bad).toEqual([]);
  });

  it('has no <f> element in the package that carries a payload (the raw XML, not ExcelJS\'s reading of it)', async () => {
    const zip = await JSZip.loadAsync(await fs.readFile(join(dir, 'out.xlsx')));
    const formulas: string[] = [];
    for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
      const xml = await zip.file(name)!.async('string');
      for (const m of xml.matchAll(/<f[^>]*>([^<]*)<\/f>/g)) formulas.push(m[1].replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
    }
    expect(formulas.length).toBeGreaterThan(100); // the report's live formulas are there
    expect(formulas.filter(carriesPayload)).toEqual([]);
  });

  it("keeps a user cell holding a payload as text (the user's sheets are untouched)", () => {
    const c = out.getWorksheet('Project')!.getCell('C30');
    expect([c.type, c.value]).toEqual([ExcelJS.ValueType.String, HOSTILE.hyperlink]);
  });

  it("quotes the payload in the mark's note as text (Region Skåne's P01 finding)", () => {
    const p01 = findings.find((f) => f.rule === 'P01');
    expect(p01).toMatchObject({ sheet: 'Project', cell: 'D39' });
    expect(p01!.message).toContain(HOSTILE.hyperlink);
    const note = out.getWorksheet('Project')!.getCell('D39').note;
    const text = typeof note === 'string' ? note : (note?.texts ?? []).map((t) => t.text).join('');
    expect(text).toContain(HOSTILE.hyperlink);
  });

  it(`cuts overlong text to ${MAX_TEXT} characters with an ellipsis`, () => {
    const long = reportCells().filter((c) => typeof c.value === 'string' && c.value.startsWith('Ostrava very long'));
    expect(long.length).toBeGreaterThan(0);
    for (const c of long) {
      expect((c.value as string).length).toBe(MAX_TEXT);
      expect(c.value).toBe(`${LONG_NAME.slice(0, MAX_TEXT - 1)}…`);
    }
  });
});
