/**
 * `clusterix import` on a lead's book whose Indicators rows are an Excel table (A3:L80, header = the indicator
 * header, a calculated Total column), with a second table under it (A83:B85), a chart below them over the
 * table's Total column, a shape over partner 3's rows, threaded comments (with their legacy note twins) on K30
 * and on partner 9's last row, and a table on the Project sheet. Partner 3's file adds
 * two rows (inside the table: before row 25), partner 9's removes its last one (row 66). Expected by hand: the
 * table A3:L81 (+2 -1), the one below A84:B86, the chart's anchor and series one row down (net), the shape two
 * rows taller, the Project sheet and its table byte for byte. LibreOffice opens the result, reads the table
 * ranges back and computes a sum over the table's column; our reader finds the rows where the table has them.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { zipSync, strFromU8, strToU8 } from 'fflate';
import { cliInProcess } from '../support/cli-in-process';
import { recalculate } from '../support/libreoffice';
import { partOf, readZip, type Parts } from '../support/package-edit';
import { readPackage } from '../../src/snapshot/package-reader';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clusterix-import-tables-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const at = (f: string) => path.join(dir, f);
const writeZip = (file: string, parts: Parts) => fs.writeFileSync(file, Buffer.from(zipSync(parts)));
const text = (parts: Parts, name: string) => strFromU8(parts[name]);

const HEADER = ['Partner', 'Indicator', 'P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8', 'Total', 'Comment'];
const CALCULATED = 'SUM(IndicatorRows[[#This Row],[P1]:[P8]])';
const TABLE_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

const tablePart = (id: number, name: string, ref: string, columns: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table ${TABLE_NS} id="${id}" name="${name}" displayName="${name}" ref="${ref}" totalsRowShown="0"><autoFilter ref="${ref}"/>${columns}<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`;
const columns = (names: string[], calculated: Record<string, string> = {}) =>
  `<tableColumns count="${names.length}">${names
    .map((n, i) => (calculated[n] ? `<tableColumn id="${i + 1}" name="${n}"><calculatedColumnFormula>${calculated[n]}</calculatedColumnFormula></tableColumn>` : `<tableColumn id="${i + 1}" name="${n}"/>`))
    .join('')}</tableColumns>`;

const CHART = (range: string) =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
  '<c:chart><c:autoTitleDeleted val="1"/><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>' +
  `<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:strRef><c:f>Indicators!$K$3</c:f></c:strRef></c:tx><c:cat><c:strRef><c:f>Indicators!$B$4:$B$${range}</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>Indicators!$K$4:$K$${range}</c:f></c:numRef></c:val></c:ser>` +
  '<c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx>' +
  '<c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>';

const marker = (name: string, col: number, row: number) => `<xdr:${name}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${name}>`;
/** The chart on 0-based rows chartTop..chartTop+14 under the tables; a rectangle beside partner 3's rows, 0-based 17..25 (to row 26's top). */
const DRAWING = (chartTop: number, shapeBottom: number) =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
  `<xdr:twoCellAnchor>${marker('from', 0, chartTop)}${marker('to', 8, chartTop + 14)}<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>` +
  `<xdr:twoCellAnchor>${marker('from', 13, 17)}${marker('to', 15, shapeBottom)}<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="3" name="Rectangle 1"/><xdr:cNvSpPr/></xdr:nvSpPr><xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:sp><xdr:clientData/></xdr:twoCellAnchor>` +
  '</xdr:wsDr>';

const THREADED_REL = 'http://schemas.microsoft.com/office/2017/10/relationships/threadedComment';
const PERSON_REL = 'http://schemas.microsoft.com/office/2017/10/relationships/person';
const PERSONS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><person displayName="Anna Lead" id="{00000000-0000-0000-0000-0000000000A1}" userId="anna" providerId="None"/></personList>';
const uid = (ref: string) => `{00000000-0000-0000-0000-${ref.padStart(12, '0')}}`;
/** A threaded comment on each cell, and a reply under the one on `replyOn`. */
const THREADED = (cells: string[], replyOn: string) =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  cells
    .map((c, i) => {
      const first = `<threadedComment ref="${c}" dT="2026-11-30T09:00:00.00" personId="{00000000-0000-0000-0000-0000000000A1}" id="${uid(String(i + 1))}"><text>Checked with the partner (${i + 1})</text></threadedComment>`;
      return i === cells.indexOf(replyOn)
        ? `${first}<threadedComment ref="${c}" dT="2026-11-30T10:00:00.00" personId="{00000000-0000-0000-0000-0000000000A1}" id="${uid(`${i + 1}0`)}" parentId="${uid(String(i + 1))}"><text>Reply</text></threadedComment>`
        : first;
    })
    .join('') +
  '</ThreadedComments>';
