/**
 * Small models for unit tests of the checks, built from a plain spec a test can change first:
 * two partners, two phases, four half-year periods, consistent in every figure (no finding but I02 infos).
 */
import type { Amount, BudgetLineKey, BudgetRow, BudgetSheet, BudgetTable, CellRef, IndicatorRow, Located, Model, Partner, PeriodColumn } from '../../../src/model/types';
import type { CalendarDate } from '../../../src/util/dates';
import type { Cents } from '../../../src/util/money';
import { a1 } from '../../../src/util/a1';
import { normalizeLabel } from '../../../src/util/labels';
import { resolveNames } from '../../../src/model/names';

export type Lines = [label: string, euros: number[]][];

export interface SmallSpec {
  acronym: string;
  totalBudget: number | null;
  start: string | null;
  end: string | null;
  reportDate: string | null;
  phases: { label: string; start: string; end: string; months: number }[];
  periods: { number: number; phase: string; start: string; end: string; months: number }[];
  partners: { no: number; role: string; name: string; country: string | null; nuts: string | null; status: string | null; rateBp: number | null; budget: number | null }[];
  targets: { code: string; name: string; target: number; minimum: boolean }[];
  budgets: { sheet: string; partnerNo: number | null; partnerName: string | null; plan: Lines; reported: Lines | null; erdf: number | null; contribution: number | null }[];
  indicators: { partner: string; indicator: string; values: (number | null)[] }[];
}

export function smallSpec(): SmallSpec {
  return {
    acronym: 'Demo',
    totalBudget: 30000,
    start: '2020-01-01',
    end: '2021-12-31',
    reportDate: '2021-06-30',
    phases: [
      { label: '1', start: '2020-01-01', end: '2020-12-31', months: 12 },
      { label: '2', start: '2021-01-01', end: '2021-12-31', months: 12 },
    ],
    periods: [
      { number: 1, phase: '1', start: '2020-01-01', end: '2020-06-30', months: 6 },
      { number: 2, phase: '1', start: '2020-07-01', end: '2020-12-31', months: 6 },
      { number: 3, phase: '2', start: '2021-01-01', end: '2021-06-30', months: 6 },
      { number: 4, phase: '2', start: '2021-07-01', end: '2021-12-31', months: 6 },
    ],
    partners: [
      { no: 1, role: 'LP', name: 'Alpha Agency', country: 'AT', nuts: 'AT12', status: 'public', rateBp: 8500, budget: 20000 },
      { no: 2, role: 'PP', name: 'Beta University', country: 'SE', nuts: 'SE224', status: 'private non-profit', rateBp: 7500, budget: 10000 },
    ],
    targets: [
      { code: 'PLE', name: 'Policy learning events', target: 4, minimum: false },
      { code: 'AP', name: 'Action plans', target: 2, minimum: false },
      { code: 'PI-SF', name: 'Policy instruments (Structural Funds)', target: 1, minimum: false },
      { code: 'PI-REG', name: 'Policy instruments (regional)', target: 1, minimum: false },
    ],
    budgets: [
      {
        sheet: 'Budget Alpha',
        partnerNo: 1,
        partnerName: 'Alpha Agency',
        plan: [
          ['Staff costs', [2000, 2000, 1500, 1500]],
          ['Office and administration', [300, 300, 225, 225]],
          ['Travel and accommodation', [500, 500, 300, 300]],
          ['External expertise and services', [1500, 1500, 1000, 1000]],
          ['Equipment', [1000, 0, 0, 0]],
          ['Preparation costs', [4350, 0, 0, 0]],
        ],
        reported: [
          ['Staff costs', [1900, 1900, 1400, 0]],
          ['Office and administration', [285, 285, 210, 0]],
          ['Travel and accommodation', [400, 400, 300, 0]],
          ['External expertise and services', [1500, 1500, 900, 0]],
          ['Equipment', [1000, 0, 0, 0]],
          ['Preparation costs', [4350, 0, 0, 0]],
        ],
        erdf: 17000,
        contribution: 3000,
      },
      {
        sheet: 'Budget Beta',
        partnerNo: 2,
        partnerName: 'Beta University',
        plan: [
          ['Staff costs', [1000, 1000, 1000, 1000]],
          ['Office and administration', [150, 150, 150, 150]],
          ['Travel and accommodation', [400, 400, 300, 300]],
          ['External expertise and services', [800, 800, 700, 700]],
          ['Equipment', [1000, 0, 0, 0]],
        ],
        reported: [
          ['Staff costs', [1000, 1000, 500, 0]],
          ['Office and administration', [150, 150, 75, 0]],
          ['Travel and accommodation', [300, 300, 200, 0]],
          ['External expertise and services', [800, 800, 300, 0]],
          ['Equipment', [1000, 0, 0, 0]],
        ],
        erdf: 7500,
        contribution: 2500,
      },
    ],
    indicators: [
      { partner: '1', indicator: 'PLE', values: [1, 0, 1, 0] },
      { partner: '2', indicator: 'PLE', values: [0, 1, 0, 0] },
      { partner: '1', indicator: 'AP', values: [0, 0, 0, 0] },
    ],
  };
}

