/** New reporting workbook: the template laid out in an empty workbook through Microsoft's Excel library over the wire host, then checked as the CLI checks `clusterix template`. */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildTemplate } from '../../src/template';
import { writeSpecXlsx } from '../../src/apply/xlsx/spec-writer';
import { readXlsxSnapshot } from '../../src/snapshot/xlsx';
import { checkWorkbook } from '../../src/engine';
import { CLUSTERIX2 } from '../../src/profile/clusterix2';
import { a1 } from '../../src/util/a1';
import { createOfficeActions } from '../../src/apply/office';
import { findSheet, getCell, snapshotFromWorkbook, workbookFromSnapshot } from '../fake-excel';
import { installWireOffice } from '../office-wire/install';
import { NOW } from './helpers';

const EMPTY = { sheets: [{ name: 'Sheet1', visibility: 'Visible' as const, top: 0, left: 0, values: [], valueTypes: [], formulas: [], numberFormats: [] }] };

test("the template's sheets, cells, fills and merges in the open workbook; its findings are the CLI's on `clusterix template`", async () => {
  const fake = installWireOffice(globalThis, workbookFromSnapshot(EMPTY));
  try {
    const out = await createOfficeActions({ profile: CLUSTERIX2, now: () => NOW }).newReportingWorkbook();
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cx-template-'));
    const file = path.join(dir, 'template.xlsx');
    const spec = buildTemplate(CLUSTERIX2);
    await writeSpecXlsx(spec, file);
    const cli = checkWorkbook(await readXlsxSnapshot(file), CLUSTERIX2);
    await fs.rm(dir, { recursive: true, force: true });
    if (out.kind !== 'done') throw new Error(JSON.stringify(out));
    expect(out.findings).toEqual(cli.findings);
    expect(out.findings.length).toBeGreaterThan(0); // the blank approved budgets to fill in
    expect(out.consolidated).toBe(false);
    const wb = fake.workbook;
    expect(wb.sheets.map((s) => s.name)).toEqual(['Sheet1', ...spec.sheets.map((s) => s.name)]);
    expect(wb.activeSheetId).toBe(findSheet(wb, spec.sheets[0].name)!.id);
    for (const sheet of spec.sheets) {
      const fs2 = findSheet(wb, sheet.name)!;
      expect(fs2.merges).toEqual(sheet.merges.map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`));
      expect(fs2.frozenRows).toBe(sheet.frozenRows);
      for (const c of sheet.cells) {
        const got = getCell(fs2, c.row, c.col);
        const v = c.value;
        if (v !== null && typeof v === 'object') expect(got.formula).toBe(`=${v.formula}`);
        else if (typeof v === 'number') expect([got.value, got.type]).toEqual([v, 'Double']);
        else if (typeof v === 'string' && v !== '') expect([got.value, got.formula]).toEqual([v, null]);
        expect(got.fill !== null).toBe(!!c.fill);
      }
    }
    // Checked again from the cells as laid out: the same findings.
    const fromOffice = snapshotFromWorkbook(wb).sheets.slice(1);
    const fromCli = (checkWorkbook(fromOffice.length ? { sheets: fromOffice } : EMPTY, CLUSTERIX2)).findings;
    expect(fromCli).toEqual(cli.findings);
  } finally {
    fake.uninstall();
  }
});
