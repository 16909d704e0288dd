/**
 * Whole rows moved in a worksheet part, on hand-written XML, with the expected XML written by hand: rows
 * renumbered (their formulas moved as references, not as copies), new rows formatted as the row above, merges,
 * validations and conditional formats (their cells and formulas), hyperlinks and the autofilter moved, a
 * conditional format's range joined by the rows inserted under it, a range whose rows all went dropped.
 */
import { moveFormulas, moveSheetRanges, moveSheetRows, moveDefinedNames, fullCalcOnLoad } from '../../src/apply/xlsx/package/row-moves-edit';
import { parseRows, serializeRows } from '../../src/apply/xlsx/package/rows-edit';
import type { RowMove } from '../../src/plan/row-moves';

const SHEET = (rows: string, tail: string) =>
  `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:C5"/><sheetData>${rows}</sheetData>${tail}</worksheet>`;

const ROWS =
  '<row r="1"><c r="A1" t="inlineStr"><is><t>Code</t></is></c></row>' +
  '<row r="2" ht="20" customHeight="1"><c r="A2" s="3"><v>1</v></c><c r="B2"><v>7</v></c><c r="C2" s="4"><f>A2*2</f><v>2</v></c></row>' +
  '<row r="3"><c r="A3" s="3"><v>2</v></c><c r="C3" s="4"><f>SUM(A2:A3)</f><v>3</v></c></row>' +
  '<row r="4"><c r="A4"><v>3</v></c></row>' +
  '<row r="5"><c r="A5" t="inlineStr"><is><t>Total</t></is></c><c r="C5"><f>SUM(C2:C4)+$A$4</f><v>8</v></c></row>';

const TAIL =
  '<autoFilter ref="A1:C4"/><mergeCells count="2"><mergeCell ref="A5:B5"/><mergeCell ref="B4:C4"/></mergeCells>' +
  '<conditionalFormatting sqref="A2:A3"><cfRule type="expression" priority="1"><formula>$A2&gt;1</formula></cfRule></conditionalFormatting>' +
  '<dataValidations count="1"><dataValidation type="list" sqref="B4 B5"><formula1>$A$2:$A$4</formula1></dataValidation></dataValidations>' +
  '<hyperlinks><hyperlink ref="A5" location="\'S\'!A1"/></hyperlinks>';

function run(moves: RowMove[]): string {
  const rows = parseRows(SHEET(ROWS, TAIL));
  moveSheetRows(rows, 'S', moves);
  moveFormulas(rows, 'S', moves);
  rows.tail = moveSheetRanges(rows.tail, 'S', moves);
  return serializeRows(rows);
}

