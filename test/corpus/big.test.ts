/**
 * Size: a 50,000-row indicator sheet (the sample's 77 rows, then 49,923 rows of partners the Project sheet does
 * not list) through the xlsx reader and check in bounded time: one I01 per unknown row, at its cell.
 */
import { promises as fs } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { runCheck } from '../../src/cli/commands/check';
import { sampleWith, sheet } from './books';

const ROWS = 50_000;

test('a 50,000-row indicator sheet: exactly one I01 per unlisted partner row, in seconds', async () => {
  const dir = await fs.mkdtemp(join(tmpdir(), 'clx-big-'));
  try {
    const file = join(dir, 'big.xlsx');
    await fs.writeFile(
      file,
      await sampleWith((wb) => {
        const ws = sheet(wb, 'Indicators');
        // Header on row 3, the sample's rows on 4-80; the rest continue the table with no blank row.
        for (let r = 81; r < 4 + ROWS; r++) ws.getRow(r).values = [1000 + r, 'PLE', 0, 0, 0, 0, 0, 0, 0, 1, 1];
      }),
    );
    const started = Date.now();
    const run = await runCheck(file, { json: true });
    const seconds = (Date.now() - started) / 1000;
    const i01 = run.findings.filter((f) => f.rule === 'I01');
    expect(i01).toHaveLength(ROWS - 77);
    expect(i01[0]).toMatchObject({ sheet: 'Indicators', cell: 'A81', message: 'Partner 1081 is not a partner listed on the Project sheet' });
    expect(i01[i01.length - 1]).toMatchObject({ sheet: 'Indicators', cell: `A${3 + ROWS}` });
    expect(run.findings.filter((f) => f.severity !== 'info' && f.rule !== 'I01').map((f) => `${f.rule} ${f.cell}`)).toEqual(['P02 C14', 'P01 D39']);
    console.log(`50,000-row indicator sheet: read and checked in ${seconds.toFixed(1)} s`);
    expect(seconds).toBeLessThan(60);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}, 180000);
