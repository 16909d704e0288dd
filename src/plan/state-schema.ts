/**
 * The _clusterix state's schema (plan/state.ts loads this module only when there is a state to check).
 * zod/mini: the same checks at a fraction of the task pane's bundle.
 */
import * as z from 'zod/mini';
import { STATE_FORMAT_VERSION } from './types';

export function stateSchema() {
  const savedCellSchema = z.object({
    sheet: z.string(),
    cell: z.string(),
    fill: z.nullable(z.string()),
    fillDetail: z.optional(z.unknown()),
    note: z.nullable(z.string()),
    noteDetail: z.optional(z.unknown()),
    markKind: z.enum(['note', 'comment']),
  });

  const acceptanceSchema = z.object({
    rule: z.string(),
    sheet: z.string(),
    cell: z.string(),
    fingerprint: z.string(),
    reason: z.string(),
    by: z.string(),
    date: z.string(),
  });

  return z.object({
    format: z.literal(STATE_FORMAT_VERSION),
    product: z.string(),
    version: z.string(),
    tabs: z.array(z.string()),
    marks: z.array(savedCellSchema),
    accepted: z.optional(z.array(acceptanceSchema)),
  });
}

export type StateSchema = ReturnType<typeof stateSchema>;
