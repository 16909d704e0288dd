/**
 * Proxy objects as Office.js has them: load() queues, sync() fills, and reading a property that is not loaded
 * (or loaded but not yet synced) throws PropertyNotLoaded. Writes queue as operations too.
 */
import { ErrorCodes, notLoaded, officeError } from './errors';
import type { BatchState, FakeHost, Operation } from './host';
import type { FakeWorkbook } from './model';
import type { FakeWorksheet } from './sheets';

export interface LoadTree {
  props: Set<string>;
  children: Map<string, LoadTree>;
}

export class FakeContextBase {
  _queue: Operation[] = [];
  constructor(readonly _host: FakeHost) {}
  _enqueue(op: Operation): void {
    this._queue.push(op);
  }
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
  async sync<T>(passThroughValue?: T): Promise<T | undefined> {
    const ops = this._queue;
    this._queue = [];
    if (ops.length > 0) this._host.execute(ops);
    return passThroughValue;
  }
}

function addPath(tree: LoadTree, path: string): void {
  const parts = path
    .split('/')
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return;
  let t = tree;
  for (const p of parts.slice(0, -1)) {
    let c = t.children.get(p);
    if (!c) {
      c = { props: new Set(), children: new Map() };
      t.children.set(p, c);
    }
    t = c;
  }
  t.props.add(parts[parts.length - 1]);
}

export function parseLoad(spec: unknown): LoadTree {
  const tree: LoadTree = { props: new Set(), children: new Map() };
  const add = (s: string) => s.split(',').forEach((p) => addPath(tree, p));
  if (typeof spec === 'string') add(spec);
  else if (Array.isArray(spec)) spec.forEach((s) => add(String(s)));
  else if (spec && typeof spec === 'object') {
    const o = spec as { select?: string; expand?: string };
    if (o.select) add(o.select);
    if (o.expand) add(o.expand);
  }
  return tree;
}

export abstract class FakeClientObject {
  _loaded = new Map<string, unknown>();
  /** ExcelApi version every operation on this object needs (notes 1.18, comments 1.10, custom properties 1.12). */
  _api: string | undefined;
  constructor(
    readonly context: FakeContextBase,
    readonly _path: string,
  ) {}

  /** Scalar properties a load() with no argument brings. */
  abstract _scalars(): string[];
  /** Current value of a scalar property, read from the workbook during a sync. */
  abstract _read(wb: FakeWorkbook, prop: string): unknown;
  /** Navigation properties (format, fill, font…). */
  _child(_name: string): FakeClientObject | undefined {
    return undefined;
  }
  /** Null objects (…OrNullObject) read as absent; others throw ItemNotFound when their target is gone. */
  _exists(_wb: FakeWorkbook): boolean {
    return true;
  }

  _get<T>(prop: string): T {
    if (!this._loaded.has(prop)) throw notLoaded(prop, this._path);
    return this._loaded.get(prop) as T;
  }

  _queue(op: Operation): void {
    this.context._enqueue(op);
  }

  /** Queue a property write or method call that changes the workbook. */
  _write(describe: Record<string, unknown>, run: (wb: FakeWorkbook, batch: BatchState) => void, opts: { api?: string; writes?: boolean } = {}): void {
    this._queue({ describe: { path: this._path, ...describe }, api: opts.api ?? this._api, writes: opts.writes ?? true, run: (wb, batch) => void run(wb, batch) });
  }

