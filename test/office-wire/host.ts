/**
 * A wire-level Excel host: answers the JSON request Microsoft's Excel client library (@microsoft/office-js,
 * excel-web-16.00.debug.js) serializes for one context.sync() ({Actions, ObjectPaths}) with the response the
 * library parses ({Results: [{ActionId, Value}], Error?}), over the fake's workbook model (test/fake-excel/model.ts)
 * and its cell rules (rules.ts: what a typed value becomes, sheet names, cell limits).
 *
 * As Excel documents it: actions run in order and those before a failing one stay applied (nothing is rolled
 * back; the error carries ActionIndex); a missing sheet or item is ItemNotFound at the sync; a values array of
 * the wrong shape is InvalidArgument; a request or a response over the payload limit (5 MB, measured on the bytes
 * the library really sends, and on the response JSON) is refused whole. Methods and property sets on a null
 * object do nothing (Excel.run keeps references to every range, null used ranges included).
 *
 * Codes: ObjectPathType 1 GlobalObject, 2 NewObject, 3 Method, 4 Property, 5 Indexer, 6 ReferenceId, 7 NullObject;
 * ActionType 1 Instantiate, 2 Query, 3 Method, 4 SetProperty, 5 Trace.
 */
import { findSheet, getCell, newSheet, touchCell, usedBox, workbookFromSnapshot, type Box, type FakeSheet, type FakeWorkbook } from '../fake-excel/model';
import { readPackage } from '../../src/snapshot/package-reader';
import { formatBox, parseAddress } from '../fake-excel/address';
import { versionAtLeast } from '../fake-excel/host';
import { cellInputProblem, enterInto, sheetNameProblem } from '../fake-excel/rules';
import { cellProperties, type CellPropertiesSpec } from '../fake-excel/range';
import { moveRows } from '../fake-excel/rows';
import { sheetExtras, type FakeChartModel, type FakeChartSeries } from '../fake-excel/charts';
import { addTable, tableBox, tablePlaceProblem, tablesOf, type FakeTable } from '../fake-excel/tables';

const CHART_TYPES = new Set(['ColumnClustered', 'LineMarkers', 'Line', 'BarClustered', 'Pie']);

export const DEFAULT_LIMIT = 5 * 1024 * 1024;
const MAX_ROWS = 1048576;
const MAX_COLS = 16384;

export class WireError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly location = '',
  ) {
    super(message);
  }
}
const HTTP: Record<string, number> = { ItemNotFound: 404, InvalidArgument: 400, InvalidOperation: 400, AccessDenied: 403, ApiNotFound: 404, GeneralException: 500, ItemAlreadyExists: 409 };
const NOT_FOUND = "The requested resource doesn't exist.";
const BAD_ARG = 'The argument is invalid or missing or has an incorrect format.';

type WireNode =
  | { t: 'Workbook' | 'WorksheetCollection' | 'Application' | 'Runtime' | 'CommentCollection' }
  | { t: 'Worksheet' | 'WorksheetProtection' | 'WorksheetCustomPropertyCollection' | 'WorksheetFreezePanes' | 'PageLayout'; sheet: FakeSheet }
  | { t: 'Range'; sheet: FakeSheet; box: Box }
  | { t: 'RangeFormat' | 'RangeFill' | 'RangeFont'; range: RangeNode }
  | { t: 'WorksheetCustomProperty'; sheet: FakeSheet; key: string }
  | { t: 'Comment'; sheet: FakeSheet; r: number; c: number; id: string }
  // Printing and charts (report tabs): recorded in the fake's sheet extras (test/fake-excel/charts.ts).
  | { t: 'ChartCollection' | 'AutoFilter' | 'PageBreakCollection' | 'PageBreak' | 'HeadersFooters' | 'HeaderFooter'; sheet: FakeSheet }
  | { t: 'Chart' | 'ChartTitle' | 'ChartLegend' | 'ChartSeriesCollection'; sheet: FakeSheet; chart: FakeChartModel }
  | { t: 'ChartSeries'; sheet: FakeSheet; chart: FakeChartModel; series: FakeChartSeries }
  // Excel tables (ListObjects): test/fake-excel/tables.ts, which also moves them with whole rows.
  | { t: 'TableCollection'; sheet: FakeSheet | null } // null: workbook.tables (every sheet's; the library finds items there by id)
  | { t: 'Table'; sheet: FakeSheet; table: FakeTable };
type RangeNode = { t: 'Range'; sheet: FakeSheet; box: Box };
type TableNode = { t: 'Table'; sheet: FakeSheet; table: FakeTable };
/** The fields a chart, series or sheet-level printing node carries (each case knows which it has). */
type ChartNodeFields = { sheet: FakeSheet; chart: FakeChartModel; series: FakeChartSeries };
type Node = WireNode & { refId?: string };

interface ArgInfo {
  Arguments?: unknown[];
  ReferencedObjectPathIds?: (number | null)[];
}
export interface WirePath {
  Id: number;
  ObjectPathType: number;
  Name?: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: ArgInfo;
}
export interface WireAction {
  Id: number;
  ActionType: number;
  Name?: string;
  ObjectPathId: number;
  ArgumentInfo?: ArgInfo;
  QueryInfo?: { Select?: string[]; Expand?: string[] };
}
export interface WireRequest {
  Actions?: WireAction[];
  ObjectPaths?: Record<string, WirePath>;
}
/**
 * An event message as Excel sends it to the add-in after a request (Office's RichApiMessage entry: category 65536,
 * messageType = the event type, targetId, message = this payload as JSON). Only worksheets.onChanged is served.
 */
export interface WireEvent {
  eventType: number;
  targetId: string;
  payload: Record<string, unknown>;
}
/** WorksheetCollection.onChanged: event type 10 on target 'Workbook' (the library's own constants). */
export const WORKSHEET_CHANGED = 10;
export type WireAnswer = ({ body: { Results: { ActionId: number; Value: unknown }[]; Error?: Record<string, unknown> } } | { ooeError: number; code: string; message: string }) & { events?: WireEvent[] };

export interface WireSync {
  requestBytes: number;
  responseBytes: number;
  actions: number;
  /** Changes to the workbook this request applied (cells, sheets): 0 for a read. */
  writes: number;
  failed: string | null;
}

export interface WireStats {
  /** Data round trips: requests other than the library's reference clean-up. */
  roundTrips: number;
  /** Requests that only release tracked objects (Workbook._RemoveReference), sent after each Excel.run. */
  cleanups: number;
  syncs: WireSync[];
  largestRequestBytes: number;
  largestResponseBytes: number;
  /** Changes to the user's workbook (cells, sheets) applied, and those applied with events on, calculation automatic, screen updating on. */
  writes: number;
  writesWithEventsOn: number;
  writesWithAutomaticCalculation: number;
  writesWithScreenUpdating: number;
}

export function newWireStats(): WireStats {
  return { roundTrips: 0, cleanups: 0, syncs: [], largestRequestBytes: 0, largestResponseBytes: 0, writes: 0, writesWithEventsOn: 0, writesWithAutomaticCalculation: 0, writesWithScreenUpdating: 0 };
}

/** A fault to inject into data round trip n: the request fails at action `at` (the actions before it stay applied). */
export type Fault = { at: number; code?: string; message?: string } | null;

export interface WireHostOptions {
  /** Highest ExcelApi the host claims (the npm library stops at 1.15). */
  excelApi?: string;
  payloadLimitBytes?: number;
}

