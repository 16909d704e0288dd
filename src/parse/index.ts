/**
 * Snapshot → model, as workbook.md says: sheets are recognised by their content (not names or positions),
 * hidden sheets are read like visible ones, and what cannot be read is logged for the checks, never thrown.
 */
import type { WorkbookSnapshot } from '../snapshot/types';
import type { Model } from '../model/types';
import { resolveNames } from '../model/names';
import { rulesInForce } from '../rules/in-force';
import { SheetReader } from './sheet-reader';
import { ReadLog } from './read-log';
import { isProjectSheet, parseProject } from './project';
import { taggedCents } from './cells';
import { PLAN, parseBudgetSheet } from './budget';
import { findHeader } from './tables';
import { INDICATORS, parseIndicatorSheet } from './indicators';

export function parse(snapshot: WorkbookSnapshot): Model {
  const log = new ReadLog();
  // Before any amount is read: its cents field made tagged, so no amount carries a boxed number (cells.ts).
  taggedCents();
  const model: Model = { project: null, budgets: [], indicatorSheets: [], indicators: [], otherSheets: [], cellIssues: log.cellIssues, missing: log.missing, duplicates: log.duplicates, names: { sheets: new Map(), sheetOf: new Map(), rows: new Map() } };
  let projectSheet: string | null = null;
  for (const snap of snapshot.sheets) {
    const s = new SheetReader(snap);
    if (isProjectSheet(s)) {
      if (model.project === null) {
        model.project = parseProject(s, log);
        projectSheet = s.name;
      } else {
        log.missingThing(`only one Project sheet (the field "Project acronym" is also on ${projectSheet})`, s.name);
      }
      continue;
    }
    // isBudgetSheet and isIndicatorSheet, keeping the header they find for the parser.
    const planH = findHeader(s, PLAN);
    if (planH !== null) {
      model.budgets.push(parseBudgetSheet(s, log, planH));
      continue;
    }
    const indicatorH = findHeader(s, INDICATORS);
    if (indicatorH !== null) {
      const { sheet, rows } = parseIndicatorSheet(s, log, indicatorH);
      model.indicatorSheets.push(sheet);
      for (let i = 0; i < rows.length; i++) model.indicators.push(rows[i]);
    } else {
      model.otherSheets.push(s.name);
    }
  }
  if (model.project === null) log.missingThing('Project sheet (a sheet with the field "Project acronym")', null);
  else {
    if (model.budgets.length === 0) log.missingThing('budget sheets (a table whose header starts with "Budget line")', null);
    if (model.indicatorSheets.length === 0) log.missingThing('indicator sheet (a table with Partner, Indicator and P1, P2… columns)', null);
  }
  model.names = resolveNames(model);
  // The lines in force decide which rows count (model/totals.ts), for the checks and the figures alike.
  const lines = rulesInForce(model).rules.budgetLines;
  for (const b of model.budgets) for (const t of [b.plan, b.reported]) if (t) t.linesInForce = lines;
  if (model.project !== null) logDuplicateIndicatorRows(model, log);
  return model;
}

function logDuplicateIndicatorRows(model: Model, log: ReadLog): void {
  for (let i = 0; i < model.indicators.length; i++) {
    const row = model.indicators[i];
    const first = model.names.rows.get(row)?.duplicateOf;
    if (first) log.duplicate(`partner ${row.partner.value} / indicator ${row.indicator.value}`, row.partner.at, first.partner.at);
  }
}