  _collect(wb: FakeWorkbook, tree: LoadTree): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const props = tree.props.size === 0 && tree.children.size === 0 ? new Set(this._scalars()) : tree.props;
    if (!this._exists(wb)) return out;
    for (const p of props) {
      const child = this._child(p);
      if (child) {
        out[p] = child._collect(wb, { props: new Set(), children: new Map() });
        continue;
      }
      if (!this._scalars().includes(p)) throw officeError(ErrorCodes.invalidArgument, `The property '${p}' does not exist on this object.`, this._path);
      out[p] = this._read(wb, p);
    }
    for (const [name, sub] of tree.children) {
      const child = this._child(name);
      if (!child) throw officeError(ErrorCodes.invalidArgument, `The navigation property '${name}' does not exist.`, this._path);
      out[name] = child._collect(wb, sub);
    }
    return out;
  }

  _deliver(tree: LoadTree, result: Record<string, unknown>): void {
    const props = tree.props.size === 0 && tree.children.size === 0 ? this._scalars() : [...tree.props];
    for (const p of props) {
      const child = this._child(p);
      if (child) child._deliver({ props: new Set(), children: new Map() }, (result[p] ?? {}) as Record<string, unknown>);
      else this._loaded.set(p, result[p] ?? null);
    }
    for (const [name, sub] of tree.children) this._child(name)?._deliver(sub, (result[name] ?? {}) as Record<string, unknown>);
  }

  load(spec?: unknown): this {
    const tree = parseLoad(spec);
    this._queue({
      describe: { path: this._path, load: spec ?? '*' },
      api: this._api,
      run: (wb) => this._collect(wb, tree),
      deliver: (r) => this._deliver(tree, r as Record<string, unknown>),
    });
    return this;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._loaded);
  }
}

/** Objects from …OrNullObject: isNullObject is known after the next sync. */
export function trackNull(obj: FakeClientObject, exists: (wb: FakeWorkbook) => boolean): void {
  obj._queue({ describe: { path: obj._path, resolve: true }, api: obj._api, run: (wb) => exists(wb), deliver: (r) => obj._loaded.set('isNullObject', !r) });
}

export class FakeClientResult<T> {
  private _has = false;
  private _value: T | undefined;
  constructor(private readonly _path: string) {}
  get value(): T {
    if (!this._has) throw notLoaded('value', this._path);
    return this._value as T;
  }
  _set(v: T): void {
    this._has = true;
    this._value = v;
  }
}

export function queueResult<T>(ctx: FakeContextBase, path: string, describe: Record<string, unknown>, run: (wb: FakeWorkbook) => T, api?: string): FakeClientResult<T> {
  const result = new FakeClientResult<T>(path);
  ctx._enqueue({ describe: { path, ...describe }, api, run, deliver: (r) => result._set(r as T) });
  return result;
}

/** A collection: `items` after load + sync; load('name') and load('items/name') both load the items' name. */
export abstract class FakeCollection<T extends FakeClientObject> extends FakeClientObject {
  abstract _keys(wb: FakeWorkbook): string[];
  abstract _item(key: string): T;
  _scalars(): string[] {
    return [];
  }
  _read(): unknown {
    return undefined;
  }
  get items(): T[] {
    return this._get<T[]>('items');
  }
  override load(spec?: unknown): this {
    const full = parseLoad(spec);
    const tree = full.children.get('items') ?? { props: new Set<string>(), children: new Map() };
    for (const p of full.props) if (p !== 'items') tree.props.add(p);
    for (const [k, v] of full.children) if (k !== 'items') tree.children.set(k, v);
    this._queue({
      describe: { path: this._path, load: spec ?? '*' },
      api: this._api,
      run: (wb) => this._keys(wb).map((key) => ({ key, data: this._item(key)._collect(wb, tree) })),
      deliver: (r) =>
        this._loaded.set(
          'items',
          (r as { key: string; data: Record<string, unknown> }[]).map(({ key, data }) => {
            const item = this._item(key);
            item._deliver(tree, data);
            return item;
          }),
        ),
    });
    return this;
  }
}

/** A part of a worksheet's print and view settings (ExcelApi 1.9), writing to the sheet it belongs to; nothing to load unless a part says so. */
export class FakeSheetPart extends FakeClientObject {
  constructor(
    ctx: FakeContextBase,
    path: string,
    protected readonly ws: FakeWorksheet,
  ) {
    super(ctx, path);
    this._api = '1.9';
  }
  _scalars(): string[] {
    return [];
  }
  _read(_wb: FakeWorkbook, _prop: string): unknown {
    return null;
  }
}
