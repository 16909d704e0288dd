/**
 * Notes (ExcelApi 1.18: workbook.notes, worksheet.notes) and threaded comments (1.10). Excel allows one of the
 * two on a cell; adding either where the cell already has one fails the batch.
 */
import { FakeClientObject, FakeCollection, trackNull, queueResult, type FakeClientResult, type FakeContextBase } from './base';
import { ErrorCodes, officeError } from './errors';
import { findSheet, getCell, touchCell, type FakeSheet, type FakeWorkbook } from './model';
import { parseAddress } from './address';
import { FakeRange } from './range';
import { FakeWorksheet, assertEditable } from './sheets';

type Kind = 'note' | 'comment';
interface Spot {
  sheet: FakeSheet;
  row: number;
  col: number;
}

function spotOf(wb: FakeWorkbook, ws: FakeWorksheet | null, where: unknown): Spot {
  if (where instanceof FakeRange) {
    const b = where._box(wb);
    if (b.rows !== 1 || b.cols !== 1) throw officeError(ErrorCodes.invalidArgument, 'InvalidCellAddress: not a single cell.');
    return { sheet: where._ws._sheet(wb), row: b.top, col: b.left };
  }
  const p = parseAddress(String(where));
  if (p.box.rows !== 1 || p.box.cols !== 1) throw officeError(ErrorCodes.invalidArgument, `InvalidCellAddress: ${String(where)}`);
  const sheet = p.sheet !== null ? findSheet(wb, p.sheet) : ws?._sheet(wb);
  if (!sheet) throw officeError(ErrorCodes.invalidArgument, `InvalidCellAddress: ${String(where)} (no sheet)`);
  return { sheet, row: p.box.top, col: p.box.left };
}

/** Sizes given to notes, by 'sheetId:row,col'. */
export const noteSizes = new Map<string, { width?: number; height?: number }>();

const keyOf = (s: Spot) => `${s.sheet.id}:${s.row},${s.col}`;

function spotOfKey(wb: FakeWorkbook, key: string): Spot | null {
  const m = /^(\d+):(\d+),(\d+)$/.exec(key);
  const sheet = m ? wb.sheets.find((s) => s.id === Number(m[1])) : undefined;
  return m && sheet ? { sheet, row: Number(m[2]), col: Number(m[3]) } : null;
}

export class FakeNoteLike extends FakeClientObject {
  constructor(
    ctx: FakeContextBase,
    path: string,
    private readonly kind: Kind,
    private readonly locate: (wb: FakeWorkbook) => Spot | null,
  ) {
    super(ctx, path);
    this._api = kind === 'note' ? '1.18' : '1.10';
  }
  _spot(wb: FakeWorkbook): Spot {
    const s = this.locate(wb);
    if (!s || getCell(s.sheet, s.row, s.col)[this.kind] === null) throw officeError(ErrorCodes.itemNotFound, `The ${this.kind} doesn't exist.`, this._path);
    return s;
  }
  override _exists(wb: FakeWorkbook): boolean {
    try {
      this._spot(wb);
      return true;
    } catch {
      return false;
    }
  }
  _scalars(): string[] {
    return this.kind === 'note' ? ['content', 'authorName', 'visible'] : ['content', 'authorName', 'id', 'resolved'];
  }
  _read(wb: FakeWorkbook, prop: string): unknown {
    const s = this._spot(wb);
    if (prop === 'content') return getCell(s.sheet, s.row, s.col)[this.kind];
    if (prop === 'authorName') return 'Finance Officer';
    if (prop === 'id') return keyOf(s);
    return false;
  }
  get isNullObject(): boolean {
    return this._get('isNullObject');
  }
  get content(): string {
    return this._get('content');
  }
  set content(v: string) {
    this._write({ set: 'content', value: v }, (wb) => {
      const s = this._spot(wb);
      assertEditable(s.sheet);
      touchCell(s.sheet, s.row, s.col)[this.kind] = String(v);
    });
  }
  set width(v: number) {
    this._size('width', v);
  }
  set height(v: number) {
    this._size('height', v);
  }
  /** A note's box (ExcelApi 1.18, notes only), kept beside the cell for tests to read. */
  private _size(prop: 'width' | 'height', v: number): void {
    this._write({ set: prop, value: v }, (wb) => {
      if (this.kind !== 'note') throw officeError(ErrorCodes.invalidArgument, `A comment has no ${prop}.`);
      if (!(v > 0)) throw officeError(ErrorCodes.invalidArgument, `Bad note ${prop} ${v}`);
      const s = this._spot(wb);
      const k = `${s.sheet.id}:${s.row},${s.col}`;
      noteSizes.set(k, { ...(noteSizes.get(k) ?? {}), [prop]: v });
    }, { writes: false });
  }
  delete(): void {
    this._write({ call: 'delete' }, (wb) => {
      const s = this._spot(wb);
      assertEditable(s.sheet);
      touchCell(s.sheet, s.row, s.col)[this.kind] = null;
    });
  }
  getLocation(): FakeRange {
    const ws = new FakeWorksheet(this.context, `${this._path}.getLocation().worksheet`, null, null);
    ws._sheet = (wb) => this._spot(wb).sheet;
    const r = new FakeRange(this.context, `${this._path}.getLocation()`, ws, { box: { top: 0, left: 0, rows: 1, cols: 1 } });
    r._box = (wb) => {
      const s = this._spot(wb);
      return { top: s.row, left: s.col, rows: 1, cols: 1 };
    };
    r._api = this._api;
    return r;
  }
}

