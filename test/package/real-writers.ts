/**
 * Workbooks made by code the way real writers make them: the sample, with a picture, a chart, a pivot table and
 * its cache, a VBA project (.xlsm), workbook protection (also LibreOffice's empty element), validation over whole
 * columns and the whole sheet, shared formulas, shared strings, prefixed namespaces, strict OOXML, formulas
 * without cached values. Each is the sample's package with parts added or rewritten as those writers lay them out.
 */
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { sampleBytes } from '../corpus/books';
import { shiftFormula } from '../../src/snapshot/package/formula-shift';

export type Parts = Record<string, Uint8Array>;

const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

export const text = (parts: Parts, name: string): string => strFromU8(parts[name]);
const put = (parts: Parts, name: string, s: string) => (parts[name] = strToU8(s));

/** Sheet name → part, from the workbook and its relationships. */
export function sheetParts(parts: Parts): Map<string, string> {
  const rels = new Map<string, string>();
  for (const m of text(parts, 'xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /Id="([^"]*)"/.exec(m[0])![1];
    const target = /Target="([^"]*)"/.exec(m[0])![1];
    rels.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const out = new Map<string, string>();
  for (const m of text(parts, 'xl/workbook.xml').matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(m[0])![1].replace(/&amp;/g, '&').replace(/&apos;/g, "'");
    out.set(name, rels.get(/r:id="([^"]*)"/.exec(m[0])![1])!);
  }
  return out;
}

function addOverride(parts: Parts, part: string, type: string): void {
  put(parts, '[Content_Types].xml', text(parts, '[Content_Types].xml').replace('</Types>', `<Override PartName="/${part}" ContentType="${type}"/></Types>`));
}
function addDefault(parts: Parts, ext: string, type: string): void {
  const t = text(parts, '[Content_Types].xml');
  if (!t.includes(`Extension="${ext}"`)) put(parts, '[Content_Types].xml', t.replace('<Default ', `<Default Extension="${ext}" ContentType="${type}"/><Default `));
}
function addRel(parts: Parts, relsPart: string, id: string, type: string, target: string): void {
  const t = parts[relsPart] ? text(parts, relsPart) : '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  put(parts, relsPart, t.replace('</Relationships>', `<Relationship Id="${id}" Type="${type}" Target="${target}"/></Relationships>`));
}
/** Inserts `el` into a sheet before the first of `before` (schema order), or before </worksheet>. */
function insertInSheet(xml: string, el: string, before: string[]): string {
  for (const b of before) {
    const i = xml.indexOf(`<${b}`);
    if (i >= 0) return xml.slice(0, i) + el + xml.slice(i);
  }
  return xml.replace('</worksheet>', `${el}</worksheet>`);
}

// A 1×1 transparent PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

function withDrawing(parts: Parts, sheetPart: string, anchors: { rel: { id: string; type: string; target: string }; xml: string }[]): void {
  const drawing = 'xl/drawings/drawing1.xml';
  put(
    parts,
    drawing,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">${anchors.map((a) => a.xml).join('')}</xdr:wsDr>`,
  );
  for (const a of anchors) addRel(parts, 'xl/drawings/_rels/drawing1.xml.rels', a.rel.id, a.rel.type, a.rel.target);
  addOverride(parts, drawing, 'application/vnd.openxmlformats-officedocument.drawing+xml');
  const sheetRels = sheetPart.replace(/([^/]+)$/, '_rels/$1.rels');
  addRel(parts, sheetRels, 'rIdDr1', `${R}/drawing`, '../drawings/drawing1.xml');
  put(parts, sheetPart, insertInSheet(text(parts, sheetPart), `<drawing r:id="rIdDr1"/>`, ['<legacyDrawing', '<tableParts', '<extLst']));
}

const anchor = (col: number, row: number, inner: string) =>
  `<xdr:twoCellAnchor><xdr:from><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>${col + 4}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row + 10}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>${inner}<xdr:clientData/></xdr:twoCellAnchor>`;

const picture = `<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="2" name="Logo"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr><xdr:blipFill><a:blip xmlns:r="${R}" r:embed="rIdImg1"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="952500" cy="952500"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic>`;

