/** One mark per cell that has findings: the highest severity, and a note line '[RULE] message' per finding. */
import type { Finding, Severity } from '../checks/types';
import type { Mark } from './types';
import { cutText } from './text';

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export function planMarks(findings: Finding[]): Mark[] {
  const byCell = new Map<string, { sheet: string; cell: string; severity: Severity; lines: string[]; rules: string[] }>();
  for (const f of findings) {
    if (!f.sheet || !f.cell) continue; // about a missing thing: on the Checks tab only
    const cell = f.cell.split(':')[0].replace(/\$/g, '').toUpperCase();
    const key = `${f.sheet}\u0000${cell}`;
    const m = byCell.get(key) ?? { sheet: f.sheet, cell, severity: f.severity, lines: [], rules: [] };
    if (RANK[f.severity] > RANK[m.severity]) m.severity = f.severity;
    m.lines.push(`[${f.rule}] ${f.message}${f.accepted ? ` (accepted: ${f.accepted.reason} (${f.accepted.by}, ${f.accepted.date}))` : ''}`);
    if (!m.rules.includes(f.rule)) m.rules.push(f.rule);
    byCell.set(key, m);
  }
  return [...byCell.values()].map((m) => ({ sheet: m.sheet, cell: m.cell, severity: m.severity, note: cutText(m.lines.join('\n')), rules: m.rules }));
}
