/** The Project sheet: fields, and the Phases, Periods, Partners and Targets tables. */
import type { Located, Partner, Period, Phase, Project, Target } from '../model/types';
import { normalizeLabel } from '../util/labels';
import type { SheetReader } from './sheet-reader';
import type { ReadLog } from './read-log';
import { readAmount, readDate, readNumber, readPartnerNo, readText } from './cells';
import { findField } from './fields';
import { bodyRows, findHeader, isAnyHeader, nearHeader, type FoundHeader, type TableSpec } from './tables';
import { COLUMN, FIELD } from './vocabulary';
import { readRulesTable } from './rules-table';

const col = (key: keyof typeof COLUMN, required = true) => ({ key, synonyms: COLUMN[key], required });

export const PHASES: TableSpec = { columns: [col('phase'), col('start'), col('end'), col('months')], excludeIfHas: COLUMN.period };
export const PERIODS: TableSpec = { columns: [col('period'), col('phase'), col('start'), col('end'), col('months')] };
export const PARTNERS: TableSpec = {
  columns: [col('no'), col('role'), col('partner'), col('country'), col('nuts', false), col('legalStatus'), col('erdfRate'), col('approvedBudget')],
};
export const TARGETS: TableSpec = { columns: [col('code'), col('indicator'), col('target'), col('unit', false), col('minimum', false)], excludeIfHas: COLUMN.partner };

export const RULES_TABLE: TableSpec = { columns: [col('rule'), col('value')] };

const PROJECT_TABLES = [PHASES, PERIODS, PARTNERS, TARGETS, RULES_TABLE];

/** Phase 1, "1" and "Phase 1" are the same phase. */
export function phaseKey(text: string): string {
  return normalizeLabel(text).replace(/^phase/, '');
}

export function isProjectSheet(s: SheetReader): boolean {
  return findField(s, FIELD.acronym, new Set()) !== null;
}

export function parseProject(s: SheetReader, log: ReadLog): Project {
  const headers = new Map<TableSpec, FoundHeader | null>();
  for (const spec of PROJECT_TABLES) headers.set(spec, findHeader(s, spec));
  const headerRows = new Set<number>();
  for (const h of headers.values()) if (h) headerRows.add(h.row);
  const isStop = (r: number) => headerRows.has(r) || isAnyHeader(s, r, PROJECT_TABLES);

  const tableRows = new Map<TableSpec, number[]>();
  const excluded = new Set(headerRows);
  for (const [spec, h] of headers) {
    const rows = h ? bodyRows(s, h, isStop) : [];
    tableRows.set(spec, rows);
    for (const r of rows) excluded.add(r);
  }

  const field = <T>(synonyms: readonly string[], what: string, required: boolean, read: (r: number, c: number) => T): T | null => {
    const f = findField(s, synonyms, excluded);
    if (!f || f.valueCol === null) {
      if (required) log.missingThing(`field "${synonyms[0]}"`, s.name, f ? s.ref(f.labelRow, f.labelCol).cell : null);
      return null;
    }
    return read(f.labelRow, f.valueCol);
  };

  const acronym = field(FIELD.acronym, 'Project acronym', true, (r, c) => readText(s, r, c, log, 'Project acronym'));
  const project: Project = {
    sheet: s.name,
    acronym: acronym ?? { value: null, at: s.ref(s.top, s.left) },
    programme: field(FIELD.programme, 'Programme', true, (r, c) => readText(s, r, c, log, 'Programme')),
    totalBudget: field(FIELD.totalBudget, 'Total budget', true, (r, c) => readAmount(s, r, c, log, 'Total budget')),
    start: field(FIELD.start, 'Project start', true, (r, c) => readDate(s, r, c, log, 'Project start')),
    end: field(FIELD.end, 'Project end', true, (r, c) => readDate(s, r, c, log, 'Project end')),
    reportDate: field(FIELD.reportDate, 'Report date', false, (r, c) => readDate(s, r, c, log, 'Report date')),
    phases: [],
    phasesHeader: null,
    periods: [],
    periodsHeader: null,
    partners: [],
    partnersHeader: null,
    targets: [],
    targetsHeader: null,
  };

  const tableMissing = (spec: TableSpec, name: string) => {
    const near = nearHeader(s, spec);
    const header = spec.columns.filter((c) => c.required).map((c) => c.synonyms[0]).join(' | ');
    if (near) log.missingThing(`column "${near.missing.join('", "')}" of the ${name} table (header ${header})`, s.name, s.ref(near.row, s.left).cell);
    else log.missingThing(`${name} table (header ${header})`, s.name);
  };

  const phasesH = headers.get(PHASES) ?? null;
  if (phasesH) {
    project.phasesHeader = s.ref(phasesH.row, phasesH.firstCol);
    project.phases = tableRows.get(PHASES)!.map((r) => readPhase(s, r, phasesH, log));
  } else tableMissing(PHASES, 'Phases');

  const periodsH = headers.get(PERIODS) ?? null;
  if (periodsH) {
    project.periodsHeader = s.ref(periodsH.row, periodsH.firstCol);
    project.periods = tableRows.get(PERIODS)!.map((r) => readPeriod(s, r, periodsH, log));
  } else tableMissing(PERIODS, 'Periods');

  const partnersH = headers.get(PARTNERS) ?? null;
  if (partnersH) {
    project.partnersHeader = s.ref(partnersH.row, partnersH.firstCol);
    project.partners = tableRows.get(PARTNERS)!.map((r) => readPartner(s, r, partnersH, log));
  } else tableMissing(PARTNERS, 'Partners');

  const targetsH = headers.get(TARGETS) ?? null;
  if (targetsH) {
    project.targetsHeader = s.ref(targetsH.row, targetsH.firstCol);
    project.targets = tableRows.get(TARGETS)!.map((r) => readTarget(s, r, targetsH, log));
  } else tableMissing(TARGETS, 'Targets');

  const rulesH = headers.get(RULES_TABLE) ?? null;
  if (rulesH) project.rulesTable = readRulesTable(s, rulesH, tableRows.get(RULES_TABLE)!, log);

  return project;
}

