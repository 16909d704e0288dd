/** Every finding, grouped by severity and sheet; each one goes to its cell, and carries its rule's what/why/fix. */
import * as React from 'react';
import { Link, makeStyles, tokens } from '@fluentui/react-components';
import type { Finding, RuleExplanation } from '../../checks/types';
import { groupFindings } from './group-findings';
import { SEVERITY_LABEL, SEVERITY_FILL } from './severity';

type Explanations = Record<string, RuleExplanation & { title: string }>;

const useStyles = makeStyles({
  heading: { margin: `${tokens.spacingVerticalS} 0 0`, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  sheet: { margin: `${tokens.spacingVerticalXS} 0 0`, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { borderLeft: '4px solid transparent', paddingLeft: tokens.spacingHorizontalS },
  rule: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, marginRight: tokens.spacingHorizontalXS },
  link: { textAlign: 'left' },
  about: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  summary: { cursor: 'pointer' },
  dl: { margin: `${tokens.spacingVerticalXS} 0 0`, '& dt': { fontWeight: tokens.fontWeightSemibold }, '& dd': { marginLeft: 0, marginBottom: tokens.spacingVerticalXS } },
});

export interface FindingsListProps {
  findings: Finding[];
  explanations: Explanations;
  onSelect(sheet: string, cell: string | null): void;
}

export function FindingsList({ findings, explanations, onSelect }: FindingsListProps) {
  const styles = useStyles();
  if (findings.length === 0) return <p>No findings: every check passed.</p>;
  return (
    <section aria-label="Findings">
      {groupFindings(findings).map((group) => (
        <section key={group.severity} aria-labelledby={`findings-${group.severity}`}>
          <h2 id={`findings-${group.severity}`} className={styles.heading}>
            {capitalize(SEVERITY_LABEL[group.severity].many)}
          </h2>
          {group.sheets.map((sheet) => (
            <div key={sheet.sheet ?? ''}>
              <h3 className={styles.sheet}>{sheet.sheet ?? 'Workbook'}</h3>
              <ul className={styles.list}>
                {sheet.findings.map((f, i) => (
                  <li key={i} className={styles.item} style={{ borderLeftColor: SEVERITY_FILL[f.severity] }}>
                    <span className={styles.rule}>{f.rule}</span>
                    {f.sheet !== null ? (
                      <Link as="button" className={styles.link} onClick={() => onSelect(f.sheet as string, f.cell)} data-testid="finding-link">
                        {f.cell ? `${f.cell}: ` : ''}
                        {f.message}
                      </Link>
                    ) : (
                      <span>{f.message}</span>
                    )}
                    <RuleAbout rule={f.rule} explanation={explanations[f.rule]} />
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </section>
  );
}

// A native disclosure: keyboard and screen readers know it, and it costs no script.
function RuleAbout({ rule, explanation }: { rule: string; explanation?: RuleExplanation & { title: string } }) {
  const styles = useStyles();
  if (!explanation) return null;
  return (
    <details className={styles.about}>
      <summary className={styles.summary}>About {rule}: {explanation.title}</summary>
      <dl className={styles.dl}>
        <dt>What it checks</dt>
        <dd>{explanation.what}</dd>
        <dt>Why</dt>
        <dd>{explanation.why}</dd>
        <dt>How to fix</dt>
        <dd>{explanation.fix}</dd>
      </dl>
    </details>
  );
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
