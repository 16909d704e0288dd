/**
 * Reading the open workbook in three round trips at most for Check (one more per extra 5 MB of cells): sync 1
 * walks the sheets (getFirst, getNextOrNullObject: names are not needed) with their used-range sizes, and brings
 * the calculation mode and where notes/comments are; sync 2 brings the cells of every user sheet planned from
 * those sizes (read-cells.ts), the _clusterix state, sheet protection, our owner markers and the notes' cells;
 * more planned chunks only when the cells pass the budget. A workbook of more than 256 sheets is walked on in the
 * syncs that read cells, not in syncs of its own. Consolidate writes in the next sync.
 *
 * Fills: a mark needs the user's own fill saved in the same sync that writes the mark, so fills are read up
 * front, for the cells of each sheet's values-only used range (getCellProperties: colour and pattern). A finding
 * outside that range is not marked (it shows in the pane and on the Checks tab): its look is not known.
 */
import type { SheetSnapshot, SheetVisibility, WorkbookSnapshot } from '../../snapshot/types';
import { OWNER_PROPERTY, STATE_SHEET, type ClusterixState } from '../../plan/types';
import { joinStateChunks, parseState } from '../../plan/state';
import { hasReportTabName, isOurSheet } from '../../plan/ownership';
import { a1 } from '../../util/a1';
import { cellKey, splitAddress } from './address';
import { BYTES_PER_CELL, DEFAULT_READ_BYTES, halve, pieceOf, planChunks, queuePiece, sheetSnapshot, type Box, type Piece, type PieceRequest } from './read-cells';
import { STATE_CHUNK } from '../../plan/state';

/** Prefix of the names our tabs are built under before the final rename. */
export const BUILD_PREFIX = '_cx_build_';

export interface ApiSupport {
  notes: boolean;
  comments: boolean;
  customProperties: boolean;
}

export interface SheetInfo {
  name: string;
  visibility: SheetVisibility;
  protected: boolean;
  /** Carries our owner custom property (a report tab or a build tab we made). */
  ownerMarked: boolean;
}

export interface WorkbookRead {
  sheets: SheetInfo[];
  /** The user's sheets only (no report tab, no _clusterix), as the CLI reads them. */
  snapshot: WorkbookSnapshot;
  /** Fill of each cell within the user sheets' used ranges, by cellKey; null = no fill. */
  fills: Map<string, string | null>;
  /** Note and comment text by cellKey (the user's or an earlier mark's). */
  notes: Map<string, string>;
  comments: Map<string, string>;
  state: ClusterixState;
  /** Rows of column A that _clusterix holds now (to blank the ones a shorter state leaves over). */
  stateRows: number;
  calculationMode: Excel.CalculationMode | 'Automatic' | 'AutomaticExceptTables' | 'Manual';
  /** Whether Excel's events were on when read (a run turns them off and puts this back). */
  enableEvents: boolean;
  api: ApiSupport;
}

export function apiSupport(): ApiSupport {
  const has = (v: string) => Office.context.requirements.isSetSupported('ExcelApi', v);
  return { notes: has('1.18'), comments: has('1.10'), customProperties: has('1.12') };
}

/** Sheets that may be ours (plan/ownership.ts names them): their values are not read, their owner marker is. */
export function mayBeOurs(name: string): boolean {
  return hasReportTabName(name) || name.toLowerCase().startsWith(BUILD_PREFIX);
}

const TOO_LARGE = 'ResponsePayloadSizeLimitExceeded';

function tooLarge(e: unknown): boolean {
  return (e as { code?: string }).code === TOO_LARGE;
}

export interface ReadOptions {
  withValues: boolean;
  /** Budget per read sync (default just under 5 MB). */
  readBytes?: number;
}

/** Sheets walked per sync: a workbook with more is walked on in the next sync, beside the cells it reads. */
export const WALK_STEPS = 256;
/** What the sync-2 extras weigh in the response per sheet (protection, owner marker, a note's cell). */
const META_BYTES_PER_SHEET = 120;

interface Walked {
  ws: Excel.Worksheet;
  /** getFirst() gives no null object: only the walk's next steps can be one. */
  nullable: boolean;
  used: Excel.Range;
}

