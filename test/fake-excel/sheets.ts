/** Workbook, application, runtime, worksheets and what hangs off a worksheet (protection, panes, custom properties). */
import { FakeClientObject, FakeCollection, FakeSheetPart, trackNull, queueResult, type FakeContextBase, type FakeClientResult } from './base';
import { ErrorCodes, officeError } from './errors';
import { findSheet, newSheet, type FakeSheet, type FakeWorkbook } from './model';
import { FakeRange } from './range';
import { parseAddress } from './address';
import { FakeCommentCollection, FakeNoteCollection } from './notes';
import { FakeAutoFilter, FakeChartCollection, FakeHeadersFooters, FakePageBreakCollection } from './charts';
import type { FakeWorksheetChanged } from './host';
import { sheetNameProblem } from './rules';

function checkName(wb: FakeWorkbook, name: unknown, self: FakeSheet | null): string {
  if (typeof name !== 'string' || sheetNameProblem(name) !== null)
    throw officeError(ErrorCodes.invalidArgument, `The sheet name '${String(name)}' is not valid.`);
  const other = findSheet(wb, name);
  if (other && other !== self) throw officeError(ErrorCodes.itemAlreadyExists, `A sheet named '${name}' already exists.`);
  return name;
}

function visibleCount(wb: FakeWorkbook): number {
  return wb.sheets.filter((s) => s.visibility === 'Visible').length;
}

/** Keep an active sheet: Excel moves it to the next visible sheet when the active one goes away. */
function fixActive(wb: FakeWorkbook): void {
  const active = wb.sheets.find((s) => s.id === wb.activeSheetId);
  if (!active || active.visibility !== 'Visible') wb.activeSheetId = wb.sheets.find((s) => s.visibility === 'Visible')?.id ?? null;
}

export function assertEditable(sheet: FakeSheet): void {
  if (sheet.protected) throw officeError(ErrorCodes.accessDenied, `The cell or chart you're trying to change is on a protected sheet ('${sheet.name}').`);
}

