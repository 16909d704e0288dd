/** Accept… a warning: a reason and the person's name or initials, both required. Native fields: small and accessible. */
import * as React from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, marginTop: tokens.spacingVerticalXS },
  label: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1 },
  control: {
    font: 'inherit',
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground1,
    background: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStrokeAccessible}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  invalid: { border: `1px solid ${tokens.colorStatusDangerForeground1}` },
  message: { color: tokens.colorStatusDangerForeground1, fontWeight: tokens.fontWeightRegular },
});

const BY_KEY = 'clusterix.acceptedBy';

export function AcceptForm({ busy, onAccept }: { busy: boolean; onAccept(reason: string, by: string): void }) {
  const styles = useStyles();
  const id = React.useId();
  const [reason, setReason] = React.useState('');
  const [by, setBy] = React.useState(() => {
    try {
      return globalThis.localStorage?.getItem(BY_KEY) ?? '';
    } catch {
      return '';
    }
  });
  const [tried, setTried] = React.useState(false);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!reason.trim() || !by.trim()) return;
    try {
      globalThis.localStorage?.setItem(BY_KEY, by.trim());
    } catch {
      /* private mode: ask again next time */
    }
    onAccept(reason.trim(), by.trim());
  };
  const noReason = tried && !reason.trim();
  const noName = tried && !by.trim();
  return (
    <form className={styles.form} onSubmit={submit} aria-label="Accept this warning" noValidate>
      <label className={styles.label}>
        Why is it acceptable? *
        <textarea
          className={noReason ? `${styles.control} ${styles.invalid}` : styles.control}
          rows={2}
          value={reason}
          aria-required="true"
          aria-invalid={noReason}
          aria-describedby={noReason ? `${id}-reason` : undefined}
          onChange={(e) => setReason(e.target.value)}
        />
        {noReason && <span id={`${id}-reason`} className={styles.message}>A reason is required.</span>}
      </label>
      <label className={styles.label}>
        Your name or initials *
        <input
          className={noName ? `${styles.control} ${styles.invalid}` : styles.control}
          value={by}
          aria-required="true"
          aria-invalid={noName}
          aria-describedby={noName ? `${id}-by` : undefined}
          onChange={(e) => setBy(e.target.value)}
        />
        {noName && <span id={`${id}-by`} className={styles.message}>Your name or initials are required.</span>}
      </label>
      <div>
        <Button type="submit" size="small" disabledFocusable={busy}>Accept warning</Button>
      </div>
    </form>
  );
}
