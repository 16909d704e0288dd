/** Errors, warnings and notes found, each in its mark's colour. */
import * as React from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { SeverityCounts } from '../actions';
import { SEVERITIES, SEVERITY_LABEL, SEVERITY_FILL } from './severity';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, margin: 0, padding: 0, listStyleType: 'none' },
  count: {
    flex: '1 1 0',
    textAlign: 'center',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    color: '#1b1b1b', // the mark fills are light in both themes
  },
  number: { display: 'block', fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightBold },
});

export function SeverityCountsView({ counts }: { counts: SeverityCounts }) {
  const styles = useStyles();
  return (
    <ul className={styles.row} aria-label="Findings by severity">
      {SEVERITIES.map((s) => (
        <li key={s} className={styles.count} style={{ background: SEVERITY_FILL[s] }} data-testid={`count-${s}`}>
          <span className={styles.number} data-testid={`count-${s}-number`}>{counts[s]}</span>
          {counts[s] === 1 ? SEVERITY_LABEL[s].one : SEVERITY_LABEL[s].many}
        </li>
      ))}
    </ul>
  );
}