export class FakeWorksheet extends FakeClientObject {
  private _format?: FakeWorksheetProtection;
  private _panes?: FakeFreezePanes;
  private _props?: FakeCustomPropertyCollection;
  private _notes?: FakeNoteCollection;
  private _comments?: FakeCommentCollection;
  private _layout?: FakePageLayout;
  private _charts?: FakeChartCollection;
  private _autoFilter?: FakeAutoFilter;
  private _breaks?: FakePageBreakCollection;
  /** A sheet found by walking (getFirst, getNextOrNullObject): resolved at the sync, then pinned like any other. */
  _locate: ((wb: FakeWorkbook) => FakeSheet | undefined) | null = null;
  constructor(
    ctx: FakeContextBase,
    path: string,
    public _id: number | null,
    private readonly _name: string | null,
    private readonly _active = false,
  ) {
    super(ctx, path);
  }
  _sheet(wb: FakeWorkbook): FakeSheet {
    let s = this._id !== null ? wb.sheets.find((x) => x.id === this._id) : undefined;
    if (!s && this._active) s = wb.sheets.find((x) => x.id === wb.activeSheetId);
    if (!s && this._name !== null) s = findSheet(wb, this._name);
    if (!s && this._locate) s = this._locate(wb);
    if (!s) throw officeError(ErrorCodes.itemNotFound, `The requested resource doesn't exist (worksheet ${this._name ?? this._id}).`, this._path);
    if (!this._active) this._id = s.id;
    return s;
  }
  override _exists(wb: FakeWorkbook): boolean {
    try {
      this._sheet(wb);
      return true;
    } catch {
      return false;
    }
  }
  _scalars(): string[] {
    return ['id', 'name', 'visibility', 'position', 'standardWidth'];
  }
  _read(wb: FakeWorkbook, prop: string): unknown {
    const s = this._sheet(wb);
    if (prop === 'id') return `{sheet-${s.id}}`;
    if (prop === 'position') return wb.sheets.indexOf(s);
    if (prop === 'standardWidth') return 8.43;
    return (s as unknown as Record<string, unknown>)[prop];
  }
  override _child(name: string): FakeClientObject | undefined {
    if (name === 'protection') return this.protection;
    if (name === 'customProperties') return this.customProperties;
    return undefined;
  }
  get isNullObject(): boolean {
    return this._get('isNullObject');
  }
  get id(): string {
    return this._get('id');
  }
  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._write({ set: 'name', value: v }, (wb) => {
      const s = this._sheet(wb);
      s.name = checkName(wb, v, s);
    });
  }
  get visibility(): string {
    return this._get('visibility');
  }
  set visibility(v: string) {
    this._write({ set: 'visibility', value: v }, (wb) => {
      const s = this._sheet(wb);
      if (!['Visible', 'Hidden', 'VeryHidden'].includes(v)) throw officeError(ErrorCodes.invalidArgument, `Bad visibility ${v}`);
      if (s.visibility === 'Visible' && v !== 'Visible' && visibleCount(wb) === 1) throw officeError(ErrorCodes.invalidOperation, 'A workbook must contain at least one visible worksheet.');
      s.visibility = v as FakeSheet['visibility'];
      fixActive(wb);
    });
  }
  get position(): number {
    return this._get('position');
  }
  set position(v: number) {
    this._write({ set: 'position', value: v }, (wb) => {
      const s = this._sheet(wb);
      wb.sheets.splice(wb.sheets.indexOf(s), 1);
      wb.sheets.splice(Math.max(0, Math.min(v, wb.sheets.length)), 0, s);
    });
  }
  get protection(): FakeWorksheetProtection {
    return (this._format ??= new FakeWorksheetProtection(this.context, `${this._path}.protection`, this));
  }
  get freezePanes(): FakeFreezePanes {
    return (this._panes ??= new FakeFreezePanes(this.context, `${this._path}.freezePanes`, this));
  }
  get customProperties(): FakeCustomPropertyCollection {
    return (this._props ??= new FakeCustomPropertyCollection(this.context, `${this._path}.customProperties`, this));
  }
  get notes(): FakeNoteCollection {
    return (this._notes ??= new FakeNoteCollection(this.context, `${this._path}.notes`, this));
  }
  get comments(): FakeCommentCollection {
    return (this._comments ??= new FakeCommentCollection(this.context, `${this._path}.comments`, this));
  }
  get pageLayout(): FakePageLayout {
    return (this._layout ??= new FakePageLayout(this.context, `${this._path}.pageLayout`, this));
  }
  get charts(): FakeChartCollection {
    return (this._charts ??= new FakeChartCollection(this.context, `${this._path}.charts`, this));
  }
  get autoFilter(): FakeAutoFilter {
    return (this._autoFilter ??= new FakeAutoFilter(this.context, `${this._path}.autoFilter`, this));
  }
  get horizontalPageBreaks(): FakePageBreakCollection {
    return (this._breaks ??= new FakePageBreakCollection(this.context, `${this._path}.horizontalPageBreaks`, this));
  }
  activate(): void {
    this._write(
      { call: 'activate' },
      (wb) => {
        const s = this._sheet(wb);
        if (s.visibility !== 'Visible') throw officeError(ErrorCodes.invalidOperation, `The sheet '${s.name}' is hidden and cannot be activated.`);
        wb.activeSheetId = s.id;
      },
      { writes: false },
    );
  }
  delete(): void {
    this._write({ call: 'delete' }, (wb) => {
      const s = this._sheet(wb);
      if (s.visibility === 'Visible' && visibleCount(wb) === 1) throw officeError(ErrorCodes.invalidOperation, 'A workbook must contain at least one visible worksheet.');
      wb.sheets.splice(wb.sheets.indexOf(s), 1);
      fixActive(wb);
    });
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, `${this._path}.getRange(${JSON.stringify(address ?? '')})`, this, { address: address ?? null });
  }
  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.context, `${this._path}.getCell(${row},${column})`, this, { box: { top: row, left: column, rows: 1, cols: 1 } });
  }
  getUsedRange(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.context, `${this._path}.getUsedRange(${!!valuesOnly})`, this, { used: { valuesOnly: !!valuesOnly, nullable: false } });
  }
  /** The next sheet in tab order (ExcelApi 1.5); a null object after the last one, and after a null object. */
  getNextOrNullObject(visibleOnly?: boolean): FakeWorksheet {
    const depth = (this._walkDepth ?? 0) + 1;
    const w = new FakeWorksheet(this.context, `worksheets.getFirst().getNextOrNullObject()*${depth}`, null, null);
    w._walkDepth = depth;
    w._api = '1.5';
    w._locate = (wb) => {
      if (!this._exists(wb)) return undefined;
      const i = wb.sheets.indexOf(this._sheet(wb));
      return wb.sheets.slice(i + 1).find((s) => !visibleOnly || s.visibility === 'Visible');
    };
    trackNull(w, (wb) => w._exists(wb));
    return w;
  }
  /** Steps from getFirst() (so a walked sheet's path stays short, as Office.js refers to it by an id). */
  _walkDepth: number | null = null;
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    const r = new FakeRange(this.context, `${this._path}.getUsedRangeOrNullObject(${!!valuesOnly})`, this, { used: { valuesOnly: !!valuesOnly, nullable: true } });
    trackNull(r, (wb) => r._exists(wb));
    return r;
  }
}

