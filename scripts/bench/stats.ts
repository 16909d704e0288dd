/** Medians and run budgets: enough runs for a steady figure, never minutes of waiting on a slow step. */

export function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** How many more runs fit in `budgetMs` after a first run of `firstMs`: between 0 and `wanted` − 1. */
export function moreRuns(firstMs: number, wanted: number, budgetMs: number): number {
  if (firstMs <= 0) return wanted - 1;
  return Math.max(0, Math.min(wanted - 1, Math.floor(budgetMs / firstMs)));
}