function readPhase(s: SheetReader, r: number, h: FoundHeader, log: ReadLog): Phase {
  const name = readText(s, r, h.cols.phase, log, 'Phase');
  return {
    key: phaseKey(name.value ?? ''),
    label: name.value ?? '',
    start: readDate(s, r, h.cols.start, log, 'Phase start'),
    end: readDate(s, r, h.cols.end, log, 'Phase end'),
    months: readNumber(s, r, h.cols.months, log, 'Phase months'),
    at: s.ref(r, h.cols.phase),
  };
}

function readPeriod(s: SheetReader, r: number, h: FoundHeader, log: ReadLog): Period {
  const label = readText(s, r, h.cols.period, log, 'Period');
  const m = /^(?:p|period)?(\d{1,3})$/.exec(normalizeLabel(label.value ?? ''));
  if (label.value !== null && !m) log.issue({ kind: 'unreadable', at: label.at, raw: label.value, what: 'Period', expected: 'a period number (1, 2… or P1, P2…)' });
  const phase = readText(s, r, h.cols.phase, log, 'Phase');
  return {
    number: m ? Number(m[1]) : null,
    label: label.value ?? '',
    phaseKey: phaseKey(phase.value ?? ''),
    phaseAt: phase.at,
    start: readDate(s, r, h.cols.start, log, 'Period start'),
    end: readDate(s, r, h.cols.end, log, 'Period end'),
    months: readNumber(s, r, h.cols.months, log, 'Period months'),
    at: s.ref(r, h.cols.period),
  };
}

const STATUSES: Record<string, string> = { public: 'public', privatenonprofit: 'private non-profit', norwegian: 'norwegian' };

/** 85%, 0.85 or 85 (a number above 1 is a percentage) → basis points (8500). */
function readRate(s: SheetReader, r: number, c: number, log: ReadLog): Located<number> {
  const at = s.ref(r, c);
  const v = s.value(r, c);
  let x: number | null = null;
  if (typeof v === 'number') x = v;
  else if (typeof v === 'string' && /^\s*\d+([.,]\d+)?\s*%?\s*$/.test(v)) {
    x = Number(v.replace('%', '').replace(',', '.').trim());
    if (v.includes('%')) x = x / 100;
  } else if (v !== null) return readNumber(s, r, c, log, 'ERDF rate');
  if (x === null) return { value: null, at };
  if (x > 1) x = x / 100;
  return { value: Math.round(x * 10000), at };
}

function readPartner(s: SheetReader, r: number, h: FoundHeader, log: ReadLog): Partner {
  const upper = (l: Located<string>) => ({ value: l.value === null ? null : l.value.toUpperCase(), at: l.at });
  const status = readText(s, r, h.cols.legalStatus, log, 'Legal status');
  return {
    no: readPartnerNo(s, r, h.cols.no, log),
    role: upper(readText(s, r, h.cols.role, log, 'Role')),
    name: readText(s, r, h.cols.partner, log, 'Partner'),
    country: upper(readText(s, r, h.cols.country, log, 'Country')),
    nuts: h.cols.nuts !== undefined ? upper(readText(s, r, h.cols.nuts, log, 'NUTS')) : { value: null, at: s.ref(r, h.endCol) },
    legalStatus: { value: status.value === null ? null : (STATUSES[normalizeLabel(status.value)] ?? status.value), at: status.at },
    erdfRateBp: readRate(s, r, h.cols.erdfRate, log),
    approvedBudget: readAmount(s, r, h.cols.approvedBudget, log, 'Approved budget'),
    at: s.ref(r, h.cols.no),
  };
}

function readTarget(s: SheetReader, r: number, h: FoundHeader, log: ReadLog): Target {
  const minimum = h.cols.minimum !== undefined ? normalizeLabel(s.value(r, h.cols.minimum)) : '';
  return {
    code: readText(s, r, h.cols.code, log, 'Indicator code').value ?? '',
    name: readText(s, r, h.cols.indicator, log, 'Indicator').value ?? '',
    target: readNumber(s, r, h.cols.target, log, 'Target'),
    unit: h.cols.unit !== undefined ? readText(s, r, h.cols.unit, log, 'Unit').value : null,
    minimum: ['yes', 'y', 'true', 'x', 'minimum', 'atleast', 'ja', 'oui'].includes(minimum),
    at: s.ref(r, h.cols.code),
  };
}