export class FakeWorksheetProtection extends FakeClientObject {
  constructor(
    ctx: FakeContextBase,
    path: string,
    private readonly ws: FakeWorksheet,
  ) {
    super(ctx, path);
  }
  _scalars(): string[] {
    return ['protected'];
  }
  _read(wb: FakeWorkbook): unknown {
    return this.ws._sheet(wb).protected;
  }
  get protected(): boolean {
    return this._get('protected');
  }
  protect(): void {
    this._write({ call: 'protect' }, (wb) => void (this.ws._sheet(wb).protected = true), { writes: false });
  }
  unprotect(): void {
    this._write({ call: 'unprotect' }, (wb) => void (this.ws._sheet(wb).protected = false), { writes: false });
  }
}

export class FakeFreezePanes extends FakeClientObject {
  constructor(
    ctx: FakeContextBase,
    path: string,
    private readonly ws: FakeWorksheet,
  ) {
    super(ctx, path);
  }
  _scalars(): string[] {
    return [];
  }
  _read(): unknown {
    return undefined;
  }
  freezeRows(count = 1): void {
    this._write({ call: 'freezeRows', count }, (wb) => void (this.ws._sheet(wb).frozenRows = count));
  }
  freezeColumns(count = 1): void {
    this._write({ call: 'freezeColumns', count }, (wb) => void (this.ws._sheet(wb).frozenCols = count));
  }
  /** The given range's rows and columns (from A1) stay in view. */
  freezeAt(range: FakeRange | string): void {
    this._write({ call: 'freezeAt', range: typeof range === 'string' ? range : range._path }, (wb) => {
      const s = this.ws._sheet(wb);
      const b = typeof range === 'string' ? parseAddress(range).box : range._box(wb);
      s.frozenRows = b.top + b.rows;
      s.frozenCols = b.left + b.cols;
    });
  }
  unfreeze(): void {
    this._write({ call: 'unfreeze' }, (wb) => {
      const s = this.ws._sheet(wb);
      s.frozenRows = 0;
      s.frozenCols = 0;
    });
  }
}

/** Print settings (ExcelApi 1.9): orientation, zoom (a scale or fit to pages), print title rows. */
export class FakePageLayout extends FakeSheetPart {
  _scalars(): string[] {
    return ['orientation', 'zoom'];
  }
  _read(wb: FakeWorkbook, prop: string): unknown {
    const l = this.ws._sheet(wb).pageLayout;
    if (prop === 'orientation') return l.orientation;
    return l.scale !== null ? { scale: l.scale } : { horizontalFitToPages: l.fitWide ?? 0, verticalFitToPages: l.fitTall ?? 0 };
  }
  get orientation(): string {
    return this._get('orientation');
  }
  set orientation(v: string) {
    this._write({ set: 'orientation', value: v }, (wb) => {
      if (v !== 'Portrait' && v !== 'Landscape') throw officeError(ErrorCodes.invalidArgument, `Bad orientation ${v}`);
      this.ws._sheet(wb).pageLayout.orientation = v;
    }, { api: '1.9', writes: false });
  }
  get zoom(): unknown {
    return this._get('zoom');
  }
  set zoom(v: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number }) {
    this._write({ set: 'zoom', value: v }, (wb) => {
      const l = this.ws._sheet(wb).pageLayout;
      if (v.scale !== undefined && (v.horizontalFitToPages !== undefined || v.verticalFitToPages !== undefined)) throw officeError(ErrorCodes.invalidArgument, 'A zoom is a scale or fit to pages, not both.');
      if (v.scale !== undefined && (v.scale < 10 || v.scale > 400)) throw officeError(ErrorCodes.invalidArgument, `Scale ${v.scale} out of 10..400.`);
      l.scale = v.scale ?? null;
      l.fitWide = v.scale !== undefined ? null : (v.horizontalFitToPages ?? 0);
      l.fitTall = v.scale !== undefined ? null : (v.verticalFitToPages ?? 0);
    }, { api: '1.9', writes: false });
  }
  get headersFooters(): FakeHeadersFooters {
    return (this._hf ??= new FakeHeadersFooters(this.context, `${this._path}.headersFooters`, this.ws));
  }
  private _hf?: FakeHeadersFooters;
  setPrintTitleRows(rows: string): void {
    this._write({ call: 'setPrintTitleRows', rows }, (wb) => {
      if (!/^\$?\d+:\$?\d+$/.test(rows)) throw officeError(ErrorCodes.invalidArgument, `Not whole rows: ${rows}`);
      this.ws._sheet(wb).pageLayout.printTitleRows = rows;
    }, { api: '1.9', writes: false });
  }
}

