/** What the user's edits changed since the last run, and that the marks and tabs wait for Check or Consolidate. */
import * as React from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { LiveResult } from '../pane-store';

const useStyles = makeStyles({
  box: { margin: 0, fontSize: tokens.fontSizeBase200, padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`, borderLeft: `3px solid ${tokens.colorBrandStroke1}`, background: tokens.colorNeutralBackground2 },
  strong: { fontWeight: tokens.fontWeightSemibold },
});

export function LiveBanner({ live }: { live: LiveResult }) {
  const styles = useStyles();
  const change = live.fixed === 0 && live.added === 0 ? 'no finding fixed or new' : `${live.fixed} fixed, ${live.added} new`;
  return (
    <p className={styles.box} role="status" data-testid="live">
      <span className={styles.strong}>Since the last run: {change}.</span> Marks and report tabs are out of date until you run Check or Consolidate.
    </p>
  );
}
