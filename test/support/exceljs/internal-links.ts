/**
 * ExcelJS 4.4 mishandles links to a place in the same workbook: on reading it drops the ones Excel writes
 * (`location` with no relationship, exceljs#920), on writing it emits both an external relationship and a
 * `location`, which Excel shows as '#S!A1##S!A1' (exceljs#3027). We teach it the standard form once:
 * a cell hyperlink '#Sheet!A1' is read from and written as <hyperlink ref location="Sheet!A1"/>.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const HyperlinkXform = require('exceljs/lib/xlsx/xform/sheet/hyperlink-xform');
const WorksheetXform = require('exceljs/lib/xlsx/xform/sheet/worksheet-xform');
const RelType = require('exceljs/lib/xlsx/rel-type');

interface HyperlinkModel {
  address: string;
  rId?: string;
  target?: string;
  tooltip?: string;
}
interface Rel {
  Id: string;
  Type: string;
  Target: string;
  TargetMode?: string;
}

const PATCHED = Symbol.for('clusterix.internalLinks');

export function teachExcelJsInternalLinks(): void {
  if (HyperlinkXform.prototype[PATCHED]) return;
  HyperlinkXform.prototype[PATCHED] = true;

  const render = HyperlinkXform.prototype.render;
  HyperlinkXform.prototype.render = function (xmlStream: { leafNode(n: string, a: object): void }, model: HyperlinkModel) {
    if (model.target && model.target.startsWith('#')) {
      xmlStream.leafNode('hyperlink', { ref: model.address, location: model.target.slice(1), tooltip: model.tooltip });
      return;
    }
    render.call(this, xmlStream, model);
  };

  // Writing: no external relationship for an in-workbook link.
  const prepare = WorksheetXform.prototype.prepare;
  WorksheetXform.prototype.prepare = function (model: { rels: Rel[] }, options: unknown) {
    prepare.call(this, model, options);
    model.rels = model.rels.filter((r) => !(r.Type === RelType.Hyperlink && r.Target.startsWith('#')));
  };

  // Reading: a location-only link becomes the cell hyperlink '#location'.
  const reconcile = WorksheetXform.prototype.reconcile;
  WorksheetXform.prototype.reconcile = function (model: { hyperlinks?: HyperlinkModel[]; relationships?: Rel[] }, options: unknown) {
    let n = 0;
    for (const h of model.hyperlinks ?? []) {
      if (!h.rId && h.target) {
        h.rId = `clusterixLocation${++n}`;
        (model.relationships ??= []).push({ Id: h.rId, Type: RelType.Hyperlink, Target: `#${h.target}`, TargetMode: 'External' });
      }
    }
    reconcile.call(this, model, options);
  };
}
