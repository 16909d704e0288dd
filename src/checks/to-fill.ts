/**
 * The one place that decides which findings are "still to fill in": the blanks a freshly laid-out workbook starts
 * with (an approved budget not typed yet, a budget sheet with no plan at all), as opposed to data errors.
 */
import type { Finding } from './types';

const TO_FILL: Record<string, (f: Finding) => boolean> = {
  // "Approved budget of partner 3 (…) is blank"
  P04: (f) => f.actual === undefined && / is blank$/.test(f.message),
  // A budget sheet whose plan adds up to nothing yet against an approved budget.
  B04: (f) => f.actual === 0,
};

export function isToFill(f: Finding): boolean {
  return TO_FILL[f.rule]?.(f) ?? false;
}

/** Flags the to-fill findings (in place: findings are fresh objects from the rules). */
export function flagToFill(findings: Finding[]): Finding[] {
  for (const f of findings) if (isToFill(f)) f.toFill = true;
  return findings;
}
