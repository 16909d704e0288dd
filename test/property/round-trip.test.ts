/**
 * Through real files and the command line: consolidating twice equals once, every user cell keeps its value and
 * formula (and its fill and note where no mark went), and clear restores every user cell exactly; over random
 * amounts, text, errors, user fills and notes typed into the sample.
 */
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { runConsolidate } from '../../src/cli/commands/consolidate';
import { clearFile } from '../../src/apply/xlsx';
import { parseState } from '../../src/plan/state';
import { STATE_SHEET } from '../../src/plan/types';
import { sampleWith, sheet } from '../corpus/books';
import { cellPrints, load } from '../xlsx-apply/read-back';

const NOW = new Date('2024-05-02T10:00:00Z');
const WP = 'Budget West-Pannon';
const COLS = 'BCDEFGHI';

const value = fc.oneof(
  fc.integer({ min: 0, max: 5_000_000 }).map((c) => c / 100),
  fc.integer({ min: 0, max: 5_000_000 }).map((c) => `${Math.floor(c / 100)},${String(c % 100).padStart(2, '0')}`),
  fc.constantFrom<ExcelJS.CellValue>('tbd', { error: '#REF!' } as ExcelJS.CellErrorValue, 1234.567, -10),
);
const fill = fc.option(fc.constantFrom('FF00B050', 'FFFFC000', 'FF7030A0'), { nil: undefined });
const note = fc.option(fc.constantFrom('asked the JS', 'see invoice 17', 'rich'), { nil: undefined });
const edit = fc.record({ row: fc.integer({ min: 7, max: 11 }), col: fc.integer({ min: 0, max: 7 }), value: fc.option(value, { nil: undefined }), fill, note });
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

async function book(dir: string, edits: Edit[]): Promise<string> {
  const path = join(dir, 'book.xlsx');
  const bytes = await sampleWith((wb) => {
    const ws = sheet(wb, WP);
    for (const e of edits) {
      const c = ws.getCell(`${COLS[e.col]}${e.row}`);
      if (e.value !== undefined) c.value = e.value;
      if (e.fill) c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: e.fill } };
      if (e.note === 'rich') c.note = { texts: [{ text: 'rich ', font: { bold: true } }, { text: 'note' }] };
      else if (e.note) c.note = e.note;
    }
    sheet(wb, 'Project').getCell('D39').note = 'Skåne is in Sweden'; // a user note on a cell the sample's P01 marks
  });
  await fs.writeFile(path, bytes);
  return path;
}

const userSheets = (wb: ExcelJS.Workbook, names: string[]) => wb.worksheets.map((w) => w.name).filter((n) => names.includes(n));

test('consolidate twice = once; user cells kept; clear restores them exactly', async () => {
  const dir = await fs.mkdtemp(join(tmpdir(), 'clx-roundtrip-'));
  try {
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { maxLength: 6 }), async (edits) => {
        const b = await book(dir, edits);
        const [out1, out2, out3] = ['once.xlsx', 'twice.xlsx', 'cleared.xlsx'].map((n) => join(dir, n));
        await runConsolidate(b, { out: out1, now: NOW });
        // The second run reads a file of the same name (the header block names the source file).
        const again = join(dir, 'again', 'book.xlsx');
        await fs.mkdir(join(dir, 'again'), { recursive: true });
        await fs.copyFile(out1, again);
        await runConsolidate(again, { out: out2, now: NOW });
        await clearFile(out2, out3);
        const [w0, w1, w2, w3] = await Promise.all([b, out1, out2, out3].map(load));
        const names = w0.worksheets.map((w) => w.name);
        const before = cellPrints(w0, names);

        // Once: values and formulas untouched everywhere; fills and notes untouched where no mark went.
        const once = cellPrints(w1, names);
        const marked = new Set(parseState(w1.getWorksheet(STATE_SHEET)!.getCell('A1').text).marks.map((m) => `${m.sheet}!${m.cell}`));
        expect(marked.has('Project!D39')).toBe(true);
        for (const [k, p] of Object.entries(before)) {
          expect([k, once[k]?.value]).toEqual([k, p.value]);
          if (!marked.has(k)) expect([k, once[k]?.fill, once[k]?.note]).toEqual([k, p.fill, p.note]);
        }
        // Twice: every cell of every sheet, ours too, as after once.
        const all1 = w1.worksheets.map((w) => w.name);
        expect(w2.worksheets.map((w) => w.name)).toEqual(all1);
        const [p1, p2] = [cellPrints(w1, all1), cellPrints(w2, all1)];
        const state = (p: typeof p1) => JSON.parse(String(p[`${STATE_SHEET}!A1`].value)); // the same state; key order may differ
        expect(state(p2)).toEqual(state(p1));
        delete p1[`${STATE_SHEET}!A1`];
        delete p2[`${STATE_SHEET}!A1`];
        expect(p2).toEqual(p1);
        // Clear: the user's sheets only, every cell exactly as before.
        expect(w3.worksheets.map((w) => w.name)).toEqual(userSheets(w3, names));
        expect(w3.worksheets.map((w) => w.name)).toEqual(names);
        expect(cellPrints(w3, names)).toEqual(before);
      }),
      { numRuns: 10 },
    );
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}, 180000);
