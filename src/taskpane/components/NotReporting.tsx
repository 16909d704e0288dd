/** Empty state: the open workbook has no Project sheet. Say what was looked for and offer to lay one out. */
import * as React from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { PresetId } from '../../rules/types';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  text: { margin: 0 },
  // A native select (Fluent's Select costs kilobytes for two options), in the pane's type and colours.
  select: { font: 'inherit', color: tokens.colorNeutralForeground1, backgroundColor: tokens.colorNeutralBackground1, padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}` },
});

export function NotReporting({ lookedFor, busy, onNewWorkbook }: { lookedFor: string; busy: boolean; onNewWorkbook(programme: PresetId): void }) {
  const styles = useStyles();
  const [programme, setProgramme] = React.useState<PresetId>('2014-2020');
  return (
    <section className={styles.box} aria-labelledby="not-reporting-heading">
      <h2 id="not-reporting-heading" className={styles.heading}>Not a reporting workbook yet</h2>
      <p className={styles.text}>Looked for: {lookedFor}</p>
      <p className={styles.text}>
        Start one here: New reporting workbook adds the Project sheet (with the ClusteriX 2.0 facts under 2014–2020, or
        an empty 2021–2027 project), a budget sheet per partner and the indicator sheet, ready to fill in, with the
        programme&apos;s rules in the Rules table. Sheets already in this workbook are left alone.
      </p>
      <label htmlFor="new-workbook-programme">Programme</label>
      <select id="new-workbook-programme" className={styles.select} value={programme} disabled={busy} onChange={(e) => setProgramme(e.target.value as PresetId)}>
        <option value="2014-2020">Interreg Europe 2014–2020 (ClusteriX 2.0)</option>
        <option value="2021-2027">Interreg Europe 2021–2027 (empty project)</option>
      </select>
      <Button appearance="primary" disabled={busy} onClick={() => onNewWorkbook(programme)}>New reporting workbook</Button>
    </section>
  );
}
