/**
 * The parts beside a moved sheet that point at its rows, on hand-written XML with the expected XML written by
 * hand: Excel tables (ref, autoFilter, sort ranges; calculated columns kept), drawing anchors, threaded
 * comments, pivot tables, chart series and pivot cache sources.
 *
 * The moves throughout, bottom-up as the import plans them: row 60 (1-based) goes, then two rows go in before
 * row 25 (a partner with its rows on 18..24 adds two). So rows 25..59 move down 2, rows 61.. move down 1.
 */
import { movedChartPart, movedDrawingPart, movedPivotCache, movedPivotTable, movedSparklines, movedTablePart, movedThreadedComments, withoutTableParts } from '../../src/apply/xlsx/package/row-moves-parts';
import type { RowMove } from '../../src/plan/row-moves';

const MOVES: RowMove[] = [
  { sheet: 'Indicators', at: 59, count: -1 },
  { sheet: 'Indicators', at: 24, count: 2 },
];

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const COLUMNS =
  '<tableColumns count="3"><tableColumn id="1" name="Partner"/><tableColumn id="2" name="P1"/>' +
  '<tableColumn id="3" name="Total"><calculatedColumnFormula>SUM(Indicators[[#This Row],[P1]])+K4</calculatedColumnFormula></tableColumn></tableColumns>';
const table = (ref: string, inner: string, extra = '') => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table ${NS} id="1" name="Indicators" displayName="Indicators" ref="${ref}"${extra}>${inner}${COLUMNS}<tableStyleInfo name="TableStyleMedium2" showRowStripes="1"/></table>`;

describe('Excel tables on a moved sheet', () => {
  it('grows a table over the indicator rows by the rows in and shrinks it by the row out; its calculated column is kept', () => {
    const xml = table('A3:C80', '<autoFilter ref="A3:C80"/><sortState ref="A4:C80"><sortCondition ref="B4:B80"/></sortState>');
    expect(movedTablePart(xml, 'Indicators', MOVES)).toBe(table('A3:C81', '<autoFilter ref="A3:C81"/><sortState ref="A4:C81"><sortCondition ref="B4:B81"/></sortState>'));
  });

  it('moves a table below the moved rows down, leaves one above them, and another sheet\'s', () => {
    expect(movedTablePart(table('A83:C85', '<autoFilter ref="A83:C85"/>'), 'Indicators', MOVES)).toBe(table('A84:C86', '<autoFilter ref="A84:C86"/>'));
    const above = table('E3:G10', '<autoFilter ref="E3:G10"/>');
    expect(movedTablePart(above, 'Indicators', MOVES)).toBe(above);
    const other = table('A3:C80', '<autoFilter ref="A3:C80"/>');
    expect(movedTablePart(other, 'Project', MOVES)).toBe(other);
  });

  it('takes rows inserted right under its last row in, but not under a totals row', () => {
    const under: RowMove[] = [{ sheet: 'Indicators', at: 80, count: 2 }]; // before row 81
    expect(movedTablePart(table('A3:C80', '<autoFilter ref="A3:C80"/>'), 'Indicators', under)).toBe(table('A3:C82', '<autoFilter ref="A3:C82"/>'));
    const totals = table('A3:C80', '<autoFilter ref="A3:C79"/>', ' totalsRowCount="1"');
    expect(movedTablePart(totals, 'Indicators', under)).toBe(totals);
    // Inside, above the totals row: it grows; the autoFilter stops above the totals row.
    expect(movedTablePart(totals, 'Indicators', MOVES)).toBe(table('A3:C81', '<autoFilter ref="A3:C80"/>', ' totalsRowCount="1"'));
  });

  it('keeps a header and one row when every data row goes; a table whose rows all went goes', () => {
    expect(movedTablePart(table('A20:C24', '<autoFilter ref="A20:C24"/>'), 'S', [{ sheet: 'S', at: 20, count: -4 }])).toBe(table('A20:C21', '<autoFilter ref="A20:C21"/>'));
    expect(movedTablePart(table('A20:C24', '<autoFilter ref="A20:C24"/>'), 'S', [{ sheet: 'S', at: 18, count: -10 }])).toBeNull();
    const sheet = '<sheetData/><tableParts count="2"><tablePart r:id="rId3"/><tablePart r:id="rId4"/></tableParts>';
    expect(withoutTableParts(sheet, new Set(['rId3']))).toBe('<sheetData/><tableParts count="1"><tablePart r:id="rId4"/></tableParts>');
    expect(withoutTableParts(sheet, new Set(['rId3', 'rId4']))).toBe('<sheetData/>');
  });
});

const anchor = (fromRow: number, fromOff: number, toRow: number, toOff: number, editAs = '') =>
  `<xdr:twoCellAnchor${editAs}><xdr:from><xdr:col>1</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${fromRow}</xdr:row><xdr:rowOff>${fromOff}</xdr:rowOff></xdr:from>` +
  `<xdr:to><xdr:col>4</xdr:col><xdr:colOff>5</xdr:colOff><xdr:row>${toRow}</xdr:row><xdr:rowOff>${toOff}</xdr:rowOff></xdr:to><xdr:pic/><xdr:clientData/></xdr:twoCellAnchor>`;
const oneCell = (row: number, off: number) =>
  `<xdr:oneCellAnchor><xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>${off}</xdr:rowOff></xdr:from><xdr:ext cx="9" cy="9"/><xdr:sp/><xdr:clientData/></xdr:oneCellAnchor>`;
const ABSOLUTE = '<xdr:absoluteAnchor><xdr:pos x="0" y="9000000"/><xdr:ext cx="9" cy="9"/><xdr:sp/><xdr:clientData/></xdr:absoluteAnchor>';
const drawing = (inner: string) => `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing">${inner}</xdr:wsDr>`;

