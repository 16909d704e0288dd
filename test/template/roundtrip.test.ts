import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { buildSample, buildTemplate, specToSnapshot } from '../../src/template';
import { writeSpecXlsx } from '../../src/apply/xlsx/spec-writer';
import { readXlsxSnapshot } from '../../src/snapshot/xlsx';
import { UserError } from '../../src/util/errors';

describe('the template and sample written to xlsx and read back', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clusterix-template-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each([['sample', buildSample], ['template', buildTemplate]])('%s: the read snapshot equals specToSnapshot', async (name, build) => {
    const file = path.join(dir, `${name}.xlsx`);
    await writeSpecXlsx(build(), file);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const read = await readXlsxSnapshot(file);
    const expected = specToSnapshot(build());
    expect(read.sheets.map((s) => s.name)).toEqual(expected.sheets.map((s) => s.name));
    read.sheets.forEach((s, i) => {
      const e = expected.sheets[i];
      expect({ name: s.name, top: s.top, left: s.left, values: s.values, valueTypes: s.valueTypes, formulas: s.formulas }).toEqual({
        name: e.name, top: e.top, left: e.left, values: e.values, valueTypes: e.valueTypes, formulas: e.formulas,
      });
      // Every cell that holds something keeps its number format.
      s.values.forEach((row, r) => row.forEach((val, c) => val !== null && expect(`${s.name}!${r},${c}:${s.numberFormats[r][c]}`).toBe(`${s.name}!${r},${c}:${e.numberFormats[r][c]}`)));
    });
  });

  it('lays out merges, frozen rows and styles', async () => {
    const file = path.join(dir, 'look.xlsx');
    await writeSpecXlsx(buildSample(), file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const project = wb.getWorksheet('Project')!;
    expect(project.getCell('A1').isMerged).toBe(true);
    expect(project.getCell('A1').font?.bold).toBe(true);
    expect(project.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(project.getColumn(3).width).toBe(60);
    expect(project.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1 });
  });

  it('writes nothing, and leaves no temporary file, when the folder does not exist', async () => {
    const target = path.join(dir, 'missing', 'sample.xlsx');
    await expect(writeSpecXlsx(buildSample(), target)).rejects.toThrow(new UserError(`cannot write ${target}: its folder does not exist`));
    expect(fs.existsSync(path.join(dir, 'missing'))).toBe(false);
  });

  it('replaces an existing file whole', async () => {
    const target = path.join(dir, 'replace.xlsx');
    fs.writeFileSync(target, 'old');
    await writeSpecXlsx(buildTemplate(), target);
    expect((await readXlsxSnapshot(target)).sheets[0].name).toBe('Project');
    expect(fs.readdirSync(dir).filter((f) => f.includes('replace.xlsx') && f !== 'replace.xlsx')).toEqual([]);
  });
});