/** The legacy notes Excel writes as the threaded comments' twins. */
const LEGACY = (cells: string[]) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>tc=${uid('1')}</author></authors><commentList>` +
  cells.map((c, i) => `<comment ref="${c}" authorId="0"><text><t>[Threaded comment] Checked with the partner (${i + 1})</t></text></comment>`).join('') +
  '</commentList></comments>';
const VML = (cells: [number, number][]) =>
  '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>' +
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
  cells
    .map(
      ([row, col], i) =>
        `<v:shape id="_x0000_s${1025 + i}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:10pt;width:108pt;height:60pt;z-index:${i + 1};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:textbox/>` +
        `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${col + 1}, 15, ${row}, 2, ${col + 3}, 15, ${row + 4}, 16</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`,
    )
    .join('') +
  '</xml>';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const rels = (items: [string, string, string][]) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.map(([id, type, target]) => `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`).join('')}</Relationships>`;
const relsOf = (part: string) => part.replace(/([^/]+)$/, '_rels/$1.rels');
const inline = (ref: string, s: string) => `<c r="${ref}" t="inlineStr"><is><t>${s}</t></is></c>`;

/** Sum of the Total column (K4:K80) and K66 in the sample, from the file itself. */
function totals(parts: Parts): { all: number; k66: number } {
  let all = 0;
  let k66 = NaN;
  for (const m of text(parts, partOf(parts, 'Indicators')).matchAll(/<c r="K(\d+)"[^>]*><f>[^<]*<\/f><v>([^<]*)<\/v>/g)) {
    if (Number(m[1]) >= 4 && Number(m[1]) <= 80) all += Number(m[2]);
    if (m[1] === '66') k66 = Number(m[2]);
  }
  return { all, k66 };
}

let sampleTotals: { all: number; k66: number };
let lead: Parts;

beforeAll(async () => {
  expect((await cliInProcess('sample', at('sample.xlsx'))).code).toBe(0);
  for (const n of [3, 9]) expect((await cliInProcess('partner-workbook', at('sample.xlsx'), '--partner', String(n), '-o', at(`p${n}.xlsx`))).code).toBe(0);
  // Partner 3: MEDIA 1 in P3 and PEOPLE 2 in P4 under its rows. Partner 9: its last row (PI-REG, row 10 of its file) taken out.
  const p3 = readZip(at('p3.xlsx'));
  const ind3 = partOf(p3, 'Indicators');
  p3[ind3] = strToU8(
    text(p3, ind3).replace(
      '</sheetData>',
      '<row r="11"><c r="A11"><v>3</v></c><c r="B11" t="inlineStr"><is><t>MEDIA</t></is></c><c r="E11"><v>1</v></c><c r="K11"><f>SUM(C11:J11)</f><v>1</v></c></row>' +
        '<row r="12"><c r="A12"><v>3</v></c><c r="B12" t="inlineStr"><is><t>PEOPLE</t></is></c><c r="F12"><v>2</v></c><c r="K12"><f>SUM(C12:J12)</f><v>2</v></c></row></sheetData>',
    ),
  );
  writeZip(at('p3 plus two.xlsx'), p3);
  const p9 = readZip(at('p9.xlsx'));
  const ind9 = partOf(p9, 'Indicators');
  const without = text(p9, ind9).replace(/<row r="10"[^>]*>[\s\S]*?<\/row>/, '');
  expect(without).not.toBe(text(p9, ind9));
  expect(without).not.toContain('<row r="11"');
  p9[ind9] = strToU8(without);
  writeZip(at('p9 minus one.xlsx'), p9);

  // The lead's book: the tables, the chart, the shape.
  const parts = readZip(at('sample.xlsx'));
  sampleTotals = totals(parts);
  const ind = partOf(parts, 'Indicators');
  const project = partOf(parts, 'Project');
  parts[ind] = strToU8(
    text(parts, ind)
      .replace('</sheetData>', `<row r="83">${inline('A83', 'Checked by')}${inline('B83', 'Date')}</row><row r="84">${inline('A84', 'AB')}${inline('B84', '2026-11-30')}</row><row r="85">${inline('A85', 'CD')}</row></sheetData>`)
      .replace('</worksheet>', '<drawing r:id="rId3"/><legacyDrawing r:id="rId5"/><tableParts count="2"><tablePart r:id="rId1"/><tablePart r:id="rId2"/></tableParts></worksheet>'),
  );
  parts[relsOf(ind)] = strToU8(
    rels([
      ['rId1', 'table', '../tables/table1.xml'],
      ['rId2', 'table', '../tables/table2.xml'],
      ['rId3', 'drawing', '../drawings/drawing1.xml'],
      ['rId4', 'comments', '../comments1.xml'],
      ['rId5', 'vmlDrawing', '../drawings/vmlDrawing1.vml'],
    ]).replace('</Relationships>', `<Relationship Id="rId6" Type="${THREADED_REL}" Target="../threadedComments/threadedComment1.xml"/></Relationships>`),
  );
  parts['xl/threadedComments/threadedComment1.xml'] = strToU8(THREADED(['K30', 'C66'], 'K30'));
  parts['xl/comments1.xml'] = strToU8(LEGACY(['K30', 'C66']));
  parts['xl/drawings/vmlDrawing1.vml'] = strToU8(VML([[29, 10], [65, 2]]));
  parts['xl/persons/person.xml'] = strToU8(PERSONS);
  parts['xl/_rels/workbook.xml.rels'] = strToU8(text(parts, 'xl/_rels/workbook.xml.rels').replace('</Relationships>', `<Relationship Id="rId900" Type="${PERSON_REL}" Target="persons/person.xml"/></Relationships>`));
  parts['xl/tables/table1.xml'] = strToU8(tablePart(1, 'IndicatorRows', 'A3:L80', columns(HEADER, { Total: CALCULATED })));
  parts['xl/tables/table2.xml'] = strToU8(tablePart(2, 'Checks', 'A83:B85', columns(['Checked by', 'Date'])));
  parts['xl/tables/table3.xml'] = strToU8(tablePart(3, 'Notes', 'Z200:AA202', columns(['Item', 'Amount'])));
  parts['xl/drawings/drawing1.xml'] = strToU8(DRAWING(86, 25));
  parts['xl/drawings/_rels/drawing1.xml.rels'] = strToU8(rels([['rId1', 'chart', '../charts/chart1.xml']]));
  parts['xl/charts/chart1.xml'] = strToU8(CHART('80'));
  // The Project sheet: its own table, and formulas over the indicator table (cached as they are before the import).
  parts[project] = strToU8(
    text(parts, project)
      .replace(
        '</sheetData>',
        `<row r="200">${inline('Z200', 'Item')}${inline('AA200', 'Amount')}</row><row r="201">${inline('Z201', 'Travel')}<c r="AA201"><v>12</v></c></row><row r="202">${inline('Z202', 'Print')}<c r="AA202"><v>30</v></c></row>` +
          `<row r="204"><c r="Z204"><f>SUM(IndicatorRows[Total])</f><v>${sampleTotals.all}</v></c><c r="AA204"><f>ROWS(IndicatorRows[Total])</f><v>77</v></c></row></sheetData>`,
      )
      .replace('</worksheet>', '<tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>'),
  );
  parts[relsOf(project)] = strToU8(rels([['rId1', 'table', '../tables/table3.xml']]));
  const ct = (part: string, type: string) => `<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.${type}"/>`;
  parts['[Content_Types].xml'] = strToU8(
    text(parts, '[Content_Types].xml').replace(
      '</Types>',
      ['xl/tables/table1.xml', 'xl/tables/table2.xml', 'xl/tables/table3.xml'].map((t) => ct(t, 'spreadsheetml.table+xml')).join('') +
        ct('xl/drawings/drawing1.xml', 'drawing+xml') +
        ct('xl/charts/chart1.xml', 'drawingml.chart+xml') +
        ct('xl/comments1.xml', 'spreadsheetml.comments+xml') +
        '<Override PartName="/xl/threadedComments/threadedComment1.xml" ContentType="application/vnd.ms-excel.threadedcomments+xml"/>' +
        '<Override PartName="/xl/persons/person.xml" ContentType="application/vnd.ms-excel.person+xml"/>' +
        '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>' +
        '</Types>',
    ),
  );
  writeZip(at('tables.xlsx'), parts);
  lead = parts;
}, 120000);

