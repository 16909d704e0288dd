import type { WorkbookSnapshot } from '../snapshot/types';
import type { Model } from '../model/types';
import type { Profile } from '../profile/types';

/** Snapshot → model, exactly as workbook.md says. (Being written: returns an empty model for now.) */
export function parse(snapshot: WorkbookSnapshot, _profile: Profile): Model {
  return { project: null, budgets: [], indicatorSheets: [], indicators: [], otherSheets: snapshot.sheets.map((s) => s.name), cellIssues: [], missing: [], duplicates: [] };
}
