/**
 * Labels and names match case-insensitively, ignoring spaces, accents and punctuation
 * (workbook.md): "Approved budget (EUR)" ~ "approved budget eur", "IDM Südtirol – Alto Adige" ~ "idm sudtirol alto adige".
 */
const MEMO_LIMIT = 100_000;
const memo = new Map<string, string>();

export function normalizeLabel(text: unknown): string {
  if (text === null || text === undefined) return '';
  const key = String(text);
  // Workbooks repeat the same labels and names on every sheet: normalize each distinct text once.
  let n = memo.get(key);
  if (n === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, (n = normalize(key)));
  }
  return n;
}

function normalize(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

const LABEL_SETS = new Map<readonly string[], Set<string>>();

/** A list of synonyms as the set of its normalized labels, made once per list (the vocabulary's lists are constants). */
export function labelSet(synonyms: readonly string[]): Set<string> {
  let set = LABEL_SETS.get(synonyms);
  if (set === undefined) {
    set = new Set(synonyms.map(normalizeLabel));
    if (LABEL_SETS.size >= 1_000) LABEL_SETS.clear(); // bounded, should a caller ever pass lists made on the fly
    LABEL_SETS.set(synonyms, set);
  }
  return set;
}