export function at(sheet: string, row: number, col: number): CellRef {
  return { sheet, cell: a1(row, col), row, col };
}

function loc<T>(value: T | null, ref: CellRef): Located<T> {
  return { value, at: ref };
}

const cents = (e: number) => Math.round(e * 100) as Cents;

export function amount(euros: number | null, ref: CellRef): Amount {
  if (euros === null) return { cents: 0 as Cents, source: 'empty', twoDecimals: true, formula: null, raw: '', at: ref };
  return { cents: cents(euros), source: 'number', twoDecimals: true, formula: null, raw: String(euros), at: ref };
}

const LINE_KEYS: Record<string, BudgetLineKey> = {
  staffcosts: 'staff',
  officeandadministration: 'office',
  travelandaccommodation: 'travel',
  externalexpertiseandservices: 'external',
  equipment: 'equipment',
  preparationcosts: 'preparation',
};

/** A budget table with its header at `top`, a Total column and a Total row whose cells add up. */
function budgetTable(sheet: string, kind: BudgetTable['kind'], top: number, lines: Lines, periods: number): BudgetTable {
  const cols: PeriodColumn[] = Array.from({ length: periods }, (_, i) => ({ number: i + 1, col: i + 1, header: at(sheet, top, i + 1) }));
  const totalCol = periods + 1;
  const rows: BudgetRow[] = lines.map(([label, euros], i) => {
    const r = top + 1 + i;
    return {
      line: LINE_KEYS[normalizeLabel(label)] ?? null,
      isTotal: false,
      label: loc(label, at(sheet, r, 0)),
      amounts: euros.map((e, p) => amount(e, at(sheet, r, p + 1))),
      total: amount(euros.reduce((a, b) => a + b, 0), at(sheet, r, totalCol)),
      row: r,
    };
  });
  const tr = top + 1 + lines.length;
  const colSum = (p: number) => lines.reduce((a, [, e]) => a + cents(e[p] ?? 0), 0) / 100;
  const grand = lines.reduce((a, [, e]) => a + e.reduce((x, y) => x + cents(y), 0), 0) / 100;
  rows.push({
    line: null,
    isTotal: true,
    label: loc('Total', at(sheet, tr, 0)),
    amounts: Array.from({ length: periods }, (_, p) => amount(colSum(p), at(sheet, tr, p + 1))),
    total: amount(grand, at(sheet, tr, totalCol)),
    row: tr,
  });
  return { kind, header: at(sheet, top, 0), periods: cols, totalCol, rows };
}

function budgetSheet(b: SmallSpec['budgets'][number], periods: number): BudgetSheet {
  const planTop = 3;
  const reportedTop = planTop + b.plan.length + 3;
  const fieldsTop = reportedTop + (b.reported?.length ?? 0) + 3;
  return {
    sheet: b.sheet,
    partnerNo: b.partnerNo === null ? null : loc(b.partnerNo, at(b.sheet, 0, 1)),
    partnerName: b.partnerName === null ? null : loc(b.partnerName, at(b.sheet, 1, 1)),
    plan: budgetTable(b.sheet, 'plan', planTop, b.plan, periods),
    reported: b.reported ? budgetTable(b.sheet, 'reported', reportedTop, b.reported, periods) : null,
    erdf: b.erdf === null ? null : amount(b.erdf, at(b.sheet, fieldsTop, 1)),
    contribution: b.contribution === null ? null : amount(b.contribution, at(b.sheet, fieldsTop + 1, 1)),
  };
}

