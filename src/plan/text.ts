/** Text from the workbook goes into cells and notes as text, cut where it would stop being readable. */
import type { PlanValue } from './types';

export const MAX_TEXT = 1000;

export function cutText(text: string, max = MAX_TEXT): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function textValue(text: string): PlanValue {
  return { kind: 'text', text: cutText(text) };
}

/**
 * Makes V8 keep `s` as one flat string. A formula built with + or a template is a tree of concatenations (about
 * four 32-byte nodes and their pieces for '=IF(H9=0,"",I9/H9)'), which every garbage collection copies while the
 * plan lives, and which the writer flattens anyway when it reads it. Reading a character flattens it once, here;
 * the collector then keeps only the flat string. The text is unchanged.
 */
export function flatten(s: string): void {
  s.charCodeAt(0);
}
