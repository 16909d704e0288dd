/** sheetData as rows: shared formulas written out, rows moved with their references, cells set in place. */
import { cellXml, parseRows, serializeRows, setCell, unshareFormulas } from '../../src/apply/xlsx/package/rows-edit';

const head = '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:C4"/><sheetData>';
const tail = '</sheetData><mergeCells count="2"><mergeCell ref="A1:C1"/><mergeCell ref="B4:C4"/></mergeCells><pageMargins left="0.7"/></worksheet>';
const xml =
  head +
  '<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c></row>' +
  '<row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c><c r="C2" s="5"><f t="shared" ref="C2:C4" si="0">A2+B2</f><v>3</v></c></row>' +
  '<row r="3"><c r="A3"><v>4</v></c><c r="B3"><v>5</v></c><c r="C3" s="5"><f t="shared" si="0"/><v>9</v></c></row>' +
  '<row r="4" ht="20" customHeight="1"><c r="A4"><v>6</v></c><c r="B4"><v>7</v></c><c r="C4" s="5"><f t="shared" si="0"/><v>13</v></c></row>' +
  tail;

describe('rows-edit', () => {
  it('keeps a sheet it does not change as it was', () => {
    expect(serializeRows(parseRows(xml))).toBe(xml);
  });

  it('writes shared formulas out per cell, so a row can go without its master', () => {
    const rows = parseRows(xml);
    unshareFormulas(rows);
    rows.rows = rows.rows.filter((r) => r.r !== 2);
    const out = serializeRows(rows);
    expect(out).not.toContain('<row r="2"');
    expect(out).toContain('<row r="3"><c r="A3"><v>4</v></c><c r="B3"><v>5</v></c><c r="C3" s="5"><f>A3+B3</f><v>9</v></c></row>');
    expect(out).toContain('<row r="4" ht="20" customHeight="1"><c r="A4"><v>6</v></c><c r="B4"><v>7</v></c><c r="C4" s="5"><f>A4+B4</f><v>13</v></c></row>');
    expect(out).toMatch(/<\/sheetData><mergeCells count="2">.*<pageMargins left="0.7"\/><\/worksheet>$/);
  });

  it('sets a value in place with the cell\'s own style, and a new cell with the style of its column', () => {
    const rows = parseRows(xml);
    setCell(rows, 2, 1, { value: 12.5, type: 'Double', formula: null });
    setCell(rows, 5, 2, { value: 'a & b', type: 'String', formula: null }, rows.rows.find((r) => r.r === 4));
    const out = serializeRows(rows);
    expect(out).toContain('<c r="B2"><v>12.5</v></c>');
    expect(out).toContain('<row r="5"><c r="C5" s="5" t="inlineStr"><is><t xml:space="preserve">a &amp; b</t></is></c></row>');
  });

  it('writes each kind of value', () => {
    expect(cellXml('', 1, 0, { value: true, type: 'Boolean', formula: null })).toBe('<c r="A1" t="b"><v>1</v></c>');
    expect(cellXml('', 1, 0, { value: '#REF!', type: 'Error', formula: '=1/0' })).toBe('<c r="A1" t="e"><f>1/0</f><v>#REF!</v></c>');
    expect(cellXml('', 1, 0, { value: 'x', type: 'String', formula: '="x"' })).toBe('<c r="A1" t="str"><f>&quot;x&quot;</f><v>x</v></c>');
    expect(cellXml('', 1, 0, { value: null, type: 'Uncalculated', formula: '=SUM(B1:C1)' })).toBe('<c r="A1"><f>SUM(B1:C1)</f></c>');
    expect(cellXml('x:', 1, 0, { value: null, type: 'Empty', formula: null }, '<x:c r="A1" s="3"><x:v>1</x:v></x:c>')).toBe('<x:c r="A1" s="3"/>');
    expect(cellXml('', 1, 0, { value: null, type: 'Empty', formula: null })).toBeNull();
  });
});