const chartFrame = `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="3" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${R}" r:id="rIdChart1"/></a:graphicData></a:graphic></xdr:graphicFrame>`;

const CHART = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${R}"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>Project!$C$14:$C$16</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`;

export interface RealCase {
  name: string;
  ext: '.xlsx' | '.xlsm';
  make: () => Promise<Buffer>;
  /** Parts the case added, which must come through byte for byte. */
  added: string[];
}

async function sampleParts(): Promise<Parts> {
  return unzipSync(await sampleBytes());
}
const pack = (parts: Parts) => Buffer.from(zipSync(parts));

export const REAL_CASES: RealCase[] = [
  {
    name: 'a picture (a logo) on the Project sheet',
    ext: '.xlsx',
    added: ['xl/media/image1.png', 'xl/drawings/drawing1.xml', 'xl/drawings/_rels/drawing1.xml.rels'],
    make: async () => {
      const p = await sampleParts();
      p['xl/media/image1.png'] = PNG;
      addDefault(p, 'png', 'image/png');
      withDrawing(p, sheetParts(p).get('Project')!, [{ rel: { id: 'rIdImg1', type: `${R}/image`, target: '../media/image1.png' }, xml: anchor(8, 1, picture) }]);
      return pack(p);
    },
  },
  {
    name: 'a chart over the Project sheet',
    ext: '.xlsx',
    added: ['xl/charts/chart1.xml', 'xl/drawings/drawing1.xml', 'xl/drawings/_rels/drawing1.xml.rels'],
    make: async () => {
      const p = await sampleParts();
      put(p, 'xl/charts/chart1.xml', CHART);
      addOverride(p, 'xl/charts/chart1.xml', 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml');
      withDrawing(p, sheetParts(p).get('Project')!, [{ rel: { id: 'rIdChart1', type: `${R}/chart`, target: '../charts/chart1.xml' }, xml: anchor(8, 12, chartFrame) }]);
      return pack(p);
    },
  },
  {
    name: 'a pivot table and its cache on a sheet of its own',
    ext: '.xlsx',
    added: ['xl/pivotCache/pivotCacheDefinition1.xml', 'xl/pivotCache/pivotCacheRecords1.xml', 'xl/pivotTables/pivotTable1.xml', 'xl/pivotTables/_rels/pivotTable1.xml.rels', 'xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels'],
    make: async () => {
      const p = await sampleParts();
      const sheet = 'xl/worksheets/pivot1.xml';
      put(
        p,
        sheet,
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${R}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Item</t></is></c><c r="B1" t="inlineStr"><is><t>Amount</t></is></c><c r="D1" t="inlineStr"><is><t>Row Labels</t></is></c><c r="E1" t="inlineStr"><is><t>Sum of Amount</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>a</t></is></c><c r="B2"><v>5</v></c><c r="D2" t="inlineStr"><is><t>a</t></is></c><c r="E2"><v>5</v></c></row><row r="3"><c r="D3" t="inlineStr"><is><t>Grand Total</t></is></c><c r="E3"><v>5</v></c></row></sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`,
      );
      addOverride(p, sheet, 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml');
      addRel(p, 'xl/_rels/workbook.xml.rels', 'rIdPivotSheet', `${R}/worksheet`, 'worksheets/pivot1.xml');
      addRel(p, 'xl/_rels/workbook.xml.rels', 'rIdPivotCache', `${R}/pivotCacheDefinition`, 'pivotCache/pivotCacheDefinition1.xml');
      let wb = text(p, 'xl/workbook.xml').replace('</sheets>', '<sheet name="Pivot" sheetId="90" r:id="rIdPivotSheet"/></sheets>');
      wb = wb.replace(/(<calcPr[^>]*\/>)/, '$1<pivotCaches><pivotCache cacheId="1" r:id="rIdPivotCache"/></pivotCaches>');
      put(p, 'xl/workbook.xml', wb);
      put(
        p,
        'xl/pivotCache/pivotCacheDefinition1.xml',
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotCacheDefinition xmlns="${MAIN}" xmlns:r="${R}" r:id="rId1" refreshOnLoad="0" createdVersion="6" refreshedVersion="6" minRefreshableVersion="3" recordCount="1"><cacheSource type="worksheet"><worksheetSource ref="A1:B2" sheet="Pivot"/></cacheSource><cacheFields count="2"><cacheField name="Item" numFmtId="0"><sharedItems count="1"><s v="a"/></sharedItems></cacheField><cacheField name="Amount" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" containsInteger="1" minValue="5" maxValue="5"/></cacheField></cacheFields></pivotCacheDefinition>`,
      );
      put(p, 'xl/pivotCache/pivotCacheRecords1.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotCacheRecords xmlns="${MAIN}" count="1"><r><x v="0"/><n v="5"/></r></pivotCacheRecords>`);
      addRel(p, 'xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels', 'rId1', `${R}/pivotCacheRecords`, 'pivotCacheRecords1.xml');
      put(
        p,
        'xl/pivotTables/pivotTable1.xml',
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotTableDefinition xmlns="${MAIN}" name="PivotTable1" cacheId="1" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" dataCaption="Values" updatedVersion="6" minRefreshableVersion="3" createdVersion="6" indent="0" outline="1" outlineData="1"><location ref="D1:E3" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="2"><pivotField axis="axisRow" showAll="0"><items count="2"><item x="0"/><item t="default"/></items></pivotField><pivotField dataField="1" showAll="0"/></pivotFields><rowFields count="1"><field x="0"/></rowFields><rowItems count="2"><i><x/></i><i t="grand"><x/></i></rowItems><colItems count="1"><i/></colItems><dataFields count="1"><dataField name="Sum of Amount" fld="1" baseField="0" baseItem="0"/></dataFields></pivotTableDefinition>`,
      );
      addRel(p, 'xl/pivotTables/_rels/pivotTable1.xml.rels', 'rId1', `${R}/pivotCacheDefinition`, '../pivotCache/pivotCacheDefinition1.xml');
      addRel(p, 'xl/worksheets/_rels/pivot1.xml.rels', 'rId1', `${R}/pivotTable`, '../pivotTables/pivotTable1.xml');
      addOverride(p, 'xl/pivotCache/pivotCacheDefinition1.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml');
      addOverride(p, 'xl/pivotCache/pivotCacheRecords1.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml');
      addOverride(p, 'xl/pivotTables/pivotTable1.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml');
      return pack(p);
    },
  },
  {
    name: 'a VBA project (.xlsm)',
    ext: '.xlsm',
    added: ['xl/vbaProject.bin'],
    make: async () => {
      const p = await sampleParts();
      p['xl/vbaProject.bin'] = new Uint8Array(Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024, 7)]));
      addDefault(p, 'bin', 'application/vnd.ms-office.vbaProject');
      put(p, '[Content_Types].xml', text(p, '[Content_Types].xml').replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml'));
      addRel(p, 'xl/_rels/workbook.xml.rels', 'rIdVba', 'http://schemas.microsoft.com/office/2006/relationships/vbaProject', 'vbaProject.bin');
      return pack(p);
    },
  },
  {
    name: 'a protected workbook structure',
    ext: '.xlsx',
    added: [],
    make: async () => {
      const p = await sampleParts();
      put(p, 'xl/workbook.xml', text(p, 'xl/workbook.xml').replace('<bookViews>', '<workbookProtection lockStructure="1"/><bookViews>'));
      return pack(p);
    },
  },
  {
    name: "LibreOffice's empty <workbookProtection/>",
    ext: '.xlsx',
    added: [],
    make: async () => {
      const p = await sampleParts();
      put(p, 'xl/workbook.xml', text(p, 'xl/workbook.xml').replace('<bookViews>', '<workbookProtection/><bookViews>'));
      return pack(p);
    },
  },
  {
    name: 'validation over whole columns (B:I) and over a whole sheet',
    ext: '.xlsx',
    added: [],
    make: async () => {
      const p = await sampleParts();
      const parts = sheetParts(p);
      const dv = (sqref: string) => `<dataValidations count="1"><dataValidation type="decimal" operator="greaterThanOrEqual" allowBlank="1" showErrorMessage="1" sqref="${sqref}"><formula1>0</formula1></dataValidation></dataValidations>`;
      const wp = parts.get('Budget West-Pannon')!;
      put(p, wp, insertInSheet(text(p, wp), dv('B:I'), ['<hyperlinks', '<printOptions', '<pageMargins']));
      const eco = parts.get('Budget ecoplus')!;
      put(p, eco, insertInSheet(text(p, eco), dv('A1:XFD1048576'), ['<hyperlinks', '<printOptions', '<pageMargins']));
      return pack(p);
    },
  },
  {
    name: "Excel's shared formulas (formulas filled right)",
    ext: '.xlsx',
    added: [],
    make: async () => {
      const p = await sampleParts();
      const part = sheetParts(p).get('Budget West-Pannon')!;
      let si = 0;
      // Each run of cells in a row whose formulas are the first one moved right becomes one shared formula.
      const xml = text(p, part).replace(/<row\b[^>]*>([\s\S]*?)<\/row>/g, (row) => {
        const cells = [...row.matchAll(/<c r="([A-Z]+)(\d+)"([^>]*)><f>([^<]*)<\/f>/g)];
        let out = row;
        for (let i = 0; i + 1 < cells.length; i++) {
          const a = cells[i];
          const b = cells[i + 1];
          if (shiftFormula(a[4].replace(/&apos;/g, "'"), 0, 1) !== b[4].replace(/&apos;/g, "'") || a[1].length !== 1 || b[1].charCodeAt(0) !== a[1].charCodeAt(0) + 1) continue;
          const id = si++;
          out = out.replace(a[0], `<c r="${a[1]}${a[2]}"${a[3]}><f t="shared" ref="${a[1]}${a[2]}:${b[1]}${b[2]}" si="${id}">${a[4]}</f>`).replace(b[0], `<c r="${b[1]}${b[2]}"${b[3]}><f t="shared" si="${id}"/>`);
          i++;
        }
        return out;
      });
      if (si === 0) throw new Error('no formulas to share');
      put(p, part, xml);
      return pack(p);
    },
  },
  {
    name: 'shared strings, as Excel and ExcelJS write text',
    ext: '.xlsx',
    added: ['xl/sharedStrings.xml'],
    make: async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await sampleBytes()) as unknown as ArrayBuffer);
      return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    },
  },
  {
    name: 'prefixed namespaces (x:) in the workbook and every sheet',
    ext: '.xlsx',
    added: [],
    make: async () => {
      const p = await sampleParts();
      const prefix = (xml: string, root: string) =>
        xml
          .replace(new RegExp(`<${root} xmlns="${MAIN}"`), `<x:${root} xmlns:x="${MAIN}"`)
          .replace(/<(\/?)([A-Za-z][\w]*)([\s>/])/g, (m, slash, name, after) => (name.includes(':') || m.startsWith(`<${slash}x:`) ? m : `<${slash}x:${name}${after}`));
      put(p, 'xl/workbook.xml', prefix(text(p, 'xl/workbook.xml'), 'workbook'));
      for (const part of sheetParts(p).values()) put(p, part, prefix(text(p, part), 'worksheet'));
      return pack(p);
    },
  },
  {
    name: 'strict OOXML (ISO 29500 Strict namespaces and relationship types)',
    ext: '.xlsx',
    added: [],
    make: async () => {
      const p = await sampleParts();
      for (const name of Object.keys(p)) {
        if (!/\.(xml|rels)$/.test(name)) continue;
        put(p, name, text(p, name).replace(/http:\/\/schemas\.openxmlformats\.org\/spreadsheetml\/2006\/main/g, 'http://purl.oclc.org/ooxml/spreadsheetml/main').replace(/http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships/g, 'http://purl.oclc.org/ooxml/officeDocument/relationships'));
      }
      return pack(p);
    },
  },
  {
    name: 'formulas without cached values (as openpyxl saves them)',
    ext: '.xlsx',
    added: [],
    make: async () => {
      const p = await sampleParts();
      for (const part of sheetParts(p).values()) put(p, part, text(p, part).replace(/(<\/f>)<v>[^<]*<\/v>/g, '$1'));
      return pack(p);
    },
  },
];
