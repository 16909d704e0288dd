/** The body under the header: the findings, the "not a reporting workbook" help, or nothing yet. */
import * as React from 'react';
import type { LastResult } from '../pane-store';
import type { AcceptInput } from '../actions';
import type { PaneFinding } from '../findings-view';
import { FindingsList } from './FindingsList';
import { NotReporting } from './NotReporting';
import type { PresetId } from '../../rules/types';

export interface OutcomeProps {
  last: LastResult | null;
  shown: PaneFinding[];
  busy: boolean;
  onSelect(sheet: string, cell: string | null): void;
  onNewWorkbook(programme: PresetId): void;
  onAccept?(input: AcceptInput): void;
}

export function Outcome({ last, shown, busy, onSelect, onNewWorkbook, onAccept }: OutcomeProps) {
  if (!last) return null;
  const o = last.outcome;
  if (o.kind === 'notReporting') return <NotReporting lookedFor={o.lookedFor} busy={busy} onNewWorkbook={onNewWorkbook} />;
  if (o.kind !== 'done') return null;
  return <FindingsList findings={shown} total={o.findings.length} explanations={o.explanations} busy={busy} onSelect={onSelect} onAccept={onAccept} />;
}
