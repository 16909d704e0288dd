/** What is being done now, or how the last run ended: one polite live region, so screen readers hear each step. */
import * as React from 'react';
import { ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import type { PaneState } from '../pane-store';
import { summarize } from './summarize';

const useStyles = makeStyles({
  status: { minHeight: '2.5em', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  failed: { color: tokens.colorStatusDangerForeground1, fontWeight: tokens.fontWeightSemibold },
  done: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

/** A word after a click that is not a run: an error (Could not go to…) or a confirmation (Copied…). */
export interface Notice {
  text: string;
  error: boolean;
}

export function StatusArea({ state, notice }: { state: PaneState; notice: Notice | null }) {
  const styles = useStyles();
  const { working, last } = state;
  const failed = !working && last?.outcome.kind === 'failed';
  return (
    <section aria-label="Status" className={styles.status}>
      <div role="status" aria-live="polite" data-testid="status" className={failed ? styles.failed : undefined}>
        {working ? working.step : last ? summarize(last) : 'Ready. Check reads the partners’ sheets; Consolidate also builds the report tabs.'}
      </div>
      {working && <ProgressBar value={Math.max(0, Math.min(1, working.fraction))} thickness="large" aria-label={working.step} />}
      {notice && (notice.error ? <div role="alert" className={styles.failed}>{notice.text}</div> : <div role="status" className={styles.done} data-testid="notice">{notice.text}</div>)}
    </section>
  );
}
