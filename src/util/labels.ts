/**
 * Labels and names match case-insensitively, ignoring spaces, accents and punctuation
 * (workbook.md): "Approved budget (EUR)" ~ "approved budget eur", "IDM Südtirol – Alto Adige" ~ "idm sudtirol alto adige".
 */
export function normalizeLabel(text: unknown): string {
  if (text === null || text === undefined) return '';
  return String(text)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

export function labelMatches(text: unknown, synonyms: readonly string[]): boolean {
  const n = normalizeLabel(text);
  return n !== '' && synonyms.some((s) => normalizeLabel(s) === n);
}