export class FakeCustomProperty extends FakeClientObject {
  constructor(
    ctx: FakeContextBase,
    path: string,
    private readonly ws: FakeWorksheet,
    private readonly _key: string,
  ) {
    super(ctx, path);
    this._api = '1.12';
  }
  override _exists(wb: FakeWorkbook): boolean {
    return this.ws._exists(wb) && this.ws._sheet(wb).customProperties.has(this._key);
  }
  _scalars(): string[] {
    return ['key', 'value'];
  }
  _read(wb: FakeWorkbook, prop: string): unknown {
    const v = this.ws._sheet(wb).customProperties.get(this._key);
    if (v === undefined) throw officeError(ErrorCodes.itemNotFound, `No custom property '${this._key}'.`, this._path);
    return prop === 'key' ? this._key : v;
  }
  get isNullObject(): boolean {
    return this._get('isNullObject');
  }
  get key(): string {
    return this._get('key');
  }
  get value(): string {
    return this._get('value');
  }
  set value(v: string) {
    this._write({ set: 'value', value: v }, (wb) => void this.ws._sheet(wb).customProperties.set(this._key, String(v)), { api: '1.12', writes: false });
  }
  delete(): void {
    this._write({ call: 'delete' }, (wb) => void this.ws._sheet(wb).customProperties.delete(this._key), { api: '1.12', writes: false });
  }
}

export class FakeCustomPropertyCollection extends FakeCollection<FakeCustomProperty> {
  private cache = new Map<string, FakeCustomProperty>();
  constructor(
    ctx: FakeContextBase,
    path: string,
    private readonly ws: FakeWorksheet,
  ) {
    super(ctx, path);
    this._api = '1.12';
  }
  _keys(wb: FakeWorkbook): string[] {
    return [...this.ws._sheet(wb).customProperties.keys()];
  }
  _item(key: string): FakeCustomProperty {
    let p = this.cache.get(key);
    if (!p) {
      p = new FakeCustomProperty(this.context, `${this._path}.getItem(${JSON.stringify(key)})`, this.ws, key);
      this.cache.set(key, p);
    }
    return p;
  }
  add(key: string, value: string): FakeCustomProperty {
    this._write({ call: 'add', key, value }, (wb) => void this.ws._sheet(wb).customProperties.set(key, String(value)), { api: '1.12', writes: false });
    return this._item(key);
  }
  getItem(key: string): FakeCustomProperty {
    return this._item(key);
  }
  getItemOrNullObject(key: string): FakeCustomProperty {
    const p = new FakeCustomProperty(this.context, `${this._path}.getItemOrNullObject(${JSON.stringify(key)})`, this.ws, key);
    this._queue({ describe: { path: p._path }, api: '1.12', run: (wb) => p._exists(wb), deliver: (r) => p._loaded.set('isNullObject', !r) });
    return p;
  }
}

