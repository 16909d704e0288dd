/**
 * Charts of the report plan as package parts (ExcelJS cannot write charts): for each tab with charts a drawing
 * part with one anchor per chart, a chart part per chart (DrawingML, with the tab's cached values so it shows
 * before recalculation), the relationships, the sheet's <drawing r:id> and the content types. Pure: works on
 * the package's parts as texts (PartTexts: the package writer's, or an unzipped package through recordTexts).
 * Our parts are named clusterixChartN / clusterixDrawingN so the carry check can tell them from a user's charts
 * and drawings.
 */
import { decodeEntities } from '../../snapshot/package/xml';
import type { PlannedCell, PlannedChart, PlannedTab } from '../../plan/types';
import { parseA1, quoteSheet } from '../../util/a1';
import { cellKey } from './print-layout';
import { sheetDataCloseAt } from './package/sheet-edit';
// TextDecoder/TextEncoder as fflate's strFromU8/strToU8 use them, without loading fflate at the CLI's start.
const decoder = new TextDecoder();
const encoder = new TextEncoder();
const strFromU8 = (bytes: Uint8Array): string => decoder.decode(bytes);
const strToU8 = (text: string): Uint8Array => encoder.encode(text);

export type Package = Record<string, Uint8Array>;

/**
 * A package as the texts of its parts by name: the package writer's own (its report tabs stay text, never
 * encoded only to be decoded again here) or an unzipped package's bytes (recordTexts).
 */
export interface PartTexts {
  text(name: string): string | undefined;
  set(name: string, text: string): void;
  names(): string[];
}

/** An unzipped package (parts as bytes by name) as texts: read decodes, set encodes. */
export function recordTexts(pkg: Package): PartTexts {
  return {
    text: (name) => (pkg[name] ? strFromU8(pkg[name]) : undefined),
    set: (name, text) => {
      pkg[name] = strToU8(text);
    },
    names: () => Object.keys(pkg),
  };
}

const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_DRAWING = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
const REL_CHART = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart';
const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
export const CHART_PART = /^xl\/charts\/clusterixChart\d+\.xml$/;
const SERIES_COLOURS = ['1F4E79', 'ED7D31', '70AD47', '7F7F7F'];

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const read = (pkg: PartTexts, name: string) => pkg.text(name) ?? null;
const write = (pkg: PartTexts, name: string, xml: string) => pkg.set(name, xml);

/** The worksheet part of a sheet, by its name in xl/workbook.xml and the workbook's relationships. */
export function sheetPart(pkg: Package, sheetName: string): string | null {
  return sheetPartOf(recordTexts(pkg), sheetName);
}

export function sheetPartOf(pkg: PartTexts, sheetName: string): string | null {
  const wb = read(pkg, 'xl/workbook.xml') ?? '';
  const rels = read(pkg, 'xl/_rels/workbook.xml.rels') ?? '';
  for (const m of wb.matchAll(/<(?:\w+:)?sheet\b([^>]*)\/?>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[1])?.[1];
    const id = /\br:id="([^"]*)"/.exec(m[1])?.[1] ?? /\b\w+:id="([^"]*)"/.exec(m[1])?.[1];
    if (!name || !id || decodeEntities(name) !== sheetName) continue;
    const rel = [...rels.matchAll(/<Relationship\b([^>]*)\/?>/g)].map((r) => r[1]).find((a) => new RegExp(`\\bId="${id}"`).test(a));
    const target = rel ? /\bTarget="([^"]*)"/.exec(rel)?.[1] : null;
    if (!target) return null;
    return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
  }
  return null;
}

function nextNumber(pkg: PartTexts, pattern: RegExp): number {
  let n = 0;
  for (const name of pkg.names()) {
    const m = pattern.exec(name);
    if (m) n = Math.max(n, Number(m[1]));
  }
  return n + 1;
}

/** A1 range as its corners (one column or one row). */
function box(range: string): { top: number; left: number; bottom: number; right: number } {
  const [a, b] = range.split(':').map(parseA1);
  const end = b ?? a;
  return { top: a.row, left: a.col, bottom: end.row, right: end.col };
}

/**
 * The tab's cells inside the chart's ranges by cellKey (the last planned of a cell, as a map of every cell
 * would hold): one pass over a tab of many thousand cells, keeping the few a chart reads.
 */
