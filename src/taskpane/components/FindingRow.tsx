/** One finding: its message first, then where, the partner and the rule (small); more on request. */
import * as React from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { RuleExplanation } from '../../checks/types';
import type { AcceptInput } from '../actions';
import { kindOf, placeOf, type PaneFinding } from '../findings-view';
import { CUE } from './severity';
import { AcceptForm } from './AcceptForm';

const useStyles = makeStyles({
  item: { borderLeft: '4px solid transparent', paddingLeft: tokens.spacingHorizontalXS, display: 'flex', flexDirection: 'column' },
  head: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalXXS },
  row: {
    flex: '1 1 auto',
    minWidth: 0,
    textAlign: 'left',
    background: 'transparent',
    border: 'none',
    borderRadius: tokens.borderRadiusSmall,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXXS}`,
    color: tokens.colorNeutralForeground1,
    font: 'inherit',
    cursor: 'pointer',
    ':hover': { background: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  rowStatic: { cursor: 'default' },
  message: { display: 'block', fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  meta: { display: 'block', fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  accepted: { display: 'block', fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, fontStyle: 'italic' },
  more: { flex: '0 0 auto', minWidth: '0', paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS },
  details: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, padding: `0 ${tokens.spacingHorizontalXS} ${tokens.spacingVerticalXS}` },
  dl: { margin: 0, '& dt': { fontWeight: tokens.fontWeightSemibold }, '& dd': { marginLeft: 0, marginBottom: tokens.spacingVerticalXXS } },
});

export interface FindingRowProps {
  finding: PaneFinding;
  index: number;
  tabbable: boolean;
  open: boolean;
  busy: boolean;
  explanation?: RuleExplanation & { title: string };
  buttonRef(el: HTMLButtonElement | null): void;
  onFocus(): void;
  onToggle(): void;
  onSelect(sheet: string, cell: string | null): void;
  onAccept?(input: AcceptInput): void;
}

export function FindingRow({ finding: f, index, tabbable, open, busy, explanation, buttonRef, onFocus, onToggle, onSelect, onAccept }: FindingRowProps) {
  const styles = useStyles();
  const kind = kindOf(f);
  const detailsId = `finding-more-${index}`;
  const meta = [placeOf(f), f.partner ? `partner ${f.partner.replace(/^(\d+) .*$/, '$1')}` : null, f.rule].filter(Boolean).join(' · ');
  const canGo = f.sheet !== null;
  return (
    <li className={styles.item} style={{ borderLeftColor: CUE[kind] }} data-kind={kind}>
      <div className={styles.head}>
        <button
          type="button"
          ref={buttonRef}
          className={canGo ? styles.row : `${styles.row} ${styles.rowStatic}`}
          tabIndex={tabbable ? 0 : -1}
          data-index={index}
          data-testid="finding-link"
          aria-describedby="findings-keys"
          aria-expanded={open}
          aria-controls={open ? detailsId : undefined}
          onFocus={onFocus}
          onClick={() => (canGo ? onSelect(f.sheet as string, f.cell) : onToggle())}
        >
          <span className={styles.message}>{f.message}</span>
          <span className={styles.meta}>{meta}</span>
          {f.accepted && (
            <span className={styles.accepted}>
              Accepted: {f.accepted.reason} ({f.accepted.by}, {f.accepted.date})
            </span>
          )}
        </button>
        {/* For the mouse; the keyboard has Right arrow. */}
        <Button size="small" appearance="subtle" className={styles.more} tabIndex={-1} aria-hidden="true" onClick={onToggle} title={open ? 'Less' : 'More about this finding'}>
          {open ? '▴' : '▾'}
        </Button>
      </div>
      {open && (
        <div id={detailsId} className={styles.details}>
          {explanation && (
            <dl className={styles.dl}>
              <dt>What it checks ({explanation.title})</dt>
              <dd>{explanation.what}</dd>
              <dt>Why</dt>
              <dd>{explanation.why}</dd>
              <dt>How to fix</dt>
              <dd>{explanation.fix}</dd>
            </dl>
          )}
          {kind === 'warning' && onAccept && f.sheet && f.cell && (
            <AcceptForm busy={busy} onAccept={(reason, by) => onAccept({ rule: f.rule, sheet: f.sheet as string, cell: f.cell as string, reason, by })} />
          )}
          {f.severity === 'error' && <p>An error cannot be accepted: {kind === 'toFill' ? 'fill in the cell' : 'correct the cell'}, then run Check again.</p>}
        </div>
      )}
    </li>
  );
}
