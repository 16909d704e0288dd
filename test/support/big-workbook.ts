/**
 * Reporting workbooks of any size for the benchmark and for tests that need many partners: a profile derived from
 * ClusteriX 2.0 with N partners (its first 11, then invented ones), 8 periods, 7 indicators per partner, and figures
 * that add up exactly, so the engine finds no error and no warning (only the progress infos).
 */
import type { Profile, ProfilePartner } from '../../src/profile/types';
import { CLUSTERIX2 } from '../../src/profile/clusterix2';
import { buildSampleFigures } from '../../src/profile/sample-figures';
import { buildSample, specToSnapshot, type WorkbookSpec } from '../../src/template';
import { FORMAT } from '../../src/template/spec';
import type { SheetSnapshot, WorkbookSnapshot } from '../../src/snapshot/types';
import type { LegalStatus } from '../../src/model/types';
import { cents, euros, sumCents, type Cents } from '../../src/util/money';
import type { CalendarDate } from '../../src/util/dates';

/** Programme countries with a NUTS code that agrees with each (P01); Norway is left to the 'norwegian' status. */
const COUNTRIES = ['AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'EL', 'ES', 'FI', 'FR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK', 'UK', 'CH'];

/** The invented partner `no` (12 and up): a country by turns, every 9th private non-profit, every 13th Norwegian. */
function inventedPartner(no: number, rules: Profile['rules']): ProfilePartner {
  const norwegian = no % 13 === 0;
  const status: LegalStatus = norwegian ? 'norwegian' : no % 9 === 0 ? 'private non-profit' : 'public';
  const country = norwegian ? 'NO' : COUNTRIES[no % COUNTRIES.length];
  return {
    no,
    role: 'PP',
    name: `Regional development agency ${no}`,
    shortName: `PP${no}`,
    country,
    nuts: `${country}${(no % 9) + 1}`,
    legalStatus: status,
    erdfRateBp: rules.erdfRateBpByStatus[status],
    approvedBudget: null,
  };
}

/** A deterministic approved budget for an invented partner: EUR 120,000 to 199,999.37, with cents. */
function inventedBudget(no: number): Cents {
  return cents(12_000_000 + ((no * 7_919_137) % 8_000_000));
}

/** The ClusteriX 2.0 profile grown (or shrunk) to `partnerCount` partners, with every fact consistent. */
export function bigProfile(partnerCount: number): Profile {
  if (!Number.isInteger(partnerCount) || partnerCount < 1) throw new Error(`partnerCount must be a whole number ≥ 1: ${partnerCount}`);
  const base = CLUSTERIX2;
  // ClusteriX's own partners first; Region Skåne's country set to SE so P01 has nothing to say.
  const own = base.partners.slice(0, partnerCount).map((p) => (p.no === 11 ? { ...p, country: 'SE' } : { ...p }));
  const extra = Array.from({ length: Math.max(0, partnerCount - own.length) }, (_, i) => inventedPartner(own.length + 1 + i, base.rules));
  const partners = [...own, ...extra];
  const approvedBudgets: Record<number, Cents> = {};
  for (const p of partners) approvedBudgets[p.no] = base.sample.approvedBudgets[p.no] ?? inventedBudget(p.no);
  for (const p of partners) p.approvedBudget = approvedBudgets[p.no];
  // Equipment shared so that the partnership stays within the programme's EUR 7,000 (B08).
  const equipmentPerPartner = cents(Math.floor((base.rules.equipmentMax ?? euros(7000)) / partners.length));
  const figures = buildSampleFigures({ partners, approvedBudgets, periods: base.periods, reportDate: base.sample.reportDate, preparation: euros(15000), equipmentPerPartner });
  const achievements: Record<number, Record<string, number[]>> = {};
  const pattern = base.sample.achievements[1];
  for (const p of partners) achievements[p.no] = Object.fromEntries(Object.entries(pattern).map(([code, vals]) => [code, [...vals]]));
  return {
    ...base,
    id: `clusterix2-${partnerCount}`,
    totalBudget: sumCents(partners.map((p) => approvedBudgets[p.no])),
    // Phase 2's end as 24 months from 2019-04-01 give it (the description's 2021-04-01 would be a P02 error).
    phases: base.phases.map((ph) => (ph.name === '2' ? { ...ph, end: '2021-03-31' as CalendarDate } : { ...ph })),
    partners,
    sample: { ...base.sample, approvedBudgets, ...figures, achievements, inventedNote: `Benchmark workbook: ${partnerCount} partners, invented figures that add up.` },
  };
}

/** The reporting workbook of `partnerCount` partners as a spec (write it with writeSpecXlsx). */
export function bigWorkbookSpec(partnerCount: number): WorkbookSpec {
  return buildSample(bigProfile(partnerCount));
}

export interface BigWorkbookOptions {
  /** Every planned and reported amount typed as text ('12500.00'), as a partner pasting from elsewhere does:
   * read all the same, but each one a B06 warning, so a finding and a mark per amount cell. */
  amountsAsText?: boolean;
}

/** The same workbook as the snapshot a reader would give, for engine runs without files. */
export function bigWorkbookSnapshot(partnerCount: number, opts: BigWorkbookOptions = {}): WorkbookSnapshot {
  const snapshot = specToSnapshot(bigWorkbookSpec(partnerCount));
  if (opts.amountsAsText) for (const sheet of snapshot.sheets) if (sheet.name.startsWith('Budget ')) amountsToText(sheet);
  return snapshot;
}

/** The typed amounts of a budget sheet (numbers in an amount format, not formulas) as text with two decimals. */
function amountsToText(sheet: SheetSnapshot): void {
  sheet.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (typeof v !== 'number' || sheet.formulas[r][c] !== null || sheet.numberFormats[r][c] !== FORMAT.amount) return;
      row[c] = v.toFixed(2);
      sheet.valueTypes[r][c] = 'String';
    }),
  );
}

/** Cells the engine reads: every cell of every sheet's used range, as the snapshot holds them. */
export function cellsRead(snapshot: WorkbookSnapshot): number {
  let n = 0;
  for (const s of snapshot.sheets) for (const row of s.values) n += row.length;
  return n;
}
