/**
 * Every corpus workbook through `clusterix check` (the command's own function, in process): exactly the findings
 * the case lists (rule, sheet, cell), or a UserError (exit 2) with its one-line reason.
 */
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { runCheck } from '../../src/cli/commands/check';
import { runConsolidate } from '../../src/cli/commands/consolidate';
import { readXlsxSnapshot } from '../../src/snapshot/xlsx';
import { REPORT_TAB_NAMES, STATE_SHEET } from '../../src/plan/types';
import { UserError } from '../../src/util/errors';
import { CASES, SAMPLE_ERRORS, type Seen } from './cases';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'clx-corpus-'));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

const key = (s: Seen) => `${s.rule} ${s.sheet}!${s.cell}`;

describe.each(CASES.map((c, i) => [c.name, c, i] as const))('corpus: %s', (_name, c, i) => {
  it(c.reason ? 'exits 2 with its one-line reason' : 'gives exactly its findings, each naming sheet and cell', async () => {
    const file = join(dir, `case-${i}.xlsx`);
    await fs.writeFile(file, await c.make());
    if (c.reason) {
      const err = await runCheck(file, { json: true }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(UserError);
      expect((err as Error).message).toBe(c.reason(file));
      expect((err as Error).message).not.toContain('\n');
      // Consolidate refuses the same way, and writes nothing.
      const out = join(dir, `case-${i}.out.xlsx`);
      await expect(runConsolidate(file, { out, now: new Date() })).rejects.toThrow(UserError);
      await expect(fs.stat(out)).rejects.toThrow();
      return;
    }
    const run = await runCheck(file, { json: true });
    const got = run.findings.filter((f) => f.severity !== 'info').map((f) => key({ rule: f.rule, sheet: f.sheet, cell: f.cell }));
    const want = [...(c.withoutSampleErrors ? [] : SAMPLE_ERRORS), ...(c.extra ?? [])].map(key);
    expect(got.sort()).toEqual(want.sort());
    // --json output is the same findings, as JSON and nothing else.
    expect(JSON.parse(run.output)).toEqual(run.findings);
    expect(run.exitCode).toBe(run.findings.some((f) => f.severity === 'error') ? 1 : 0);
    // Consolidate gives the same findings, writes OUT, and OUT reads back with the user's sheets first.
    const out = join(dir, `case-${i}.out.xlsx`);
    const cons = await runConsolidate(file, { out, now: new Date('2024-05-02T10:00:00Z') });
    expect(cons.findings).toEqual(run.findings);
    const names = (await readXlsxSnapshot(out)).sheets.map((s) => s.name);
    expect(names.slice(0, names.length - REPORT_TAB_NAMES.length - 1)).toEqual((await readXlsxSnapshot(file)).sheets.map((s) => s.name));
    expect(names.slice(-REPORT_TAB_NAMES.length - 1)).toEqual([...REPORT_TAB_NAMES, STATE_SHEET]);
    // Every sheet a report formula points at exists under that exact name (quotes, apostrophes, any letters).
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const refs = new Set<string>();
    for (const tab of REPORT_TAB_NAMES)
      wb.getWorksheet(tab)!.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type !== ExcelJS.ValueType.Formula) return;
          for (const m of cell.formula.matchAll(/'((?:[^']|'')+)'!|(?<![\w.'])([A-Za-z_][\w.]*)!/g)) refs.add(m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]);
        }),
      );
    expect(refs.size).toBeGreaterThan(0);
    expect([...refs].filter((r) => !names.includes(r))).toEqual([]);
    const odd = names.filter((n) => /[\s"'\u0400-\u04ff\u3000-\u9fff]/.test(n) && !(REPORT_TAB_NAMES as readonly string[]).includes(n));
    if (c.name.startsWith('sheet names')) expect(odd.filter((n) => !refs.has(n))).toEqual([]); // each odd name is pointed at by a live formula
  });
});
