/**
 * The last change to the package Consolidate writes (the package writer's transform): the report tabs' charts,
 * and our notes by "ClusteriX Reporting" in boxes sized to their text.
 */
import type { ReportPlan } from '../../plan/types';
import { a1 } from '../../util/a1';
import { addCharts } from './charts';
import { patchOurNotes } from './note-parts';
import { STRICT_MAIN, toStrict } from './package/parts';

export function reportParts(pkg: Record<string, Uint8Array>, plan: ReportPlan): Record<string, Uint8Array> {
  // The parts this step writes, noted as it writes them: comparing every part would read (inflate) them all.
  const written = new Set<string>();
  const watched = new Proxy(pkg, {
    set(target, name, value) {
      if (typeof name === 'string') written.add(name);
      return Reflect.set(target, name, value);
    },
  });
  addCharts(watched, plan.tabs);
  const ours = new Map<string, Map<string, string>>();
  const add = (sheet: string, cell: string, text: string) => {
    const m = ours.get(sheet) ?? new Map<string, string>();
    m.set(cell, text);
    ours.set(sheet, m);
  };
  for (const m of plan.marks) add(m.sheet, m.cell, m.note);
  for (const t of plan.tabs) for (const c of t.cells) if (c.note) add(t.name, a1(c.row, c.col), c.note);
  patchOurNotes(watched, ours, new Set(plan.tabs.map((t) => t.name)));
  spellStrictWhereStrict(pkg, written);
  return pkg;
}

/** In a strict OOXML package, what this step added or changed uses strict's namespaces and relationship types, as the writer's own parts do. */
function spellStrictWhereStrict(pkg: Record<string, Uint8Array>, written: Set<string>): void {
  const changed = [...written].filter((k) => k in pkg && /\.(xml|rels)$/.test(k));
  const text = (k: string) => new TextDecoder().decode(pkg[k]);
  // Looked for in the bytes: decoding a report tab of several MB to find a namespace is most of the cost.
  const holdsStrict = (k: string) => bytesInclude(pkg[k], STRICT_MAIN_BYTES);
  if (!changed.some((k) => k.startsWith('xl/worksheets/') && holdsStrict(k))) return;
  for (const k of changed) pkg[k] = new TextEncoder().encode(toStrict(text(k)));
}

const STRICT_MAIN_BYTES = new TextEncoder().encode(STRICT_MAIN);

/** Whether `needle` occurs in `hay` (plain typed arrays: this step also runs where there is no Buffer). */
function bytesInclude(hay: Uint8Array, needle: Uint8Array): boolean {
  // Node's Buffer searches natively (the loop below is several ms over 500 partners' sheets); the pane has none.
  const NodeBuffer = (globalThis as { Buffer?: typeof Buffer }).Buffer;
  if (NodeBuffer) return NodeBuffer.from(hay.buffer, hay.byteOffset, hay.byteLength).includes(NodeBuffer.from(needle.buffer, needle.byteOffset, needle.byteLength));
  const last = hay.length - needle.length;
  for (let i = hay.indexOf(needle[0]); i >= 0 && i <= last; i = hay.indexOf(needle[0], i + 1)) {
    let k = 1;
    while (k < needle.length && hay[i + k] === needle[k]) k++;
    if (k === needle.length) return true;
  }
  return false;
}