/** ExcelApi version of the members served (as the library's own annotations give them). */
const API_SETS: Record<string, string> = {
  'WorksheetCollection.GetFirst': '1.5',
  'Worksheet.GetNextOrNullObject': '1.5',
  'Worksheet.GetUsedRangeOrNullObject': '1.4',
  'WorksheetCollection.GetItemOrNullObject': '1.4',
  'Worksheet.Protection': '1.2',
  'Worksheet.CustomProperties': '1.12',
  'Worksheet.FreezePanes': '1.7',
  'Worksheet.PageLayout': '1.9',
  'Workbook.Comments': '1.10',
  'Workbook.InsertWorksheetsFromBase64': '1.13',
  'Table.Resize': '1.13',
  'TableCollection.GetItemOrNullObject': '1.4',
  'TableCollection.GetCount': '1.4',
  'Range.GetCellProperties': '1.9',
  'Range.Hyperlink': '1.7',
  'Range.Merge': '1.2',
  'RangeFormat.ColumnWidth': '1.2',
  'Runtime.EnableEvents': '1.8',
  'Application.SuspendScreenUpdatingUntilNextSync': '1.9',
  'Application.CalculationMode': '1.8',
  'WorksheetCollection._RegisterDataChangedEvent': '1.9',
  'WorksheetCollection._UnregisterDataChangedEvent': '1.9',
};

