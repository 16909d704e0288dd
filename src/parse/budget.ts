/** Budget sheets: Partner No / Partner fields, the plan table, the optional Reported table, ERDF and contribution. */
import type { Amount, BudgetLineKey, BudgetRow, BudgetSheet, BudgetTable } from '../model/types';
import { BUDGET_LINE_KEYS } from '../model/types';
import { normalizeLabel } from '../util/labels';
import type { SheetReader } from './sheet-reader';
import type { ReadLog } from './read-log';
import { readAmount, readPartnerNo, readText } from './cells';
import { findFields } from './fields';
import { bodyRows, findHeader, isAnyHeader, type FoundHeader, type TableSpec } from './tables';
import { BUDGET_LINE_LABELS, BUDGET_LINE_NAMES, COLUMN, FIELD, REQUIRED_LINES } from './vocabulary';

export const PLAN: TableSpec = {
  columns: [{ key: 'label', synonyms: COLUMN.budgetLine, required: true }, { key: 'total', synonyms: COLUMN.total, required: false }],
  firstColumn: 'label',
  minPeriods: 1,
};
export const REPORTED: TableSpec = {
  columns: [{ key: 'label', synonyms: COLUMN.reported, required: true }, { key: 'total', synonyms: COLUMN.total, required: false }],
  firstColumn: 'label',
  minPeriods: 1,
};

const BUDGET_TABLES = [PLAN, REPORTED];

const LINE_BY_LABEL = new Map<string, BudgetLineKey>();
for (const key of BUDGET_LINE_KEYS) for (const label of BUDGET_LINE_LABELS[key]) LINE_BY_LABEL.set(normalizeLabel(label), key);
const TOTAL = normalizeLabel('Total');

/** `planH`: the plan table's header, which the caller found in telling a budget sheet (parse/index.ts). */
export function parseBudgetSheet(s: SheetReader, log: ReadLog, planH: FoundHeader): BudgetSheet {
  const reportedH = findHeader(s, REPORTED);
  const isStop = (r: number) => isAnyHeader(s, r, BUDGET_TABLES);
  const excluded = new Set<number>();
  const plan = readTable(s, planH, 'plan', isStop, log, excluded);
  const reported = reportedH ? readTable(s, reportedH, 'reported', isStop, log, excluded) : null;

  // The four fields in one pass over the sheet.
  const [noField, nameField, erdfF, contribF] = findFields(s, [FIELD.partnerNo, FIELD.partner, FIELD.erdf, FIELD.contribution], excluded).map((f) => (f && f.valueCol !== null ? { row: f.labelRow, col: f.valueCol } : null));
  if (!noField && !nameField) log.missingThing('field "Partner No" (the partner\'s number)', s.name, s.ref(planH.row, planH.firstCol).cell);
  return {
    sheet: s.name,
    partnerNo: noField ? readPartnerNo(s, noField.row, noField.col, log) : null,
    partnerName: nameField ? readText(s, nameField.row, nameField.col, log, 'Partner') : null,
    plan,
    reported,
    erdf: erdfF ? readAmount(s, erdfF.row, erdfF.col, log, 'ERDF') : null,
    contribution: contribF ? readAmount(s, contribF.row, contribF.col, log, 'Partner contribution') : null,
  };
}

/**
 * Texts of a row's cells for the read log ('Budget Staff costs P3', 'Reported total of all periods'): the same few on
 * every sheet, so made once. By 'Budget'/'Reported', the period numbers and whether there is a Total column, then
 * by line name (null: the Total row).
 */
const WHATS = new Map<string, Map<string | null, string[]>>();
const WHATS_LIMIT = 1_000;

function tableWhats(what: string, periods: readonly { number: number }[], withTotal: boolean): Map<string | null, string[]> {
  const key = `${what} ${withTotal ? 1 : 0} ${periods.map((p) => p.number).join(' ')}`;
  let byName = WHATS.get(key);
  if (byName === undefined) {
    if (WHATS.size >= WHATS_LIMIT) WHATS.clear();
    WHATS.set(key, (byName = new Map()));
  }
  return byName;
}

function rowWhats(byName: Map<string | null, string[]>, what: string, name: string | null, periods: readonly { number: number }[], withTotal: boolean): string[] {
  let list = byName.get(name);
  if (list === undefined) {
    list = periods.map((p) => (name === null ? `${what} total P${p.number}` : `${what} ${name} P${p.number}`));
    if (withTotal) list.push(name === null ? `${what} total of all periods` : `${what} ${name} Total`);
    if (byName.size >= WHATS_LIMIT) byName.clear();
    byName.set(name, list);
  }
  return list;
}

function readTable(s: SheetReader, h: FoundHeader, kind: 'plan' | 'reported', isStop: (r: number) => boolean, log: ReadLog, excluded: Set<number>): BudgetTable {
  const rows: BudgetRow[] = [];
  const firstAt = new Map<string, BudgetRow>();
  const what = kind === 'plan' ? 'Budget' : 'Reported';
  excluded.add(h.row);
  const labelCol = h.cols.label;
  const totalCol = h.cols.total ?? null;
  const periods = h.periods;
  const byName = tableWhats(what, periods, totalCol !== null);
  const body = bodyRows(s, h, isStop);
  for (let b = 0; b < body.length; b++) {
    const r = body[b];
    excluded.add(r);
    const label = readText(s, r, labelCol, log, 'Budget line');
    const n = normalizeLabel(label.value ?? '');
    const line = LINE_BY_LABEL.get(n) ?? null;
    const isTotal = n === TOTAL;
    const name = line ? BUDGET_LINE_NAMES[line] : isTotal ? 'Total' : (label.value ?? 'row');
    // What each cell is, for the read log: the same few texts on every sheet, made once (rowWhats).
    const whats = rowWhats(byName, what, isTotal ? null : name, periods, totalCol !== null);
    const amounts: Amount[] = new Array(periods.length);
    for (let i = 0; i < periods.length; i++) amounts[i] = readAmount(s, r, periods[i].col, log, whats[i]);
    const row: BudgetRow = {
      line,
      isTotal,
      label,
      amounts,
      total: totalCol !== null ? readAmount(s, r, totalCol, log, whats[periods.length]) : null,
      row: r,
    };
    const key = line ?? (isTotal ? 'total' : null);
    if (key) {
      const first = firstAt.get(key);
      if (first) log.duplicate(`budget line ${name} (${kind === 'plan' ? 'plan' : 'reported'})`, label.at, first.label.at);
      else firstAt.set(key, row);
    }
    rows.push(row);
  }
  for (const line of REQUIRED_LINES) {
    if (!firstAt.has(line)) log.missingThing(`row "${BUDGET_LINE_NAMES[line]}" in the ${kind === 'plan' ? 'budget' : 'Reported'} table`, s.name, s.ref(h.row, labelCol).cell);
  }
  return {
    kind,
    header: s.ref(h.row, labelCol),
    periods: h.periods.map((p) => ({ number: p.number, col: p.col, header: s.ref(h.row, p.col) })),
    totalCol,
    rows,
  };
}
