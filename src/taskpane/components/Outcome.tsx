/** The body under the status: the findings, the "not a reporting workbook" help, or nothing yet. */
import * as React from 'react';
import type { LastResult } from '../pane-store';
import { SeverityCountsView } from './SeverityCountsView';
import { FindingsList } from './FindingsList';
import { NotReporting } from './NotReporting';
import type { PresetId } from '../../rules/types';

export interface OutcomeProps {
  last: LastResult | null;
  busy: boolean;
  onSelect(sheet: string, cell: string | null): void;
  onNewWorkbook(programme: PresetId): void;
}

export function Outcome({ last, busy, onSelect, onNewWorkbook }: OutcomeProps) {
  if (!last) return null;
  const o = last.outcome;
  if (o.kind === 'notReporting') return <NotReporting lookedFor={o.lookedFor} busy={busy} onNewWorkbook={onNewWorkbook} />;
  if (o.kind !== 'done') return null;
  return (
    <>
      <SeverityCountsView counts={o.counts} />
      <FindingsList findings={o.findings} explanations={o.explanations} onSelect={onSelect} />
    </>
  );
}
