/** Text from the workbook goes into cells and notes as text, cut where it would stop being readable. */
import type { PlanValue } from './types';

export const MAX_TEXT = 1000;

export function cutText(text: string, max = MAX_TEXT): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function textValue(text: string): PlanValue {
  return { kind: 'text', text: cutText(text) };
}
