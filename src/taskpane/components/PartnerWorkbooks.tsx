/**
 * New partner workbooks…: the button, and the list of files it made, each a download link named as the command
 * line's --all names it, plus Download all (one zip: one download the browser does not hold back, one file
 * to keep). The files' object URLs live as long as the list: revoked when it closes or a new run replaces it.
 */
import * as React from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { PartnerBooksOutcome } from '../actions';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, marginTop: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  partner: { display: 'block', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  top: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
  // A plain link in Fluent's link colours (Fluent's Link component would add 3 kB to the pane's first load).
  link: {
    color: tokens.colorBrandForegroundLink,
    textDecorationLine: 'none',
    ':hover': { textDecorationLine: 'underline', color: tokens.colorBrandForegroundLinkHover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, borderRadius: tokens.borderRadiusSmall },
  },
  hint: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

type Made = Extract<PartnerBooksOutcome, { kind: 'made' }>;

/** The MIME type a download of this name carries. */
export function mimeOf(name: string): string {
  if (/\.zip$/i.test(name)) return 'application/zip';
  if (/\.xlsm$/i.test(name)) return 'application/vnd.ms-excel.sheet.macroEnabled.12';
  return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
}

export interface ObjectUrls {
  create(bytes: Uint8Array, name: string): string;
  revoke(url: string): void;
}
const browserUrls: ObjectUrls = {
  create: (bytes, name) => URL.createObjectURL(new Blob([bytes as BlobPart], { type: mimeOf(name) })),
  revoke: (url) => URL.revokeObjectURL(url),
};

export const PartnerWorkbooksButton = React.forwardRef<HTMLButtonElement, { busy: boolean; onClick(): void }>(function PartnerWorkbooksButton({ busy, onClick }, ref) {
  return (
    <Button ref={ref} disabledFocusable={busy} onClick={onClick}>
      New partner workbooks…
    </Button>
  );
});

export function PartnerWorkbooksList({ made, onClose, urls = browserUrls }: { made: Made; onClose(): void; urls?: ObjectUrls }) {
  const styles = useStyles();
  // One URL per file for as long as the list shows (made during render, so the links have them at once).
  const [links] = React.useState(() => ({ files: made.files.map((f) => urls.create(f.bytes, f.name)), all: urls.create(made.all.bytes, made.all.name) }));
  React.useEffect(() => () => [...links.files, links.all].forEach((u) => urls.revoke(u)), [links, urls]);
  const box = React.useRef<HTMLElement>(null);
  React.useEffect(() => box.current?.focus(), []);
  return (
    <section className={styles.box} aria-labelledby="partner-books-heading" tabIndex={-1} ref={box} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className={styles.top}>
        <h2 className={styles.heading} id="partner-books-heading">Partner workbooks</h2>
        <Button size="small" onClick={onClose}>Close</Button>
      </div>
      <p className={styles.hint}>Each holds the Project sheet (protected), the partner’s budget sheet and its indicator rows. Send each partner its file.</p>
      <a className={styles.link} href={links.all} download={made.all.name}>Download all ({made.all.name})</a>
      <ul className={styles.list} aria-label="Partner workbooks to download">
        {made.files.map((f, i) => (
          <li key={f.name}>
            <a className={styles.link} href={links.files[i]} download={f.name}>{f.name}</a>
            {f.partner && <span className={styles.partner} title={f.partner}>{f.partner}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
