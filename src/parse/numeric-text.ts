/**
 * Numeric text as people type it (workbook.md): '12500', '12 500,00', '12.500,00', '12,500.00', '€ 1 200',
 * '1 200 EUR'. A (narrow) non-breaking space is a thousands separator; '1.250' and '1,250' (three digits after
 * the only separator) mean 1,250. Returns the amount in cents (exact: computed from the digits, not floats)
 * and whether it had at most two decimals; null when the text is no amount ('tbd', 'n/a', '-').
 */
export function parseNumericText(text: string): { cents: number; twoDecimals: boolean } | null {
  let t = text.replace(/[\u00a0\u202f\u2009\u2007]/g, ' ').trim();
  t = t.replace(/^(€|eur)\s*/i, '').replace(/\s*(€|eur)$/i, '').trim();
  let negative = false;
  if (/^[-\u2212]/.test(t)) {
    negative = true;
    t = t.slice(1).trim();
  }
  t = t.replace(/^(€|eur)\s*/i, '');
  if (!/^\d[\d\s.,']*$/.test(t) || !/\d$/.test(t)) return null;
  // Spaces and apostrophes only ever separate thousands.
  if (/[\s']/.test(t) && !/^\d{1,3}([\s']\d{3})+([.,]\d+)?$/.test(t)) return null;
  t = t.replace(/[\s']/g, '');
  let intPart: string;
  let frac = '';
  const lastDot = t.lastIndexOf('.');
  const lastComma = t.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    const decSep = lastDot > lastComma ? '.' : ',';
    const thouSep = decSep === '.' ? ',' : '.';
    const [whole, f, ...rest] = t.split(decSep);
    if (rest.length > 0 || !validGroups(whole, thouSep)) return null;
    intPart = whole.split(thouSep).join('');
    frac = f;
  } else if (lastDot >= 0 || lastComma >= 0) {
    const sep = lastDot >= 0 ? '.' : ',';
    const pieces = t.split(sep);
    if (pieces.length > 2) {
      if (!validGroups(t, sep)) return null;
      intPart = pieces.join('');
    } else if (pieces[1].length === 3 && !/^0+$/.test(pieces[0])) {
      intPart = pieces.join(''); // '1.250' = 1,250; '0.125' is no thousands but three decimals
    } else {
      intPart = pieces[0];
      frac = pieces[1];
    }
  } else {
    intPart = t;
  }
  if (!/^\d+$/.test(intPart) || !/^\d*$/.test(frac)) return null;
  const twoDecimals = frac.replace(/0+$/, '').length <= 2;
  const fracCents = frac.length <= 2 ? Number(frac.padEnd(2, '0')) : Math.round(Number(`0.${frac}`) * 100);
  const cents = Number(intPart) * 100 + fracCents;
  if (!Number.isSafeInteger(cents)) return null;
  return { cents: negative ? -cents : cents, twoDecimals };
}

function validGroups(whole: string, sep: string): boolean {
  const groups = whole.split(sep);
  return /^\d{1,3}$/.test(groups[0]) && groups.slice(1).every((g) => /^\d{3}$/.test(g));
}