/** Project sheet layout: fields in B1:B6, headers of Phases in row 8, Periods 12, Partners 18, Targets 22 (1-based). */
export function buildModel(spec: SmallSpec = smallSpec()): Model {
  const P = 'Project';
  const d = (s: string | null) => s as CalendarDate | null;
  const phasesTop = 7;
  const periodsTop = phasesTop + spec.phases.length + 2;
  const partnersTop = periodsTop + spec.periods.length + 2;
  const targetsTop = partnersTop + spec.partners.length + 2;
  const partners: Partner[] = spec.partners.map((p, i) => {
    const r = partnersTop + 1 + i;
    return {
      no: loc(p.no, at(P, r, 0)),
      role: loc(p.role, at(P, r, 1)),
      name: loc(p.name, at(P, r, 2)),
      country: loc(p.country, at(P, r, 3)),
      nuts: loc(p.nuts, at(P, r, 4)),
      legalStatus: loc(p.status, at(P, r, 5)),
      erdfRateBp: loc(p.rateBp, at(P, r, 6)),
      approvedBudget: amount(p.budget, at(P, r, 7)),
      at: at(P, r, 0),
    };
  });
  const indicators: IndicatorRow[] = spec.indicators.map((row, i) => {
    const r = 1 + i;
    const I = 'Indicators';
    return {
      sheet: I,
      row: r,
      partner: loc(row.partner, at(I, r, 0)),
      indicator: loc(row.indicator, at(I, r, 1)),
      values: row.values.map((v, p) => ({ period: p + 1, value: v, at: at(I, r, 2 + p), raw: v === null ? '' : String(v) })),
      total: { value: row.values.reduce<number>((a, b) => a + (b ?? 0), 0), at: at(I, r, 2 + row.values.length), raw: '' },
      comment: null,
    };
  });
  const model: Model = {
    project: {
      sheet: P,
      acronym: loc(spec.acronym, at(P, 0, 1)),
      programme: loc('Interreg Europe', at(P, 1, 1)),
      totalBudget: amount(spec.totalBudget, at(P, 2, 1)),
      start: loc(d(spec.start), at(P, 3, 1)),
      end: loc(d(spec.end), at(P, 4, 1)),
      reportDate: spec.reportDate === null ? null : loc(d(spec.reportDate), at(P, 5, 1)),
      phases: spec.phases.map((ph, i) => {
        const r = phasesTop + 1 + i;
        return { key: normalizeLabel(ph.label), label: ph.label, start: loc(d(ph.start), at(P, r, 1)), end: loc(d(ph.end), at(P, r, 2)), months: loc(ph.months, at(P, r, 3)), at: at(P, r, 0) };
      }),
      phasesHeader: at(P, phasesTop, 0),
      periods: spec.periods.map((pe, i) => {
        const r = periodsTop + 1 + i;
        return { number: pe.number, label: `P${pe.number}`, phaseKey: normalizeLabel(pe.phase), phaseAt: at(P, r, 1), start: loc(d(pe.start), at(P, r, 2)), end: loc(d(pe.end), at(P, r, 3)), months: loc(pe.months, at(P, r, 4)), at: at(P, r, 0) };
      }),
      periodsHeader: at(P, periodsTop, 0),
      partners,
      partnersHeader: at(P, partnersTop, 0),
      targets: spec.targets.map((t, i) => {
        const r = targetsTop + 1 + i;
        return { code: t.code, name: t.name, target: loc(t.target, at(P, r, 2)), unit: null, minimum: t.minimum, at: at(P, r, 0) };
      }),
      targetsHeader: at(P, targetsTop, 0),
    },
    budgets: spec.budgets.map((b) => budgetSheet(b, spec.periods.length)),
    indicatorSheets: [{ sheet: 'Indicators', header: at('Indicators', 0, 0), periods: spec.periods.map((p, i) => ({ number: p.number, col: 2 + i, header: at('Indicators', 0, 2 + i) })), totalCol: 2 + spec.periods.length }],
    indicators,
    otherSheets: [],
    cellIssues: [],
    missing: [],
    duplicates: [],
    names: { sheets: new Map(), sheetOf: new Map(), rows: new Map() },
  };
  model.names = resolveNames(model);
  return model;
}

/** Set an amount of a built model to a new value in euros (the cell as if typed). */
export function setEuros(a: Amount, euros: number): void {
  a.cents = cents(euros);
  a.source = 'number';
  a.raw = String(euros);
}

/** The findings as 'rule severity sheet!cell' lines, for exact comparisons. */
export function brief(findings: { rule: string; severity: string; sheet: string | null; cell: string | null }[]): string[] {
  return findings.map((f) => `${f.rule} ${f.severity} ${f.sheet ?? '-'}!${f.cell ?? '-'}`);
}

import type { Rule, Finding } from '../../../src/checks/types';
import { CLUSTERIX2 } from '../../../src/profile/clusterix2';
import type { Profile } from '../../../src/profile/types';

/** Runs one rule on a model with the ClusteriX 2.0 programme rules. */
export function runRule(rule: Rule, model: Model, profile: Profile = CLUSTERIX2): Finding[] {
  return rule.run({ model, profile });
}
