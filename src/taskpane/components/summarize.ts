/** One sentence about the last run, for the status line. */
import type { LastResult } from '../pane-store';
import { countKinds, countsSentence } from '../findings-view';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function summarize(last: LastResult): string {
  const o = last.outcome;
  if (o.kind === 'failed') return `Could not finish: ${o.message}`;
  if (o.kind === 'cancelled') return 'Cancelled: nothing was written.';
  if (o.kind === 'cleared') {
    if (o.found === false) return 'Nothing to clear: this workbook has no marks or report tabs.';
    return `Marks cleared and report tabs removed: ${plural(o.restored, 'cell')} back as they were.`;
  }
  if (o.kind === 'made') return `${plural(o.files.length, 'partner workbook')} made from this workbook: download them below.`;
  if (o.kind === 'notReporting') return 'This workbook is not a reporting workbook yet.';
  const found = countsSentence(countKinds(o.findings));
  if (last.task === 'new') return `Reporting workbook laid out. Check found ${found}.`;
  if (last.task === 'accept') return `Warning accepted. Checked: ${found}.`;
  if (o.consolidated) return `Consolidated: report tabs rebuilt, ${plural(o.marked, 'cell')} marked. Found ${found}.`;
  return o.marked > 0 ? `Checked: ${found}; ${plural(o.marked, 'cell')} marked.` : `Checked: ${found}.`;
}
