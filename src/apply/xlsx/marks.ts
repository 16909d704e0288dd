/**
 * Marks on user cells in an xlsx: a fill by severity and a note, and putting the user's own fill and note
 * back. ExcelJS shares one style object between cells read with the same style, so a cell always gets a
 * style object of its own before we change it (else the mark would spread to look-alike cells).
 */
import type { Cell, Fill, Worksheet } from 'exceljs';
import type { CellLook } from '../../plan/state';
import { MARK_FILL, type Mark, type SavedCell } from '../../plan/types';

/** ExcelJS internals: the note object, and the model read from the file, which keeps the note too. */
interface NoteHolder {
  _comment?: unknown;
  _value?: { model?: { comment?: unknown } };
}

function takeNoteAway(cell: Cell): void {
  const c = cell as unknown as NoteHolder; // ExcelJS has no API to take a note away
  c._comment = undefined;
  if (c._value?.model) delete c._value.model.comment;
}

function solidColour(fill: Fill | undefined): string | null {
  if (!fill || fill.type !== 'pattern' || fill.pattern !== 'solid') return null;
  const argb = fill.fgColor?.argb;
  return argb && /^[0-9A-F]{8}$/i.test(argb) ? `#${argb.slice(2).toUpperCase()}` : null;
}

function noteText(note: Cell['note']): string | null {
  if (note === undefined || note === null) return null;
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => t.text).join('');
}

/** The user's look of a cell now: fill and note, with ExcelJS's full descriptions to restore them exactly. */
export function readLook(cell: Cell): CellLook {
  const fill = cell.style?.fill;
  const look: CellLook = { fill: solidColour(fill), note: noteText(cell.note) };
  if (fill !== undefined) look.fillDetail = JSON.parse(JSON.stringify(fill));
  if (cell.note !== undefined && typeof cell.note !== 'string') look.noteDetail = JSON.parse(JSON.stringify(cell.note));
  return look;
}

export function applyMark(ws: Worksheet, mark: Mark): void {
  const cell = ws.getCell(mark.cell);
  cell.style = { ...cell.style, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${MARK_FILL[mark.severity].slice(1)}` } } };
  cell.note = mark.note;
}

export function restoreCell(ws: Worksheet, saved: SavedCell): void {
  const cell = ws.getCell(saved.cell);
  const style = { ...cell.style };
  const fill = saved.fillDetail !== undefined ? (saved.fillDetail as Fill) : saved.fill ? solidFill(saved.fill) : undefined;
  if (fill) style.fill = fill;
  else delete style.fill;
  cell.style = style;
  if (saved.noteDetail !== undefined) cell.note = saved.noteDetail as Cell['note'];
  else if (saved.note !== null) cell.note = saved.note;
  else takeNoteAway(cell);
}

function solidFill(hex: string): Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${hex.replace('#', '').toUpperCase()}` } };
}
