/**
 * Whole-path test support: the ClusteriX 2.0 sample as a snapshot (src/template), one cell changed in its
 * grid, then parse and runChecks, exactly as the engine does.
 */
import type { CellValue, SheetSnapshot, ValueType, WorkbookSnapshot } from '../../../src/snapshot/types';
import { cellAt } from '../../../src/snapshot/cells';
import { buildSample, specToSnapshot } from '../../../src/template';
import { parse } from '../../../src/parse';
import { runChecks } from '../../../src/checks';
import type { Finding } from '../../../src/checks/types';
import { CLUSTERIX2 } from '../../../src/profile/clusterix2';
import { parseA1 } from '../../../src/util/a1';
import { toSerial, type CalendarDate } from '../../../src/util/dates';

export function sampleSnapshot(): WorkbookSnapshot {
  return specToSnapshot(buildSample(CLUSTERIX2));
}

function sheetOf(book: WorkbookSnapshot, name: string): SheetSnapshot {
  const s = book.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

/** The cell's value as the snapshot holds it (a date is its Excel serial). */
export function valueAt(book: WorkbookSnapshot, sheet: string, addr: string): CellValue {
  const { row, col } = parseA1(addr);
  return cellAt(sheetOf(book, sheet), row, col).value;
}

export function numberAt(book: WorkbookSnapshot, sheet: string, addr: string): number {
  const v = valueAt(book, sheet, addr);
  if (typeof v !== 'number') throw new Error(`${sheet}!${addr} holds ${String(v)}, not a number`);
  return v;
}

/** Sets one cell as a person would type it: a number, text, an error value, or a formula never calculated. */
export function setCell(book: WorkbookSnapshot, sheet: string, addr: string, value: CellValue | { uncalculated: string }): void {
  const s = sheetOf(book, sheet);
  const { row, col } = parseA1(addr);
  const r = row - s.top;
  const c = col - s.left;
  if (r < 0 || c < 0) throw new Error(`${sheet}!${addr} is left of or above the used range`);
  while (s.values.length <= r) {
    s.values.push([]);
    s.valueTypes.push([]);
    s.formulas.push([]);
    s.numberFormats.push([]);
  }
  const pad = <T>(a: T[], fill: T) => {
    while (a.length <= c) a.push(fill);
  };
  pad(s.values[r], null);
  pad(s.valueTypes[r], 'Empty' as ValueType);
  pad(s.formulas[r], null);
  pad(s.numberFormats[r], 'General');
  if (value !== null && typeof value === 'object') {
    s.values[r][c] = null;
    s.valueTypes[r][c] = 'Uncalculated';
    s.formulas[r][c] = value.uncalculated;
    return;
  }
  s.values[r][c] = value;
  s.formulas[r][c] = null;
  s.valueTypes[r][c] =
    value === null ? 'Empty' : typeof value === 'number' ? 'Double' : typeof value === 'boolean' ? 'Boolean' : /^#(REF!|DIV\/0!|VALUE!|N\/A|NAME\?|NUM!|NULL!)$/.test(value) ? 'Error' : 'String';
}

export function setDate(book: WorkbookSnapshot, sheet: string, addr: string, date: string): void {
  setCell(book, sheet, addr, toSerial(date as CalendarDate));
}

/** Adds euros to an amount cell, exactly to the cent. */
export function addEuros(book: WorkbookSnapshot, sheet: string, addr: string, euros: number): void {
  setCell(book, sheet, addr, Math.round((numberAt(book, sheet, addr) + euros) * 100) / 100);
}

/** The sample with its two known errors fixed: Phase 2 ends 2021-03-31, Region Skåne is in SE. */
export function correctSnapshot(): WorkbookSnapshot {
  const book = sampleSnapshot();
  setDate(book, 'Project', PHASE2_END, '2021-03-31');
  setCell(book, 'Project', SKANE_COUNTRY, 'SE');
  return book;
}

export const PHASE2_END = 'C14';
export const SKANE_COUNTRY = 'D39';

export function check(book: WorkbookSnapshot): Finding[] {
  return runChecks({ model: parse(book), profile: CLUSTERIX2 });
}

export function key(f: Finding): string {
  return `${f.rule} ${f.severity} ${f.sheet ?? '-'}!${f.cell ?? '-'}`;
}

/** What a change did to the findings: keys added and removed (as multisets), each list sorted. */
export function diff(before: Finding[], after: Finding[]): { added: string[]; removed: string[] } {
  const left = before.map(key);
  const added: string[] = [];
  for (const k of after.map(key)) {
    const i = left.indexOf(k);
    if (i >= 0) left.splice(i, 1);
    else added.push(k);
  }
  return { added: added.sort(), removed: left.sort() };
}
