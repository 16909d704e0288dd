/**
 * Import partner files…: a file picker (.xlsx, several) whose files go to `actions.importPartnerFiles` as base64;
 * the per-file lines of what changed show above the check's findings.
 */
import * as React from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { PaneActions, PaneOutcome, PartnerFileInput, Progress } from '../actions';

const useStyles = makeStyles({
  lines: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
});

/** The import, then its check, as one pane run: the check's outcome carrying the lines; a refusal its one line. */
export async function importWork(actions: PaneActions, files: PartnerFileInput[], progress?: Progress): Promise<PaneOutcome> {
  if (!actions.importPartnerFiles) return { kind: 'failed', message: 'Import partner files needs a newer Excel. Use the command line: clusterix import BOOK.xlsx PARTNER.xlsx…' };
  const r = await actions.importPartnerFiles(files, progress);
  if (r.kind === 'failed') return r;
  if (r.outcome.kind === 'done') return { ...r.outcome, imported: r.lines };
  if (r.outcome.kind === 'failed') return { kind: 'failed', message: `${r.lines.join(' ')} Then the check failed: ${r.outcome.message}` };
  return r.outcome;
}

/** A picked file as base64 (FileReader: what every Office browser has). */
function readAsBase64(file: File): Promise<PartnerFileInput> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve({ name: file.name, base64: String(reader.result).replace(/^data:[^,]*,/, '') });
    reader.onerror = () => reject(new Error(`Could not read ${file.name}`));
    reader.readAsDataURL(file);
  });
}

export function ImportPartnersButton({ busy, onFiles }: { busy: boolean; onFiles: (files: PartnerFileInput[]) => void }) {
  const input = React.useRef<HTMLInputElement>(null);
  const picked = (e: React.ChangeEvent<HTMLInputElement>) => {
    const files = [...(e.target.files ?? [])];
    e.target.value = ''; // the same files can be picked again
    if (files.length) void Promise.all(files.map(readAsBase64)).then(onFiles);
  };
  return (
    <>
      <input ref={input} type="file" accept=".xlsx" multiple hidden onChange={picked} data-testid="partner-files" />
      <Button disabledFocusable={busy} onClick={() => input.current?.click()}>Import partner files…</Button>
    </>
  );
}

export function ImportedLines({ lines }: { lines: string[] }) {
  const styles = useStyles();
  return (
    <ul className={styles.lines} aria-label="Partner files imported">
      {lines.map((l) => (
        <li key={l}>{l}</li>
      ))}
    </ul>
  );
}
