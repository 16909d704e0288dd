/**
 * Reading the open workbook in three round trips at most for Check (one more per extra 5 MB of cells): sync 1
 * walks the sheets (getFirst, getNextOrNullObject: names are not needed) with their used-range sizes, and brings
 * the calculation mode and where notes/comments are; sync 2 brings the cells of every user sheet planned from
 * those sizes (read-cells.ts), the _clusterix state, sheet protection, our owner markers and the notes' cells;
 * more planned chunks only when the cells pass the budget. Consolidate writes in the next sync.
 *
 * Fills: a mark needs the user's own fill saved in the same sync that writes the mark, so fills are read up
 * front, for the cells of each sheet's values-only used range (getCellProperties: colour and pattern). A finding
 * outside that range is not marked (it shows in the pane and on the Checks tab): its look is not known.
 */
import type { SheetSnapshot, SheetVisibility, WorkbookSnapshot } from '../../snapshot/types';
import { OWNER_PROPERTY, REPORT_TAB_NAMES, STATE_SHEET, type ClusterixState } from '../../plan/types';
import { isOurTab, joinStateChunks, parseState } from '../../plan/state';
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

const REPORT_NAMES = new Set<string>(REPORT_TAB_NAMES.map((n) => n.toLowerCase()));

/** Sheets that may be ours: their values are not read, their owner marker is. */
export function mayBeOurs(name: string): boolean {
  const n = name.toLowerCase();
  return REPORT_NAMES.has(n) || n.startsWith(BUILD_PREFIX);
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

/** Sheets walked per sync: a workbook with more takes one more round trip per 256 sheets. */
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

/** The walked sheets that exist; a workbook with more sheets than one walk is walked on in more syncs. */
async function walkOn(context: Excel.RequestContext, walked: Walked[]): Promise<Walked[]> {
  const found = walked.filter((w) => !(w.nullable && w.ws.isNullObject));
  if (found.length < walked.length) return found;
  const more = queueWalk(context, walked[walked.length - 1].ws);
  await context.sync(); // only for workbooks of more than 256 sheets
  return [...found, ...(await walkOn(context, more))];
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

  const items = (await walkOn(context, walk)).map((w) => ({ name: w.ws.name, visibility: w.ws.visibility as SheetVisibility, box: boxOf(w.used) }));
  const stateSheet = items.find((i) => i.name.toLowerCase() === STATE_SHEET);
  const userSheets = opts.withValues ? items.filter((i) => i !== stateSheet && !mayBeOurs(i.name)) : [];
  const queueMeta = () => ({
    stateRange: stateSheet?.box ? context.workbook.worksheets.getItem(stateSheet.name).getUsedRange(true).load('values') : null,
    protection: items.map((i) => context.workbook.worksheets.getItem(i.name).protection.load('protected')),
    owners: items.map((i) => (api.customProperties && mayBeOurs(i.name) ? context.workbook.worksheets.getItem(i.name).customProperties.getItemOrNullObject(OWNER_PROPERTY.key).load('value') : null)),
    noteCells: noteItems ? noteItems.items.map((n) => n.getLocation().load('address')) : [],
    commentCells: commentItems ? commentItems.items.map((n) => n.getLocation().load('address')) : [],
  });
  // The state's cells counted full (each holds up to one chunk of its JSON), the extras by sheet and note.
  const stateBytes = stateSheet?.box ? stateSheet.box.rows * stateSheet.box.cols * (STATE_CHUNK + 8) : 0;
  const metaBytes = stateBytes + META_BYTES_PER_SHEET * (items.length + (noteItems?.items.length ?? 0) + (commentItems?.items.length ?? 0));
  const sized = userSheets.filter((i) => i.box !== null).map((i) => ({ name: i.name, box: i.box as Box }));
  const [first = [], ...rest] = planChunks(sized, budget, BYTES_PER_CELL, metaBytes);
  const pieces = new Map<string, Piece[]>();
  let meta = queueMeta();
  let firstQueued = first.map((req) => queuePiece(context, req));
  try {
    await context.sync();
  } catch (e) {
    if (!tooLarge(e) || first.length === 0) throw e;
    meta = queueMeta(); // the estimate was wrong: the extras alone, then the cells halved as Excel allows
    firstQueued = [];
    await context.sync();
    for (const g of replan(first, budget, BYTES_PER_CELL * 2) ?? [first]) await readGroup(context, g, pieces, budget, BYTES_PER_CELL * 2);
  }
  for (const q of firstQueued) pieces.set(q.sheet, [...(pieces.get(q.sheet) ?? []), pieceOf(q)]);
  for (const group of rest) await readGroup(context, group, pieces, budget, BYTES_PER_CELL);

  const { stateRange, noteCells, commentCells } = meta;
  const stateValues = stateRange ? (stateRange.values as unknown[][]) : [];
  const state = parseState(joinStateChunks(stateValues.map((row) => row[0])));
  const fills = new Map<string, string | null>();
  const sheets: SheetInfo[] = [];
  const snapshotSheets: SheetSnapshot[] = [];
  const users = new Set(userSheets);
  items.forEach((item, k) => {
    const owner = meta.owners[k];
    const ownerMarked = owner !== null && !owner.isNullObject && owner.value === OWNER_PROPERTY.value;
    sheets.push({ name: item.name, visibility: item.visibility, protected: meta.protection[k].protected, ownerMarked });
    if (!users.has(item) || isOurTab(state, item.name)) return;
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