const byteLength = (text: string): number => new TextEncoder().encode(text).length;
const camel = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function sheetGuid(s: FakeSheet): string {
  return `{00000000-0001-0000-${String(s.id).padStart(4, '0')}-000000000000}`;
}
function commentId(sheet: FakeSheet, r: number, c: number): string {
  return `{C0000000-${String(sheet.id).padStart(4, '0')}-${String(r).padStart(4, '0')}-${String(c).padStart(4, '0')}-000000000000}`;
}
function colorOf(v: unknown): string {
  const s = String(v);
  if (/^#[0-9a-f]{6}$/i.test(s)) return s.toUpperCase();
  const named: Record<string, string> = { white: '#FFFFFF', black: '#000000', red: '#FF0000', yellow: '#FFFF00' };
  const n = named[s.toLowerCase()];
  if (!n) throw new WireError('InvalidArgument', BAD_ARG, 'RangeFill.color');
  return n;
}
function address(a: string): ReturnType<typeof parseAddress> {
  try {
    return parseAddress(a);
  } catch {
    throw new WireError('InvalidArgument', BAD_ARG, `address '${a}'`);
  }
}

/** Is this request the library's clean-up after Excel.run (_RemoveReference calls and the paths they need)? */
export function isCleanup(body: WireRequest): boolean {
  const actions = body.Actions ?? [];
  return actions.some((a) => a.Name === '_RemoveReference') && actions.every((a) => a.ActionType === 1 || (a.ActionType === 3 && a.Name === '_RemoveReference'));
}

export class WireHost {
  readonly limit: number;
  readonly excelApi: string;
  stats: WireStats = newWireStats();
  /** Tests: change the workbook just before data round trip n (1-based since the last reset), as a user might. */
  beforeRoundTrip: ((n: number, wb: FakeWorkbook) => void) | null = null;
  /** Tests: make data round trip n fail part way (Excel keeps what ran before the failing action). */
  inject: ((n: number, request: WireRequest) => Fault) | null = null;
  private readonly refs = new Map<string, Node>();
  private nextRef = 1;
  private screenSuspended = false;
  private current: WireSync | null = null;
  /** Has the add-in registered for worksheets.onChanged (WorksheetCollection._RegisterDataChangedEvent)? */
  private dataChangedRegistered = false;
  private events: WireEvent[] = [];

  constructor(
    public workbook: FakeWorkbook,
    options: WireHostOptions = {},
  ) {
    this.limit = options.payloadLimitBytes ?? DEFAULT_LIMIT;
    this.excelApi = options.excelApi ?? '1.15';
  }

  resetStats(): void {
    this.stats = newWireStats();
  }

  /** One ProcessQuery, given the request text exactly as the library serialized it. */
  processQuery(text: string): WireAnswer {
    const body = JSON.parse(text) as WireRequest;
    const requestBytes = byteLength(text);
    if (isCleanup(body)) {
      this.stats.cleanups++;
      this.current = null;
      return this.run(body, null);
    }
    const n = ++this.stats.roundTrips;
    this.beforeRoundTrip?.(n, this.workbook);
    const sync: WireSync = { requestBytes, responseBytes: 0, actions: body.Actions?.length ?? 0, writes: 0, failed: null };
    this.current = sync;
    this.stats.syncs.push(sync);
    this.stats.largestRequestBytes = Math.max(this.stats.largestRequestBytes, requestBytes);
    if (requestBytes > this.limit) {
      sync.failed = 'RequestPayloadSizeLimitExceeded';
      return { ooeError: 5103, code: sync.failed, message: `The request payload size has exceeded the limit (${requestBytes} bytes).` };
    }
    const out = this.withEvents(this.run(body, this.inject?.(n, body) ?? null));
    const responseBytes = 'body' in out ? byteLength(JSON.stringify(out.body)) : 0;
    sync.responseBytes = responseBytes;
    this.stats.largestResponseBytes = Math.max(this.stats.largestResponseBytes, responseBytes);
    if ('body' in out && out.body.Error) sync.failed = String(out.body.Error.Code);
    if (responseBytes > this.limit) {
      // The actions ran (Excel has done the work); only the answer is refused.
      sync.failed = 'ResponsePayloadSizeLimitExceeded';
      return { ooeError: 5104, code: sync.failed, message: `The response payload size has exceeded the limit (${responseBytes} bytes).` };
    }
    return out;
  }

  /** Events raised by this request, delivered after its answer (as Excel does). */
  private withEvents(out: WireAnswer): WireAnswer {
    if (this.events.length === 0) return out;
    const events = this.events;
    this.events = [];
    return { ...out, events };
  }

  /**
   * Tests: an edit made in Excel by the user: the value is entered into the model as typing would, then the
   * events Excel raises for it (worksheets.onChanged if registered and events are on) are returned for delivery.
   */
  userEdit(sheet: string, cell: string, value: unknown): WireEvent[] {
    const s = this.sheetByName(sheet);
    if (!s) throw new Error(`no sheet ${sheet}`);
    const range: RangeNode = { t: 'Range', sheet: s, box: address(cell).box };
    this.grid(range, 'Values', [[value]], (c, v) => enterInto(this.workbook, s, c, v), cellInputProblem);
    this.changed(range, 'Unknown');
    const events = this.events;
    this.events = [];
    return events;
  }

  /** WorksheetChangedEventArgs as Excel sends them (the library adds `type` and the getRange functions). */
  private changed(n: RangeNode, triggerSource: 'ThisLocalAddin' | 'Unknown' = 'ThisLocalAddin'): void {
    if (!this.dataChangedRegistered || !this.workbook.enableEvents) return;
    const payload = { type: 'WorksheetChanged', worksheetId: sheetGuid(n.sheet), address: formatBox(n.box), changeType: 'RangeEdited', source: 'Local', shiftDirection: 'None', triggerSource };
    this.events.push({ eventType: WORKSHEET_CHANGED, targetId: 'Workbook', payload });
  }

  private run(body: WireRequest, fault: Fault): WireAnswer {
    const paths = body.ObjectPaths ?? {};
    const cache = new Map<number, Node | null>();
    const resolve = (id: number): Node | null => {
      if (cache.has(id)) return cache.get(id) as Node | null;
      const p = paths[String(id)];
      if (!p) throw new WireError('InvalidArgument', `Object path ${id} is not in the request.`);
      const node = this.resolvePath(p, resolve);
      cache.set(id, node);
      return node;
    };
    this.screenSuspended = false;
    const results: { ActionId: number; Value: unknown }[] = [];
    const actions = body.Actions ?? [];
    for (let i = 0; i < actions.length; i++) {
      const a = actions[i];
      try {
        if (fault && i === fault.at) throw new WireError(fault.code ?? 'GeneralException', fault.message ?? 'An internal error has occurred.', 'injected');
        const value = this.runAction(a, resolve);
        if (value !== undefined) results.push({ ActionId: a.Id, Value: value });
      } catch (e) {
        const err = e instanceof WireError ? e : new WireError('InvalidArgument', String((e as Error)?.message));
        return { body: { Results: results, Error: { Code: err.code, Message: err.message, Location: err.location, ActionIndex: i, HttpStatusCode: HTTP[err.code] ?? 400 } } };
      }
    }
    return { body: { Results: results } };
  }

  private wrote(): void {
    const wb = this.workbook;
    this.stats.writes++;
    if (this.current) this.current.writes++;
    if (wb.enableEvents) this.stats.writesWithEventsOn++;
    if (wb.calculationMode !== 'Manual') this.stats.writesWithAutomaticCalculation++;
    if (!this.screenSuspended) this.stats.writesWithScreenUpdating++;
  }

  private needs(member: string): void {
    const v = API_SETS[member];
    if (v && !versionAtLeast(this.excelApi, v)) throw new WireError('ApiNotFound', `The API you are trying to use could not be found. (${member}: ExcelApi ${v}; this host has ${this.excelApi})`, member);
  }

  /**
   * insertWorksheetsFromBase64 (ExcelApi 1.13): the file's sheets (read by our own package reader) added at the
   * end, a name already taken getting ' (2)', ' (3)' as Excel does; answers the new sheets' ids.
   */
  private insertFromBase64(base64: string, options: { sheetNamesToInsert?: string[] }): string[] {
    let book;
    try {
      book = readPackage(Buffer.from(base64, 'base64'), 'the file');
    } catch {
      throw new WireError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.', 'Workbook.insertWorksheetsFromBase64');
    }
    const wanted = options.sheetNamesToInsert?.length ? new Set(options.sheetNamesToInsert.map((x) => x.toLowerCase())) : null;
    const ids: string[] = [];
    for (const sheet of workbookFromSnapshot(book.snapshot).sheets) {
      if (wanted && !wanted.has(sheet.name.toLowerCase())) continue;
      let name = sheet.name;
      for (let k = 2; this.sheetByName(name); k++) name = `${sheet.name.slice(0, 31 - ` (${k})`.length)} (${k})`;
      sheet.name = name;
      this.workbook.sheets.push(sheet);
      ids.push(sheetGuid(sheet));
    }
    this.wrote();
    return ids;
  }

  private sheetByName(name: unknown): FakeSheet | undefined {
    return findSheet(this.workbook, String(name));
  }
  private sheetById(id: unknown): FakeSheet | undefined {
    return this.workbook.sheets.find((s) => String(s.id) === String(id) || sheetGuid(s) === String(id));
  }
  private live(sheet: FakeSheet, where = ''): FakeSheet {
    if (!this.workbook.sheets.includes(sheet)) throw new WireError('ItemNotFound', NOT_FOUND, where);
    return sheet;
  }
  private editable(sheet: FakeSheet): void {
    this.live(sheet);
    if (sheet.protected) throw new WireError('AccessDenied', `The cell or chart you're trying to change is on a protected sheet ('${sheet.name}').`, sheet.name);
  }

  // ---------------------------------------------------------------- object paths
  private resolvePath(p: WirePath, resolve: (id: number) => Node | null): Node | null {
    const args = p.ArgumentInfo?.Arguments ?? [];
    const refIds = p.ArgumentInfo?.ReferencedObjectPathIds ?? [];
    const arg = (i: number): unknown => (refIds[i] ? resolve(refIds[i] as number) : args[i]);
    switch (p.ObjectPathType) {
      case 1:
        return { t: 'Workbook' };
      case 6: {
        const n = this.refs.get(String(p.Name));
        if (!n) throw new WireError('InvalidObjectPath', `The object path '_reference(${p.Name})' isn't working for what you're trying to do.`);
        return n;
      }
      case 7:
        return null;
    }
    const parent = resolve(p.ParentObjectPathId as number);
    if (parent === null) return null; // anything under a null object is null
    if (p.ObjectPathType === 4) return this.property(parent, String(p.Name));
    if (p.ObjectPathType === 5) return this.indexer(parent, args);
    if (p.ObjectPathType === 3) return this.methodObject(parent, String(p.Name), args, arg);
    throw new WireError('InvalidArgument', `ObjectPathType ${p.ObjectPathType} is not served by this host.`);
  }

  private property(n: Node, name: string): Node {
    this.needs(`${n.t}.${name}`);
    const key = `${n.t}.${name}`;
    if (n.t === 'Workbook') {
      if (name === 'Worksheets') return { t: 'WorksheetCollection' };
      if (name === 'Application') return { t: 'Application' };
      if (name === '_Runtime') return { t: 'Runtime' };
      if (name === 'Comments') return { t: 'CommentCollection' };
      if (name === 'Tables') return { t: 'TableCollection', sheet: null };
    }
    if (n.t === 'Worksheet') {
      const T: Record<string, 'WorksheetProtection' | 'WorksheetCustomPropertyCollection' | 'WorksheetFreezePanes' | 'PageLayout'> = {
        Protection: 'WorksheetProtection',
        CustomProperties: 'WorksheetCustomPropertyCollection',
        FreezePanes: 'WorksheetFreezePanes',
        PageLayout: 'PageLayout',
      };
      if (T[name]) return { t: T[name], sheet: n.sheet };
    }
    if (n.t === 'Worksheet') {
      if (name === 'Charts') return { t: 'ChartCollection', sheet: n.sheet };
      if (name === 'AutoFilter') return { t: 'AutoFilter', sheet: n.sheet };
      if (name === 'HorizontalPageBreaks') return { t: 'PageBreakCollection', sheet: n.sheet };
      if (name === 'Tables') return { t: 'TableCollection', sheet: n.sheet };
    }
    if (n.t === 'PageLayout' && name === 'HeadersFooters') return { t: 'HeadersFooters', sheet: n.sheet };
    if (n.t === 'HeadersFooters' && name === 'DefaultForAllPages') return { t: 'HeaderFooter', sheet: n.sheet };
    if (n.t === 'Chart') {
      if (name === 'Title') return { t: 'ChartTitle', sheet: n.sheet, chart: n.chart };
      if (name === 'Legend') return { t: 'ChartLegend', sheet: n.sheet, chart: n.chart };
      if (name === 'Series') return { t: 'ChartSeriesCollection', sheet: n.sheet, chart: n.chart };
    }
    if (n.t === 'Range' && name === 'Format') return { t: 'RangeFormat', range: n };
    if (n.t === 'RangeFormat' && (name === 'Fill' || name === 'Font')) return { t: name === 'Fill' ? 'RangeFill' : 'RangeFont', range: n.range };
    throw new WireError('ApiNotFound', `This host has no property ${key}.`, `${n.t}.${camel(name)}`);
  }

  private indexer(n: Node, args: unknown[]): Node {
    if (n.t === 'WorksheetCollection') {
      const s = this.sheetByName(args[0]) ?? this.sheetById(args[0]);
      if (!s) throw new WireError('ItemNotFound', NOT_FOUND, `Worksheets.getItem(${JSON.stringify(args[0])})`);
      return { t: 'Worksheet', sheet: s };
    }
    if (n.t === 'CommentCollection') {
      const c = this.commentNodes().find((x) => x.id === args[0]);
      if (!c) throw new WireError('ItemNotFound', NOT_FOUND, `Comments.getItem(${JSON.stringify(args[0])})`);
      return c;
    }
    if (n.t === 'TableCollection') {
      const t = this.tableByKey(n.sheet, args[0]);
      if (!t) throw new WireError('ItemNotFound', NOT_FOUND, `Tables.getItem(${JSON.stringify(args[0])})`);
      return t;
    }
    if (n.t === 'WorksheetCustomPropertyCollection') {
      if (!n.sheet.customProperties.has(String(args[0]))) throw new WireError('ItemNotFound', NOT_FOUND, 'CustomProperties.getItem');
      return { t: 'WorksheetCustomProperty', sheet: n.sheet, key: String(args[0]) };
    }
    throw new WireError('ApiNotFound', `No indexer on ${n.t}.`);
  }

  private boxOf(o: unknown): Box {
    if (typeof o === 'string') return address(o).box;
    if (o && typeof o === 'object' && (o as Node).t === 'Range') return (o as RangeNode).box;
    throw new WireError('InvalidArgument', BAD_ARG);
  }

  /** Methods that return objects: the method runs when the path is first resolved (Add creates the sheet). */
  private methodObject(node: Node, name: string, args: unknown[], arg: (i: number) => unknown): Node | null {
    // The switch below is on type and name together: each case knows which fields its node has.
    const n = node as Node & { sheet: FakeSheet; box: Box; r: number; c: number };
    this.needs(`${n.t}.${name}`);
    const wb = this.workbook;
    const range = (sheet: FakeSheet, box: Box): RangeNode => ({ t: 'Range', sheet, box });
    const ordered = (visibleOnly: unknown) => wb.sheets.filter((s) => !visibleOnly || s.visibility === 'Visible');
    const chartNode = node as unknown as ChartNodeFields;
    switch (`${n.t}.${name}`) {
      case 'ChartCollection.Add': {
        const type = String(args[0]);
        if (!CHART_TYPES.has(type)) throw new WireError('InvalidArgument', BAD_ARG, 'Charts.add');
        const source = arg(1) as Node;
        if (!source || source.t !== 'Range' || source.sheet !== n.sheet) throw new WireError('InvalidArgument', BAD_ARG, 'Charts.add (source data)');
        const chart: FakeChartModel = { type, title: null, legend: null, series: [{ name: '', values: { sheet: n.sheet.name, box: source.box }, categories: null }], position: null };
        sheetExtras(n.sheet).charts.push(chart);
        return { t: 'Chart', sheet: n.sheet, chart };
      }
      case 'ChartSeriesCollection.GetItemAt': {
        const series = chartNode.chart.series[Number(args[0])];
        if (!series) throw new WireError('ItemNotFound', NOT_FOUND, 'Series.getItemAt');
        return { t: 'ChartSeries', sheet: n.sheet, chart: chartNode.chart, series };
      }
      case 'ChartSeriesCollection.Add': {
        const series: FakeChartSeries = { name: String(args[0] ?? ''), values: null, categories: null };
        chartNode.chart.series.push(series);
        return { t: 'ChartSeries', sheet: n.sheet, chart: chartNode.chart, series };
      }
      case 'PageBreakCollection.Add': {
        sheetExtras(n.sheet).pageBreaksBefore.push(this.boxOf(arg(0)).top);
        return { t: 'PageBreak', sheet: n.sheet };
      }
      case 'WorksheetCollection.GetFirst': {
        const s = ordered(args[0])[0];
        if (!s) throw new WireError('ItemNotFound', NOT_FOUND, 'Worksheets.getFirst');
        return { t: 'Worksheet', sheet: s };
      }
      case 'WorksheetCollection.GetItemOrNullObject': {
        const s = this.sheetByName(args[0]) ?? this.sheetById(args[0]);
        return s ? { t: 'Worksheet', sheet: s } : null;
      }
      case 'WorksheetCollection.GetItemAt': {
        const s = wb.sheets[Number(args[0])];
        if (!s) throw new WireError('ItemNotFound', NOT_FOUND, 'Worksheets.getItemAt');
        return { t: 'Worksheet', sheet: s };
      }
      case 'WorksheetCollection.Add': {
        const wanted = args[0] == null ? `Sheet${wb.sheets.length + 1}` : args[0];
        const problem = sheetNameProblem(wanted);
        if (problem) throw new WireError('InvalidArgument', `The sheet name '${String(wanted)}' is not valid: ${problem}.`, 'Worksheets.add');
        if (this.sheetByName(wanted)) throw new WireError('ItemAlreadyExists', 'A resource with the same name or identifier already exists.', `Worksheets.add(${JSON.stringify(wanted)})`);
        const s = newSheet(String(wanted));
        wb.sheets.push(s);
        this.wrote();
        return { t: 'Worksheet', sheet: s };
      }
      case 'Worksheet._GetSheetById': {
        const s = this.sheetById(args[0]);
        if (!s) throw new WireError('ItemNotFound', NOT_FOUND, 'worksheet');
        return { t: 'Worksheet', sheet: s };
      }
      case 'Worksheet.GetNext':
      case 'Worksheet.GetNextOrNullObject': {
        const list = ordered(args[0]);
        const next = list[list.indexOf(this.live(n.sheet)) + 1];
        if (!next && name === 'GetNext') throw new WireError('ItemNotFound', NOT_FOUND, 'Worksheet.getNext');
        return next ? { t: 'Worksheet', sheet: next } : null;
      }
      case 'Worksheet.GetRange':
        return range(this.live(n.sheet), address(args[0] == null ? 'A1:XFD1048576' : String(args[0])).box);
      case 'Worksheet.GetUsedRange':
      case 'Worksheet.GetUsedRangeOrNullObject': {
        const box = usedBox(this.live(n.sheet), !!args[0]);
        if (!box) return name === 'GetUsedRange' ? range(n.sheet, { top: 0, left: 0, rows: 1, cols: 1 }) : null;
        return range(n.sheet, box);
      }
      case 'Range.GetRow':
        return range(n.sheet, { ...n.box, top: n.box.top + Number(args[0]), rows: 1 });
      case 'Range.Insert': {
        // Whole rows only ('12:13', shift Down): what the import asks for (test/fake-excel/rows.ts does what Excel does).
        this.wholeRows(n, args[0], 'Down', 'Range.insert');
        moveRows(this.workbook, n.sheet.name, n.box.top, n.box.rows);
        this.wrote();
        return range(n.sheet, n.box);
      }
      case 'Range.GetCell':
        return range(n.sheet, { top: n.box.top + Number(args[0]), left: n.box.left + Number(args[1]), rows: 1, cols: 1 });
      case 'Range.GetBoundingRect': {
        const b = this.boxOf(arg(0));
        const top = Math.min(n.box.top, b.top);
        const left = Math.min(n.box.left, b.left);
        const bottom = Math.max(n.box.top + n.box.rows, b.top + b.rows);
        const right = Math.max(n.box.left + n.box.cols, b.left + b.cols);
        return range(n.sheet, { top, left, rows: bottom - top, cols: right - left });
      }
      case 'CommentCollection.GetItemAt':
        return this.commentNodes()[Number(args[0])] ?? null;
      case 'CommentCollection.GetItemByCell': {
        const at = this.cellAt(arg(0));
        const c = this.commentNodes().find((x) => x.sheet === at.sheet && x.r === at.r && x.c === at.c);
        if (!c) throw new WireError('ItemNotFound', NOT_FOUND, 'Comments.getItemByCell');
        return c;
      }
      case 'CommentCollection.Add': {
        const at = this.cellAt(arg(0));
        this.editable(at.sheet);
        const cell = touchCell(at.sheet, at.r, at.c);
        if (cell.comment !== null || cell.note !== null) throw new WireError('InvalidOperation', 'The cell already has a comment or a note.', 'Comments.add');
        const problem = cellInputProblem(args[1]);
        if (problem) throw new WireError('InvalidArgument', `${BAD_ARG} (${problem})`, 'Comments.add');
        cell.comment = String(args[1]);
        this.wrote();
        return { t: 'Comment', sheet: at.sheet, r: at.r, c: at.c, id: commentId(at.sheet, at.r, at.c) };
      }
      case 'Comment.GetLocation':
        return range(n.sheet, { top: n.r, left: n.c, rows: 1, cols: 1 });
      case 'TableCollection.Add': {
        // tables.add(address, hasHeaders): a range (or an address; on workbook.tables with its sheet's name).
        const a = arg(0);
        const at = a && typeof a === 'object' && (a as Node).t === 'Range' ? { sheet: (a as RangeNode).sheet, box: (a as RangeNode).box } : this.onSheet(n.sheet, String(a), 'Tables.add');
        if (n.sheet && at.sheet !== n.sheet) throw new WireError('InvalidArgument', BAD_ARG, 'Tables.add');
        this.editable(at.sheet);
        const problem = tablePlaceProblem(wb, at.sheet, at.box, !!args[1]);
        if (problem) throw new WireError('InvalidArgument', problem, 'Tables.add');
        const table = addTable(wb, at.sheet, at.box, !!args[1]);
        this.wrote();
        return { t: 'Table', sheet: at.sheet, table };
      }
      case 'TableCollection.GetItemAt': {
        const table = this.tableItems(n.sheet)[Number(args[0])];
        if (!table) throw new WireError('ItemNotFound', NOT_FOUND, 'Tables.getItemAt');
        return table;
      }
      case 'TableCollection.GetItemOrNullObject':
        return this.tableByKey(n.sheet, args[0]) ?? null;
      case 'Table.GetRange':
        return range(n.sheet, tableBox(this.liveTable(node as TableNode)));
      case 'WorksheetCustomPropertyCollection.GetItemOrNullObject':
        return n.sheet.customProperties.has(String(args[0])) ? { t: 'WorksheetCustomProperty', sheet: n.sheet, key: String(args[0]) } : null;
      case 'WorksheetCustomPropertyCollection.Add':
        n.sheet.customProperties.set(String(args[0]), String(args[1]));
        return { t: 'WorksheetCustomProperty', sheet: n.sheet, key: String(args[0]) };
    }
    throw new WireError('ApiNotFound', `This host has no method ${n.t}.${name}.`, `${n.t}.${camel(name)}()`);
  }

  // ---------------------------------------------------------------- actions
  private runAction(a: WireAction, resolve: (id: number) => Node | null): unknown {
    switch (a.ActionType) {
      case 1: {
        const n = resolve(a.ObjectPathId);
        return n === null ? null : this.identity(n);
      }
      case 2: {
        const n = resolve(a.ObjectPathId);
        return n === null ? null : this.query(n, a.QueryInfo ?? {});
      }
      case 3: {
        const n = resolve(a.ObjectPathId);
        const args = a.ArgumentInfo?.Arguments ?? [];
        const refIds = a.ArgumentInfo?.ReferencedObjectPathIds ?? [];
        const arg = (i: number): unknown => (refIds[i] ? resolve(refIds[i] as number) : args[i]);
        if (n === null) return null; // a method on a null object does nothing
        return this.method(n, String(a.Name), args, arg);
      }
      case 4: {
        const n = resolve(a.ObjectPathId);
        if (n !== null) this.set(n, String(a.Name), a.ArgumentInfo?.Arguments?.[0]);
        return undefined;
      }
      case 5:
        return null;
    }
    throw new WireError('InvalidArgument', `ActionType ${a.ActionType} is not served by this host.`);
  }

  private identity(n: Node): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (n.refId) out._ReferenceId = n.refId;
    if (n.t === 'Worksheet') out._Id = sheetGuid(this.live(n.sheet));
    if (n.t === 'Comment') out._Id = n.id;
    return out;
  }

  private scalars(n: Node): Record<string, () => unknown> {
    const wb = this.workbook;
    switch (n.t) {
      case 'Worksheet': {
        const s = this.live(n.sheet);
        return { Id: () => sheetGuid(s), Name: () => s.name, Position: () => wb.sheets.indexOf(s), Visibility: () => s.visibility, TabColor: () => '' };
      }
      case 'Range': {
        this.live(n.sheet);
        const grid = <T>(f: (c: ReturnType<typeof getCell>) => T) => Array.from({ length: n.box.rows }, (_, r) => Array.from({ length: n.box.cols }, (_, c) => f(getCell(n.sheet, n.box.top + r, n.box.left + c))));
        return {
          Address: () => formatBox(n.box, n.sheet.name),
          AddressLocal: () => formatBox(n.box, n.sheet.name),
          RowIndex: () => n.box.top,
          ColumnIndex: () => n.box.left,
          RowCount: () => n.box.rows,
          ColumnCount: () => n.box.cols,
          CellCount: () => n.box.rows * n.box.cols,
          Values: () => grid((c) => (c.type === 'Empty' ? '' : c.value)),
          ValueTypes: () => grid((c) => c.type),
          Formulas: () => grid((c) => c.formula ?? (c.type === 'Empty' ? '' : c.value)),
          NumberFormat: () => grid((c) => c.numberFormat),
          Text: () => grid((c) => (c.value === null ? '' : String(c.value))),
          Hyperlink: () => getCell(n.sheet, n.box.top, n.box.left).hyperlink,
        };
      }
      case 'RangeFill': {
        const fills: (string | null)[] = [];
        const b = n.range.box;
        for (let r = 0; r < Math.min(b.rows, 1000); r++) for (let c = 0; c < Math.min(b.cols, 100); c++) fills.push(getCell(n.range.sheet, b.top + r, b.left + c).fill);
        const same = fills.every((f) => f === fills[0]);
        return { Color: () => (same ? (fills[0] ?? '#FFFFFF') : null), Pattern: () => (same ? (fills[0] ? 'Solid' : 'None') : null) };
      }
      case 'RangeFont': {
        const first = () => getCell(n.range.sheet, n.range.box.top, n.range.box.left);
        return { Bold: () => first().bold, Italic: () => first().italic, Size: () => first().fontSize };
      }
      case 'RangeFormat':
        return { ColumnWidth: () => n.range.sheet.columnWidths.get(n.range.box.left) ?? 48, WrapText: () => getCell(n.range.sheet, n.range.box.top, n.range.box.left).wrap };
      case 'Application':
        return { CalculationMode: () => wb.calculationMode };
      case 'Runtime':
        return { EnableEvents: () => wb.enableEvents };
      case 'WorksheetProtection':
        return { Protected: () => this.live(n.sheet).protected };
      case 'WorksheetCustomProperty':
        return { Key: () => n.key, Value: () => n.sheet.customProperties.get(n.key) };
      case 'Comment':
        return { Id: () => n.id, Content: () => getCell(n.sheet, n.r, n.c).comment, ContentType: () => 'Plain', Resolved: () => false };
      case 'Table': {
        const t = this.liveTable(n);
        return { Id: () => t.id, Name: () => t.name, ShowHeaders: () => t.showHeaders, ShowTotals: () => t.showTotals };
      }
      case 'TableCollection':
        return { Count: () => this.tableItems(n.sheet).length };
    }
    return {};
  }

  private items(n: Node): Node[] | null {
    if (n.t === 'CommentCollection') return this.commentNodes();
    if (n.t === 'WorksheetCollection') return this.workbook.sheets.map((s) => ({ t: 'Worksheet', sheet: s }));
    if (n.t === 'TableCollection') return this.tableItems(n.sheet);
    if (n.t === 'WorksheetCustomPropertyCollection') return [...n.sheet.customProperties.keys()].map((key) => ({ t: 'WorksheetCustomProperty', sheet: n.sheet, key }));
    return null;
  }

  private query(n: Node, q: { Select?: string[]; Expand?: string[] }): unknown {
    const items = this.items(n);
    if (items) return { _Items: items.map((item) => this.queryOne(item, q.Select, q.Expand)) };
    return this.queryOne(n, q.Select, q.Expand);
  }

  private queryOne(n: Node, select: string[] | undefined, expand: string[] | undefined): Record<string, unknown> {
    const table = this.scalars(n);
    const out: Record<string, unknown> = {};
    const own = (select && select.length ? select : ['*']).concat(expand ?? []);
    for (const sel of own) {
      const [head, ...rest] = sel.split('/');
      if (head === '*') {
        for (const [k, f] of Object.entries(table)) if (!['Values', 'ValueTypes', 'Formulas', 'NumberFormat', 'Text'].includes(k)) out[k] = f();
        continue;
      }
      const key = pascal(head);
      if (table[key]) {
        out[key] = table[key]();
        continue;
      }
      let child: Node;
      try {
        child = this.property(n, key);
      } catch {
        throw new WireError('InvalidArgument', `The property '${head}' does not exist on type '${n.t}'.`, `${n.t}.${head}`);
      }
      out[key] = Object.assign((out[key] as object) ?? {}, this.queryOne(child, rest.length ? [rest.join('/')] : ['*'], undefined));
    }
    if (n.t === 'Worksheet' && !('Id' in out)) out._Id = sheetGuid(n.sheet);
    if (n.t === 'Comment' && !('Id' in out)) out._Id = n.id;
    if (n.t === 'Table' && !('Id' in out)) out._Id = n.table.id;
    if (n.refId) out._ReferenceId = n.refId;
    return out;
  }

  private method(n: Node, name: string, args: unknown[], arg: (i: number) => unknown): unknown {
    this.needs(`${n.t}.${name}`);
    const wb = this.workbook;
    switch (`${n.t}.${name}`) {
      case 'Range._KeepReference':
      case 'RangeAreas._KeepReference':
        n.refId = n.refId ?? String(this.nextRef++);
        this.refs.set(n.refId, n);
        return null;
      case 'Workbook._RemoveReference':
        this.refs.delete(String(args[0]));
        return null;
      case 'WorksheetCollection._RegisterDataChangedEvent':
      case 'WorksheetCollection._UnregisterDataChangedEvent':
        this.dataChangedRegistered = name === '_RegisterDataChangedEvent';
        return null;
    }
    const onRange = (i: number) => {
      const a = arg(i) as Node;
      if (!a || a.t !== 'Range') throw new WireError('InvalidArgument', BAD_ARG, `${n.t}.${camel(name)}`);
      return { sheet: a.sheet.name, box: a.box };
    };
    switch (`${n.t}.${name}`) {
      case 'Workbook.InsertWorksheetsFromBase64':
        return this.insertFromBase64(String(args[0]), (args[1] ?? {}) as { sheetNamesToInsert?: string[] });
      case 'Chart.SetPosition':
        (n as unknown as ChartNodeFields).chart.position = { from: String(args[0]), to: String(args[1]) };
        return null;
      case 'ChartSeries.SetValues':
        (n as unknown as ChartNodeFields).series.values = onRange(0);
        return null;
      case 'ChartSeries.SetXAxisValues':
        (n as unknown as ChartNodeFields).series.categories = onRange(0);
        return null;
      case 'AutoFilter.Apply':
        sheetExtras((n as unknown as ChartNodeFields).sheet).autoFilter = { box: onRange(0).box };
        return null;
      case 'Table.Resize': {
        // Excel: the same sheet, the header (the top) in the same row, overlapping the table, no other table in the way.
        const tn = n as unknown as TableNode;
        const t = this.liveTable(tn);
        const a = arg(0);
        const at = a && typeof a === 'object' && (a as Node).t === 'Range' ? { sheet: (a as RangeNode).sheet, box: (a as RangeNode).box } : this.onSheet(tn.sheet, String(a), 'Table.resize');
        this.editable(tn.sheet);
        const b = at.box;
        if (at.sheet !== tn.sheet || b.top !== t.top || b.left > t.right || b.left + b.cols - 1 < t.left) throw new WireError('InvalidArgument', 'The table must stay on its sheet, with its header row in the same row, overlapping its range.', 'Table.resize');
        const problem = tablePlaceProblem(wb, tn.sheet, b, t.showHeaders, t);
        if (problem) throw new WireError('InvalidArgument', problem, 'Table.resize');
        Object.assign(t, { bottom: b.top + b.rows - 1, left: b.left, right: b.left + b.cols - 1 });
        this.wrote();
        return null;
      }
    }
    if (n.t === 'Range') {
      switch (name) {
        case '_ValidateArraySize':
          if (args[0] !== n.box.rows || args[1] !== n.box.cols) throw new WireError('InvalidArgument', "The number of rows or columns in the input array doesn't match the size or dimensions of the range.", 'Range');
          return null;
        case 'GetCellProperties':
          return this.cellProperties(n, (args[0] ?? {}) as CellPropertiesSpec);
        case 'Select': {
          const s = this.live(n.sheet);
          if (s.visibility !== 'Visible') throw new WireError('InvalidOperation', `The sheet '${s.name}' is hidden: its cells cannot be selected.`, 'Range.select');
          wb.activeSheetId = s.id;
          wb.selection = { sheet: s.name, address: formatBox(n.box) };
          return null;
        }
        case 'Clear': {
          // Formats only (what the import asks for): every cell of the range back to the Normal style, content kept.
          if (args[0] !== 'Formats') throw new WireError('ApiNotFound', `This host clears formats only, not ${String(args[0])}.`, 'Range.clear');
          this.editable(n.sheet);
          const b = n.box;
          for (const [k, cell] of n.sheet.cells) {
            const [r, c] = k.split(',').map(Number);
            if (r >= b.top && r < b.top + b.rows && c >= b.left && c < b.left + b.cols) Object.assign(cell, { numberFormat: 'General', fill: null, bold: false, italic: false, fontSize: 11, wrap: false });
          }
          this.wrote();
          return null;
        }
        case 'Delete':
          this.wholeRows(n, args[0], 'Up', 'Range.delete');
          moveRows(this.workbook, n.sheet.name, n.box.top, -n.box.rows);
          this.wrote();
          return null;
        case 'Merge':
          this.editable(n.sheet);
          n.sheet.merges.push(formatBox(n.box));
          this.wrote();
          return null;
      }
    }
    switch (`${n.t}.${name}`) {
      case 'RangeFill.Clear':
        if (n.t !== 'RangeFill') break;
        this.eachCell(n, (cell) => void (cell.fill = null));
        return null;
      case 'Comment.Delete':
        if (n.t !== 'Comment') break;
        this.editable(n.sheet);
        touchCell(n.sheet, n.r, n.c).comment = null;
        this.wrote();
        return null;
      case 'Worksheet.Delete': {
        if (n.t !== 'Worksheet') break;
        const s = this.live(n.sheet);
        if (s.visibility === 'Visible' && wb.sheets.filter((x) => x.visibility === 'Visible' && x !== s).length === 0) throw new WireError('InvalidOperation', 'A workbook must contain at least one visible worksheet.', 'Worksheet.delete');
        wb.sheets.splice(wb.sheets.indexOf(s), 1);
        this.fixActive();
        this.wrote();
        return null;
      }
      case 'Worksheet.Activate': {
        if (n.t !== 'Worksheet') break;
        const s = this.live(n.sheet);
        if (s.visibility !== 'Visible') throw new WireError('InvalidOperation', `The sheet '${s.name}' is hidden.`, 'Worksheet.activate');
        wb.activeSheetId = s.id;
        return null;
      }
      case 'Application.SuspendScreenUpdatingUntilNextSync':
        this.screenSuspended = true;
        return null;
      case 'WorksheetFreezePanes.FreezeRows':
        if (n.t === 'WorksheetFreezePanes') Object.assign(n.sheet, { frozenRows: Number(args[0]), frozenCols: 0 });
        return null;
      case 'WorksheetFreezePanes.FreezeColumns':
        if (n.t === 'WorksheetFreezePanes') Object.assign(n.sheet, { frozenCols: Number(args[0]), frozenRows: 0 });
        return null;
      case 'WorksheetFreezePanes.FreezeAt': {
        const b = this.boxOf(arg(0));
        if (n.t === 'WorksheetFreezePanes') Object.assign(n.sheet, { frozenRows: b.top + b.rows, frozenCols: b.left + b.cols });
        return null;
      }
      case 'PageLayout.SetPrintTitleRows': {
        const o = arg(0);
        const rows = typeof o === 'string' ? o : formatBox(this.boxOf(o));
        if (!/^\$?\d+:\$?\d+$/.test(rows)) throw new WireError('InvalidArgument', BAD_ARG, 'PageLayout.setPrintTitleRows');
        if (n.t === 'PageLayout') n.sheet.pageLayout.printTitleRows = rows;
        return null;
      }
    }
    throw new WireError('ApiNotFound', `This host has no method ${n.t}.${name}.`, `${n.t}.${camel(name)}()`);
  }

  /** Range.insert/delete as this host serves them: whole rows of an unprotected sheet, shifted down or up. */
  private wholeRows(n: Node, shift: unknown, want: 'Down' | 'Up', where: string): void {
    if (n.t !== 'Range') throw new WireError('InvalidArgument', BAD_ARG, where);
    this.editable(n.sheet);
    if (n.box.left !== 0 || n.box.cols !== MAX_COLS) throw new WireError('ApiNotFound', `This host inserts and deletes whole rows only ('12:13'), not ${formatBox(n.box)}.`, where);
    if (shift !== want) throw new WireError('ApiNotFound', `This host shifts whole rows ${want} only, not ${String(shift)}.`, where);
  }

  private cellProperties(n: RangeNode, spec: CellPropertiesSpec): unknown[][] {
    return Array.from({ length: n.box.rows }, (_, r) =>
      Array.from({ length: n.box.cols }, (_, c) => cellProperties(getCell(n.sheet, n.box.top + r, n.box.left + c), spec, n.sheet.name, n.box.top + r, n.box.left + c)),
    );
  }

  private fixActive(): void {
    const wb = this.workbook;
    const active = wb.sheets.find((s) => s.id === wb.activeSheetId);
    if (!active || active.visibility !== 'Visible') wb.activeSheetId = wb.sheets.find((s) => s.visibility === 'Visible')?.id ?? null;
  }

  private eachCell(n: { range: RangeNode }, f: (cell: ReturnType<typeof touchCell>) => void): void {
    const { sheet, box } = n.range;
    this.editable(sheet);
    for (let r = 0; r < box.rows; r++) for (let c = 0; c < box.cols; c++) f(touchCell(sheet, box.top + r, box.left + c));
    this.wrote();
  }

  /** A 2-D input of exactly the range's shape, or one value for every cell; checked before any cell changes. */
  private grid(n: RangeNode, name: string, input: unknown, f: (cell: ReturnType<typeof touchCell>, v: unknown) => void, check?: (v: unknown) => string | null): void {
    const b = n.box;
    this.editable(n.sheet);
    if (Array.isArray(input) && (input.length !== b.rows || input.some((row) => !Array.isArray(row) || row.length !== b.cols)))
      throw new WireError('InvalidArgument', "The number of rows or columns in the input array doesn't match the size or dimensions of the range.", `Range.${camel(name)}`);
    const at = (r: number, c: number): unknown => (Array.isArray(input) ? (input as unknown[][])[r][c] : input);
    if (check)
      for (let r = 0; r < b.rows; r++)
        for (let c = 0; c < b.cols; c++) {
          const problem = check(at(r, c));
          if (problem) throw new WireError('InvalidArgument', `${BAD_ARG} (${problem})`, `Range.${camel(name)}`);
        }
    for (let r = 0; r < b.rows; r++) for (let c = 0; c < b.cols; c++) f(touchCell(n.sheet, b.top + r, b.left + c), at(r, c));
    this.wrote();
  }

  private set(n: Node, name: string, value: unknown): void {
    this.needs(`${n.t}.${name}`);
    const wb = this.workbook;
    if (n.t === 'Range') {
      switch (name) {
        case 'Values':
        case 'Formulas':
          this.grid(n, name, value, (cell, v) => enterInto(wb, n.sheet, cell, v), cellInputProblem);
          return this.changed(n);
        case 'NumberFormat':
          return this.grid(n, name, value, (cell, v) => {
            if (v !== null && v !== undefined) cell.numberFormat = String(v);
          });
        case 'Hyperlink': {
          const link = value as { documentReference?: string; address?: string; textToDisplay?: string } | null;
          return this.grid(n, name, null, (cell) => {
            cell.hyperlink = link ? { ...link } : null;
            if (link?.textToDisplay !== undefined) Object.assign(cell, { value: link.textToDisplay, type: 'String', formula: null });
          });
        }
      }
    }
    if (n.t === 'RangeFill' && name === 'Color') {
      const color = colorOf(value);
      return this.eachCell(n, (cell) => void (cell.fill = color));
    }
    if (n.t === 'RangeFont') {
      if (name === 'Bold') return this.eachCell(n, (cell) => void (cell.bold = !!value));
      if (name === 'Italic') return this.eachCell(n, (cell) => void (cell.italic = !!value));
      if (name === 'Size') return this.eachCell(n, (cell) => void (cell.fontSize = Number(value)));
    }
    if (n.t === 'RangeFormat') {
      if (name === 'WrapText') return this.eachCell(n, (cell) => void (cell.wrap = !!value));
      if (name === 'ColumnWidth') {
        this.editable(n.range.sheet);
        for (let c = 0; c < n.range.box.cols; c++) n.range.sheet.columnWidths.set(n.range.box.left + c, Number(value));
        return this.wrote();
      }
    }
    if (n.t === 'Worksheet') {
      const s = this.live(n.sheet);
      if (name === 'Name') {
        const problem = sheetNameProblem(value);
        if (problem) throw new WireError('InvalidArgument', `The sheet name '${String(value)}' is not valid: ${problem}.`, 'Worksheet.name');
        const clash = this.sheetByName(value);
        if (clash && clash !== s) throw new WireError('ItemAlreadyExists', 'A resource with the same name or identifier already exists.', 'Worksheet.name');
        s.name = String(value);
        return this.wrote();
      }
      if (name === 'Visibility') {
        if (!['Visible', 'Hidden', 'VeryHidden'].includes(String(value))) throw new WireError('InvalidArgument', BAD_ARG, 'Worksheet.visibility');
        if (s.visibility === 'Visible' && value !== 'Visible' && wb.sheets.filter((x) => x.visibility === 'Visible').length === 1) throw new WireError('InvalidOperation', 'A workbook must contain at least one visible worksheet.', 'Worksheet.visibility');
        s.visibility = value as FakeSheet['visibility'];
        this.fixActive();
        return this.wrote();
      }
    }
    if (n.t === 'Application' && name === 'CalculationMode') {
      if (!['Automatic', 'AutomaticExceptTables', 'Manual'].includes(String(value))) throw new WireError('InvalidArgument', BAD_ARG, 'Application.calculationMode');
      wb.calculationMode = value as FakeWorkbook['calculationMode'];
      return;
    }
    if (n.t === 'Runtime' && name === 'EnableEvents') {
      wb.enableEvents = !!value;
      return;
    }
    if (n.t === 'PageLayout') {
      if (name === 'Orientation') {
        if (value !== 'Portrait' && value !== 'Landscape') throw new WireError('InvalidArgument', BAD_ARG, 'PageLayout.orientation');
        n.sheet.pageLayout.orientation = value;
        return;
      }
      if (name === 'Zoom') {
        const z = value as { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
        if (z.scale !== undefined && z.scale !== null && (z.horizontalFitToPages != null || z.verticalFitToPages != null)) throw new WireError('InvalidArgument', BAD_ARG, 'PageLayout.zoom');
        Object.assign(n.sheet.pageLayout, { fitWide: z.horizontalFitToPages ?? null, fitTall: z.verticalFitToPages ?? null, scale: z.scale ?? null });
        return;
      }
    }
    if (n.t === 'ChartTitle' && name === 'Text') return void (n.chart.title = String(value));
    if (n.t === 'ChartLegend' && name === 'Position') return void (n.chart.legend = String(value));
    if (n.t === 'ChartSeries' && name === 'Name') return void (n.series.name = String(value));
    if (n.t === 'HeaderFooter') {
      const part = ({ LeftFooter: 'left', CenterFooter: 'center', RightFooter: 'right' } as const)[name as 'LeftFooter'];
      if (part) return void (sheetExtras(n.sheet).footer[part] = String(value));
    }
    if (n.t === 'Comment' && name === 'Content') {
      this.editable(n.sheet);
      const problem = cellInputProblem(value);
      if (problem) throw new WireError('InvalidArgument', `${BAD_ARG} (${problem})`, 'Comment.content');
      touchCell(n.sheet, n.r, n.c).comment = String(value);
      return this.wrote();
    }
    if (n.t === 'Table' && name === 'Name') {
      const t = this.liveTable(n);
      const wanted = String(value);
      if (!/^[A-Za-z_\\][\w.]*$/.test(wanted) || /^[A-Za-z]{1,3}\d+$/.test(wanted) || /^[RC]$/i.test(wanted)) throw new WireError('InvalidArgument', BAD_ARG, 'Table.name');
      if (this.workbook.sheets.some((s) => tablesOf(s).some((x) => x !== t && x.name.toLowerCase() === wanted.toLowerCase()))) throw new WireError('InvalidArgument', 'A table with this name already exists.', 'Table.name');
      t.name = wanted;
      return this.wrote();
    }
    if (n.t === 'Table' && name === 'ShowTotals') {
      // The totals row is the row right under the data rows (it must be free of other tables); off: that row leaves the table.
      const t = this.liveTable(n);
      if (!!value === t.showTotals) return;
      if (value) {
        const problem = tablePlaceProblem(this.workbook, n.sheet, { ...tableBox(t), rows: t.bottom - t.top + 2 }, t.showHeaders, t);
        if (problem) throw new WireError('InvalidOperation', problem, 'Table.showTotals');
        t.bottom += 1;
      } else t.bottom -= 1;
      t.showTotals = !!value;
      return this.wrote();
    }
    if (n.t === 'WorksheetCustomProperty' && name === 'Value') {
      n.sheet.customProperties.set(n.key, String(value));
      return;
    }
    throw new WireError('ApiNotFound', `This host has no settable ${n.t}.${name}.`, `${n.t}.${camel(name)}`);
  }

  /** Every threaded comment of the workbook, in sheet then cell order (one per cell). */
  private commentNodes(): Extract<Node, { t: 'Comment' }>[] {
    const out: Extract<Node, { t: 'Comment' }>[] = [];
    for (const sheet of this.workbook.sheets)
      for (const [k, cell] of sheet.cells)
        if (cell.comment !== null) {
          const [r, c] = k.split(',').map(Number);
          out.push({ t: 'Comment', sheet, r, c, id: commentId(sheet, r, c) });
        }
    return out;
  }

  /** The tables of `sheet`, or of the workbook (null), in sheet order. */
  private tableItems(sheet: FakeSheet | null): TableNode[] {
    return (sheet ? [this.live(sheet)] : this.workbook.sheets).flatMap((s) => tablesOf(s).map((table): TableNode => ({ t: 'Table', sheet: s, table })));
  }

  /** A table of `sheet` (or of the workbook) by its id or its name (names in any case, as Excel finds them). */
  private tableByKey(sheet: FakeSheet | null, key: unknown): TableNode | undefined {
    const list = this.tableItems(sheet);
    return list.find((t) => t.table.id === String(key)) ?? list.find((t) => t.table.name.toLowerCase() === String(key).toLowerCase());
  }

  /** A table still there (a table whose rows all went, or whose sheet went, is gone). */
  private liveTable(n: TableNode): FakeTable {
    if (!tablesOf(this.live(n.sheet)).includes(n.table)) throw new WireError('ItemNotFound', NOT_FOUND, 'Table');
    return n.table;
  }

  /** An address given as text for a method on `sheet`: on that sheet unless it names another. */
  private onSheet(sheet: FakeSheet | null, text: string, where: string): { sheet: FakeSheet; box: Box } {
    const p = address(text);
    const on = p.sheet === null ? sheet : this.sheetByName(p.sheet);
    if (!on) throw new WireError('InvalidArgument', BAD_ARG, where);
    return { sheet: on, box: p.box };
  }

  /** A cell given as "'Sheet'!B3" or as a Range argument. */
  private cellAt(a: unknown): { sheet: FakeSheet; r: number; c: number } {
    if (a && typeof a === 'object' && (a as Node).t === 'Range') {
      const n = a as RangeNode;
      return { sheet: n.sheet, r: n.box.top, c: n.box.left };
    }
    const p = address(String(a));
    const sheet = p.sheet === null ? undefined : this.sheetByName(p.sheet);
    if (!sheet) throw new WireError('InvalidArgument', BAD_ARG, `cell ${String(a)}`);
    return { sheet, r: p.box.top, c: p.box.left };
  }
}

export { MAX_ROWS, MAX_COLS };
