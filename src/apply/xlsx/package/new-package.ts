/**
 * A new .xlsx package from a WorkbookSpec (the template, the sample): the minimal parts Excel needs, the sheets
 * as SheetML, the looks through the same styles writer the report tabs use.
 */
import { isFormula, type SheetSpec, type SpecCell, type SpecFill, type WorkbookSpec } from '../../../template/spec';
import { a1, columnLetters } from '../../../util/a1';
import { escapeText, escapeXml } from '../../../snapshot/package/xml';
import { writeZip } from '../../../snapshot/package/zip';
import { MINIMAL_STYLES, StylesEdit } from './styles-edit';
import { solidFillXml } from './tab-xml';

const FILL_ARGB: Record<SpecFill, string> = { header: 'FFDDEBF7', input: 'FFFFF2CC', total: 'FFEDEDED' };
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function styleOf(c: SpecCell, styles: StylesEdit, cache: Map<string, number>): number {
  const key = `${c.numberFormat ?? ''}|${c.bold ? 1 : 0}${c.italic ? 1 : 0}|${c.fill ?? ''}|${c.align ?? ''}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const numFmtId = styles.numFmt(c.numberFormat);
  const fontId = c.bold || c.italic ? styles.font(`<font>${c.bold ? '<b/>' : ''}${c.italic ? '<i/>' : ''}<sz val="11"/><name val="Calibri"/><family val="2"/></font>`) : 0;
  const fillId = c.fill ? styles.fill(solidFillXml(FILL_ARGB[c.fill])) : 0;
  const xf =
    `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"` +
    `${numFmtId ? ' applyNumberFormat="1"' : ''}${fontId ? ' applyFont="1"' : ''}${fillId ? ' applyFill="1"' : ''}` +
    (c.align ? ` applyAlignment="1"><alignment horizontal="${c.align}"/></xf>` : '/>');
  const i = key === '|00||' ? 0 : styles.xf(xf);
  cache.set(key, i);
  return i;
}

function cellXml(c: SpecCell, s: number): string {
  const ref = a1(c.row, c.col);
  const st = s ? ` s="${s}"` : '';
  const v = c.value;
  if (isFormula(v)) {
    const f = `<f>${escapeXml(v.formula)}</f>`;
    // A null result is left out so the file says "not calculated yet", as Excel would.
    if (v.result === null) return `<c r="${ref}"${st}>${f}</c>`;
    if (typeof v.result === 'number') return `<c r="${ref}"${st}>${f}<v>${v.result}</v></c>`;
    if (typeof v.result === 'boolean') return `<c r="${ref}"${st} t="b">${f}<v>${v.result ? 1 : 0}</v></c>`;
    return `<c r="${ref}"${st} t="str">${f}<v>${escapeText(v.result)}</v></c>`;
  }
  if (v === null || v === '') return st ? `<c r="${ref}"${st}/>` : '';
  if (typeof v === 'number') return `<c r="${ref}"${st}><v>${v}</v></c>`;
  if (typeof v === 'boolean') return `<c r="${ref}"${st} t="b"><v>${v ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${st} t="inlineStr"><is><t xml:space="preserve">${escapeText(v)}</t></is></c>`;
}

function sheetXml(spec: SheetSpec, styles: StylesEdit, cache: Map<string, number>): string {
  const rows = new Map<number, SpecCell[]>();
  for (const c of spec.cells) {
    if (!rows.has(c.row)) rows.set(c.row, []);
    rows.get(c.row)!.push(c);
  }
  let data = '';
  let maxRow = 0;
  let maxCol = 0;
  for (const r of [...rows.keys()].sort((a, b) => a - b)) {
    const cells = rows.get(r)!.sort((a, b) => a.col - b.col);
    let row = '';
    let last = -1;
    for (const c of cells) {
      if (c.col === last) continue;
      last = c.col;
      const x = cellXml(c, styleOf(c, styles, cache));
      if (x) {
        row += x;
        maxCol = Math.max(maxCol, c.col);
      }
    }
    if (row) {
      data += `<row r="${r + 1}">${row}</row>`;
      maxRow = Math.max(maxRow, r);
    }
  }
  const fr = spec.frozenRows;
  const pane = fr > 0 ? `<pane ySplit="${fr}" topLeftCell="A${fr + 1}" activePane="bottomLeft" state="frozen"/>` : '';
  const cols = spec.columnWidths.map((w, i) => (w > 0 ? `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>` : '')).join('');
  const merges = spec.merges.length
    ? `<mergeCells count="${spec.merges.length}">${spec.merges.map((m) => `<mergeCell ref="${a1(m.top, m.left)}:${a1(m.bottom, m.right)}"/>`).join('')}</mergeCells>`
    : '';
  return (
    `${HEAD}<worksheet ${NS}><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:${columnLetters(maxCol)}${maxRow + 1}"/>` +
    `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
    (cols ? `<cols>${cols}</cols>` : '') +
    `<sheetData>${data}</sheetData>${merges}` +
    // Printed, a sheet fits the page's width (landscape), however many pages long.
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/></worksheet>'
  );
}

/** The bytes of a new .xlsx holding the spec. */
export function specToPackage(spec: WorkbookSpec): Buffer {
  const styles = new StylesEdit(MINIMAL_STYLES);
  const cache = new Map<string, number>();
  const sheets = spec.sheets.map((s) => sheetXml(s, styles, cache));
  const enc = (s: string) => new TextEncoder().encode(s);
  const entries: { name: string; bytes: Uint8Array }[] = [];
  entries.push({
    name: '[Content_Types].xml',
    bytes: enc(
      `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>',
    ),
  });
  entries.push({
    name: '_rels/.rels',
    bytes: enc(
      `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/>` +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
        `<Relationship Id="rId3" Type="${R}/extended-properties" Target="docProps/app.xml"/></Relationships>`,
    ),
  });
  entries.push({
    name: 'docProps/app.xml',
    bytes: enc(`${HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application></Properties>`),
  });
  entries.push({
    name: 'docProps/core.xml',
    bytes: enc(
      `${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>ClusteriX Reporting</dc:creator></cp:coreProperties>`,
    ),
  });
  entries.push({
    name: 'xl/workbook.xml',
    bytes: enc(
      `${HEAD}<workbook ${NS}><bookViews><workbookView activeTab="0"/></bookViews><sheets>` +
        spec.sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
        '</sheets><calcPr calcId="171027"/></workbook>',
    ),
  });
  entries.push({
    name: 'xl/_rels/workbook.xml.rels',
    bytes: enc(
      `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${R}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
        `<Relationship Id="rId${sheets.length + 1}" Type="${R}/styles" Target="styles.xml"/></Relationships>`,
    ),
  });
  sheets.forEach((x, i) => entries.push({ name: `xl/worksheets/sheet${i + 1}.xml`, bytes: enc(x) }));
  entries.push({ name: 'xl/styles.xml', bytes: enc(styles.toXml()) });
  return writeZip(entries);
}
