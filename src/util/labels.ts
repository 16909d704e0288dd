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
