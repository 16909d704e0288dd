/** The short human table of findings: counts by severity, then one line per finding. */
import type { Finding, Severity } from '../checks/types';

const ORDER: Severity[] = ['error', 'warning', 'info'];

export function countBySeverity(findings: Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  // An accepted warning is not counted as a warning (interfaces.md); it is listed as accepted.
  for (const f of findings) if (!f.accepted) counts[f.severity] += 1;
  return counts;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function findingsTable(book: string, findings: Finding[]): string {
  const c = countBySeverity(findings);
  const accepted = findings.filter((f) => f.accepted).length;
  const toFill = findings.filter((f) => f.toFill).length;
  const errors = `${plural(c.error, 'error')}${toFill ? ` (${toFill} of them still to fill in)` : ''}`;
  const head = `${book}: ${errors}, ${plural(c.warning, 'warning')}, ${plural(c.info, 'info')}${accepted ? `, ${accepted} accepted` : ''}`;
  if (findings.length === 0) return `${head}\n`;
  const sorted = [...findings].sort((a, b) => ORDER.indexOf(a.severity) - ORDER.indexOf(b.severity) || Number(!!a.toFill) - Number(!!b.toFill));
  const rows = sorted.map((f) => [f.rule, f.accepted ? 'accepted' : f.toFill ? 'to fill in' : f.severity, where(f), f.accepted ? `${f.message} (accepted: ${f.accepted.reason} (${f.accepted.by}, ${f.accepted.date}))` : f.message]);
  const widths = [0, 1, 2].map((i) => Math.max(['rule', 'severity', 'where'][i].length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((s, i) => (i < 3 ? s.padEnd(widths[i]) : s)).join('  ').trimEnd();
  return [head, '', line(['rule', 'severity', 'where', 'message']), ...rows.map(line)].join('\n') + '\n';
}

/** Sheet!cell for people (sheet names unquoted: this is not a formula). */
function where(f: Finding): string {
  if (f.sheet === null) return '-';
  return f.cell === null ? f.sheet : `${f.sheet}!${f.cell}`;
}

/** 1 when any finding is an error, else 0 (interfaces.md). */
export function exitCodeFor(findings: Finding[]): number {
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}
