/**
 * One mark per cell that has findings: the highest severity's fill, and a note that begins with each finding's
 * severity word and message, then how to fix it ("Error (P02): … How to fix: …").
 */
import type { Finding, Severity } from '../checks/types';
import { RULES } from '../checks/registry';
import type { Mark } from './types';
import { cutText } from './text';

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };
export const SEVERITY_WORD: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Info' };
/** A note longer than this is cut: the Checks tab has the whole text. */
const NOTE_MAX = 1000;

let fixes: Map<string, string> | null = null;
function fixOf(rule: string): string | undefined {
  fixes ??= new Map(RULES.map((r) => [r.id, r.explanation.fix]));
  return fixes.get(rule);
}

export function markNoteLine(f: Finding, fix = fixOf(f.rule)): string {
  const message = f.message.replace(/[.\s]+$/, '');
  const accepted = f.accepted ? ` Accepted: ${f.accepted.reason} (${f.accepted.by}, ${f.accepted.date}).` : '';
  return `${SEVERITY_WORD[f.severity]} (${f.rule}): ${message}.${accepted}${fix && !f.accepted ? ` How to fix: ${fix}` : ''}`;
}

export function planMarks(findings: Finding[]): Mark[] {
  const byCell = new Map<string, { sheet: string; cell: string; severity: Severity; findings: Finding[]; rules: string[] }>();
  for (const f of findings) {
    if (!f.sheet || !f.cell) continue; // about a missing thing: on the Checks tab only
    const cell = f.cell.split(':')[0].replace(/\$/g, '').toUpperCase();
    const key = `${f.sheet}\u0000${cell}`;
    const m = byCell.get(key) ?? { sheet: f.sheet, cell, severity: f.severity, findings: [], rules: [] };
    if (RANK[f.severity] > RANK[m.severity]) m.severity = f.severity;
    m.findings.push(f);
    if (!m.rules.includes(f.rule)) m.rules.push(f.rule);
    byCell.set(key, m);
  }
  return [...byCell.values()].map((m) => {
    // The most severe first, so the note's first word is the mark's severity.
    const lines = [...m.findings].sort((a, b) => RANK[b.severity] - RANK[a.severity]).map((f) => markNoteLine(f));
    return { sheet: m.sheet, cell: m.cell, severity: m.severity, note: cutText(lines.join('\n'), NOTE_MAX), rules: m.rules };
  });
}
