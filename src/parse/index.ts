/**
 * Snapshot → model, as workbook.md says: sheets are recognised by their content (not names or positions),
 * hidden sheets are read like visible ones, and what cannot be read is logged for the checks, never thrown.
 */
import type { WorkbookSnapshot } from '../snapshot/types';
import type { IndicatorRow, Model, Project } from '../model/types';
import type { Profile } from '../profile/types';
import { REPORT_TAB_NAMES, STATE_SHEET } from '../plan/types';
import { normalizeLabel } from '../util/labels';
import { partnerNumber } from './vocabulary';
import { SheetReader } from './sheet-reader';
import { ReadLog } from './read-log';
import { isProjectSheet, parseProject } from './project';
import { isBudgetSheet, parseBudgetSheet } from './budget';
import { isIndicatorSheet, parseIndicatorSheet } from './indicators';

const OUR_SHEETS = new Set<string>([STATE_SHEET, ...REPORT_TAB_NAMES]);

export function parse(snapshot: WorkbookSnapshot, _profile: Profile): Model {
  const log = new ReadLog();
  const model: Model = { project: null, budgets: [], indicatorSheets: [], indicators: [], otherSheets: [], cellIssues: log.cellIssues, missing: log.missing, duplicates: log.duplicates };
  let projectSheet: string | null = null;
  for (const snap of snapshot.sheets) {
    if (OUR_SHEETS.has(snap.name)) continue;
    const s = new SheetReader(snap);
    if (isProjectSheet(s)) {
      if (model.project === null) {
        model.project = parseProject(s, log);
        projectSheet = s.name;
      } else {
        log.missingThing(`only one Project sheet (the field "Project acronym" is also on ${projectSheet})`, s.name);
      }
    } else if (isBudgetSheet(s)) {
      model.budgets.push(parseBudgetSheet(s, log));
    } else if (isIndicatorSheet(s)) {
      const { sheet, rows } = parseIndicatorSheet(s, log);
      model.indicatorSheets.push(sheet);
      model.indicators.push(...rows);
    } else {
      model.otherSheets.push(s.name);
    }
  }
  if (model.project === null) log.missingThing('Project sheet (a sheet with the field "Project acronym")', null);
  else {
    if (model.budgets.length === 0) log.missingThing('budget sheets (a table whose header starts with "Budget line")', null);
    if (model.indicatorSheets.length === 0) log.missingThing('indicator sheet (a table with Partner, Indicator and P1, P2… columns)', null);
    findDuplicateIndicatorRows(model.project, model.indicators, log);
  }
  return model;
}

/** Which partner number an indicator row's Partner cell names (number or name), if any. */
export function resolvePartner(project: Project, text: string | null): number | null {
  if (text === null) return null;
  const no = partnerNumber(text);
  if (no !== null) return no;
  const n = normalizeLabel(text);
  const p = project.partners.find((x) => x.name.value !== null && normalizeLabel(x.name.value) === n);
  return p?.no.value ?? null;
}

/** Which indicator code an indicator row's Indicator cell names (code or name), if any. */
export function resolveIndicator(project: Project, text: string | null): string | null {
  if (text === null) return null;
  const n = normalizeLabel(text);
  const t = project.targets.find((x) => normalizeLabel(x.code) === n || normalizeLabel(x.name) === n);
  return t ? t.code : null;
}

function findDuplicateIndicatorRows(project: Project, rows: IndicatorRow[], log: ReadLog): void {
  const first = new Map<string, IndicatorRow>();
  for (const row of rows) {
    if (row.partner.value === null || row.indicator.value === null) continue;
    const p = resolvePartner(project, row.partner.value) ?? normalizeLabel(row.partner.value);
    const i = resolveIndicator(project, row.indicator.value) ?? normalizeLabel(row.indicator.value);
    const key = `${p}|${i}`;
    const f = first.get(key);
    if (f) log.duplicate(`partner ${row.partner.value} / indicator ${row.indicator.value}`, row.partner.at, f.partner.at);
    else first.set(key, row);
  }
}
