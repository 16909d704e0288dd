/**
 * Every corpus workbook through `clusterix check` (the command's own function, in process): exactly the findings
 * the case lists (rule, sheet, cell), or a UserError (exit 2) with its one-line reason.
 */
import { promises as fs } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { runCheck } from '../../src/cli/commands/check';
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
      return;
    }
    const run = await runCheck(file, { json: true });
    const got = run.findings.filter((f) => f.severity !== 'info').map((f) => key({ rule: f.rule, sheet: f.sheet, cell: f.cell }));
    const want = [...(c.withoutSampleErrors ? [] : SAMPLE_ERRORS), ...(c.extra ?? [])].map(key);
    expect(got.sort()).toEqual(want.sort());
    // --json output is the same findings, as JSON and nothing else.
    expect(JSON.parse(run.output)).toEqual(run.findings);
    expect(run.exitCode).toBe(run.findings.some((f) => f.severity === 'error') ? 1 : 0);
  });
});
