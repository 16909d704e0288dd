/** Building findings: one shape for every rule, amounts as EUR numbers (cents / 100). */
import type { CellRef } from '../../model/types';
import type { Finding, Severity } from '../types';
import type { Cents } from '../../util/money';
import { a1 } from '../../util/a1';

export interface Place {
  sheet: string | null;
  cell: string | null;
}

export function finding(rule: string, severity: Severity, at: Place | CellRef | null, message: string, values: { expected?: number | string; actual?: number | string } = {}): Finding {
  const f: Finding = { rule, severity, sheet: at?.sheet ?? null, cell: at?.cell ?? null, message };
  if (values.expected !== undefined) f.expected = values.expected;
  if (values.actual !== undefined) f.actual = values.actual;
  return f;
}

/** Cents as the EUR number findings carry in `expected` / `actual`. */
export function eur(c: Cents | number): number {
  return c / 100;
}

/** An A1 range from 0-based corners ('C5:J5'), a single address when both corners are the same cell. */
export function range(r1: number, c1: number, r2: number, c2: number): string {
  const a = a1(r1, c1);
  const b = a1(r2, c2);
  return a === b ? a : `${a}:${b}`;
}

/** A rate in basis points of a percent as people write it: 8500 → '85%', 1250 → '12.5%'. */
export function percentBp(bp: number): string {
  return `${Number((bp / 100).toFixed(2))}%`;
}
