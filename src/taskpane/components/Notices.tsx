/** Lines the run wants the user to know beside the findings (a sheet of theirs named like a report tab), as the CLI prints them. */
import * as React from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  box: { margin: 0, fontSize: tokens.fontSizeBase200, padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`, borderLeft: `3px solid ${tokens.colorNeutralStrokeAccessible}`, background: tokens.colorNeutralBackground2 },
});

export function Notices({ lines }: { lines: string[] }) {
  const styles = useStyles();
  return (
    <div data-testid="notices">
      {lines.map((l) => (
        <p key={l} className={styles.box}>
          {l}
        </p>
      ))}
    </div>
  );
}
