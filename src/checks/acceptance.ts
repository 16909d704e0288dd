/**
 * Accepted warnings (interfaces.md, "Accepting a warning"): a person's reason for leaving a warning as it is,
 * stored in _clusterix with a fingerprint of what the finding was computed from. The one place that decides
 * whether an acceptance still holds: same rule, same place, a warning, and the same fingerprint; otherwise the
 * warning is open again. Both faces call this through the engine.
 */
import type { Finding } from './types';
import type { WorkbookSnapshot } from '../snapshot/types';
import type { Acceptance } from '../plan/types';
import { parseA1 } from '../util/a1';
import { cellAt } from '../snapshot/cells';

const placeKey = (rule: string, sheet: string | null, cell: string | null) =>
  `${rule}\u0000${(sheet ?? '').toLowerCase()}\u0000${(cell ?? '').replace(/\$/g, '').toUpperCase()}`;

/** Cells of an A1 range, capped: a finding's range is one row or one cell in practice. */
function cellsOf(range: string): { row: number; col: number }[] {
  const [a, b = a] = range.replace(/\$/g, '').split(':');
  const p = parseA1(a);
  const q = parseA1(b);
  const out: { row: number; col: number }[] = [];
  for (let r = Math.min(p.row, q.row); r <= Math.max(p.row, q.row) && out.length < 10_000; r++) {
    for (let c = Math.min(p.col, q.col); c <= Math.max(p.col, q.col) && out.length < 10_000; c++) out.push({ row: r, col: c });
  }
  return out;
}

/** FNV-1a, 32 bits, as 8 hex digits: enough to notice a change, and the same in Node and in the pane. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * What a finding was computed from: the values of the cells it points at, and the figures it compared
 * (expected, actual), which carry the sums of the other cells the rule read.
 */
export function fingerprint(snapshot: WorkbookSnapshot, f: Finding): string {
  const parts: string[] = [f.rule, f.sheet ?? '', f.cell ?? '', String(f.expected ?? ''), String(f.actual ?? '')];
  const sheet = f.sheet ? snapshot.sheets.find((s) => s.name.toLowerCase() === f.sheet!.toLowerCase()) : undefined;
  if (sheet && f.cell) {
    try {
      for (const { row, col } of cellsOf(f.cell)) parts.push(JSON.stringify(cellAt(sheet, row, col).value));
    } catch {
      parts.push('?');
    }
  }
  return `${parts.join('|').length}-${hash(parts.join('|'))}`;
}

/** Sets `accepted` on the warnings an acceptance still holds for (in place); returns how many hold. */
export function honourAcceptances(findings: Finding[], accepted: readonly Acceptance[] | undefined, snapshot: WorkbookSnapshot): number {
  if (!accepted || accepted.length === 0) return 0;
  const byPlace = new Map(accepted.map((a) => [placeKey(a.rule, a.sheet, a.cell), a]));
  let n = 0;
  for (const f of findings) {
    if (f.severity !== 'warning') continue; // an error is never accepted, whatever the state says
    const a = byPlace.get(placeKey(f.rule, f.sheet, f.cell));
    if (!a || a.fingerprint !== fingerprint(snapshot, f)) continue;
    f.accepted = { reason: a.reason, by: a.by, date: a.date };
    n++;
  }
  return n;
}

export interface AcceptRequest {
  rule: string;
  sheet: string;
  cell: string;
  reason: string;
  by: string;
  /** 'YYYY-MM-DD' */
  date: string;
}

/** A new acceptance for a finding of this run, or the words why not (an error, no such finding, no reason). */
export function acceptance(findings: readonly Finding[], snapshot: WorkbookSnapshot, req: AcceptRequest): { ok: Acceptance } | { refused: string } {
  const reason = req.reason.trim();
  const by = req.by.trim();
  const where = `${req.sheet}!${req.cell}`;
  if (!reason) return { refused: 'a reason is required to accept a warning' };
  if (!by) return { refused: 'the name or initials of the person accepting are required' };
  const key = placeKey(req.rule, req.sheet, req.cell);
  const same = findings.filter((f) => placeKey(f.rule, f.sheet, f.cell) === key);
  if (same.length === 0) {
    const here = findings.filter((f) => placeKey('', f.sheet, f.cell) === placeKey('', req.sheet, req.cell)).map((f) => `${f.rule} (${f.severity})`);
    return { refused: `no ${req.rule} finding on ${where}${here.length ? `; that cell has ${here.join(', ')}` : ''}` };
  }
  const f = same[0];
  if (f.severity !== 'warning') return { refused: `${f.rule} on ${where} is ${f.severity === 'error' ? 'an error' : 'an info'}: only a warning can be accepted; correct the cell instead` };
  return { ok: { rule: f.rule, sheet: f.sheet as string, cell: f.cell as string, fingerprint: fingerprint(snapshot, f), reason: reason.slice(0, 500), by: by.slice(0, 100), date: req.date } };
}

/** The list with this acceptance in place of any earlier one for the same rule and place. */
export function withAcceptance(list: readonly Acceptance[] | undefined, a: Acceptance): Acceptance[] {
  const key = placeKey(a.rule, a.sheet, a.cell);
  return [...(list ?? []).filter((x) => placeKey(x.rule, x.sheet, x.cell) !== key), a];
}
