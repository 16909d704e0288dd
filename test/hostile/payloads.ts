/** Text a workbook may hold that Excel would run as a formula if it were entered as typed. */
import type { WorkbookSnapshot } from '../../src/snapshot/types';

export const HOSTILE = {
  hyperlink: '=HYPERLINK("http://example.invalid","x")',
  plus: '+1+1',
  at: '@SUM(1)',
  minus: '-2+3',
  dde: '=cmd|" /C calc"!A0',
} as const;

export const LONG_NAME = `Ostrava ${'very long name '.repeat(400)}`.trim(); // 6,000+ characters

/** Where each payload goes in the sample (Project sheet, 0-based row/col): partner names and target names. */
export const PLACES: { row: number; col: number; text: string }[] = [
  { row: 29, col: 2, text: HOSTILE.hyperlink }, // C30: partner 2's name
  { row: 30, col: 2, text: HOSTILE.plus }, // C31: partner 3
  { row: 31, col: 2, text: HOSTILE.at }, // C32: partner 4
  { row: 32, col: 2, text: HOSTILE.minus }, // C33: partner 5
  { row: 33, col: 2, text: LONG_NAME }, // C34: partner 6
  { row: 38, col: 2, text: HOSTILE.hyperlink }, // C39: partner 11, whose P01 finding quotes its name in the mark's note
  { row: 42, col: 1, text: HOSTILE.dde }, // B43: the PLE target's name
  { row: 43, col: 1, text: HOSTILE.plus }, // B44: the GP target's name
];

/** The snapshot with the payloads typed in as text (as a person can, with a leading apostrophe in Excel). */
export function withPayloads(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  const copy: WorkbookSnapshot = JSON.parse(JSON.stringify(snapshot));
  const p = copy.sheets.find((s) => s.name === 'Project')!;
  for (const { row, col, text } of PLACES) {
    p.values[row - p.top][col - p.left] = text;
    p.valueTypes[row - p.top][col - p.left] = 'String';
    p.formulas[row - p.top][col - p.left] = null;
  }
  return copy;
}

/** True when a formula's text carries one of the payloads (not merely a reference to the cell holding it). */
export function carriesPayload(formula: string): boolean {
  return /example\.invalid|HYPERLINK|cmd\||SUM\(1\)|^=?\+?1\+1$|^=?-?2\+3$/i.test(formula);
}