describe('drawing anchors on a moved sheet (0-based rows in the part)', () => {
  it('moves what is below, grows what spans the insert, shrinks what spans the delete; absolute ones stay', () => {
    const before = drawing(
      anchor(84, 10, 99, 20) + // rows 85..100: below both moves, up 1 then down 2
        anchor(20, 0, 30, 0) + // rows 21..30: the insert before row 25 is inside: grows by 2
        anchor(55, 5, 62, 5) + // rows 56..63: row 60 goes inside: shrinks by 1, then moves down 2
        anchor(84, 10, 99, 20, ' editAs="absolute"') +
        anchor(20, 0, 30, 0, ' editAs="oneCell"') + // moves with its top row only: stays, its size kept
        oneCell(40, 7) + // row 41: down 2
        oneCell(59, 7) + // row 60 goes: to the row that takes its place (then down 2), at its top
        ABSOLUTE,
    );
    expect(movedDrawingPart(before, 'Indicators', MOVES)).toBe(
      drawing(
        anchor(85, 10, 100, 20) +
          anchor(20, 0, 32, 0) +
          anchor(57, 5, 63, 5) +
          anchor(84, 10, 99, 20, ' editAs="absolute"') +
          anchor(20, 0, 30, 0, ' editAs="oneCell"') +
          oneCell(42, 7) +
          oneCell(61, 0) +
          ABSOLUTE,
      ),
    );
  });

  it('treats an edge on a row\'s top border as the row above\'s; drops an object whose rows all went', () => {
    // Rows 21..24 exactly (the bottom edge on row 25's top border): the insert before row 25 leaves it as it was.
    expect(movedDrawingPart(drawing(anchor(20, 0, 24, 0)), 'Indicators', MOVES)).toBe(drawing(anchor(20, 0, 24, 0)));
    // Exactly row 60 (to row 61 at 0): it goes with the row, as Excel deletes an object that moves and sizes with cells.
    expect(movedDrawingPart(drawing(anchor(59, 0, 60, 0) + oneCell(3, 0)), 'Indicators', MOVES)).toBe(drawing(oneCell(3, 0)));
    // Another sheet's moves: nothing.
    const d = drawing(anchor(84, 10, 99, 20));
    expect(movedDrawingPart(d, 'Project', MOVES)).toBe(d);
  });
});

