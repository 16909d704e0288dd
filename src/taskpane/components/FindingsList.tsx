/**
 * The findings, grouped by kind (errors, still to fill in, warnings, info, accepted). One Tab stop for the whole
 * list (roving tabindex): Up and Down move, Home and End jump, Enter goes to the cell, Right shows more (what the
 * check is, and Accept… on a warning), Left hides it.
 */
import * as React from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { RuleExplanation } from '../../checks/types';
import type { AcceptInput } from '../actions';
import { groupByKind, KIND_LABEL, type PaneFinding } from '../findings-view';
import { FindingRow } from './FindingRow';

type Explanations = Record<string, RuleExplanation & { title: string }>;

const useStyles = makeStyles({
  heading: { margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXXS}`, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  hint: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  list: { margin: 0, paddingLeft: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  toFill: { margin: `0 0 ${tokens.spacingVerticalXS}`, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

export interface FindingsListProps {
  findings: PaneFinding[];
  /** Every finding of the run, before filters (to say "no findings" from "none match"). */
  total: number;
  explanations: Explanations;
  busy: boolean;
  onSelect(sheet: string, cell: string | null): void;
  onAccept?(input: AcceptInput): void;
}

const MOVES: Record<string, (i: number, n: number) => number> = {
  ArrowDown: (i, n) => Math.min(n - 1, i + 1),
  ArrowUp: (i) => Math.max(0, i - 1),
  Home: () => 0,
  End: (_, n) => n - 1,
  PageDown: (i, n) => Math.min(n - 1, i + 10),
  PageUp: (i) => Math.max(0, i - 10),
};

export function FindingsList({ findings, total, explanations, busy, onSelect, onAccept }: FindingsListProps) {
  const styles = useStyles();
  const [active, setActive] = React.useState(0);
  const [open, setOpen] = React.useState<number | null>(null);
  const rows = React.useRef<(HTMLButtonElement | null)[]>([]);
  const groups = React.useMemo(() => groupByKind(findings), [findings]);
  const ordered = React.useMemo(() => groups.flatMap((g) => g.findings), [groups]);
  const current = Math.min(active, Math.max(0, ordered.length - 1));
  React.useEffect(() => setOpen(null), [findings]);

  if (total === 0) return <p>No findings: every check passed.</p>;
  if (ordered.length === 0) return <p>No finding matches these filters.</p>;

  const onKeyDown = (e: React.KeyboardEvent) => {
    const from = Number((e.target as HTMLElement).dataset?.index);
    if (!Number.isInteger(from)) return; // keys typed in an expanded row's form are its own
    if (MOVES[e.key]) {
      e.preventDefault();
      const to = MOVES[e.key](from, ordered.length);
      setActive(to);
      rows.current[to]?.focus();
    } else if (e.key === 'ArrowRight') {
      e.preventDefault();
      setOpen(from);
    } else if (e.key === 'ArrowLeft' || e.key === 'Escape') {
      setOpen(null);
    }
  };

  let index = 0;
  return (
    <section aria-label="Findings" onKeyDown={onKeyDown}>
      <p className={styles.hint} id="findings-keys">Arrow keys move through the list; Enter goes to the cell; Right arrow: more.</p>
      {groups.map((group) => (
        <section key={group.kind} aria-labelledby={`findings-${group.kind}`}>
          <h2 id={`findings-${group.kind}`} className={styles.heading}>
            {KIND_LABEL[group.kind].heading} ({group.findings.length})
          </h2>
          {group.kind === 'toFill' && <p className={styles.toFill}>Blanks a new workbook starts with: type these in, then run Check again.</p>}
          <ul className={styles.list}>
            {group.findings.map((f) => {
              const i = index++;
              return (
                <FindingRow
                  key={`${f.rule}|${f.sheet}|${f.cell}|${i}`}
                  finding={f}
                  index={i}
                  tabbable={i === current}
                  open={open === i}
                  busy={busy}
                  explanation={explanations[f.rule]}
                  buttonRef={(el) => (rows.current[i] = el)}
                  onFocus={() => setActive(i)}
                  onToggle={() => setOpen(open === i ? null : i)}
                  onSelect={onSelect}
                  onAccept={onAccept}
                />
              );
            })}
          </ul>
        </section>
      ))}
    </section>
  );
}
