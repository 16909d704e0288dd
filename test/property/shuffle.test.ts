/**
 * Any shuffle of columns, budget-line rows, sheet order and label synonyms gives the same model (model-view) and
 * the same findings, cell for cell once moved back; over a workbook with random faults typed into its budgets.
 */
import fc from 'fast-check';
import { checkWorkbook } from '../../src/engine';
import { CLUSTERIX2 } from '../../src/profile/clusterix2';
import type { CellValue, ValueType, WorkbookSnapshot } from '../../src/snapshot/types';
import type { Finding } from '../../src/checks/types';
import { buildWorkbook } from '../support/workbook-builder';
import { modelView } from '../support/model-view';
import { normalizeLabel } from '../../src/util/labels';
import { originalCell, rangeRows, shuffleWorkbook, type Shuffled } from './shuffle';

const FAULTS: { value: CellValue; type: ValueType }[] = [
  { value: '#REF!', type: 'Error' },
  { value: '12 500,00', type: 'String' },
  { value: 'tbd', type: 'String' },
  { value: 1234.567, type: 'Double' },
  { value: -50, type: 'Double' },
  { value: 99999.99, type: 'Double' },
  { value: null, type: 'Empty' },
];

/** Types a fault into a budget amount cell (a period cell of a budget-line row) of the n-th budget sheet. */
function withFaults(base: WorkbookSnapshot, faults: [number, number, number, number][]): WorkbookSnapshot {
  const snap: WorkbookSnapshot = JSON.parse(JSON.stringify(base));
  const budgets = snap.sheets.filter((s) => s.values.some((r) => typeof r[0] === 'string' && normalizeLabel(r[0]) === normalizeLabel('Budget line')));
  for (const [si, ri, ci, fi] of faults) {
    const s = budgets[si % budgets.length];
    const head = s.values.findIndex((r) => typeof r[0] === 'string' && normalizeLabel(r[0]) === normalizeLabel('Budget line'));
    const r = head + 1 + (ri % 5); // one of the five required lines
    const c = 1 + (ci % 8); // P1…P8
    s.values[r][c] = FAULTS[fi % FAULTS.length].value;
    s.valueTypes[r][c] = FAULTS[fi % FAULTS.length].type;
  }
  return snap;
}

const seen = (f: Finding, s?: Shuffled) => ({ rule: f.rule, severity: f.severity, sheet: f.sheet, cell: s ? originalCell(s, f.sheet, f.cell) : f.cell && rangeRows(f.cell), expected: f.expected, actual: f.actual });
const order = (a: ReturnType<typeof seen>, b: ReturnType<typeof seen>) => JSON.stringify(a).localeCompare(JSON.stringify(b));

test('shuffled layouts parse to the same model and give the same findings', () => {
  const base = buildWorkbook(CLUSTERIX2);
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.nat()), { maxLength: 4 }), fc.infiniteStream(fc.integer({ min: 0, max: 999_999 })), (faults, stream) => {
      const book = withFaults(base, faults);
      const it = stream[Symbol.iterator]();
      const shuffled = shuffleWorkbook(book, () => (it.next().value as number) / 1_000_000);
      const before = checkWorkbook(book, CLUSTERIX2);
      const after = checkWorkbook(shuffled.snapshot, CLUSTERIX2);
      expect(modelView(after.model)).toEqual(modelView(before.model));
      expect(after.findings.map((f) => seen(f, shuffled)).sort(order)).toEqual(before.findings.map((f) => seen(f)).sort(order));
    }),
    { numRuns: 20 },
  );
});