function queueWalk(context: Excel.RequestContext, after: Excel.Worksheet | null): Walked[] {
  const out: Walked[] = [];
  let ws = after ? after.getNextOrNullObject() : context.workbook.worksheets.getFirst();
  for (let k = 0; k < WALK_STEPS; k++) {
    if (k > 0) ws = ws.getNextOrNullObject();
    out.push({ ws: ws.load('name,visibility'), nullable: after !== null || k > 0, used: ws.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount') });
  }
  return out;
}

/** Response bytes one walked step is counted at (name, visibility and the used range's four numbers). */
const WALK_BYTES_PER_STEP = 200;

/** The walked sheets that exist, and the last of them when the walk was full (the workbook may have more). */
function walked(walk: Walked[]): { found: Walked[]; more: Excel.Worksheet | null } {
  const found = walk.filter((w) => !(w.nullable && w.ws.isNullObject));
  return { found, more: found.length === walk.length ? walk[walk.length - 1].ws : null };
}

const boxOf = (used: Excel.Range): Box | null => (used.isNullObject ? null : { top: used.rowIndex, left: used.columnIndex, rows: used.rowCount, cols: used.columnCount });

/** A refused group planned again at twice the bytes a cell was counted at (long text reads more than counted). */
function replan(group: PieceRequest[], budget: number, perCell: number): PieceRequest[][] | null {
  const groups = planChunks(group.map((p) => ({ name: p.sheet, box: p.box as Box })), budget, perCell);
  return groups.length > 1 ? groups : halve(group);
}

/** Syncs one planned group, planned again finer only if Excel still refuses it (the estimate was wrong). */
async function readGroup(context: Excel.RequestContext, group: PieceRequest[], into: Map<string, Piece[]>, budget: number, perCell: number): Promise<void> {
  const queued = group.map((req) => queuePiece(context, req));
  try {
    await context.sync(); // one sync per planned 5 MB chunk
  } catch (e) {
    const finer = tooLarge(e) ? replan(group, budget, perCell * 2) : null;
    if (!finer) throw e;
    for (const g of finer) await readGroup(context, g, into, budget, perCell * 2);
    return;
  }
  for (const q of queued) into.set(q.sheet, [...(into.get(q.sheet) ?? []), pieceOf(q)]);
}

/**
 * The workbook as the engine and the marks need it. `withValues: false` (Clear marks) skips the cells.
 * Sync 1 walks the sheets with their sizes; sync 2 brings the state, protection, owners, note cells and the first
 * planned chunk of cells (all of them when they fit); the other chunks follow, one sync each.
 */
export async function readWorkbook(context: Excel.RequestContext, opts: ReadOptions): Promise<WorkbookRead> {
  const budget = opts.readBytes ?? DEFAULT_READ_BYTES;
  const api = apiSupport();
  const walk = queueWalk(context, null);
  const application = context.workbook.application.load('calculationMode');
  const runtime = context.runtime.load('enableEvents');
  const noteItems = api.notes ? context.workbook.notes.load('items/content') : null;
  const commentItems = api.comments ? context.workbook.comments.load('items/content') : null;
  await context.sync();

  interface Item {
    name: string;
    visibility: SheetVisibility;
    box: Box | null;
    protection?: Excel.WorksheetProtection;
    owner?: Excel.WorksheetCustomProperty | null;
  }
  const items: Item[] = [];
  let stateSheet: Item | undefined;
  let stateRange: Excel.Range | null = null;
  let noteCells: Excel.Range[] = [];
  let commentCells: Excel.Range[] = [];
  let extrasQueued = false;
  const userSheets: Item[] = [];
  const pieces = new Map<string, Piece[]>();
  /** User sheets (or bands of them) sized but not read yet. */
  let unread: { name: string; box: Box }[] = [];
  let more: Excel.Worksheet | null = null;
  let fresh: Item[] = [];
  const take = (w: Walked[]) => {
    const done = walked(w);
    more = done.more;
    fresh = done.found.map((f) => ({ name: f.ws.name, visibility: f.ws.visibility as SheetVisibility, box: boxOf(f.used) }));
    items.push(...fresh);
    stateSheet ??= fresh.find((i) => i.name.toLowerCase() === STATE_SHEET);
    const users = opts.withValues ? fresh.filter((i) => i !== stateSheet && !mayBeOurs(i.name)) : [];
    userSheets.push(...users);
    unread.push(...users.filter((i) => i.box !== null).map((i) => ({ name: i.name, box: i.box as Box })));
  };
  take(walk);
  // Each further sync brings what the last walk found (protection, owner markers, the state), walks on when the
  // last walk was full (a workbook of more than 256 sheets), and reads as many cells as the budget leaves: a second
  // walk costs no round trip of its own.
  // One sync per planned chunk (never per sheet or cell): recursion rather than a loop, as readGroup does.
  const readOn = async (): Promise<void> => {
    if (more === null && fresh.length === 0 && unread.length === 0) return;
    const metaOf = fresh;
    const walkOn = more;
    const queueExtras = () => {
      const next = walkOn ? queueWalk(context, walkOn) : null;
      for (const i of metaOf) {
        const ws = context.workbook.worksheets.getItem(i.name);
        i.protection = ws.protection.load('protected');
        i.owner = api.customProperties && mayBeOurs(i.name) ? ws.customProperties.getItemOrNullObject(OWNER_PROPERTY.key).load('value') : null;
        if (i === stateSheet && i.box) stateRange = ws.getUsedRange(true).load('values');
      }
      if (!extrasQueued) {
        noteCells = noteItems ? noteItems.items.map((n) => n.getLocation().load('address')) : [];
        commentCells = commentItems ? commentItems.items.map((n) => n.getLocation().load('address')) : [];
      }
      return next;
    };
    // The state's cells counted full (each holds up to one chunk of its JSON), the extras by sheet and note.
    const stateBytes = stateSheet?.box && metaOf.includes(stateSheet) ? stateSheet.box.rows * stateSheet.box.cols * (STATE_CHUNK + 8) : 0;
    const noteCount = extrasQueued ? 0 : (noteItems?.items.length ?? 0) + (commentItems?.items.length ?? 0);
    const metaBytes = stateBytes + META_BYTES_PER_SHEET * (metaOf.length + noteCount) + (walkOn ? WALK_STEPS * WALK_BYTES_PER_STEP : 0);
    const [group = [], ...rest] = planChunks(unread, budget, BYTES_PER_CELL, metaBytes);
    let next = queueExtras();
    let queued = group.map((req) => queuePiece(context, req));
    try {
      await context.sync(); // one sync per planned 5 MB chunk, the extras and the walk on riding along
    } catch (e) {
      if (!tooLarge(e) || group.length === 0) throw e;
      next = queueExtras(); // the estimate was wrong: the extras alone, then the cells halved as Excel allows
      queued = [];
      await context.sync();
      for (const g of replan(group, budget, BYTES_PER_CELL * 2) ?? [group]) await readGroup(context, g, pieces, budget, BYTES_PER_CELL * 2);
    }
    extrasQueued = true;
    for (const q of queued) pieces.set(q.sheet, [...(pieces.get(q.sheet) ?? []), pieceOf(q)]);
    unread = rest.flat().map((p) => ({ name: p.sheet, box: p.box as Box }));
    fresh = [];
    more = null;
    if (next) take(next);
    await readOn();
  };
  await readOn();

  const stateValues = stateRange ? ((stateRange as Excel.Range).values as unknown[][]) : [];
  const state = parseState(joinStateChunks(stateValues.map((row) => row[0])));
  const marked = (i: Item) => !!i.owner && !i.owner.isNullObject && i.owner.value === OWNER_PROPERTY.value;
  // A sheet with a report tab's name that is not ours (plan/ownership.ts) is the user's: read it too, one more sync
  // only in that rare case, so Check reads it as the user's and Consolidate refuses it.
  const clashing = opts.withValues ? items.filter((i) => hasReportTabName(i.name) && !isOurSheet(state, i.name, marked(i))) : [];
  const clashSized = clashing.filter((i) => i.box !== null).map((i) => ({ name: i.name, box: i.box as Box }));
  for (const group of clashSized.length ? planChunks(clashSized, budget, BYTES_PER_CELL) : []) await readGroup(context, group, pieces, budget, BYTES_PER_CELL);
  const fills = new Map<string, string | null>();
  const sheets: SheetInfo[] = [];
  const snapshotSheets: SheetSnapshot[] = [];
  const users = new Set([...userSheets, ...clashing]);
  items.forEach((item) => {
    const ownerMarked = marked(item);
    sheets.push({ name: item.name, visibility: item.visibility, protected: (item.protection as Excel.WorksheetProtection).protected, ownerMarked });
    if (!users.has(item) || isOurSheet(state, item.name, ownerMarked)) return;
    const box = item.box ?? { top: 0, left: 0, rows: 0, cols: 0 }; // an empty sheet
    const read = sheetSnapshot(item.name, item.visibility, box, pieces.get(item.name) ?? []);
    read.fills.forEach((row, r) => row.forEach((fill, c) => fills.set(cellKey(item.name, a1(box.top + r, box.left + c)), fill)));
    snapshotSheets.push(read.sheet);
  });
  const located = (items: { content: string }[], where: Excel.Range[]) => {
    const out = new Map<string, string>();
    where.forEach((range, i) => {
      const { sheet, cell } = splitAddress(range.address);
      out.set(cellKey(sheet, cell), items[i].content);
    });
    return out;
  };
  return {
    sheets,
    snapshot: { sheets: snapshotSheets },
    fills,
    notes: noteItems ? located(noteItems.items, noteCells) : new Map(),
    comments: commentItems ? located(commentItems.items, commentCells) : new Map(),
    state,
    stateRows: stateValues.length,
    calculationMode: application.calculationMode,
    enableEvents: runtime.enableEvents,
    api,
  };
}
