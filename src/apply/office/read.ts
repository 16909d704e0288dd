/**
 * Reading the open workbook in two round trips, and one more per extra 5 MB of cells: the sheet list (and
 * where notes/comments are, and the calculation mode) in one sync; the user sheets' sizes and cells (read-cells.ts),
 * the _clusterix state, sheet protection, our owner markers and the notes' cells in the next.
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
import { DEFAULT_READ_BYTES, SHEET_PRIOR_BYTES, halve, learnedBytesPerCell, pieceOf, planChunks, queuePiece, sheetSnapshot, type Box, type Piece, type PieceRequest } from './read-cells';

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

/** Syncs one planned group of pieces, halving it only if Excel still refuses it (the estimate was wrong). */
async function readGroup(context: Excel.RequestContext, group: PieceRequest[], into: Map<string, Piece[]>): Promise<void> {
  const queued = group.map((req) => queuePiece(context, req));
  try {
    await context.sync(); // one sync per planned 5 MB chunk
  } catch (e) {
    const halves = tooLarge(e) ? halve(group) : null;
    if (!halves) throw e;
    for (const h of halves) await readGroup(context, h, into);
    return;
  }
  for (const q of queued) into.set(q.sheet, [...(into.get(q.sheet) ?? []), pieceOf(q)]);
}

/**
 * The workbook as the engine and the marks need it. `withValues: false` (Clear marks) skips the cells.
 * Sync 1 lists the sheets. Sync 2 brings every user sheet's used-range size, the state, protection, owners
 * and note cells, and the cells of as many sheets as fit the budget counted at a prior size (Office.js cannot
 * size a used range before the sheet list is known). The other sheets follow in chunks planned from their sizes.
 */
export async function readWorkbook(context: Excel.RequestContext, opts: ReadOptions): Promise<WorkbookRead> {
  const budget = opts.readBytes ?? DEFAULT_READ_BYTES;
  const api = apiSupport();
  const worksheets = context.workbook.worksheets.load('items/name,items/visibility');
  const application = context.workbook.application.load('calculationMode');
  const noteItems = api.notes ? context.workbook.notes.load('items/content') : null;
  const commentItems = api.comments ? context.workbook.comments.load('items/content') : null;
  await context.sync();

  const items = worksheets.items.map((ws) => ({ ws, name: ws.name, visibility: ws.visibility as SheetVisibility }));
  const userSheets = opts.withValues ? items.filter((i) => i.name.toLowerCase() !== STATE_SHEET && !mayBeOurs(i.name)) : [];
  const queueMeta = (withFirst: boolean) => {
    const stateSheet = items.find((i) => i.name.toLowerCase() === STATE_SHEET);
    const firstCount = withFirst ? Math.min(userSheets.length, Math.floor(budget / SHEET_PRIOR_BYTES)) : 0;
    const first = userSheets.slice(0, firstCount).map((i) => queuePiece(context, { sheet: i.name, address: null, box: null }));
    return {
      first,
      // The first sheets' used ranges carry their size; the others' are sized here.
      sizes: userSheets.map((i, k) => (k < firstCount ? first[k].range : i.ws.getUsedRange(true).load('rowIndex,columnIndex,rowCount,columnCount'))),
      stateRange: stateSheet ? stateSheet.ws.getUsedRange(true).load('values') : null,
      protection: items.map((i) => i.ws.protection.load('protected')),
      owners: items.map((i) => (api.customProperties && mayBeOurs(i.name) ? i.ws.customProperties.getItemOrNullObject(OWNER_PROPERTY.key).load('value') : null)),
      noteCells: noteItems ? noteItems.items.map((n) => n.getLocation().load('address')) : [],
      commentCells: commentItems ? commentItems.items.map((n) => n.getLocation().load('address')) : [],
    };
  };
  let meta = queueMeta(true);
  try {
    await context.sync();
  } catch (e) {
    if (!tooLarge(e) || meta.first.length === 0) throw e;
    meta = queueMeta(false); // a first sheet far above the prior: size them all, then read by plan
    await context.sync();
  }
  const pieces = new Map<string, Piece[]>();
  for (const q of meta.first) pieces.set(q.sheet, [pieceOf(q)]);
  const boxes = new Map(userSheets.map((i, k) => [i.name, { top: meta.sizes[k].rowIndex, left: meta.sizes[k].columnIndex, rows: meta.sizes[k].rowCount, cols: meta.sizes[k].columnCount }]));
  const rest = userSheets.filter((i) => !pieces.has(i.name)).map((i) => ({ name: i.name, box: boxes.get(i.name) as Box }));
  const perCell = learnedBytesPerCell([...pieces.values()].flat());
  for (const group of planChunks(rest, budget, perCell)) await readGroup(context, group, pieces);

  const { stateRange, noteCells, commentCells } = meta;
  const stateValues = stateRange ? (stateRange.values as unknown[][]) : [];
  const state = parseState(joinStateChunks(stateValues.map((row) => row[0])));
  const fills = new Map<string, string | null>();
  const sheets: SheetInfo[] = [];
  const snapshotSheets: SheetSnapshot[] = [];
  items.forEach((item, k) => {
    const owner = meta.owners[k];
    const ownerMarked = owner !== null && !owner.isNullObject && owner.value === OWNER_PROPERTY.value;
    sheets.push({ name: item.name, visibility: item.visibility, protected: meta.protection[k].protected, ownerMarked });
    const box = boxes.get(item.name);
    if (!box || isOurTab(state, item.name)) return;
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
    api,
  };
}
