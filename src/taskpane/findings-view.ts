/**
 * What the findings list shows, decided once: each finding's kind (an error, still to fill in, a warning, info, or
 * an accepted warning), the counts, the groups in order, and the filters by kind, partner and sheet. Pure.
 */
import type { Finding } from '../checks/types';

/** A finding as the pane gets it: with the partner it is about, where one is ("4 INMA"). */
export type PaneFinding = Finding & { partner?: string | null };

/** The outcome's findings with their partners put on them (the outcome keeps the engine's findings as they are). */
export function paneFindings(outcome: { findings: Finding[]; partners?: (string | null)[] }): PaneFinding[] {
  return outcome.findings.map((f, i) => ({ ...f, partner: outcome.partners?.[i] ?? null }));
}

export type FindingKind = 'error' | 'toFill' | 'warning' | 'info' | 'accepted';
export const KINDS: FindingKind[] = ['error', 'toFill', 'warning', 'info', 'accepted'];

export const KIND_LABEL: Record<FindingKind, { one: string; many: string; heading: string }> = {
  error: { one: 'error', many: 'errors', heading: 'Errors' },
  toFill: { one: 'to fill in', many: 'to fill in', heading: 'Still to fill in' },
  warning: { one: 'warning', many: 'warnings', heading: 'Warnings' },
  info: { one: 'info', many: 'info', heading: 'Info' },
  accepted: { one: 'accepted', many: 'accepted', heading: 'Accepted warnings' },
};

export function kindOf(f: Finding): FindingKind {
  if (f.accepted && f.severity === 'warning') return 'accepted';
  if (f.toFill) return 'toFill';
  return f.severity;
}

export type KindCounts = Record<FindingKind, number>;

export function countKinds(findings: readonly Finding[]): KindCounts {
  const c: KindCounts = { error: 0, toFill: 0, warning: 0, info: 0, accepted: 0 };
  for (const f of findings) c[kindOf(f)]++;
  return c;
}

export interface FindingsFilter {
  /** null: every kind. */
  kind: FindingKind | null;
  partner: string | null;
  sheet: string | null;
}
export const NO_FILTER: FindingsFilter = { kind: null, partner: null, sheet: null };

export const isFiltered = (f: FindingsFilter) => f.kind !== null || f.partner !== null || f.sheet !== null;

/** The sheet a finding is listed under: "Workbook" for one about something missing anywhere. */
export const sheetOf = (f: Finding) => f.sheet ?? 'Workbook';

export function applyFilter<T extends PaneFinding>(findings: readonly T[], filter: FindingsFilter): T[] {
  return findings.filter(
    (f) => (filter.kind === null || kindOf(f) === filter.kind) && (filter.partner === null || f.partner === filter.partner) && (filter.sheet === null || sheetOf(f) === filter.sheet),
  );
}

/** Partners and sheets that have findings, in first-seen order (partners by number). */
export function filterOptions(findings: readonly PaneFinding[]): { partners: string[]; sheets: string[] } {
  const partners = new Set<string>();
  const sheets = new Set<string>();
  for (const f of findings) {
    if (f.partner) partners.add(f.partner);
    sheets.add(sheetOf(f));
  }
  const no = (p: string) => Number(/^\d+/.exec(p)?.[0] ?? Infinity);
  return { partners: [...partners].sort((a, b) => no(a) - no(b) || a.localeCompare(b)), sheets: [...sheets] };
}

export interface FindingGroup<T> {
  kind: FindingKind;
  findings: T[];
}

/** Groups in the order a finance officer works through them: errors, what is still to fill in, warnings, info, accepted. */
export function groupByKind<T extends Finding>(findings: readonly T[]): FindingGroup<T>[] {
  return KINDS.map((kind) => ({ kind, findings: findings.filter((f) => kindOf(f) === kind) })).filter((g) => g.findings.length > 0);
}

/** "Budget INMA!B15", "Project", or "Workbook". */
export function placeOf(f: Finding): string {
  if (!f.sheet) return 'Workbook';
  return f.cell ? `${f.sheet}!${f.cell}` : f.sheet;
}

const plural = (n: number, label: { one: string; many: string }) => `${n} ${n === 1 ? label.one : label.many}`;

/** "2 errors, 11 to fill in, 0 warnings, 7 info" (to fill in and accepted only when there are some). */
export function countsSentence(c: KindCounts): string {
  const parts = [plural(c.error, KIND_LABEL.error)];
  if (c.toFill > 0) parts.push(plural(c.toFill, KIND_LABEL.toFill));
  parts.push(plural(c.warning, KIND_LABEL.warning), plural(c.info, KIND_LABEL.info));
  if (c.accepted > 0) parts.push(plural(c.accepted, KIND_LABEL.accepted));
  return parts.join(', ');
}
