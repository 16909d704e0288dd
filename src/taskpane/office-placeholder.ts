/** Stand-in until src/apply/office (helper B) lands: every action says it is not ready. Remove when it does. */
import type { PaneActions } from './actions';

export function createOfficeActions(): PaneActions {
  const notYet = async () => ({ kind: 'failed' as const, message: 'The Excel connection is not built yet.' });
  return { check: notYet, consolidate: notYet, clearMarks: notYet, newReportingWorkbook: notYet, selectCell: async () => undefined };
}
