/** normalizeLabel, remembered: checks compare the same few names thousands of times on a large workbook. */
import { normalizeLabel } from '../../util/labels';

const memo = new Map<string, string>();

export function norm(text: string | null | undefined): string {
  if (text === null || text === undefined) return '';
  let n = memo.get(text);
  if (n === undefined) {
    if (memo.size > 20000) memo.clear();
    n = normalizeLabel(text);
    memo.set(text, n);
  }
  return n;
}
