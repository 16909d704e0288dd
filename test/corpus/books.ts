/**
 * Bad workbooks made by code: the sample written by the product's own writer, then changed cell by cell with
 * ExcelJS the way a person would change it in Excel. Nothing here is a checked-in binary.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { writeSpecXlsx } from '../../src/apply/xlsx/spec-writer';
import { buildSample } from '../../src/template';
import { promises as fs } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

let sample: Promise<Buffer> | null = null;

/** The sample's bytes, written once per test file. */
export function sampleBytes(): Promise<Buffer> {
  sample ??= (async () => {
    const dir = await fs.mkdtemp(join(tmpdir(), 'clx-corpus-sample-'));
    const file = join(dir, 'sample.xlsx');
    await writeSpecXlsx(buildSample(), file);
    const bytes = await fs.readFile(file);
    await fs.rm(dir, { recursive: true, force: true });
    return bytes;
  })();
  return sample;
}

export async function toBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The sample, changed by `edit` (which gets the loaded workbook), as new xlsx bytes. */
export async function sampleWith(edit: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await sampleBytes()) as unknown as ArrayBuffer);
  edit(wb);
  return toBytes(wb);
}

export function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name} in ${wb.worksheets.map((w) => w.name).join(', ')}`);
  return ws;
}

export async function freshBook(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return toBytes(wb);
}

/** A zip archive that holds no workbook. */
export async function zipNotXlsx(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('budget.csv', 'Staff costs;12500\n');
  zip.file('readme.txt', 'not a workbook');
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** The sample cut off at two thirds, as a failed download leaves it. */
export async function truncatedSample(): Promise<Buffer> {
  const full = await sampleBytes();
  return full.subarray(0, Math.floor((full.length * 2) / 3));
}
