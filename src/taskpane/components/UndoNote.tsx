/** Consolidate writes into the workbook where Ctrl+Z cannot reach: say so, and say the way back. */
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
    <p className={styles.note} role="note">
      Consolidate cannot be undone with Ctrl+Z. To go back, run Consolidate again or choose Clear marks: the Report
      tabs are rebuilt or removed, and your own sheets keep their values, fills and notes.
    </p>
  );
}
