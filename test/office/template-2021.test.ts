/** New reporting workbook with the 2021–2027 choice: the empty 2021–2027 project laid out through Excel's library over the wire host, checked as the CLI checks it. */
import { buildProgrammeTemplate, specToSnapshot } from '../../src/template';
import { checkWorkbook } from '../../src/engine';
import { CLUSTERIX2 } from '../../src/profile/clusterix2';
import { createOfficeActions } from '../../src/apply/office';
import { getCell, findSheet, workbookFromSnapshot } from '../fake-excel';
import { installWireOffice } from '../office-wire/install';
import { NOW } from './helpers';

const EMPTY = { sheets: [{ name: 'Sheet1', visibility: 'Visible' as const, top: 0, left: 0, values: [], valueTypes: [], formulas: [], numberFormats: [] }] };

test('the 2021–2027 choice lays out the empty 2021–2027 project, its Rules table and Infrastructure and works lines', async () => {
  const fake = installWireOffice(globalThis, workbookFromSnapshot(EMPTY));
  try {
    const out = await createOfficeActions({ profile: CLUSTERIX2, now: () => NOW }).newReportingWorkbook(undefined, '2021-2027');
    if (out.kind !== 'done') throw new Error(JSON.stringify(out));
    const wb = fake.workbook;
    expect(wb.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Project', 'Budget PP1', 'Budget PP2', 'Indicators']);
    const project = findSheet(wb, 'Project')!;
    expect(getCell(project, 4, 1).value).toBe('Interreg Europe 2021-2027');
    expect(getCell(findSheet(wb, 'Budget PP1')!, 11, 0).value).toBe('Infrastructure and works');
    // The public ERDF rate in the Rules table: 80%.
    expect([getCell(project, 48, 1).value, getCell(project, 48, 2).value]).toEqual(['ERDF rate public', 0.8]);
    expect(out.findings).toEqual(checkWorkbook(specToSnapshot(buildProgrammeTemplate('2021-2027'))).findings);
    expect(out.findings.filter((f) => f.rule === 'P05' || f.rule === 'P01').map((f) => f.message)).toEqual([
      'Country of partner 1 is blank',
      'Legal status of partner 1 is blank',
      'Country of partner 2 is blank',
      'Legal status of partner 2 is blank',
    ]);
  } finally {
    fake.uninstall();
  }
});
