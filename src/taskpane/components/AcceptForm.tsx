/** Accept… a warning: a reason and the person's name or initials, both required. */
import * as React from 'react';
import { Button, Field, Input, Textarea, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, marginTop: tokens.spacingVerticalXS },
});

const BY_KEY = 'clusterix.acceptedBy';

export function AcceptForm({ busy, onAccept }: { busy: boolean; onAccept(reason: string, by: string): void }) {
  const styles = useStyles();
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
  return (
    <form className={styles.form} onSubmit={submit} aria-label="Accept this warning" noValidate>
      <Field label="Why is it acceptable?" required validationMessage={tried && !reason.trim() ? 'A reason is required.' : undefined} size="small">
        <Textarea value={reason} onChange={(_, d) => setReason(d.value)} resize="vertical" size="small" />
      </Field>
      <Field label="Your name or initials" required validationMessage={tried && !by.trim() ? 'Your name or initials are required.' : undefined} size="small">
        <Input value={by} onChange={(_, d) => setBy(d.value)} size="small" />
      </Field>
      <div>
        <Button type="submit" size="small" disabledFocusable={busy}>Accept warning</Button>
      </div>
    </form>
  );
}
