/** Clear marks asks first: it removes the report tabs too. */
import * as React from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, padding: tokens.spacingHorizontalS, border: `1px solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium },
  text: { margin: 0, fontSize: tokens.fontSizeBase200 },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS },
});

export function ClearConfirm({ onConfirm, onCancel }: { onConfirm(): void; onCancel(): void }) {
  const styles = useStyles();
  const first = React.useRef<HTMLButtonElement>(null);
  React.useEffect(() => first.current?.focus(), []);
  return (
    <div className={styles.box} role="alertdialog" aria-labelledby="clear-confirm-text" aria-modal="false" onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <p className={styles.text} id="clear-confirm-text">
        Remove every mark and the five Report tabs? Your values are not touched, and your own fills and notes come back.
      </p>
      <div className={styles.buttons}>
        <Button size="small" appearance="primary" ref={first} onClick={onConfirm}>Remove marks and tabs</Button>
        <Button size="small" onClick={onCancel}>Keep them</Button>
      </div>
    </div>
  );
}
