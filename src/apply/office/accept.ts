/**
 * Accept… in the pane: read, check, add the acceptance to the _clusterix state, and write it with this check's
 * marks (the mark's note then says accepted): the three round trips of Check.
 */
import type { AcceptInput, PaneOutcome } from '../../taskpane/actions';
import type { Profile } from '../../profile/types';
import type { WorkbookSnapshot } from '../../snapshot/types';
import type { ClusterixState } from '../../plan/types';
import { checkWorkbook } from '../../engine';
import { acceptance, withAcceptance, honourAcceptances } from '../../checks/acceptance';
import { planMarks } from '../../plan/marks';
import { localDate } from '../../util/dates';
import { applyReport } from './apply';
import { readWorkbook } from './read';
import { doneOutcome } from './pane-outcome';

export async function acceptInExcel(context: Excel.RequestContext, input: AcceptInput, opts: { profile: Profile; now: Date; readBytes?: number; chunkBytes?: number; onRead?(read: { snapshot: WorkbookSnapshot; state: ClusterixState }): void }): Promise<PaneOutcome> {
  const read = await readWorkbook(context, { withValues: true, readBytes: opts.readBytes });
  const checked = checkWorkbook(read.snapshot, opts.profile, read.state.accepted);
  const made = acceptance(checked.findings, read.snapshot, { ...input, date: localDate(opts.now) });
  if ('refused' in made) return { kind: 'failed', message: `Could not accept: ${made.refused}.` };
  const accepted = withAcceptance(read.state.accepted, made.ok);
  honourAcceptances(checked.findings, accepted, read.snapshot);
  const applied = await applyReport(context, { ...read, state: { ...read.state, accepted } }, { tabs: null, marks: planMarks(checked.findings) }, { chunkBytes: opts.chunkBytes });
  if (applied.kind === 'refused') return { kind: 'failed', message: applied.message };
  opts.onRead?.({ snapshot: read.snapshot, state: { ...read.state, accepted } });
  return doneOutcome(checked.model, checked.findings, false, applied.marked);
}