describe('import moving rows of an indicator sheet that is an Excel table', () => {
  let out: Parts;
  beforeAll(async () => {
    const r = await cliInProcess('import', at('tables.xlsx'), at('p3 plus two.xlsx'), at('p9 minus one.xlsx'), '-o', at('imported.xlsx'));
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/partner 3 \(West-Pannon.*\): budget unchanged; indicator rows: 0 changed, 2 added, 0 removed/);
    expect(r.stdout).toMatch(/partner 9 \(.*\): budget unchanged; indicator rows: 0 changed, 0 added, 1 removed/);
    out = readZip(at('imported.xlsx'));
  }, 120000);

  it('grows the indicator table by the two rows in and shrinks it by the row out; moves the table below; keeps the calculated column', () => {
    expect(text(out, 'xl/tables/table1.xml')).toBe(tablePart(1, 'IndicatorRows', 'A3:L81', columns(HEADER, { Total: CALCULATED })));
    expect(text(out, 'xl/tables/table2.xml')).toBe(tablePart(2, 'Checks', 'A84:B86', columns(['Checked by', 'Date'])));
    const ind = text(out, partOf(out, 'Indicators'));
    // Partner 3's new rows 25 and 26 inside the table; partner 11's last row (PI-REG) now the table's last, row 81.
    expect(ind).toMatch(/<c r="B25" t="inlineStr"><is><t[^>]*>MEDIA<\/t><\/is><\/c>/);
    expect(ind).toMatch(/<c r="B26" t="inlineStr"><is><t[^>]*>PEOPLE<\/t><\/is><\/c>/);
    expect(ind).toMatch(/<row r="81"[^>]*><c r="A81"><v>11<\/v><\/c><c r="B81" t="inlineStr"><is><t[^>]*>PI-REG<\/t>/);
    expect(ind).not.toMatch(/<row r="82"/);
    expect(ind).toMatch(/<row r="84"[^>]*><c r="A84" t="inlineStr"><is><t>Checked by<\/t>/);
    expect(ind).toContain('<drawing r:id="rId3"/><legacyDrawing r:id="rId5"/><tableParts count="2"><tablePart r:id="rId1"/><tablePart r:id="rId2"/></tableParts></worksheet>');
  });

  it('moves the chart one row down with its series over the table, makes the shape over the new rows taller', () => {
    expect(text(out, 'xl/drawings/drawing1.xml')).toBe(DRAWING(87, 27));
    expect(text(out, 'xl/charts/chart1.xml')).toBe(CHART('81'));
  });

  it('moves the threaded comments and their note twins with their cells (K30 to K32); the ones on the row out go with it', () => {
    expect(text(out, 'xl/threadedComments/threadedComment1.xml')).toBe(THREADED(['K32'], 'K32'));
    expect(text(out, 'xl/comments1.xml')).toBe(LEGACY(['K32']));
    const vml = text(out, 'xl/drawings/vmlDrawing1.vml');
    expect(vml).toContain('<x:Anchor>11, 15, 31, 2, 13, 15, 35, 16</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>31</x:Row><x:Column>10</x:Column>');
    expect(vml).not.toContain('<x:Column>2</x:Column>');
    expect(Buffer.from(out['xl/persons/person.xml']).equals(Buffer.from(lead['xl/persons/person.xml']))).toBe(true);
  });

  it('leaves the Project sheet, its table and every relationship part byte for byte', () => {
    for (const name of [partOf(lead, 'Project'), 'xl/tables/table3.xml', relsOf(partOf(lead, 'Project')), relsOf(partOf(lead, 'Indicators')), 'xl/drawings/_rels/drawing1.xml.rels', '[Content_Types].xml']) {
      expect([name, Buffer.from(out[name]).equals(Buffer.from(lead[name]))]).toEqual([name, true]);
    }
  });

  it('LibreOffice reads the tables where they now are and sums the table column over the rows after the import', async () => {
    expect(sampleTotals.k66).not.toBe(3); // so the sum below is LibreOffice's, not the cached one
    const [recalculated] = await recalculate([at('imported.xlsx')]);
    const lo = readZip(recalculated);
    const refs = Object.keys(lo)
      .filter((n) => /^xl\/tables\/table\d+\.xml$/.test(n))
      .map((n) => /<table\b[^>]*\bref="([^"]+)"/.exec(text(lo, n))![1])
      .sort();
    expect(refs).toEqual(['A3:L81', 'A84:B86', 'Z200:AA202']);
    // The chart as LibreOffice placed it: its series over the table's rows after the import, from row 88 (0-based 87).
    const charts = Object.keys(lo).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)).map((n) => text(lo, n)).join('');
    expect(charts).toContain('<c:f>Indicators!$K$4:$K$81</c:f>');
    expect(charts).toContain('<c:f>Indicators!$B$4:$B$81</c:f>');
    const drawings = Object.keys(lo).filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n)).map((n) => text(lo, n)).join('');
    expect(drawings).toMatch(/<xdr:from><xdr:col>0<\/xdr:col><xdr:colOff>0<\/xdr:colOff><xdr:row>87<\/xdr:row>/);
    const book = readPackage(fs.readFileSync(recalculated), 'lo.xlsx').snapshot;
    const projectSheet = book.sheets.find((s) => s.name === 'Project')!;
    const cell = (row: number, col: number) => projectSheet.values[row - 1 - projectSheet.top]?.[col - projectSheet.left];
    // Z204: the Total column after the import: + 1 + 2 (partner 3's new rows) - K66 (partner 9's row out). AA204: 77 + 2 - 1 rows.
    expect(cell(204, 25)).toBe(sampleTotals.all + 3 - sampleTotals.k66);
    expect(cell(204, 26)).toBe(78);
  }, 180000);

  it("our reader reads the result: the sample's own two errors, and the new rows 25 and 26 where the table now has them", async () => {
    const r = await cliInProcess('check', '--json', at('imported.xlsx'));
    const findings = JSON.parse(r.stdout) as { rule: string; severity: string; sheet: string; cell: string }[];
    expect(findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.sheet}!${f.cell}`).sort()).toEqual([
      'P01 Project!D39',
      'P02 Project!C14',
      // Partner 3 already reports MEDIA (row 21) and PEOPLE (row 22): its two new rows repeat those pairs.
      'T03 Indicators!A25',
      'T03 Indicators!A26',
    ]);
    expect(r.code).toBe(1);
  });
});

describe("a partner's workbook cut from a lead whose indicator rows are a table", () => {
  it("holds the table over the header and the partner's own seven rows; what was under it moves up with the rows", async () => {
    const r = await cliInProcess('partner-workbook', at('tables.xlsx'), '--partner', '3', '-o', at('partner 3 of tables.xlsx'));
    expect(r.stderr).toBe('');
    const out = readZip(at('partner 3 of tables.xlsx'));
    // Rows 4-17 (partners 1 and 2) and 25-80 (partners 4 to 11) go: 70 rows, so A83:B85 is now A13:B15.
    expect(text(out, 'xl/tables/table1.xml')).toBe(tablePart(1, 'IndicatorRows', 'A3:L10', columns(HEADER, { Total: CALCULATED })));
    expect(text(out, 'xl/tables/table2.xml')).toBe(tablePart(2, 'Checks', 'A13:B15', columns(['Checked by', 'Date'])));
    const ind = text(out, partOf(out, 'Indicators'));
    expect(ind).toContain('<row r="13">');
    expect(ind).not.toContain('<row r="83"');
    // The series over the table's column follows it; our reader finds partner 3's seven rows and only them.
    expect(text(out, 'xl/charts/chart1.xml')).toContain('<c:f>Indicators!$K$4:$K$10</c:f>');
    const book = readPackage(fs.readFileSync(at('partner 3 of tables.xlsx')), 'p3.xlsx').snapshot;
    const sheet = book.sheets.find((s) => s.name === 'Indicators')!;
    const partnerNo = (row: number) => sheet.values[row - 1 - sheet.top]?.[0 - sheet.left] ?? null;
    expect([4, 5, 6, 7, 8, 9, 10, 11].map(partnerNo)).toEqual([3, 3, 3, 3, 3, 3, 3, null]);
    const checked = await cliInProcess('check', '--json', at('partner 3 of tables.xlsx'));
    expect(checked.stderr).toBe('');
  }, 120000);
});
