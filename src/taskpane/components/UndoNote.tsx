/** Ctrl+Z cannot reach what Check and Consolidate write: say so briefly, and the way back. */
import * as React from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  note: {
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    borderLeft: `3px solid ${tokens.colorBrandStroke1}`,
    paddingLeft: tokens.spacingHorizontalS,
    margin: 0,
  },
});

export function UndoNote() {
  const styles = useStyles();
  return (
    <p className={styles.note} role="note" data-testid="undo-note">
      Ctrl+Z cannot undo the marks and report tabs that Check and Consolidate add. Clear marks takes them away and
      puts your cells back as they were.
    </p>
  );
}