export class FakeWorksheetCollection extends FakeCollection<FakeWorksheet> {
  private cache = new Map<string, FakeWorksheet>();
  /** ExcelApi 1.9: add(handler) registers at the next sync; remove() of its result unregisters at the one after. */
  get onChanged(): { add(handler: (args: FakeWorksheetChanged) => unknown): { remove(): void; context: FakeContextBase } } {
    const host = this.context._host;
    const queue = (describe: Record<string, unknown>, run: () => void) => this._queue({ describe: { path: `${this._path}.onChanged`, ...describe }, api: '1.9', writes: false, run });
    return {
      add: (handler) => {
        queue({ call: 'add' }, () => void host.worksheetChanged.add(handler));
        return { context: this.context, remove: () => queue({ call: 'remove' }, () => void host.worksheetChanged.delete(handler)) };
      },
    };
  }
  _keys(wb: FakeWorkbook): string[] {
    return wb.sheets.map((s) => String(s.id));
  }
  _item(key: string): FakeWorksheet {
    let w = this.cache.get(key);
    if (!w) {
      w = new FakeWorksheet(this.context, `worksheets.getItemById(${key})`, Number(key), null);
      this.cache.set(key, w);
    }
    return w;
  }
  getItem(name: string): FakeWorksheet {
    const w = new FakeWorksheet(this.context, `worksheets.getItem(${JSON.stringify(name)})`, null, name);
    return w;
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    const w = new FakeWorksheet(this.context, `worksheets.getItemOrNullObject(${JSON.stringify(name)})`, null, name);
    trackNull(w, (wb) => w._exists(wb));
    return w;
  }
  /** The first sheet in tab order (ExcelApi 1.5); a workbook always has one. */
  getFirst(visibleOnly?: boolean): FakeWorksheet {
    const w = new FakeWorksheet(this.context, 'worksheets.getFirst()', null, null);
    w._walkDepth = 0;
    w._api = '1.5';
    w._locate = (wb) => wb.sheets.find((s) => !visibleOnly || s.visibility === 'Visible');
    return w;
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, 'worksheets.getActiveWorksheet()', null, null, true);
  }
  getCount(): FakeClientResult<number> {
    return queueResult(this.context, this._path, { call: 'getCount' }, (wb) => wb.sheets.length);
  }
  add(name?: string): FakeWorksheet {
    const w = new FakeWorksheet(this.context, `worksheets.add(${JSON.stringify(name ?? '')})`, null, name ?? null);
    this._write({ call: 'add', name: name ?? null }, (wb) => {
      let n = name;
      for (let i = wb.sheets.length + 1; n === undefined; i++) if (!findSheet(wb, `Sheet${i}`)) n = `Sheet${i}`;
      const s = newSheet(checkName(wb, n, null));
      wb.sheets.push(s);
      w._id = s.id;
    });
    return w;
  }
}

export class FakeApplication extends FakeClientObject {
  _scalars(): string[] {
    return ['calculationMode'];
  }
  _read(wb: FakeWorkbook): unknown {
    return wb.calculationMode;
  }
  get calculationMode(): string {
    return this._get('calculationMode');
  }
  set calculationMode(v: string) {
    this._write(
      { set: 'calculationMode', value: v },
      (wb) => {
        if (!['Automatic', 'AutomaticExceptTables', 'Manual'].includes(v)) throw officeError(ErrorCodes.invalidArgument, `Bad calculation mode ${v}`);
        wb.calculationMode = v as FakeWorkbook['calculationMode'];
      },
      { api: '1.8', writes: false },
    );
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this._write({ call: 'suspendScreenUpdatingUntilNextSync' }, (_wb, batch) => void (batch.screenUpdatingSuspended = true), { api: '1.9', writes: false });
  }
  calculate(calculationType: string): void {
    this._write({ call: 'calculate', calculationType }, () => undefined, { writes: false });
  }
}

export class FakeRuntime extends FakeClientObject {
  _scalars(): string[] {
    return ['enableEvents'];
  }
  _read(wb: FakeWorkbook): unknown {
    return wb.enableEvents;
  }
  get enableEvents(): boolean {
    return this._get('enableEvents');
  }
  set enableEvents(v: boolean) {
    this._write({ set: 'enableEvents', value: v }, (wb) => void (wb.enableEvents = !!v), { api: '1.8', writes: false });
  }
}

export class FakeWorkbookObject extends FakeClientObject {
  readonly worksheets: FakeWorksheetCollection;
  readonly application: FakeApplication;
  private _notes?: FakeNoteCollection;
  private _comments?: FakeCommentCollection;
  constructor(ctx: FakeContextBase) {
    super(ctx, 'workbook');
    this.worksheets = new FakeWorksheetCollection(ctx, 'workbook.worksheets');
    this.application = new FakeApplication(ctx, 'workbook.application');
  }
  _scalars(): string[] {
    return [];
  }
  _read(): unknown {
    return undefined;
  }
  get notes(): FakeNoteCollection {
    return (this._notes ??= new FakeNoteCollection(this.context, 'workbook.notes', null));
  }
  get comments(): FakeCommentCollection {
    return (this._comments ??= new FakeCommentCollection(this.context, 'workbook.comments', null));
  }
}

export function assertSheetFor(wb: FakeWorkbook, name: string): FakeSheet {
  const s = findSheet(wb, name);
  if (!s) throw officeError(ErrorCodes.itemNotFound, `No worksheet '${name}'.`);
  return s;
}