describe('threaded comments, pivots and charts', () => {
  it('moves threaded comments with their cells and drops those on the deleted row with their replies', () => {
    const tc = (ref: string, id: string, parent = '') => `<threadedComment ref="${ref}" dT="2026-11-30T10:00:00.00" personId="{P}" id="{${id}}"${parent}><text>seen ${id}</text></threadedComment>`;
    const part = (inner: string) => `<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments">${inner}</ThreadedComments>`;
    expect(movedThreadedComments(part(tc('B10', 'A') + tc('K30', 'B') + tc('C60', 'C') + tc('C60', 'D', ' parentId="{C}"') + tc('L61', 'E')), 'Indicators', MOVES)).toBe(
      part(tc('B10', 'A') + tc('K32', 'B') + tc('L62', 'E')),
    );
  });

  it("moves the sheet's sparklines (data and cell), drops one whose row went and a group left empty", () => {
    const line = (f: string, cell: string) => `<x14:sparkline><xm:f>${f}</xm:f><xm:sqref>${cell}</xm:sqref></x14:sparkline>`;
    const group = (lines: string) => `<x14:sparklineGroup displayEmptyCellsAs="gap"><x14:colorSeries rgb="FF376092"/><x14:sparklines>${lines}</x14:sparklines></x14:sparklineGroup>`;
    const ext = (groups: string) => `<extLst><ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}"><x14:sparklineGroups xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">${groups}</x14:sparklineGroups></ext></extLst>`;
    const before = ext(group(line('Indicators!C24:J24', 'L24') + line('Indicators!C30:J30', 'L30') + line('Indicators!C60:J60', 'L60')) + group(line("'Indicators'!C60:J60", 'M60')));
    expect(movedSparklines(before, 'Indicators', MOVES)).toBe(ext(group(line('Indicators!C24:J24', 'L24') + line('Indicators!C32:J32', 'L32'))));
  });

  it("moves a chart's series and a pivot cache's source over the moved sheet, and a pivot table's place on it", () => {
    const chart = (cat: string, val: string) =>
      `<c:chartSpace xmlns:c="c"><c:ser><c:tx><c:strRef><c:f>Indicators!$L$3</c:f></c:strRef></c:tx><c:cat><c:strRef><c:f>${cat}</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>${val}</c:f><c:numCache><c:formatCode>General</c:formatCode></c:numCache></c:numRef></c:val></c:ser></c:chartSpace>`;
    expect(movedChartPart(chart('Indicators!$B$4:$B$80', "'Budget Lund'!$C$4:$C$80"), MOVES)).toBe(chart('Indicators!$B$4:$B$81', "'Budget Lund'!$C$4:$C$80"));
    expect(movedChartPart(chart('(Indicators!$B$30,Indicators!$B$90)', 'Indicators!$K$60'), MOVES)).toBe(chart('(Indicators!$B$32,Indicators!$B$91)', 'Indicators!#REF!'));
    const cache = (ref: string, sheet = 'Indicators') => `<pivotCacheDefinition><cacheSource type="worksheet"><worksheetSource ref="${ref}" sheet="${sheet}"/></cacheSource></pivotCacheDefinition>`;
    expect(movedPivotCache(cache('A3:L80'), MOVES)).toBe(cache('A3:L81'));
    expect(movedPivotCache(cache('A3:L80', 'Project'), MOVES)).toBe(cache('A3:L80', 'Project'));
    expect(movedPivotTable('<pivotTableDefinition><location ref="N30:P40" firstHeaderRow="1"/></pivotTableDefinition>', 'Indicators', MOVES)).toBe(
      '<pivotTableDefinition><location ref="N32:P42" firstHeaderRow="1"/></pivotTableDefinition>',
    );
  });
});
