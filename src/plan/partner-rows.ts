/**
 * Where the partners' indicator rows go when a file adds or removes rows, decided once for both faces
 * (interfaces.md "Partner workbooks"): which whole rows are inserted or deleted, in what order, and where
 * each partner's block of rows is written afterwards.
 *
 * A partner's block is the run of its rows from its first row on the sheet that takes them. Its first rows
 * stay and are written over; when the file has more rows, the extra ones are inserted right below the rows
 * kept, so they take the formatting of the block's last row, as a user inserting rows there would get
 * (Excel's "format same as above"); when it has fewer, the block's last rows are deleted. Rows of the partner
 * elsewhere (not in that run, or on another indicator sheet) are deleted. A partner with no row on the sheet yet
 * gets its rows inserted below the sheet's last indicator row (its formatting, likewise), or right under the
 * header when the sheet has none (then with no formatting: a header's look is not a row's).
 *
 * The moves are listed bottom-up per sheet (a delete before an insert at the same row), so each one's row
 * numbers are those of the workbook as read: the Office adapter queues them in this order in its one write,
 * the CLI applies them to the package in the same order, and both move our state's addresses with them.
 */
import type { IndicatorRow } from '../model/types';
import { indicatorChanges, type ImportSide, type PlannedImport } from './partner-import';
import { movedRow, rowDeletions, type RowMove } from './row-moves';

export interface IndicatorBlock {
  planned: PlannedImport;
  /** The lead's indicator sheet the rows go to. */
  sheet: string;
  /** 0-based row of the block's first row once every move is made. */
  row: number;
  /** The file's rows, in order, to be written from `row` down. */
  incoming: IndicatorRow[];
}

export interface IndicatorPlan {
  moves: RowMove[];
  blocks: IndicatorBlock[];
}

interface Op {
  sheet: string;
  at: number;
  count: number;
  plain?: boolean;
  /** The block whose rows this insert makes (its first row is this insert's first row). */
  opens?: IndicatorBlock;
}

/** The moves and blocks for every planned file whose indicator rows changed (the counts go to each `change`). */
export function planIndicatorRows(lead: ImportSide, planned: PlannedImport[]): IndicatorPlan {
  const ops: Op[] = [];
  const kept: { block: IndicatorBlock; first: number }[] = [];
  const blocks: IndicatorBlock[] = [];
  for (const p of planned) {
    const diff = indicatorChanges(lead, p);
    if (!diff || !diff.changed) continue;
    const { target, current, incoming } = diff;
    const block: IndicatorBlock = { planned: p, sheet: target, row: -1, incoming };
    blocks.push(block);
    const onTarget = current.filter((r) => r.sheet === target).map((r) => r.row);
    const gone: { sheet: string; row: number }[] = current.filter((r) => r.sheet !== target).map((r) => ({ sheet: r.sheet, row: r.row }));
    if (onTarget.length > 0) {
      const first = onTarget[0];
      let run = 1;
      while (onTarget[run] === first + run) run++;
      const keep = Math.min(incoming.length, run);
      onTarget.slice(keep).forEach((row) => gone.push({ sheet: target, row }));
      if (incoming.length > keep) ops.push({ sheet: target, at: first + keep, count: incoming.length - keep, ...(keep === 0 ? { opens: block } : {}) });
      if (keep > 0) kept.push({ block, first });
    } else if (incoming.length > 0) {
      const sheetRows = lead.model.indicators.filter((r) => r.sheet === target).map((r) => r.row);
      const header = lead.model.indicatorSheets.find((s) => s.sheet === target)!.header.row;
      // Right under the header when the sheet has no row yet: the new rows take none of the header's look.
      if (sheetRows.length) ops.push({ sheet: target, at: Math.max(...sheetRows) + 1, count: incoming.length, opens: block });
      else ops.push({ sheet: target, at: header + 1, count: incoming.length, opens: block, plain: true });
    }
    // Deleted rows in runs: one delete per run of neighbouring rows.
    for (const sheet of new Set(gone.map((g) => g.sheet))) ops.push(...rowDeletions(sheet, gone.filter((g) => g.sheet === sheet).map((g) => g.row)));
  }
  // Bottom-up on each sheet: every move's rows are still those read. At one row, the delete first.
  ops.sort((a, b) => a.sheet.localeCompare(b.sheet) || b.at - a.at || a.count - b.count);
  const moves: RowMove[] = ops.map(({ sheet, at, count, plain }) => ({ sheet, at, count, ...(plain ? { plain } : {}) }));
  ops.forEach((op, i) => {
    if (op.opens) op.opens.row = movedRow(moves.slice(i + 1), op.sheet, op.at)!;
  });
  for (const { block, first } of kept) block.row = movedRow(moves, block.sheet, first)!;
  return { moves, blocks };
}
