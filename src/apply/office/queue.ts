/**
 * Writes gathered as steps with their size, sent in as few syncs as the payload limit allows: one sync when
 * everything fits under `chunkBytes` (Excel on the web refuses requests above 5 MB), one more per extra chunk.
 * Every chunk suspends screen updating again, since Excel resumes it at each sync.
 */
export const DEFAULT_CHUNK_BYTES = 4.5 * 1024 * 1024;
/**
 * What one small operation on a range weighs in a request as Microsoft's library serializes it inside Excel.run:
 * the range's object paths, Instantiate, _KeepReference and Instantiate again (Excel.run tracks every range), and
 * one property set. Measured on excel-web-16.00 through the wire host (N steps of one kind in one sync, real bytes
 * over N); test/office/sizing.test.ts holds the planner to 5 MB a request. Steps say how many they make.
 */
export const SMALL_OP_BYTES = 560;
/** Operations a step makes, in SMALL_OP_BYTES (measured, rounded up). */
export const OPS = {
  /** A mark's fill on its own range (sheet, range, format, fill paths). */
  fill: 1.65,
  /** A mark's fill and a new comment or note. */
  fillAndText: 2.05,
  /** A saved look put back: fill set or cleared, the comment's text changed or deleted. */
  restore: 2.2,
  /** A fill on a range of a worksheet object shared by the step. */
  fillOnSheet: 1.35,
  /** A hyperlink on a range of a worksheet object shared by the step. */
  link: 0.8,
} as const;
/** Values travel with their object path and property names: about a tenth more than their own JSON (measured 0.97-1.05). */
const PAYLOAD_OVERHEAD = 1.1;

export interface WriteStep {
  bytes: number;
  queue(context: Excel.RequestContext): void;
}

export class WriteQueue {
  private readonly steps: WriteStep[] = [];
  constructor(readonly chunkBytes: number = DEFAULT_CHUNK_BYTES) {}

  /** `operations`: how many small operations the step queues besides its payload (a style run sets up to three properties). */
  add(queue: (context: Excel.RequestContext) => void, payload?: unknown, operations = 1): void {
    const bytes = SMALL_OP_BYTES * operations + (payload === undefined ? 0 : Math.ceil(JSON.stringify(payload).length * PAYLOAD_OVERHEAD));
    this.steps.push({ bytes, queue });
  }

  get size(): number {
    return this.steps.length;
  }

  /** Steps grouped into chunks under the limit, in order (a step bigger than a chunk goes alone). */
  chunks(): WriteStep[][] {
    const out: WriteStep[][] = [];
    let current: WriteStep[] = [];
    let bytes = 0;
    for (const step of this.steps) {
      if (current.length > 0 && bytes + step.bytes > this.chunkBytes) {
        out.push(current);
        current = [];
        bytes = 0;
      }
      current.push(step);
      bytes += step.bytes;
    }
    if (current.length > 0) out.push(current);
    return out;
  }

  /** Queue and sync chunk by chunk; the number of syncs is the number of chunks. */
  async send(context: Excel.RequestContext): Promise<number> {
    const chunks = this.chunks();
    for (const chunk of chunks) {
      context.workbook.application.suspendScreenUpdatingUntilNextSync();
      for (const step of chunk) step.queue(context);
      // One sync per 5 MB chunk is the point of chunking: the only sync in a loop in this adapter.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    }
    return chunks.length;
  }
}

/** Rows of a grid split into blocks whose JSON stays under `maxBytes` (a tab bigger than a chunk). */
export function rowBlocks<T>(rows: T[][], maxBytes: number): { start: number; rows: T[][] }[] {
  const out: { start: number; rows: T[][] }[] = [];
  let start = 0;
  let bytes = 0;
  let block: T[][] = [];
  rows.forEach((row, i) => {
    const b = JSON.stringify(row).length + 1;
    if (block.length > 0 && bytes + b > maxBytes) {
      out.push({ start, rows: block });
      start = i;
      block = [];
      bytes = 0;
    }
    block.push(row);
    bytes += b;
  });
  if (block.length > 0) out.push({ start, rows: block });
  return out;
}

/** Items (fills, style runs, links, notes) one write step queues at most. */
const ITEMS_PER_STEP = 200;

/**
 * Items split into write steps of at most ITEMS_PER_STEP and an eighth of a chunk (as the cell blocks), so that
 * no step outgrows a chunk and steps pack well; `opsEach`: the most small operations one item makes.
 */
export function stepsOf<T>(items: T[], opsEach: number, chunkBytes: number): T[][] {
  const size = Math.max(1, Math.min(ITEMS_PER_STEP, Math.floor(chunkBytes / 8 / (SMALL_OP_BYTES * opsEach))));
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
