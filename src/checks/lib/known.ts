/** Whether the parser already logged something at a cell (T01, T02, B06): then other rules stay quiet about it. */
import type { CellRef, Model } from '../../model/types';

export function loggedAt(model: Model, at: CellRef): boolean {
  return (
    model.cellIssues.some((i) => i.at.sheet === at.sheet && i.at.cell === at.cell) ||
    model.missing.some((m) => m.sheet === at.sheet && m.cell === at.cell)
  );
}

/** True when the parser logged a missing thing on this sheet whose description matches. */
export function missingLogged(model: Model, sheet: string | null, what: RegExp): boolean {
  return model.missing.some((m) => (sheet === null || m.sheet === sheet) && what.test(m.what));
}
