/** Range and its format (fill, font, column width), values written the way Excel enters them. */
import { FakeClientObject, queueResult, type FakeClientResult, type FakeContextBase } from './base';
import { ErrorCodes, officeError } from './errors';
import { getCell, touchCell, usedBox, type Box, type FakeCell, type FakeSheet, type FakeWorkbook } from './model';
import { formatBox, parseAddress } from './address';
import { cellInputProblem, enterInto } from './rules';
import type { FakeWorksheet } from './sheets';
import { assertEditable } from './sheets';
import type { BatchState } from './host';

export type RangeSpec = { address: string | null } | { box: Box } | { used: { valuesOnly: boolean; nullable: boolean } };

const DEFAULT_WIDTH = 48;

export class FakeRange extends FakeClientObject {
  private _fixed: Box | null | undefined;
  private _format?: FakeRangeFormat;
  constructor(
    ctx: FakeContextBase,
    path: string,
    readonly _ws: FakeWorksheet,
    private readonly _spec: RangeSpec,
  ) {
    super(ctx, path);
  }

  /** The cells this range covers; a used range is fixed when first resolved, as Excel's range object is. */
  _box(wb: FakeWorkbook): Box {
    const sheet = this._ws._sheet(wb);
    if ('box' in this._spec) return this._spec.box;
    if ('address' in this._spec) {
      if (this._spec.address === null) throw officeError(ErrorCodes.invalidArgument, 'getRange() without an address is not supported by the fake.');
      return parseAddress(this._spec.address).box;
    }
    if (this._fixed === undefined) this._fixed = usedBox(sheet, this._spec.used.valuesOnly);
    if (this._fixed === null) {
      if (this._spec.used.nullable) throw officeError(ErrorCodes.itemNotFound, 'The used range is empty.', this._path);
      return { top: 0, left: 0, rows: 1, cols: 1 };
    }
    return this._fixed;
  }
  override _exists(wb: FakeWorkbook): boolean {
    try {
      this._box(wb);
      return true;
    } catch {
      return false;
    }
  }
  _grid<T>(wb: FakeWorkbook, f: (c: FakeCell, sheet: FakeSheet) => T): T[][] {
    const b = this._box(wb);
    const sheet = this._ws._sheet(wb);
    return Array.from({ length: b.rows }, (_, r) => Array.from({ length: b.cols }, (_, c) => f(getCell(sheet, b.top + r, b.left + c), sheet)));
  }
  _scalars(): string[] {
    return ['address', 'addressLocal', 'values', 'valueTypes', 'formulas', 'numberFormat', 'text', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount', 'cellCount', 'hyperlink'];
  }
  _read(wb: FakeWorkbook, prop: string): unknown {
    const b = this._box(wb);
    const sheet = this._ws._sheet(wb);
    switch (prop) {
      case 'address':
      case 'addressLocal':
        return formatBox(b, sheet.name);
      case 'values':
        return this._grid(wb, (c) => (c.type === 'Empty' ? '' : c.value));
      case 'valueTypes':
        return this._grid(wb, (c) => c.type);
      case 'formulas':
        return this._grid(wb, (c) => c.formula ?? (c.type === 'Empty' ? '' : c.value));
      case 'numberFormat':
        return this._grid(wb, (c) => c.numberFormat);
      case 'text':
        return this._grid(wb, (c) => (c.value === null ? '' : String(c.value)));
      case 'rowIndex':
        return b.top;
      case 'columnIndex':
        return b.left;
      case 'rowCount':
        return b.rows;
      case 'columnCount':
        return b.cols;
      case 'cellCount':
        return b.rows * b.cols;
      case 'hyperlink':
        return getCell(sheet, b.top, b.left).hyperlink;
    }
    return undefined;
  }
  override _child(name: string): FakeClientObject | undefined {
    return name === 'format' ? this.format : undefined;
  }

  /** Apply f to every cell of a write, after the protection check. */
  _each(wb: FakeWorkbook, f: (cell: FakeCell, r: number, c: number, sheet: FakeSheet) => void): void {
    const b = this._box(wb);
    const sheet = this._ws._sheet(wb);
    assertEditable(sheet);
    for (let r = 0; r < b.rows; r++) for (let c = 0; c < b.cols; c++) f(touchCell(sheet, b.top + r, b.left + c), r, c, sheet);
  }
  /** A 2-D array must match the range's shape exactly; a single value fills every cell. */
  _cellInput(wb: FakeWorkbook, input: unknown, r: number, c: number): unknown {
    if (!Array.isArray(input)) return input;
    const b = this._box(wb);
    if (input.length !== b.rows || input.some((row) => !Array.isArray(row) || row.length !== b.cols))
      throw officeError(ErrorCodes.invalidArgument, `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${b.rows}x${b.cols}).`, this._path);
    return (input as unknown[][])[r][c];
  }
  private _enterAll(wb: FakeWorkbook, input: unknown, batch: BatchState): void {
    this._each(wb, (_cell, r, c) => {
      const problem = cellInputProblem(this._cellInput(wb, input, r, c));
      if (problem) throw officeError(ErrorCodes.invalidArgument, `The argument is invalid or missing or has an incorrect format (${problem}).`, this._path);
    });
    this._each(wb, (cell, r, c, sheet) => enterInto(wb, sheet, cell, this._cellInput(wb, input, r, c)));
    if (wb.enableEvents) batch.edited.push({ sheetId: this._ws._sheet(wb).id, address: formatBox(this._box(wb)) });
  }

  get isNullObject(): boolean {
    return this._get('isNullObject');
  }
  get address(): string {
    return this._get('address');
  }
  get values(): unknown[][] {
    return this._get('values');
  }
  set values(v: unknown[][]) {
    this._write({ set: 'values', value: v }, (wb, batch) => this._enterAll(wb, v, batch));
  }
  get formulas(): unknown[][] {
    return this._get('formulas');
  }
  set formulas(v: unknown[][]) {
    this._write({ set: 'formulas', value: v }, (wb, batch) => this._enterAll(wb, v, batch));
  }
  get valueTypes(): string[][] {
    return this._get('valueTypes');
  }
  get numberFormat(): string[][] {
    return this._get('numberFormat');
  }
  set numberFormat(v: string[][]) {
    this._write({ set: 'numberFormat', value: v }, (wb) =>
      this._each(wb, (cell, r, c) => {
        const f = this._cellInput(wb, v, r, c);
        if (f !== null && f !== undefined) cell.numberFormat = String(f);
      }),
    );
  }
  get text(): string[][] {
    return this._get('text');
  }
  get rowIndex(): number {
    return this._get('rowIndex');
  }
  get columnIndex(): number {
    return this._get('columnIndex');
  }
  get rowCount(): number {
    return this._get('rowCount');
  }
  get columnCount(): number {
    return this._get('columnCount');
  }
  get hyperlink(): unknown {
    return this._get('hyperlink');
  }
  set hyperlink(v: { documentReference?: string; address?: string; textToDisplay?: string } | null) {
    this._write({ set: 'hyperlink', value: v }, (wb) =>
      this._each(wb, (cell) => {
        cell.hyperlink = v ? { ...v } : null;
        if (v?.textToDisplay !== undefined) {
          cell.value = v.textToDisplay;
          cell.type = 'String';
          cell.formula = null;
        }
      }),
    );
  }
  get format(): FakeRangeFormat {
    return (this._format ??= new FakeRangeFormat(this.context, `${this._path}.format`, this));
  }
  getCell(row: number, column: number): FakeRange {
    const r = new FakeRange(this.context, `${this._path}.getCell(${row},${column})`, this._ws, { box: { top: 0, left: 0, rows: 1, cols: 1 } });
    // Relative to this range's top-left, known only when the range resolves.
    r._box = (wb) => {
      const b = this._box(wb);
      return { top: b.top + row, left: b.left + column, rows: 1, cols: 1 };
    };
    return r;
  }
  select(): void {
    this._write(
      { call: 'select' },
      (wb) => {
        const sheet = this._ws._sheet(wb);
        if (sheet.visibility !== 'Visible') throw officeError(ErrorCodes.invalidOperation, `The sheet '${sheet.name}' is hidden: its cells cannot be selected.`);
        wb.activeSheetId = sheet.id;
        wb.selection = { sheet: sheet.name, address: formatBox(this._box(wb)) };
      },
      { writes: false },
    );
  }
  merge(across = false): void {
    this._write({ call: 'merge', across }, (wb) => {
      const sheet = this._ws._sheet(wb);
      assertEditable(sheet);
      sheet.merges.push(formatBox(this._box(wb)));
    });
  }
  /** Per-cell format, loaded in one go (ExcelApi 1.9): only what the adapter asks is returned. */
  getCellProperties(spec: CellPropertiesSpec): FakeClientResult<unknown[][]> {
    return queueResult(
      this.context,
      this._path,
      { call: 'getCellProperties', spec },
      (wb) => {
        const b = this._box(wb);
        const sheet = this._ws._sheet(wb);
        return this._grid(wb, (cell) => cell).map((row, r) => row.map((cell, c) => cellProperties(cell, spec, sheet.name, b.top + r, b.left + c)));
      },
      '1.9',
    );
  }
}

/** What getCellProperties may ask for. */
export interface CellPropertiesSpec {
  address?: boolean;
  format?: { fill?: { color?: boolean; pattern?: boolean }; font?: { bold?: boolean } };
}

/** One cell's answer to getCellProperties (here and in the wire host): only what `spec` asks. */
export function cellProperties(cell: FakeCell, spec: CellPropertiesSpec, sheetName: string, row: number, col: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (spec.address) out.address = formatBox({ top: row, left: col, rows: 1, cols: 1 }, sheetName);
  if (spec.format) {
    const format: Record<string, unknown> = {};
    if (spec.format.fill) {
      const fill: Record<string, unknown> = {};
      if (spec.format.fill.color) fill.color = cell.fill ?? '#FFFFFF';
      if (spec.format.fill.pattern) fill.pattern = cell.fill ? 'Solid' : 'None';
      format.fill = fill;
    }
    if (spec.format.font?.bold) format.font = { bold: cell.bold };
    out.format = format;
  }
  return out;
}

function normalizeColor(v: unknown): string {
  const s = String(v);
  if (/^#[0-9a-f]{6}$/i.test(s)) return s.toUpperCase();
  const named: Record<string, string> = { white: '#FFFFFF', black: '#000000', red: '#FF0000', yellow: '#FFFF00' };
  const n = named[s.toLowerCase()];
  if (!n) throw officeError(ErrorCodes.invalidArgument, `Not a colour: ${s}`);
  return n;
}

export class FakeRangeFormat extends FakeClientObject {
  private _fill?: FakeRangeFill;
  private _font?: FakeRangeFont;
  constructor(
    ctx: FakeContextBase,
    path: string,
    readonly _range: FakeRange,
  ) {
    super(ctx, path);
  }
  _scalars(): string[] {
    return ['columnWidth', 'wrapText'];
  }
  _read(wb: FakeWorkbook, prop: string): unknown {
    const b = this._range._box(wb);
    const sheet = this._range._ws._sheet(wb);
    if (prop === 'columnWidth') return sheet.columnWidths.get(b.left) ?? DEFAULT_WIDTH;
    return getCell(sheet, b.top, b.left).wrap;
  }
  override _child(name: string): FakeClientObject | undefined {
    return name === 'fill' ? this.fill : name === 'font' ? this.font : undefined;
  }
  get fill(): FakeRangeFill {
    return (this._fill ??= new FakeRangeFill(this.context, `${this._path}.fill`, this._range));
  }
  get font(): FakeRangeFont {
    return (this._font ??= new FakeRangeFont(this.context, `${this._path}.font`, this._range));
  }
  get columnWidth(): number {
    return this._get('columnWidth');
  }
  set columnWidth(v: number) {
    this._write({ set: 'columnWidth', value: v }, (wb) => {
      const b = this._range._box(wb);
      const sheet = this._range._ws._sheet(wb);
      assertEditable(sheet);
      for (let c = 0; c < b.cols; c++) sheet.columnWidths.set(b.left + c, v);
    });
  }
  get wrapText(): boolean {
    return this._get('wrapText');
  }
  set wrapText(v: boolean) {
    this._write({ set: 'wrapText', value: v }, (wb) => this._range._each(wb, (cell) => void (cell.wrap = !!v)));
  }
}

export class FakeRangeFill extends FakeClientObject {
  constructor(
    ctx: FakeContextBase,
    path: string,
    private readonly _range: FakeRange,
  ) {
    super(ctx, path);
  }
  _scalars(): string[] {
    return ['color', 'pattern'];
  }
  _read(wb: FakeWorkbook, prop: string): unknown {
    const fills = this._range._grid(wb, (c) => c.fill).flat();
    const same = fills.every((f) => f === fills[0]);
    if (prop === 'pattern') return same ? (fills[0] ? 'Solid' : 'None') : null;
    // Excel reports no fill as white, and null when the cells differ.
    return same ? (fills[0] ?? '#FFFFFF') : null;
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._write({ set: 'color', value: v }, (wb) => {
      const color = normalizeColor(v);
      this._range._each(wb, (cell) => void (cell.fill = color));
    });
  }
  get pattern(): string {
    return this._get('pattern');
  }
  clear(): void {
    this._write({ call: 'clear' }, (wb) => this._range._each(wb, (cell) => void (cell.fill = null)));
  }
}

export class FakeRangeFont extends FakeClientObject {
  constructor(
    ctx: FakeContextBase,
    path: string,
    private readonly _range: FakeRange,
  ) {
    super(ctx, path);
  }
  _scalars(): string[] {
    return ['bold', 'italic', 'size'];
  }
  _read(wb: FakeWorkbook, prop: string): unknown {
    const b = this._range._box(wb);
    const cell = getCell(this._range._ws._sheet(wb), b.top, b.left);
    return prop === 'bold' ? cell.bold : prop === 'italic' ? cell.italic : cell.fontSize;
  }
  get bold(): boolean {
    return this._get('bold');
  }
  set bold(v: boolean) {
    this._write({ set: 'bold', value: v }, (wb) => this._range._each(wb, (cell) => void (cell.bold = !!v)));
  }
  get italic(): boolean {
    return this._get('italic');
  }
  set italic(v: boolean) {
    this._write({ set: 'italic', value: v }, (wb) => this._range._each(wb, (cell) => void (cell.italic = !!v)));
  }
  get size(): number {
    return this._get('size');
  }
  set size(v: number) {
    this._write({ set: 'size', value: v }, (wb) => this._range._each(wb, (cell) => void (cell.fontSize = Number(v))));
  }
}
