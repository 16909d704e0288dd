import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cliInProcess } from '../support/cli-in-process';
import * as engine from '../../src/engine';
import { writeSpecXlsx } from '../../src/apply/xlsx/spec-writer';
import { buildSample } from '../../src/template';

const run = cliInProcess;

describe('runCli', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clusterix-program-'));
  const book = path.join(dir, 'sample.xlsx');
  beforeAll(() => writeSpecXlsx(buildSample(), book));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  afterEach(() => jest.restoreAllMocks());

  it('returns 1 for the sample, whose two findings are errors', async () => {
    const r = await run('check', book, '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).filter((f: { severity: string }) => f.severity === 'error')).toHaveLength(2);
  });
  it('returns 2 with one line for a folder given as the workbook', async () => {
    expect(await run('check', dir)).toEqual({ code: 2, stdout: '', stderr: `clusterix: cannot read ${dir}: is a directory\n` });
  });
  it('turns an unexpected exception into one line and status 2', async () => {
    jest.spyOn(engine, 'checkWorkbook').mockImplementation(() => {
      throw new TypeError("Cannot read properties of undefined (reading 'value')\n    at parse (src/parse/index.ts:1:1)");
    });
    expect(await run('check', book)).toEqual({ code: 2, stdout: '', stderr: "clusterix: internal error: Cannot read properties of undefined (reading 'value')\n" });
  });
});
