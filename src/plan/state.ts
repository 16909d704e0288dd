/**
 * The _clusterix state (JSON in A1 of the very hidden sheet), shared by both faces: which tabs are ours and,
 * for each cell we marked, the user's own fill and note from before the mark. Pure: the adapters read and
 * write cells; this decides what to save and what to restore.
 */
// The zod/mini schema (plan/state-schema.ts) is loaded on the first state to check, not at start: a workbook
// without our state (every first run) never needs it, and loading zod costs the command line about 0.1 s.
import type { StateSchema } from './state-schema';
import { PRODUCT, VERSION } from '../version';
import { STATE_FORMAT_VERSION, STATE_SHEET, type ClusterixState, type Mark, type SavedCell } from './types';

function buildStateSchema(): StateSchema {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('./state-schema') as typeof import('./state-schema')).stateSchema();
}

let stateSchema: StateSchema | undefined;

export function emptyState(): ClusterixState {
  return { format: STATE_FORMAT_VERSION, product: PRODUCT, version: VERSION, tabs: [], marks: [] };
}

/** Absent, damaged or foreign state reads as empty: a bad A1 must never stop Consolidate or Clear. */
export function parseState(text: string | null | undefined): ClusterixState {
  if (typeof text !== 'string' || text.trim() === '') return emptyState();
  try {
    const r = (stateSchema ??= buildStateSchema()).safeParse(JSON.parse(text));
    return r.success ? (r.data as ClusterixState) : emptyState();
  } catch {
    return emptyState();
  }
}

/** Keys in one order, whoever built the state: consolidating twice writes the same text. */
export function serializeState(state: ClusterixState): string {
  const marks = state.marks.map(({ sheet, cell, fill, fillDetail, note, noteDetail, markKind }) => ({ sheet, cell, fill, fillDetail, note, noteDetail, markKind }));
  const accepted = (state.accepted ?? []).map(({ rule, sheet, cell, fingerprint, reason, by, date }) => ({ rule, sheet, cell, fingerprint, reason, by, date }));
  // Without acceptances the text is as before they existed.
  return JSON.stringify({ format: state.format, product: state.product, version: state.version, tabs: state.tabs, marks, ...(accepted.length ? { accepted } : {}) });
}

/** The user's formatting of a cell as the adapter reads it now. */
export interface CellLook {
  fill: string | null;
  fillDetail?: unknown;
  note: string | null;
  noteDetail?: unknown;
}

export interface MarkMerge {
  /** The state to write after this run. */
  state: ClusterixState;
  /** Cells marked before and not now: put the user's formatting back. */
  restore: SavedCell[];
  /** The marks to apply now, one per cell (several findings on a cell already joined by the plan). */
  apply: Mark[];
}

const key = (sheet: string, cell: string) => `${sheet}\u0000${cell.toUpperCase()}`;

/**
 * Next state from the previous one and this run's marks. A cell we marked before keeps the ORIGINAL
 * user look saved (what it shows now is our mark); a newly marked cell saves what `readCell` sees.
 */
export function mergeMarks(
  prev: ClusterixState,
  marks: Mark[],
  readCell: (sheet: string, cell: string) => CellLook,
  opts: { tabs: string[]; markKind: 'note' | 'comment' },
): MarkMerge {
  const before = new Map(prev.marks.map((m) => [key(m.sheet, m.cell), m]));
  const seen = new Set<string>();
  const saved: SavedCell[] = [];
  const apply: Mark[] = [];
  for (const mark of marks) {
    const k = key(mark.sheet, mark.cell);
    if (seen.has(k)) continue;
    seen.add(k);
    apply.push(mark);
    const old = before.get(k);
    if (old) {
      saved.push(old);
      continue;
    }
    const look = readCell(mark.sheet, mark.cell);
    const cell: SavedCell = { sheet: mark.sheet, cell: mark.cell, fill: look.fill, note: look.note, markKind: opts.markKind };
    if (look.fillDetail !== undefined) cell.fillDetail = look.fillDetail;
    if (look.noteDetail !== undefined) cell.noteDetail = look.noteDetail;
    saved.push(cell);
  }
  const restore = prev.marks.filter((m) => !seen.has(key(m.sheet, m.cell)));
  return { state: { ...emptyState(), tabs: [...opts.tabs], marks: saved, ...keptAcceptances(prev) }, restore, apply };
}

/** Acceptances are a person's decisions, not marks: every run and Clear marks keep them. */
function keptAcceptances(prev: ClusterixState): Pick<ClusterixState, 'accepted'> {
  return prev.accepted && prev.accepted.length > 0 ? { accepted: [...prev.accepted] } : {};
}

/** Whether the state still holds anything (else its sheet can go). */
export function stateHoldsAnything(state: ClusterixState): boolean {
  return state.tabs.length > 0 || state.marks.length > 0 || (state.accepted?.length ?? 0) > 0;
}

/** Clear marks: every saved cell goes back; nothing of ours remains but the accepted warnings. */
export function clearMarks(prev: ClusterixState): { state: ClusterixState; restore: SavedCell[] } {
  return { state: { ...emptyState(), ...keptAcceptances(prev) }, restore: [...prev.marks] };
}

/** The state as the _clusterix sheet of a snapshot holds it (column A from A1), or empty. */
export function stateOfSnapshot(snapshot: { sheets: { name: string; values: unknown[][]; top: number; left: number }[] }): ClusterixState {
  const sheet = snapshot.sheets.find((s) => s.name.toLowerCase() === STATE_SHEET);
  if (!sheet || sheet.left !== 0 || sheet.top !== 0) return emptyState();
  return parseState(joinStateChunks(sheet.values.map((row) => row[0])));
}

/** Whether a sheet of this name is one of our tabs (listed in the state), so it may be replaced. */
export function isOurTab(state: ClusterixState, name: string): boolean {
  const n = name.toLowerCase();
  return state.tabs.some((t) => t.toLowerCase() === n);
}

/** A cell holds at most 32,767 characters: the JSON goes in A1, continued in A2, A3… when longer. */
export const STATE_CHUNK = 32000;

export function stateChunks(state: ClusterixState): string[] {
  const text = serializeState(state);
  const out: string[] = [];
  for (let i = 0; i < text.length; i += STATE_CHUNK) out.push(text.slice(i, i + STATE_CHUNK));
  return out.length ? out : [''];
}

/** Column A of _clusterix from A1 down to the first empty cell, joined. */
export function joinStateChunks(columnA: readonly unknown[]): string {
  let text = '';
  for (const v of columnA) {
    if (typeof v !== 'string' || v === '') break;
    text += v;
  }
  return text;
}
