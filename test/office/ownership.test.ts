/**
 * In Excel too, our tabs are known by ownership (plan/ownership.ts), never by name alone: a user's budget sheet
 * renamed `Report Indicators` is read and checked as the user's (no false P03), and Consolidate refuses it.
 */
import { checkWorkbook } from '../../src/engine';
import { inExcel, sampleSnapshot } from './helpers';

let uninstall: (() => void) | null = null;
afterEach(() => uninstall?.());

function renamed() {
  const snap = sampleSnapshot();
  snap.sheets.find((s) => s.name === 'Budget Lund')!.name = 'Report Indicators';
  return snap;
}

test('Check reads a user sheet with a report tab name as the user\'s; Consolidate refuses it, naming it', async () => {
  const t = inExcel(renamed());
  uninstall = t.fake.uninstall;
  const checked = await t.actions.check();
  if (checked.kind !== 'done') throw new Error(JSON.stringify(checked));
  // The sample's own two errors, nothing about partner 5's budget sheet.
  expect(checked.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.sheet}!${f.cell}`)).toEqual(['P02 Project!C14', 'P01 Project!D39']);
  expect(checked.findings).toEqual(checkWorkbook(sampleSnapshot()).findings.map((f) => (f.sheet === 'Budget Lund' ? { ...f, sheet: 'Report Indicators' } : f)));
  const out = await t.actions.consolidate();
  expect(out).toEqual({ kind: 'failed', message: "The workbook has a sheet of its own named 'Report Indicators', the name of a report tab. Rename that sheet, then run Consolidate again. Nothing was changed." });
});
