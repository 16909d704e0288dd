/**
 * The writer holds the package as parts by name: a last change to the unzipped package (how the report's chart
 * parts will be added) sees every part, and what it adds, changes or leaves is what OUT holds.
 */
import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { consolidateFile } from '../../src/apply/xlsx';
import { readZip } from '../../src/snapshot/package/zip';
import { handPlan, userBook } from './fixtures';

const now = new Date('2026-01-15T10:00:00Z');

it('a transform of the unzipped package sees the user parts, and OUT holds what it returns', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'clx-transform-'));
  const book = join(dir, 'book.xlsx');
  await userBook(book);
  const out = join(dir, 'out.xlsx');
  let seen: string[] = [];
  await consolidateFile(book, out, {
    now,
    plan: () => handPlan(),
    transform: (parts) => {
      seen = Object.keys(parts);
      const types = strFromU8(parts['[Content_Types].xml']).replace('</Types>', '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>');
      return { ...parts, '[Content_Types].xml': strToU8(types), 'xl/charts/chart1.xml': strToU8('<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>') };
    },
  });
  expect(seen).toEqual(expect.arrayContaining(['xl/workbook.xml', 'xl/styles.xml', 'xl/sharedStrings.xml', 'xl/comments1.xml']));
  const written = unzipSync(readFileSync(out));
  expect(strFromU8(written['xl/charts/chart1.xml'])).toBe('<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>');
  expect(strFromU8(written['[Content_Types].xml'])).toContain('/xl/charts/chart1.xml');
  // A part the transform gave back unchanged is still copied as its compressed bytes.
  const a = readZip(readFileSync(book), 'book').get('xl/sharedStrings.xml')!;
  const b = readZip(readFileSync(out), 'out').get('xl/sharedStrings.xml')!;
  expect(Buffer.from(b.data).equals(Buffer.from(a.data))).toBe(true);
});
