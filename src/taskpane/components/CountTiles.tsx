/** The counts by kind as toggle buttons: pressing one shows only that kind, pressing it again shows all. One Tab stop, arrows between. */
import * as React from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { KIND_LABEL, KINDS, type FindingKind, type KindCounts } from '../findings-view';
import { CUE } from './severity';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalXS, margin: 0, padding: 0 },
  tile: {
    flex: '1 1 0',
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXXS}`,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderTopWidth: '4px',
    borderRadius: tokens.borderRadiusMedium,
    background: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: 'inherit',
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    cursor: 'pointer',
    ':hover': { background: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  pressed: { background: tokens.colorNeutralBackground1Selected, outline: `2px solid ${tokens.colorNeutralForeground1}`, outlineOffset: '-1px' },
  number: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightBold, lineHeight: tokens.lineHeightBase400 },
  label: { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', maxWidth: '100%' },
});

export interface CountTilesProps {
  counts: KindCounts;
  selected: FindingKind | null;
  onSelect(kind: FindingKind | null): void;
}

export function CountTiles({ counts, selected, onSelect }: CountTilesProps) {
  const styles = useStyles();
  // Errors, warnings and info always; to fill in and accepted when there are some.
  const shown = KINDS.filter((k) => k === 'error' || k === 'warning' || k === 'info' || counts[k] > 0);
  // One Tab stop (roving tabindex): the pressed tile, else the one last focused; arrows move between them.
  const [focusKind, setFocusKind] = React.useState<FindingKind>(shown[0]);
  const current = shown.includes(focusKind) ? focusKind : selected && shown.includes(selected) ? selected : shown[0];
  const buttons = React.useRef(new Map<FindingKind, HTMLButtonElement | null>());
  const onKeyDown = (e: React.KeyboardEvent) => {
    const i = Math.max(0, shown.findIndex((k) => buttons.current.get(k) === e.target));
    const to = e.key === 'ArrowRight' ? Math.min(shown.length - 1, i + 1) : e.key === 'ArrowLeft' ? Math.max(0, i - 1) : e.key === 'Home' ? 0 : e.key === 'End' ? shown.length - 1 : -1;
    if (to < 0) return;
    e.preventDefault();
    setFocusKind(shown[to]);
    buttons.current.get(shown[to])?.focus();
  };
  return (
    <div className={styles.row} role="toolbar" aria-label="Show findings of one kind" onKeyDown={onKeyDown}>
      {shown.map((k) => {
        const n = counts[k];
        const label = n === 1 ? KIND_LABEL[k].one : KIND_LABEL[k].many;
        return (
          <button
            key={k}
            ref={(el) => void buttons.current.set(k, el)}
            tabIndex={k === current ? 0 : -1}
            onFocus={() => setFocusKind(k)}
            type="button"
            className={mergeClasses(styles.tile, selected === k && styles.pressed)}
            style={{ borderTopColor: CUE[k] }}
            aria-pressed={selected === k}
            title={selected === k ? 'Show all findings' : `Show only ${KIND_LABEL[k].many}`}
            onClick={() => onSelect(selected === k ? null : k)}
            data-testid={`count-${k}`}
          >
            <span className={styles.number} data-testid={`count-${k}-number`}>{n}</span>
            <span className={styles.label}>{label}</span>
          </button>
        );
      })}
    </div>
  );
}
