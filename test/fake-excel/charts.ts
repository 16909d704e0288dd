/**
 * What hangs off a worksheet for printing and pictures: charts (ExcelApi 1.1 charts.add; 1.7 series.add,
 * setValues, setXAxisValues), the autofilter, horizontal page breaks and headers/footers (1.9). Kept beside the
 * sheet model in a WeakMap, so tests can read what was made. Strict like the rest: a bad range fails the batch.
 */
import { FakeClientObject, FakeSheetPart, type FakeContextBase } from './base';
import { ErrorCodes, officeError } from './errors';
import type { FakeSheet, FakeWorkbook, Box } from './model';
import { FakeRange } from './range';
import type { FakeWorksheet } from './sheets';

export interface FakeChartSeries {
  name: string;
  values: { sheet: string; box: Box } | null;
  categories: { sheet: string; box: Box } | null;
}

export interface FakeChartModel {
  type: string;
  title: string | null;
  legend: string | null;
  series: FakeChartSeries[];
  position: { from: string; to: string } | null;
}

export interface SheetExtras {
  charts: FakeChartModel[];
  autoFilter: { box: Box } | null;
  pageBreaksBefore: number[];
  footer: { left: string | null; center: string | null; right: string | null };
}

const extras = new WeakMap<FakeSheet, SheetExtras>();

export function sheetExtras(sheet: FakeSheet): SheetExtras {
  let e = extras.get(sheet);
  if (!e) extras.set(sheet, (e = { charts: [], autoFilter: null, pageBreaksBefore: [], footer: { left: null, center: null, right: null } }));
  return e;
}

function rangeOn(wb: FakeWorkbook, r: unknown): { sheet: string; box: Box } {
  if (!(r instanceof FakeRange)) throw officeError(ErrorCodes.invalidArgument, 'A Range object is expected.');
  return { sheet: r._ws._sheet(wb).name, box: r._box(wb) };
}

const CHART_TYPES = new Set(['ColumnClustered', 'LineMarkers', 'Line', 'BarClustered', 'Pie']);

class Obj extends FakeClientObject {
  _scalars(): string[] {
    return [];
  }
  _read(): unknown {
    return null;
  }
}

export class FakeChartCollection extends Obj {
  constructor(
    ctx: FakeContextBase,
    path: string,
    private readonly ws: FakeWorksheet,
  ) {
    super(ctx, path);
    this._api = '1.1';
  }
  add(type: string, source: FakeRange, seriesBy = 'Auto'): FakeChart {
    const chart = new FakeChart(this.context, `${this._path}.add()`, this.ws);
    this._write({ call: 'add', type, seriesBy }, (wb) => {
      if (!CHART_TYPES.has(type)) throw officeError(ErrorCodes.invalidArgument, `Unknown chart type ${type}`);
      const values = rangeOn(wb, source);
      const sheet = this.ws._sheet(wb);
      if (values.sheet !== sheet.name) throw officeError(ErrorCodes.invalidArgument, 'The source data is on another sheet.');
      if (values.box.cols !== 1 && values.box.rows !== 1) throw officeError(ErrorCodes.invalidArgument, 'The fake takes one row or column of source data.');
      const model: FakeChartModel = { type, title: null, legend: null, series: [{ name: '', values, categories: null }], position: null };
      sheetExtras(sheet).charts.push(model);
      chart._model = model;
    }, { writes: false });
    return chart;
  }
}

export class FakeChart extends Obj {
  _model: FakeChartModel | null = null;
  readonly title: { text: string };
  readonly legend: { position: string };
  readonly series: FakeChartSeriesCollection;
  constructor(
    ctx: FakeContextBase,
    path: string,
    readonly ws: FakeWorksheet,
  ) {
    super(ctx, path);
    this._api = '1.1';
    this.title = this.writeOnly('text', 'title.text', (m, v) => void (m.title = v)) as { text: string };
    this.legend = this.writeOnly('position', 'legend.position', (m, v) => void (m.legend = v)) as { position: string };
    this.series = new FakeChartSeriesCollection(ctx, `${path}.series`, this);
  }
  /** An object whose one property can only be set (reading it unloaded is an error, as in Excel). */
  private writeOnly(prop: string, path: string, set: (m: FakeChartModel, v: string) => void): object {
    const o = {};
    Object.defineProperty(o, prop, {
      set: (v: string) => this._write({ set: path, value: v }, () => set(this.model(), v), { writes: false }),
      get: () => {
        throw officeError(ErrorCodes.invalidOperation, `${path} is not loaded`);
      },
    });
    return o;
  }
  model(): FakeChartModel {
    if (!this._model) throw officeError(ErrorCodes.itemNotFound, 'The chart was not made.');
    return this._model;
  }
  setPosition(from: string, to: string): void {
    this._write({ call: 'setPosition', from, to }, () => void (this.model().position = { from, to }), { writes: false });
  }
}

