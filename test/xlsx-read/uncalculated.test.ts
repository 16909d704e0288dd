/**
 * A workbook saved by a library that keeps formulas and drops their cached values (openpyxl): the formulas the
 * engine can compute exactly are computed, so the sample gives the sample's findings; the others are reported
 * as never calculated, never read as 0.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { sampleBytes } from '../corpus/cases';
import { readXlsxSnapshot } from '../../src/snapshot/xlsx';
import { checkWorkbook } from '../../src/engine';
import { openPackage } from '../../src/snapshot/package/open';

function withoutCachedValues(bytes: Uint8Array, edit: (xml: string) => string = (x) => x): { bytes: Buffer; dropped: number } {
  const files = unzipSync(bytes);
  let dropped = 0;
  for (const k of Object.keys(files)) {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(k)) continue;
    files[k] = strToU8(
      edit(strFromU8(files[k])).replace(/(<\/f>|<f [^>]*\/>)<v>[^<]*<\/v>/g, (_, f) => {
        dropped++;
        return f;
      }),
    );
  }
  return { bytes: Buffer.from(zipSync(files)), dropped };
}

const seen = (fs: { rule: string; sheet: string | null; cell: string | null; severity: string }[]) => fs.map((f) => `${f.severity} ${f.rule} ${f.sheet}!${f.cell}`).sort();

describe('formulas without cached values', () => {
  it('the sample saved without them gives the sample findings, to the cell', async () => {
    const sample = await sampleBytes();
    const { bytes, dropped } = withoutCachedValues(sample);
    expect(dropped).toBeGreaterThan(300);
    const before = checkWorkbook(await readXlsxSnapshot(sample, 'sample.xlsx'));
    const after = checkWorkbook(await readXlsxSnapshot(bytes, 'openpyxl.xlsx'));
    expect(seen(after.findings)).toEqual(seen(before.findings));
    expect(seen(before.findings).filter((f) => f.startsWith('error'))).toEqual(['error P01 Project!D39', 'error P02 Project!C14']);
  });

  it('gives the values Excel would: sums over ranges, arithmetic, ROUND and its kin', async () => {
    const sample = await sampleBytes();
    const before = await readXlsxSnapshot(sample, 'sample.xlsx');
    const after = await readXlsxSnapshot(withoutCachedValues(sample).bytes, 'openpyxl.xlsx');
    // Every formula's value equals the cached one the product's writer put there.
    let compared = 0;
    before.sheets.forEach((s, i) =>
      s.formulas.forEach((row, r) =>
        row.forEach((f, c) => {
          if (f === null || typeof s.values[r][c] !== 'number') return;
          expect([s.name, f, after.sheets[i].values[r][c]]).toEqual([s.name, f, s.values[r][c]]);
          compared++;
        }),
      ),
    );
    expect(compared).toBeGreaterThan(300);
  });

  it('on a later sheet only: the sheets before it are read again, and the snapshot is the one Excel\'s values give', async () => {
    // The reader makes each sheet's snapshot as soon as it is read; a formula without its value on a later sheet
    // may refer to any sheet, so the reader goes back and reads every sheet, keeping their cells until computed.
    const sample = await sampleBytes();
    const before = await readXlsxSnapshot(sample, 'sample.xlsx');
    const wp = before.sheets.findIndex((s) => s.name === 'Budget West-Pannon');
    expect(wp).toBeGreaterThan(0);
    const files = unzipSync(sample);
    // The sheet's part as the workbook's relationships name it.
    const part = openPackage(sample, 'sample.xlsx').sheets.find((s) => s.name === 'Budget West-Pannon')!.part!;
    let dropped = 0;
    files[part] = strToU8(
      strFromU8(files[part]).replace(/(<\/f>|<f [^>]*\/>)<v>[^<]*<\/v>/g, (_, f) => {
        dropped++;
        return f;
      }),
    );
    expect(dropped).toBeGreaterThan(10);
    const after = await readXlsxSnapshot(Buffer.from(zipSync(files)), 'one-sheet.xlsx');
    // The same sheets in the same order, every value as Excel cached it (the dropped ones computed again).
    expect(after.sheets.map((s) => s.name)).toEqual(before.sheets.map((s) => s.name));
    after.sheets.forEach((s, i) => {
      expect([s.name, s.values]).toEqual([s.name, before.sheets[i].values]);
      expect([s.name, s.valueTypes]).toEqual([s.name, before.sheets[i].valueTypes]);
    });
  });

  it('a formula it cannot compute is reported as never calculated, not read as 0', async () => {
    const sample = await sampleBytes();
    const before = await readXlsxSnapshot(sample, 'sample.xlsx');
    // Budget West-Pannon's first total becomes a MAX(): a function outside the exact set.
    const wp = before.sheets.findIndex((s) => s.name === 'Budget West-Pannon');
    const { bytes } = withoutCachedValues(sample);
    const files = unzipSync(bytes);
    const part = `xl/worksheets/sheet${wp + 1}.xml`;
    const xml = strFromU8(files[part]);
    const first = /<f>SUM\(([^)]*)\)<\/f>/.exec(xml)!;
    files[part] = strToU8(xml.replace(first[0], `<f>MAX(${first[1]})</f>`));
    const snap = await readXlsxSnapshot(Buffer.from(zipSync(files)), 'max.xlsx');
    const s = snap.sheets[wp];
    const cells: string[] = [];
    s.formulas.forEach((row, r) => row.forEach((f, c) => f?.startsWith('=MAX(') && cells.push(`${s.valueTypes[r][c]} ${s.values[r][c]}`)));
    expect(cells).toEqual(['Uncalculated null']);
    const t02 = checkWorkbook(snap).findings.filter((f) => f.rule === 'T02');
    expect(t02).toHaveLength(1);
    expect(t02.every((f) => f.sheet === 'Budget West-Pannon')).toBe(true);
  });
});