describe('rows moved in a worksheet part', () => {
  it('two rows in before row 4: row 3 formats them, everything from row 4 moves, what spans the gap grows', () => {
    const xml = run([{ sheet: 'S', at: 3, count: 2 }]);
    expect(xml).toContain(
      '<row r="3"><c r="A3" s="3"><v>2</v></c><c r="C3" s="4"><f>SUM(A2:A3)</f><v>3</v></c></row>' +
        '<row r="4"><c r="A4" s="3"/><c r="C4" s="4"/></row><row r="5"><c r="A5" s="3"/><c r="C5" s="4"/></row>' +
        '<row r="6"><c r="A6"><v>3</v></c></row>' +
        '<row r="7"><c r="A7" t="inlineStr"><is><t>Total</t></is></c><c r="C7"><f>SUM(C2:C6)+$A$6</f><v>8</v></c></row>',
    );
    expect(xml).toContain('<dimension ref="A1:C7"/>');
    expect(xml).toContain('<autoFilter ref="A1:C6"/>');
    expect(xml).toContain('<mergeCell ref="A7:B7"/><mergeCell ref="B6:C6"/>');
    // The conditional format ends on row 3, right above the new rows: they join it (Excel copies it with the format).
    expect(xml).toContain('<conditionalFormatting sqref="A2:A5"><cfRule type="expression" priority="1"><formula>$A2&gt;1</formula></cfRule></conditionalFormatting>');
    expect(xml).toContain('<dataValidation type="list" sqref="B6 B7"><formula1>$A$2:$A$6</formula1></dataValidation>');
    expect(xml).toContain('<hyperlink ref="A7" location="\'S\'!A1"/>');
  });

  it('row 2 and 3 out: rows below move up, ranges shrink, a reference to a deleted cell is #REF!', () => {
    const xml = run([{ sheet: 'S', at: 1, count: -2 }]);
    expect(xml).toContain(
      '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Code</t></is></c></row><row r="2"><c r="A2"><v>3</v></c></row>' +
        '<row r="3"><c r="A3" t="inlineStr"><is><t>Total</t></is></c><c r="C3"><f>SUM(C2:C2)+$A$2</f><v>8</v></c></row></sheetData>',
    );
    expect(xml).toContain('<autoFilter ref="A1:C2"/>');
    expect(xml).toContain('<mergeCells count="2"><mergeCell ref="A3:B3"/><mergeCell ref="B2:C2"/></mergeCells>');
    expect(xml).not.toContain('conditionalFormatting'); // its cells all went
    expect(xml).toContain('<dataValidation type="list" sqref="B2 B3"><formula1>$A$2:$A$2</formula1></dataValidation>');
    expect(xml).toContain('<hyperlink ref="A3" location="\'S\'!A1"/>');
  });

  it('takes a hyperlink away with its cell, and leaves the view\'s selection as it was', () => {
    const rows = parseRows(SHEET(ROWS, TAIL).replace('<dimension ref="A1:C5"/>', '<dimension ref="A1:C5"/><sheetViews><sheetView workbookViewId="0"><selection activeCell="A5" sqref="A5"/></sheetView></sheetViews>'));
    const moves = [{ sheet: 'S', at: 4, count: -1 }];
    rows.head = moveSheetRanges(rows.head, 'S', moves);
    rows.tail = moveSheetRanges(rows.tail, 'S', moves);
    const xml = serializeRows(rows);
    expect(xml).toContain('<selection activeCell="A5" sqref="A5"/>');
    expect(xml).not.toContain('<hyperlink ');
    expect(xml).not.toContain('<hyperlinks>'); // a list left empty goes
    expect(xml).toContain('<mergeCells count="1"><mergeCell ref="B4:C4"/></mergeCells>'); // A5:B5 went with row 5
    expect(xml).toContain('<dataValidation type="list" sqref="B4"><formula1>$A$2:$A$4</formula1></dataValidation>');
  });

  it('moves defined names and asks Excel to calculate on open', () => {
    const book = '<workbook><sheets/><definedNames><definedName name="Codes">S!$A$2:$A$4</definedName><definedName name="_xlnm.Print_Titles" localSheetId="0">\'S\'!$1:$1</definedName><definedName name="Other">T!$A$9</definedName></definedNames><calcPr calcId="1"/></workbook>';
    expect(fullCalcOnLoad(moveDefinedNames(book, [{ sheet: 'S', at: 0, count: 1 }]))).toBe(
      '<workbook><sheets/><definedNames><definedName name="Codes">S!$A$3:$A$5</definedName><definedName name="_xlnm.Print_Titles" localSheetId="0">\'S\'!$2:$2</definedName><definedName name="Other">T!$A$9</definedName></definedNames><calcPr calcId="1" fullCalcOnLoad="1"/></workbook>',
    );
    expect(fullCalcOnLoad('<workbook><sheets/></workbook>')).toBe('<workbook><sheets/><calcPr fullCalcOnLoad="1"/></workbook>');
    expect(fullCalcOnLoad('<workbook><sheets><sheet/></sheets><definedNames><definedName name="A">S!$A$1</definedName></definedNames></workbook>')).toBe(
      '<workbook><sheets><sheet/></sheets><definedNames><definedName name="A">S!$A$1</definedName></definedNames><calcPr fullCalcOnLoad="1"/></workbook>',
    );
  });
});
