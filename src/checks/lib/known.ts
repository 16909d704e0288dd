/** Whether the parser already logged something at a cell (T01, T02, B06): then other rules stay quiet about it. */
import type { CellRef, Model } from '../../model/types';

export function loggedAt(model: Model, at: CellRef): boolean {
  return loggedCells(model).get(at.sheet)?.has(at.cell) ?? false;
}

/**
 * The cells the parser logged something at, by sheet: rules ask for every indicator value, so a scan of the log per
 * question would grow with values × issues. Made again when the log has grown (a model is built, then read).
 */
interface LoggedIndex {
  issues: number;
  missing: number;
  cells: Map<string, Set<string>>;
}
const INDEX = new WeakMap<Model, LoggedIndex>();

function loggedCells(model: Model): Map<string, Set<string>> {
  let ix = INDEX.get(model);
  if (ix === undefined || ix.issues !== model.cellIssues.length || ix.missing !== model.missing.length) {
    const cells = new Map<string, Set<string>>();
    const add = (sheet: string | null, cell: string | null) => {
      if (sheet === null || cell === null) return; // a CellRef always has both: never the same place
      let set = cells.get(sheet);
      if (!set) cells.set(sheet, (set = new Set()));
      set.add(cell);
    };
    for (const i of model.cellIssues) add(i.at.sheet, i.at.cell);
    for (const m of model.missing) add(m.sheet, m.cell);
    ix = { issues: model.cellIssues.length, missing: model.missing.length, cells };
    INDEX.set(model, ix);
  }
  return ix.cells;
}

/** True when the parser logged a missing thing on this sheet whose description matches. */
export function missingLogged(model: Model, sheet: string | null, what: RegExp): boolean {
  return model.missing.some((m) => (sheet === null || m.sheet === sheet) && what.test(m.what));
}
