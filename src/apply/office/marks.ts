/**
 * Marks on the user's cells: a fill by severity and a note (ExcelApi 1.18) or a threaded comment (1.10 fallback)
 * with the findings' text; and putting the user's own fill and note back. What is at a cell now (a user's
 * note, or our note from an earlier run) was read beforehand, so each write is one known operation.
 */
import { MARK_FILL, type Mark, type SavedCell } from '../../plan/types';
import type { CellLook } from '../../plan/state';
import { cellKey, sheetCell } from './address';
import type { WorkbookRead } from './read';
import { OPS, type WriteQueue } from './queue';
import { NOTE_BOX_OPS, sizeNote } from './tab-extras';

export type MarkKind = 'note' | 'comment';

export function markKindFor(read: WorkbookRead): MarkKind | null {
  return read.api.notes ? 'note' : read.api.comments ? 'comment' : null;
}

/** The user's look of a cell as read (fill, and the note of the kind we will write). */
export function lookOf(read: WorkbookRead, kind: MarkKind | null, sheet: string, cell: string): CellLook {
  const k = cellKey(sheet, cell);
  const texts = kind === 'comment' ? read.comments : read.notes;
  return { fill: read.fills.get(k) ?? null, note: kind ? (texts.get(k) ?? null) : null };
}

/**
 * Put `text` (or nothing, for null) as the cell's note or comment, knowing what is there now (`read`: as read just
 * before); `ours`: a mark's note, sized to its text.
 */
export function setText(context: Excel.RequestContext, read: WorkbookRead, kind: MarkKind, sheet: string, cell: string, text: string | null, ours = false): void {
  const k = cellKey(sheet, cell);
  const now = (kind === 'note' ? read.notes : read.comments).get(k);
  const other = (kind === 'note' ? read.comments : read.notes).has(k);
  if (kind === 'note') {
    const notes = context.workbook.worksheets.getItem(sheet).notes;
    if (now !== undefined) {
      if (text === null) notes.getItem(cell).delete();
      else if (text !== now) {
        const note = notes.getItem(cell);
        note.content = text;
        if (ours) sizeNote(note, text);
      }
    } else if (text !== null && !other) {
      const note = notes.add(cell, text);
      if (ours) sizeNote(note, text);
    }
    return;
  }
  const comments = context.workbook.comments;
  if (now !== undefined) {
    if (text === null) comments.getItemByCell(sheetCell(sheet, cell)).delete();
    else if (text !== now) comments.getItemByCell(sheetCell(sheet, cell)).content = text;
  } else if (text !== null && !other) comments.add(sheetCell(sheet, cell), text);
}

export function queueMark(queue: WriteQueue, read: WorkbookRead, kind: MarkKind | null, mark: Mark): void {
  queue.add((context) => {
    context.workbook.worksheets.getItem(mark.sheet).getRange(mark.cell).format.fill.color = MARK_FILL[mark.severity];
    if (kind) setText(context, read, kind, mark.sheet, mark.cell, mark.note, true);
  }, mark.note, kind ? OPS.fillAndText + (kind === 'note' ? NOTE_BOX_OPS : 0) : OPS.fill);
}

export function queueRestore(queue: WriteQueue, read: WorkbookRead, saved: SavedCell): void {
  const api = saved.markKind === 'note' ? read.api.notes : read.api.comments;
  queue.add((context) => {
    const fill = context.workbook.worksheets.getItem(saved.sheet).getRange(saved.cell).format.fill;
    if (saved.fill) fill.color = saved.fill;
    else fill.clear();
    if (api) setText(context, read, saved.markKind, saved.sheet, saved.cell, saved.note);
  }, saved.note, api ? OPS.restore : OPS.fill);
}