abstract class FakeNoteLikeCollection extends FakeCollection<FakeNoteLike> {
  private cache = new Map<string, FakeNoteLike>();
  constructor(
    ctx: FakeContextBase,
    path: string,
    private readonly ws: FakeWorksheet | null,
    private readonly kind: Kind,
  ) {
    super(ctx, path);
    this._api = kind === 'note' ? '1.18' : '1.10';
  }
  _keys(wb: FakeWorkbook): string[] {
    const sheets = this.ws ? [this.ws._sheet(wb)] : wb.sheets;
    const keys: { key: string; r: number; c: number; s: number }[] = [];
    sheets.forEach((sheet, si) => {
      for (const [k, cell] of sheet.cells) {
        if (cell[this.kind] === null) continue;
        const [r, c] = k.split(',').map(Number);
        keys.push({ key: `${sheet.id}:${k}`, r, c, s: si });
      }
    });
    return keys.sort((a, b) => a.s - b.s || a.r - b.r || a.c - b.c).map((k) => k.key);
  }
  _item(key: string): FakeNoteLike {
    let n = this.cache.get(key);
    if (!n) {
      n = new FakeNoteLike(this.context, `${this._path}.item(${key})`, this.kind, (wb) => spotOfKey(wb, key));
      this.cache.set(key, n);
    }
    return n;
  }
  _byCell(where: unknown, nullable: boolean): FakeNoteLike {
    const label = where instanceof FakeRange ? where._path : JSON.stringify(where);
    const n = new FakeNoteLike(this.context, `${this._path}.${nullable ? 'getItemOrNullObject' : 'getItem'}(${label})`, this.kind, (wb) => spotOf(wb, this.ws, where));
    if (nullable) trackNull(n, (wb) => n._exists(wb));
    return n;
  }
  getCount(): FakeClientResult<number> {
    return queueResult(this.context, this._path, { call: 'getCount' }, (wb) => this._keys(wb).length, this._api);
  }
  getItemAt(index: number): FakeNoteLike {
    const n = new FakeNoteLike(this.context, `${this._path}.getItemAt(${index})`, this.kind, (wb) => spotOfKey(wb, this._keys(wb)[index] ?? ''));
    return n;
  }
  add(where: unknown, content: string): FakeNoteLike {
    this._write({ call: 'add', cell: where instanceof FakeRange ? where._path : where, content }, (wb) => {
      const s = spotOf(wb, this.ws, where);
      assertEditable(s.sheet);
      const cell = touchCell(s.sheet, s.row, s.col);
      if (cell.note !== null || cell.comment !== null) throw officeError(ErrorCodes.invalidOperation, `The cell already has a ${cell.note !== null ? 'note' : 'comment'}.`);
      cell[this.kind] = String(content);
    });
    return this._byCell(where, false);
  }
}

export class FakeNoteCollection extends FakeNoteLikeCollection {
  constructor(ctx: FakeContextBase, path: string, ws: FakeWorksheet | null) {
    super(ctx, path, ws, 'note');
  }
  /** Notes are keyed by cell address. */
  getItem(cellAddress: string): FakeNoteLike {
    return this._byCell(cellAddress, false);
  }
  getItemOrNullObject(cellAddress: string): FakeNoteLike {
    return this._byCell(cellAddress, true);
  }
}

export class FakeCommentCollection extends FakeNoteLikeCollection {
  constructor(ctx: FakeContextBase, path: string, ws: FakeWorksheet | null) {
    super(ctx, path, ws, 'comment');
  }
  getItemByCell(cellAddress: unknown): FakeNoteLike {
    return this._byCell(cellAddress, false);
  }
}
