/** Partner and sheet filters, what is shown of how many, and Copy findings. */
import * as React from 'react';
import { Button, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { FindingsFilter } from '../findings-view';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'center' },
  select: { flex: '1 1 0', minWidth: 0 },
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
        <Select
          className={styles.select}
          size="small"
          aria-label="Partner"
          value={filter.partner ?? ''}
          disabled={partners.length === 0}
          onChange={(_, d) => onChange({ ...filter, partner: d.value || null })}
        >
          <option value="">All partners</option>
          {partners.map((p) => (
            <option key={p} value={p}>Partner {p}</option>
          ))}
        </Select>
        <Select className={styles.select} size="small" aria-label="Sheet" value={filter.sheet ?? ''} onChange={(_, d) => onChange({ ...filter, sheet: d.value || null })}>
          <option value="">All sheets</option>
          {sheets.map((s) => (
            <option key={s} value={s}>{s}</option>
          ))}
        </Select>
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
