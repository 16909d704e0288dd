/** Partner and sheet filters, what is shown of how many, and Copy findings. */
import * as React from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { FindingsFilter } from '../findings-view';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'center' },
  select: {
    flex: '1 1 0',
    minWidth: 0,
    font: 'inherit',
    fontSize: tokens.fontSizeBase200,
    height: '26px',
    color: tokens.colorNeutralForeground1,
    background: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStrokeAccessible}`,
    borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  shown: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalS, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, minHeight: '24px' },
});

export interface FindingsFiltersProps {
  filter: FindingsFilter;
  partners: string[];
  sheets: string[];
  shown: number;
  total: number;
  onChange(filter: FindingsFilter): void;
  onCopy(): void;
}

export function FindingsFilters({ filter, partners, sheets, shown, total, onChange, onCopy }: FindingsFiltersProps) {
  const styles = useStyles();
  const filtered = shown !== total;
  return (
    <>
      <div className={styles.row}>
        <select className={styles.select} aria-label="Partner" value={filter.partner ?? ''} disabled={partners.length === 0} onChange={(e) => onChange({ ...filter, partner: e.target.value || null })}>
          <option value="">All partners</option>
          {partners.map((p) => (
            <option key={p} value={p}>Partner {p}</option>
          ))}
        </select>
        <select className={styles.select} aria-label="Sheet" value={filter.sheet ?? ''} onChange={(e) => onChange({ ...filter, sheet: e.target.value || null })}>
          <option value="">All sheets</option>
          {sheets.map((s) => (
            <option key={s} value={s}>{s}</option>
          ))}
        </select>
      </div>
      <div className={styles.shown}>
        <span data-testid="shown">{filtered ? `Showing ${shown} of ${total}` : `${total} ${total === 1 ? 'finding' : 'findings'}`}</span>
        <span>
          {filtered && (
            <Button size="small" appearance="transparent" onClick={() => onChange({ kind: null, partner: null, sheet: null })}>Show all</Button>
          )}
          <Button size="small" appearance="subtle" onClick={onCopy} disabled={shown === 0}>Copy findings</Button>
        </span>
      </div>
    </>
  );
}