export class FakeChartSeriesCollection extends Obj {
  constructor(
    ctx: FakeContextBase,
    path: string,
    private readonly chart: FakeChart,
  ) {
    super(ctx, path);
    this._api = '1.7';
  }
  getItemAt(i: number): FakeChartSeriesObject {
    return new FakeChartSeriesObject(this.context, `${this._path}.getItemAt(${i})`, this.chart, () => {
      const s = this.chart.model().series[i];
      if (!s) throw officeError(ErrorCodes.itemNotFound, `No series ${i}`);
      return s;
    });
  }
  add(name: string): FakeChartSeriesObject {
    let made: FakeChartSeries | null = null;
    this._write({ call: 'add', name }, () => {
      made = { name, values: null, categories: null };
      this.chart.model().series.push(made);
    }, { api: '1.7', writes: false });
    return new FakeChartSeriesObject(this.context, `${this._path}.add()`, this.chart, () => {
      if (!made) throw officeError(ErrorCodes.itemNotFound, 'The series was not added.');
      return made;
    });
  }
}

export class FakeChartSeriesObject extends Obj {
  constructor(
    ctx: FakeContextBase,
    path: string,
    private readonly chart: FakeChart,
    private readonly target: () => FakeChartSeries,
  ) {
    super(ctx, path);
    this._api = '1.7';
  }
  set name(v: string) {
    this._write({ set: 'name', value: v }, () => void (this.target().name = v), { api: '1.1', writes: false });
  }
  setValues(r: FakeRange): void {
    this._write({ call: 'setValues' }, (wb) => void (this.target().values = rangeOn(wb, r)), { writes: false });
  }
  setXAxisValues(r: FakeRange): void {
    this._write({ call: 'setXAxisValues' }, (wb) => void (this.target().categories = rangeOn(wb, r)), { writes: false });
  }
}

export class FakeAutoFilter extends FakeSheetPart {
  apply(range: FakeRange): void {
    this._write({ call: 'apply' }, (wb) => void (sheetExtras(this.ws._sheet(wb)).autoFilter = { box: rangeOn(wb, range).box }), { writes: false });
  }
}

export class FakePageBreakCollection extends FakeSheetPart {
  add(range: FakeRange | string): void {
    this._write({ call: 'add' }, (wb) => {
      const r = typeof range === 'string' ? this.ws.getRange(range) : range;
      sheetExtras(this.ws._sheet(wb)).pageBreaksBefore.push(rangeOn(wb, r).box.top);
    }, { writes: false });
  }
}

export class FakeHeaderFooter extends FakeSheetPart {
  private setPart(part: 'left' | 'center' | 'right', v: string): void {
    this._write({ set: `${part}Footer`, value: v }, (wb) => void (sheetExtras(this.ws._sheet(wb)).footer[part] = v), { writes: false });
  }
  set leftFooter(v: string) {
    this.setPart('left', v);
  }
  set centerFooter(v: string) {
    this.setPart('center', v);
  }
  set rightFooter(v: string) {
    this.setPart('right', v);
  }
}

export class FakeHeadersFooters extends Obj {
  readonly defaultForAllPages: FakeHeaderFooter;
  constructor(ctx: FakeContextBase, path: string, ws: FakeWorksheet) {
    super(ctx, path);
    this._api = '1.9';
    this.defaultForAllPages = new FakeHeaderFooter(ctx, `${path}.defaultForAllPages`, ws);
  }
}
