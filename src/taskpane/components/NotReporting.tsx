/** Empty state: the open workbook has no Project sheet. Say what was looked for and offer to lay one out. */
import * as React from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  text: { margin: 0 },
});

export function NotReporting({ lookedFor, busy, onNewWorkbook }: { lookedFor: string; busy: boolean; onNewWorkbook(): void }) {
  const styles = useStyles();
  return (
    <section className={styles.box} aria-labelledby="not-reporting-heading">
      <h2 id="not-reporting-heading" className={styles.heading}>Not a reporting workbook yet</h2>
      <p className={styles.text}>Looked for: {lookedFor}</p>
      <p className={styles.text}>
        Start one here: New reporting workbook adds the Project sheet with the ClusteriX 2.0 facts, a budget sheet per
        partner and the indicator sheet, ready to fill in. Sheets already in this workbook are left alone.
      </p>
      <Button appearance="primary" disabled={busy} onClick={onNewWorkbook}>New reporting workbook</Button>
    </section>
  );
}
