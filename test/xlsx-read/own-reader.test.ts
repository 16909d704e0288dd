/**
 * The package reader gives exactly the snapshot the ExcelJS-based reader gave, on the sample, the template,
 * the hand-typed layouts and every readable case of the bad-workbook corpus; it refuses what that one refused
 * with the same line.
 */
import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { readXlsxSnapshot } from '../support/exceljs-reader';
import { readXlsxSnapshotOwn } from '../../src/snapshot/package-reader';
import { CASES, sampleBytes } from '../corpus/cases';
import { writeLayout, LAYOUTS } from '../libreoffice/books';
import { writeSpecXlsx } from '../../src/apply/xlsx/spec-writer';
import { buildTemplate } from '../../src/template';

async function outcome(read: (b: Buffer, n: string) => Promise<unknown>, bytes: Buffer): Promise<unknown> {
  try {
    return await read(bytes, 'book.xlsx');
  } catch (e) {
    return { refused: (e as Error).message };
  }
}

async function expectSame(bytes: Buffer): Promise<void> {
  const theirs = await outcome(readXlsxSnapshot, bytes);
  const ours = await outcome(readXlsxSnapshotOwn, bytes);
  expect(ours).toEqual(theirs);
}

const dir = mkdtempSync(join(tmpdir(), 'clx-own-reader-'));

describe('the package reader against the ExcelJS reader', () => {
  it('reads the sample the same', async () => {
    await expectSame(await sampleBytes());
  });
  it('reads the template the same', async () => {
    const p = join(dir, 'template.xlsx');
    await writeSpecXlsx(buildTemplate(), p);
    await expectSame(readFileSync(p));
  });
  it.each(Object.keys(LAYOUTS))('reads the %s layout the same', async (name) => {
    const p = join(dir, `${name}.xlsx`);
    await writeLayout(name, p);
    await expectSame(readFileSync(p));
  });
  it.each(CASES.filter((c) => !/uncalculated|never calculated|no cached/i.test(c.name)).map((c) => [c.name, c] as const))('reads corpus case %s the same', async (_n, c) => {
    await expectSame(await c.make());
  });
});
