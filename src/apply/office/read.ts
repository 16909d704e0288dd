/**
 * Reading the open workbook in two round trips: the sheet list (and where notes/comments are, and the
 * calculation mode) in one sync; every user sheet's used range, the fills of its cells, the _clusterix state,
 * sheet protection, our owner markers and the notes' cells in ONE more.
 *
 * Fills: a mark needs the user's own fill saved in the same sync that writes the mark, so fills are read up
 * front, for the cells of each sheet's values-only used range (getCellProperties: colour and pattern). A finding
 * outside that range is not marked (it shows in the pane and on the Checks tab): its look is not known.
 */
import type { CellValue, SheetSnapshot, SheetVisibility, ValueType, WorkbookSnapshot } from '../../snapshot/types';
import { OWNER_PROPERTY, REPORT_TAB_NAMES, STATE_SHEET, type ClusterixState } from '../../plan/types';
import { isOurTab, joinStateChunks, parseState } from '../../plan/state';
import { a1 } from '../../util/a1';
import { cellKey, splitAddress } from './address';

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

function sheetSnapshot(name: string, visibility: SheetVisibility, used: Excel.Range): SheetSnapshot {
  const types = used.valueTypes as ValueType[][];
  const base = { name, visibility };
  if (types.every((row) => row.every((t) => t === 'Empty'))) return { ...base, top: 0, left: 0, values: [], valueTypes: [], formulas: [], numberFormats: [] };
  const values = used.values as unknown[][];
  const formulas = used.formulas as unknown[][];
  return {
    ...base,
    top: used.rowIndex,
    left: used.columnIndex,
    values: values.map((row, r) => row.map((v, c) => (types[r][c] === 'Empty' ? null : (v as CellValue)))),
    valueTypes: types,
    // Office.js gives a plain cell's value in `formulas`: only a real formula counts.
    formulas: formulas.map((row, r) => row.map((f, c) => (typeof f === 'string' && f.startsWith('=') && f !== values[r][c] ? f : null))),
    numberFormats: used.numberFormat as string[][],
  };
}

interface SheetCells {
  name: string;
  used: Excel.Range;
  cellProps: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
}

/**
 * The second sync: everything at once; only when Excel refuses the response as too large (5 MB on the web),
 * again in two halves of the sheets, and so on: one more round trip per extra chunk, none when it fits.
 */
async function readInGroups<T, I, C extends SheetCells>(context: Excel.RequestContext, items: I[], queueMeta: () => T, queueCells: (group: I[]) => C[]): Promise<{ meta: T; cells: Map<string, C> }> {
  const attempt = async (group: I[], withMeta: boolean): Promise<{ meta: T | null; cells: C[] }> => {
    const meta = withMeta ? queueMeta() : null;
    const cells = queueCells(group);
    try {
      await context.sync();
      return { meta, cells };
    } catch (e) {
      if ((e as { code?: string }).code !== 'ResponsePayloadSizeLimitExceeded' || group.length < 2) throw e;
      const half = Math.ceil(group.length / 2);
      const first = await attempt(group.slice(0, half), withMeta);
      const second = await attempt(group.slice(half), false);
      return { meta: first.meta, cells: [...first.cells, ...second.cells] };
    }
  };
  const r = await attempt(items, true);
  return { meta: r.meta as T, cells: new Map(r.cells.map((c) => [c.name, c])) };
}

/** The workbook as the engine and the marks need it. `withValues: false` (Clear marks) skips the cells. */
export async function readWorkbook(context: Excel.RequestContext, opts: { withValues: boolean }): Promise<WorkbookRead> {
  const api = apiSupport();
  const worksheets = context.workbook.worksheets.load('items/name,items/visibility');
  const application = context.workbook.application.load('calculationMode');
  const noteItems = api.notes ? context.workbook.notes.load('items/content') : null;
  const commentItems = api.comments ? context.workbook.comments.load('items/content') : null;
  await context.sync();

  const items = worksheets.items.map((ws) => ({ ws, name: ws.name, visibility: ws.visibility as SheetVisibility }));
  const readCells = (name: string) => opts.withValues && name.toLowerCase() !== STATE_SHEET && !mayBeOurs(name);
  const queueMeta = () => {
    const stateSheet = items.find((i) => i.name.toLowerCase() === STATE_SHEET);
    return {
      stateRange: stateSheet ? stateSheet.ws.getUsedRange(true).load('values') : null,
      protection: items.map((i) => i.ws.protection.load('protected')),
      owners: items.map((i) => (api.customProperties && mayBeOurs(i.name) ? i.ws.customProperties.getItemOrNullObject(OWNER_PROPERTY.key).load('value') : null)),
      noteCells: noteItems ? noteItems.items.map((n) => n.getLocation().load('address')) : [],
      commentCells: commentItems ? commentItems.items.map((n) => n.getLocation().load('address')) : [],
    };
  };
  const queueCells = (group: typeof items) =>
    group.filter((i) => readCells(i.name)).map((i) => {
      const used = i.ws.getUsedRange(true).load('values,valueTypes,formulas,numberFormat,rowIndex,columnIndex');
      return { name: i.name, visibility: i.visibility, used, cellProps: used.getCellProperties({ format: { fill: { color: true, pattern: true } } }) };
    });
  const { meta, cells } = await readInGroups(context, items, queueMeta, queueCells);
  const stateRange = meta.stateRange;
  const { noteCells, commentCells } = meta;
  const pending = items.map((i, k) => ({ name: i.name, visibility: i.visibility, protection: meta.protection[k], owner: meta.owners[k], cells: cells.get(i.name) ?? null }));

  const stateValues = stateRange ? (stateRange.values as unknown[][]) : [];
  const state = parseState(joinStateChunks(stateValues.map((row) => row[0])));
  const fills = new Map<string, string | null>();
  const sheets: SheetInfo[] = [];
  const snapshotSheets: SheetSnapshot[] = [];
  for (const p of pending) {
    const ownerMarked = p.owner !== null && !p.owner.isNullObject && p.owner.value === OWNER_PROPERTY.value;
    sheets.push({ name: p.name, visibility: p.visibility, protected: p.protection.protected, ownerMarked });
    if (!p.cells || isOurTab(state, p.name)) continue;
    const top = p.cells.used.rowIndex;
    const left = p.cells.used.columnIndex;
    p.cells.cellProps.value.forEach((row, r) =>
      row.forEach((cell, c) => {
        const fill = cell.format?.fill;
        fills.set(cellKey(p.name, a1(top + r, left + c)), !fill || fill.pattern === 'None' ? null : (fill.color ?? null));
      }),
    );
    snapshotSheets.push(sheetSnapshot(p.name, p.visibility, p.cells.used));
  }
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
