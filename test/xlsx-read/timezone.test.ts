import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';

const root = path.join(__dirname, '..', '..');

// The reader and the writer run in a child process with the given TZ: no time zone may shift a calendar day.
const child = `
const runTs = require(${JSON.stringify(path.join(root, 'scripts', 'run-ts.js'))});
const { readXlsxSnapshot } = runTs.run('src/snapshot/xlsx.ts', 'lib/src/snapshot/xlsx.js');
const { writeSpecXlsx } = runTs.run('src/apply/xlsx/spec-writer.ts', 'lib/src/apply/xlsx/spec-writer.js');
const { buildSample } = runTs.run('src/template/index.ts', 'lib/src/template/index.js');
(async () => {
  const [book, out] = process.argv.slice(1);
  const given = (await readXlsxSnapshot(book)).sheets[0].values.map((r) => r[0]);
  await writeSpecXlsx(buildSample(), out);
  const project = (await readXlsxSnapshot(out)).sheets[0];
  const start = project.values.find((r) => r[0] === 'Project start');
  process.stdout.write(JSON.stringify({ given, start: start && start[1], offset: new Date(2016, 3, 1).getTimezoneOffset() }));
})();
`;

describe('dates under any time zone', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clusterix-tz-'));
  const book = path.join(dir, 'dates.xlsx');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Dates');
    ws.getCell('A1').value = new Date(Date.UTC(2016, 3, 1));
    ws.getCell('A1').numFmt = 'yyyy-mm-dd';
    ws.getCell('A2').value = 44286; // 2021-03-31
    ws.getCell('A2').numFmt = 'yyyy-mm-dd';
    ws.getCell('A3').value = { formula: 'A2+1', result: new Date(Date.UTC(2021, 3, 1)) } as ExcelJS.CellFormulaValue;
    ws.getCell('A3').numFmt = 'yyyy-mm-dd';
    await wb.xlsx.writeFile(book);
  });

  it.each([['Pacific/Kiritimati', -840], ['America/Los_Angeles', 420]])('reads and writes the same calendar days under TZ=%s', (tz, offset) => {
    const out = path.join(dir, `sample-${offset}.xlsx`);
    const r = spawnSync(process.execPath, ['-e', child, book, out], { env: { ...process.env, TZ: tz }, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const got = JSON.parse(r.stdout);
    expect(got.offset).toBe(offset); // the child really ran in that zone
    expect(got.given).toEqual([42461, 44286, 44287]);
    expect(got.start).toBe(42461); // 2016-04-01
  });
});