function chartCells(tab: PlannedTab, chart: PlannedChart): Map<number, PlannedCell> {
  const boxes = [chart.categories, ...chart.series.map((s) => s.values)].map(box);
  const at = new Map<number, PlannedCell>();
  const cells = tab.cells;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    for (const b of boxes) {
      if (c.row >= b.top && c.row <= b.bottom && c.col >= b.left && c.col <= b.right) {
        at.set(cellKey(c.row, c.col), c);
        break;
      }
    }
  }
  return at;
}

/** Cells of an A1 range on the tab, in order (one column or one row). */
function rangeCells(at: Map<number, PlannedCell>, range: string): (PlannedCell | undefined)[] {
  const b = box(range);
  const out: (PlannedCell | undefined)[] = [];
  for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) out.push(at.get(cellKey(r, c)));
  return out;
}

function cached(c: PlannedCell | undefined): string | number | null {
  if (!c) return null;
  const v = c.value;
  if (v.kind === 'number') return v.value;
  if (v.kind === 'formula') return v.result;
  return v.text;
}

function absolute(tab: string, range: string): string {
  const abs = range
    .split(':')
    .map((x) => x.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2'))
    .join(':');
  return `${quoteSheet(tab)}!${abs}`;
}

function strRef(tab: PlannedTab, at: Map<number, PlannedCell>, range: string): string {
  const pts = rangeCells(at, range).map((c, i) => `<c:pt idx="${i}"><c:v>${esc(String(cached(c) ?? ''))}</c:v></c:pt>`);
  return `<c:strRef><c:f>${esc(absolute(tab.name, range))}</c:f><c:strCache><c:ptCount val="${pts.length}"/>${pts.join('')}</c:strCache></c:strRef>`;
}

function numRef(tab: PlannedTab, at: Map<number, PlannedCell>, range: string): string {
  const cells = rangeCells(at, range);
  const pts = cells.flatMap((c, i) => {
    const v = cached(c);
    return typeof v === 'number' ? [`<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`] : [];
  });
  return `<c:numRef><c:f>${esc(absolute(tab.name, range))}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${cells.length}"/>${pts.join('')}</c:numCache></c:numRef>`;
}

/** The chart part's XML. */
export function chartXml(tab: PlannedTab, chart: PlannedChart): string {
  const at = chartCells(tab, chart);
  const series = chart.series
    .map((s, i) => {
      const colour = SERIES_COLOURS[i % SERIES_COLOURS.length];
      const look =
        chart.kind === 'column'
          ? `<c:spPr><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>`
          : `<c:spPr><a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill><a:round/></a:ln></c:spPr><c:marker><c:symbol val="circle"/><c:size val="5"/></c:marker>`;
      return `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${esc(s.name)}</c:v></c:tx>${look}<c:cat>${strRef(tab, at, chart.categories)}</c:cat><c:val>${numRef(tab, at, s.values)}</c:val>${chart.kind === 'line' ? '<c:smooth val="0"/>' : ''}</c:ser>`;
    })
    .join('');
  const plot =
    chart.kind === 'column'
      ? `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="80"/><c:axId val="500100"/><c:axId val="500200"/></c:barChart>`
      : `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/><c:axId val="500100"/><c:axId val="500200"/></c:lineChart>`;
  const text = (sz: number, bold: boolean) => `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${sz}" b="${bold ? 1 : 0}"/></a:pPr><a:endParaRPr lang="en-US"/></a:p></c:txPr>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${NS_R}">` +
    '<c:roundedCorners val="0"/><c:chart>' +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr><a:r><a:rPr lang="en-US" sz="1200" b="1"/><a:t>${esc(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    '<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>' +
    plot +
    `<c:catAx><c:axId val="500100"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>${text(900, false)}<c:crossAx val="500200"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="500200"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines><c:numFmt formatCode="#,##0" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${text(900, false)}<c:crossAx val="500100"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    '</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>' +
    '<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr>' +
    '</c:chartSpace>'
  );
}

function anchorXml(chart: PlannedChart, index: number, relId: string): string {
  const pos = (tag: string, p: { row: number; col: number }) => `<xdr:${tag}><xdr:col>${p.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    `<xdr:twoCellAnchor editAs="oneCell">${pos('from', chart.from)}${pos('to', chart.to)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${index + 2}" name="${esc(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${NS_R}" r:id="${relId}"/></a:graphicData></a:graphic>` +
    '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>'
  );
}

const RELS_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">';

/** Add a relationship to a .rels part (made when absent); returns its id. */
function addRelationship(pkg: PartTexts, relsName: string, type: string, target: string): string {
  const xml = read(pkg, relsName) ?? `${RELS_HEAD}</Relationships>`;
  const used = new Set([...xml.matchAll(/\bId="([^"]*)"/g)].map((m) => m[1]));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const rel = `<Relationship Id="${id}" Type="${type}" Target="${esc(target)}"/>`;
  write(pkg, relsName, xml.includes('</Relationships>') ? xml.replace('</Relationships>', `${rel}</Relationships>`) : xml.replace(/<Relationships([^>]*)\/>/, `<Relationships$1>${rel}</Relationships>`));
  return id;
}

function addOverride(pkg: PartTexts, partName: string, contentType: string): void {
  const xml = read(pkg, '[Content_Types].xml');
  if (xml === null) throw new Error('package without [Content_Types].xml');
  if (xml.includes(`PartName="${partName}"`)) return;
  write(pkg, '[Content_Types].xml', xml.replace('</Types>', `<Override PartName="${partName}" ContentType="${contentType}"/></Types>`));
}

/** Elements that follow <drawing> in a worksheet (CT_Worksheet's order). */
const AFTER_DRAWING = ['legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

export function insertDrawingElement(sheetXml: string, relId: string): string {
  let xml = sheetXml;
  const root = /<(\w+:)?worksheet\b[^>]*>/.exec(xml);
  if (!root) throw new Error('worksheet part without <worksheet>');
  const prefix = root[1] ?? '';
  // Transitional or strict (a strict package's sheets are written in strict's namespaces).
  let rPrefix = /xmlns:(\w+)="(?:http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships|http:\/\/purl\.oclc\.org\/ooxml\/officeDocument\/relationships)"/.exec(root[0])?.[1];
  if (!rPrefix) {
    rPrefix = 'r';
    xml = xml.replace(root[0], root[0].replace(/>$/, ` xmlns:r="${NS_R}">`).replace(/\/>$/, '/>'));
  }
  const element = `<${prefix}drawing ${rPrefix}:id="${relId}"/>`;
  // Every element looked for comes after the cells: searched for there only (a report tab's cells are megabytes).
  const from = Math.max(0, sheetDataCloseAt(xml));
  const tail = from > 0 ? xml.slice(from) : xml;
  for (const tag of AFTER_DRAWING) {
    const at = tail.search(new RegExp(`<${prefix}${tag}[\\s>/]`));
    if (at >= 0) return xml.slice(0, from + at) + element + xml.slice(from + at);
  }
  const end = new RegExp(`</${prefix}worksheet>\\s*$`);
  return from > 0 && end.test(tail) ? xml.slice(0, from) + tail.replace(end, `${element}</${prefix}worksheet>`) : xml.replace(end, `${element}</${prefix}worksheet>`);
}

/** Adds every chart of `tabs` to the package, on the sheets of the same names. */
export function addCharts(pkg: PartTexts, tabs: PlannedTab[]): number {
  let added = 0;
  for (const tab of tabs) {
    const charts = tab.charts ?? [];
    if (charts.length === 0) continue;
    const part = sheetPartOf(pkg, tab.name);
    if (!part || pkg.text(part) === undefined) throw new Error(`addCharts: no worksheet part for '${tab.name}'`);
    const d = nextNumber(pkg, /^xl\/drawings\/clusterixDrawing(\d+)\.xml$/);
    const drawingName = `xl/drawings/clusterixDrawing${d}.xml`;
    const anchors = charts.map((chart, i) => {
      const c = nextNumber(pkg, /^xl\/charts\/clusterixChart(\d+)\.xml$/);
      write(pkg, `xl/charts/clusterixChart${c}.xml`, chartXml(tab, chart));
      addOverride(pkg, `/xl/charts/clusterixChart${c}.xml`, CT_CHART);
      const rel = addRelationship(pkg, `xl/drawings/_rels/clusterixDrawing${d}.xml.rels`, REL_CHART, `../charts/clusterixChart${c}.xml`);
      added++;
      return anchorXml(chart, i, rel);
    });
    write(
      pkg,
      drawingName,
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
        anchors.join('') +
        '</xdr:wsDr>',
    );
    addOverride(pkg, `/${drawingName}`, CT_DRAWING);
    const slash = part.lastIndexOf('/');
    const sheetRels = `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
    const relId = addRelationship(pkg, sheetRels, REL_DRAWING, `../drawings/clusterixDrawing${d}.xml`);
    write(pkg, part, insertDrawingElement(read(pkg, part)!, relId));
  }
  return added;
}
