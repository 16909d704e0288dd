/**
 * The sample and the template as another spreadsheet writes them back: LibreOffice recalculates every formula
 * (so each cached Total must be what it computes) and saves; the reader gives back the very same snapshot.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildSample, buildTemplate, specToSnapshot } from '../../src/template';
import { writeSpecXlsx } from '../../src/apply/xlsx/spec-writer';
import { readXlsxSnapshot } from '../../src/snapshot/xlsx';
import type { WorkbookSnapshot } from '../../src/snapshot/types';
import { recalculate } from '../support/libreoffice';

/** Every cell where the two snapshots differ (numbers within 1e-6: a float sum of cents), as 'Sheet!r,c what'. */
function differences(got: WorkbookSnapshot, want: WorkbookSnapshot): string[] {
  const out: string[] = [];
  want.sheets.forEach((w, i) => {
    const g = got.sheets[i];
    if (!g || g.name !== w.name || g.top !== w.top || g.left !== w.left) return void out.push(`sheet ${i}: ${g?.name} at ${g?.top},${g?.left}`);
    w.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const gv = g.values[r]?.[c] ?? null;
        const same = typeof v === 'number' && typeof gv === 'number' ? Math.abs(v - gv) < 1e-6 : v === gv;
        if (!same) out.push(`${w.name}!${r},${c} value ${JSON.stringify(gv)} for ${JSON.stringify(v)}`);
        if (g.valueTypes[r]?.[c] !== w.valueTypes[r][c]) out.push(`${w.name}!${r},${c} type ${g.valueTypes[r]?.[c]} for ${w.valueTypes[r][c]}`);
        if ((g.formulas[r]?.[c] ?? null) !== w.formulas[r][c]) out.push(`${w.name}!${r},${c} formula ${g.formulas[r]?.[c]} for ${w.formulas[r][c]}`);
      }),
    );
  });
  return out;
}

describe('the template and the sample after LibreOffice recalculates and saves them', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clusterix-lo-template-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('read back to the same values, types and formulas: every cached Total is what the formula computes', async () => {
    const sample = path.join(dir, 'sample.xlsx');
    const template = path.join(dir, 'template.xlsx');
    await writeSpecXlsx(buildSample(), sample);
    await writeSpecXlsx(buildTemplate(), template);
    const [sampleLo, templateLo] = await recalculate([sample, template]);
    expect(differences(await readXlsxSnapshot(sampleLo), specToSnapshot(buildSample()))).toEqual([]);
    expect(differences(await readXlsxSnapshot(templateLo), specToSnapshot(buildTemplate()))).toEqual([]);
  });
});
