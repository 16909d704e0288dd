import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readXlsxSnapshot } from '../../src/snapshot/xlsx';
import { cellAt } from '../../src/snapshot/cells';
import type { SheetSnapshot, WorkbookSnapshot } from '../../src/snapshot/types';
import { UserError } from '../../src/util/errors';
import { parseA1 } from '../../src/util/a1';

async function bookOf(build: (wb: ExcelJS.Workbook) => void): Promise<WorkbookSnapshot> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return readXlsxSnapshot(Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer), 'test.xlsx');
}

function at(sheet: SheetSnapshot, addr: string) {
  const { row, col } = parseA1(addr);
  return cellAt(sheet, row, col);
}

async function reason(input: Buffer): Promise<string> {
  try {
    await readXlsxSnapshot(input, 'book.xlsx');
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as Error).message;
  }
  throw new Error('expected a UserError');
}

describe('readXlsxSnapshot: cell values', () => {
  let s: SheetSnapshot;
  beforeAll(async () => {
    const snap = await bookOf((wb) => {
      const ws = wb.addWorksheet('Cells');
      ws.getCell('C3').value = 12500.5;
      ws.getCell('C3').numFmt = '#,##0.00';
      ws.getCell('D3').value = 'text';
      ws.getCell('E3').value = true;
      ws.getCell('C4').value = { formula: 'C3*0', result: 0 };
      ws.getCell('D4').value = { formula: 'C3*2' };
      ws.getCell('F4').value = { formula: 'MAX(C3,2)' };
      ws.getCell('E4').value = { formula: 'E3', result: false };
      ws.getCell('C5').value = { formula: 'C3+1', result: 12501.5, shareType: 'shared', ref: 'C5:E5' } as ExcelJS.CellFormulaValue;
      ws.getCell('D5').value = { sharedFormula: 'C5', result: 12.25 } as ExcelJS.CellSharedFormulaValue;
      ws.getCell('E5').value = { sharedFormula: 'C5', result: 0 } as ExcelJS.CellSharedFormulaValue;
      ws.getCell('C6').value = { error: '#REF!' };
      ws.getCell('D6').value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
      ws.getCell('E6').value = { formula: 'UPPER(D3)', result: 'TEXT' };
      ws.getCell('C7').value = { richText: [{ text: 'Staff ' }, { font: { bold: true }, text: 'costs' }] };
      ws.getCell('D7').value = { text: 'Interreg Europe', hyperlink: 'https://www.interregeurope.eu' };
      ws.mergeCells('C8:E8');
      ws.getCell('C8').value = 'Merged title';
      ws.getCell('F9').value = 1;
    });
    s = snap.sheets[0];
  });

  it('takes the used range from the first filled cell', () => {
    expect([s.top, s.left]).toEqual([2, 2]);
    expect(s.values.length).toBe(7);
    expect(s.values[0].length).toBe(4);
  });
  it('reads numbers, text, booleans and number formats', () => {
    expect(at(s, 'C3')).toEqual({ value: 12500.5, type: 'Double', formula: null, numberFormat: '#,##0.00' });
    expect(at(s, 'D3')).toEqual({ value: 'text', type: 'String', formula: null, numberFormat: 'General' });
    expect(at(s, 'E3').value).toBe(true);
    expect(at(s, 'E3').type).toBe('Boolean');
  });
  it('keeps a cached 0 and false as the formula value', () => {
    expect(at(s, 'C4')).toEqual({ value: 0, type: 'Double', formula: '=C3*0', numberFormat: 'General' });
    expect(at(s, 'E4')).toMatchObject({ value: false, type: 'Boolean', formula: '=E3' });
  });
  it('computes a formula with no cached value when it is arithmetic over cells, and marks any other Uncalculated', () => {
    expect(at(s, 'D4')).toMatchObject({ value: 25001, type: 'Double', formula: '=C3*2' });
    expect(at(s, 'F4')).toMatchObject({ value: null, type: 'Uncalculated', formula: '=MAX(C3,2)' });
  });
  it('gives each cell of a shared formula its own text and cached value', () => {
    expect(at(s, 'C5')).toMatchObject({ value: 12501.5, formula: '=C3+1' });
    expect(at(s, 'D5')).toMatchObject({ value: 12.25, formula: '=D3+1' });
    expect(at(s, 'E5')).toMatchObject({ value: 0, type: 'Double', formula: '=E3+1' });
  });
  it('reads error values, typed or cached, as their text', () => {
    expect(at(s, 'C6')).toMatchObject({ value: '#REF!', type: 'Error', formula: null });
    expect(at(s, 'D6')).toMatchObject({ value: '#DIV/0!', type: 'Error', formula: '=1/0' });
    expect(at(s, 'E6')).toMatchObject({ value: 'TEXT', type: 'String', formula: '=UPPER(D3)' });
  });
  it('flattens rich text and hyperlinks to their text', () => {
    expect(at(s, 'C7')).toMatchObject({ value: 'Staff costs', type: 'String' });
    expect(at(s, 'D7')).toMatchObject({ value: 'Interreg Europe', type: 'String' });
  });
  it('gives a merged area its value in the top-left cell only, as Office.js does', () => {
    expect(at(s, 'C8').value).toBe('Merged title');
    expect(at(s, 'D8')).toMatchObject({ value: null, type: 'Empty' });
    expect(at(s, 'E8')).toMatchObject({ value: null, type: 'Empty' });
  });
});

describe('readXlsxSnapshot: dates and sheets', () => {
  it('reads dates as Excel serials, typed as Date or as a number with a date format', async () => {
    const snap = await bookOf((wb) => {
      const ws = wb.addWorksheet('Dates');
      ws.getCell('A1').value = new Date(Date.UTC(2016, 3, 1));
      ws.getCell('A1').numFmt = 'yyyy-mm-dd';
      ws.getCell('A2').value = 43556;
      ws.getCell('A2').numFmt = 'dd/mm/yyyy';
      ws.getCell('A3').value = { formula: 'A2+1', result: new Date(Date.UTC(2019, 3, 2)) } as ExcelJS.CellFormulaValue;
      ws.getCell('A3').numFmt = 'yyyy-mm-dd';
    });
    const s = snap.sheets[0];
    expect(at(s, 'A1')).toEqual({ value: 42461, type: 'Double', formula: null, numberFormat: 'yyyy-mm-dd' });
    expect(at(s, 'A2')).toMatchObject({ value: 43556, numberFormat: 'dd/mm/yyyy' });
    expect(at(s, 'A3')).toMatchObject({ value: 43557, formula: '=A2+1' });
  });

  it('keeps times of day, the first days of 1900, and dates of a 1904-based workbook as 1900 serials', async () => {
    const snap = await bookOf((wb) => {
      const ws = wb.addWorksheet('Dates');
      ws.getCell('A1').value = 0.5;
      ws.getCell('A1').numFmt = 'h:mm';
      ws.getCell('A2').value = 1; // 1900-01-01
      ws.getCell('A2').numFmt = 'yyyy-mm-dd';
      ws.getCell('A3').value = 43556.75; // 2019-04-01 18:00
      ws.getCell('A3').numFmt = 'yyyy-mm-dd hh:mm';
    });
    expect(snap.sheets[0].values.map((r) => r[0])).toEqual([0.5, 1, 43556.75]);
    const wb1904 = new ExcelJS.Workbook();
    wb1904.properties.date1904 = true;
    const ws = wb1904.addWorksheet('Dates');
    ws.getCell('A1').value = new Date(Date.UTC(2019, 3, 1));
    ws.getCell('A1').numFmt = 'yyyy-mm-dd';
    const read = await readXlsxSnapshot(Buffer.from((await wb1904.xlsx.writeBuffer()) as ArrayBuffer), '1904.xlsx');
    expect(read.sheets[0].values[0][0]).toBe(43556); // 2019-04-01 in the 1900 system
  });

  it('reads sheets in tab order with their visibility, empty ones too', async () => {
    const snap = await bookOf((wb) => {
      wb.addWorksheet('Project').getCell('A1').value = 'Project acronym';
      wb.addWorksheet('Hidden budget', { state: 'hidden' }).getCell('B2').value = 5;
      wb.addWorksheet('_clusterix', { state: 'veryHidden' }).getCell('A1').value = '{"version":1}';
      wb.addWorksheet('Empty');
    });
    expect(snap.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ['Project', 'Visible'],
      ['Hidden budget', 'Hidden'],
      ['_clusterix', 'VeryHidden'],
      ['Empty', 'Visible'],
    ]);
    expect(snap.sheets[1]).toMatchObject({ top: 1, left: 1, values: [[5]] });
    expect(snap.sheets[2].values).toEqual([['{"version":1}']]);
    expect(snap.sheets[3]).toMatchObject({ top: 0, left: 0, values: [] });
  });
});

describe('readXlsxSnapshot: unreadable input', () => {
  it('says a text file is not a zip', async () => {
    expect(await reason(Buffer.from('Staff costs;12500\n'))).toBe('cannot read book.xlsx: not an xlsx file (not a zip archive)');
  });
  it('says an empty file is empty', async () => {
    expect(await reason(Buffer.alloc(0))).toBe('cannot read book.xlsx: the file is empty');
  });
  it('says a cut-off xlsx is truncated', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Project').getCell('A1').value = 'x';
    const full = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    expect(await reason(full.subarray(0, Math.floor(full.length / 2)))).toBe('cannot read book.xlsx: the file is truncated or damaged (its zip archive cannot be read)');
  });
  it('says a zip without a workbook is not an xlsx', async () => {
    const zip = new JSZip();
    zip.file('notes.txt', 'hello');
    const buf = await zip.generateAsync({ type: 'nodebuffer' });
    expect(await reason(buf)).toBe('cannot read book.xlsx: a zip archive but not an xlsx workbook (no xl/workbook.xml)');
  });
  it('says when the package is there but its workbook part cannot be read', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/workbook.xml', '<workbook><sheets><sheet name="A"');
    expect(await reason(await zip.generateAsync({ type: 'nodebuffer' }))).toMatch(/^cannot read book\.xlsx: its contents could not be read \(.+\)$/);
  });
  it('says an .xlsb or .ods is not an xlsx, and how to get one', async () => {
    const xlsb = new JSZip();
    xlsb.file('[Content_Types].xml', '<Types/>');
    xlsb.file('xl/workbook.bin', 'binary');
    expect(await reason(await xlsb.generateAsync({ type: 'nodebuffer' }))).toBe('cannot read book.xlsx: it is a binary workbook (.xlsb), not an xlsx (save it as .xlsx in Excel)');
    const ods = new JSZip();
    ods.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet');
    ods.file('content.xml', '<office:document-content/>');
    expect(await reason(await ods.generateAsync({ type: 'nodebuffer' }))).toBe('cannot read book.xlsx: it is an OpenDocument file (.ods), not an xlsx (save it as .xlsx)');
  });
  it('says an encrypted (OLE container with EncryptedPackage) file is password-protected', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512), Buffer.from('EncryptedPackage', 'utf16le')]);
    expect(await reason(ole)).toMatch(/^cannot read book\.xlsx: the workbook is password-protected/);
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512), Buffer.from('Workbook', 'utf16le')]);
    expect(await reason(xls)).toMatch(/^cannot read book\.xlsx: it is an old-style \.xls/);
  });
  it('names a missing file', async () => {
    await expect(readXlsxSnapshot('/nonexistent/dir/book.xlsx')).rejects.toThrow(new UserError('cannot read /nonexistent/dir/book.xlsx: no such file'));
  });
});

describe('readXlsxSnapshot: formulas whose cached value is empty text', () => {
  it('reads them as blank with their formula, and only truly uncached formulas as Uncalculated', async () => {
    const wb = new ExcelJS.Workbook();
    for (const name of ['Budget R&D', 'Other']) {
      const ws = wb.addWorksheet(name);
      ws.getCell('B5').value = { formula: 'IF(A5="","",A5)', result: 'x' } as ExcelJS.CellFormulaValue;
      ws.getCell('B6').value = { formula: 'MAX(A6,2)' };
      ws.getCell('B7').value = 3;
    }
    // Excel writes an empty-text result as an empty <v>; ExcelJS cannot write one, so edit the package.
    const zip = await JSZip.loadAsync((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const part = 'xl/worksheets/sheet1.xml';
    zip.file(part, (await zip.file(part)!.async('string')).replace('<v>x</v>', '<v></v>'));
    const snap = await readXlsxSnapshot(await zip.generateAsync({ type: 'nodebuffer' }), 'blank.xlsx');
    const [rd, other] = snap.sheets;
    expect(rd.name).toBe('Budget R&D');
    expect(at(rd, 'B5')).toEqual({ value: null, type: 'Empty', formula: '=IF(A5="","",A5)', numberFormat: 'General' });
    expect(at(rd, 'B6')).toMatchObject({ value: null, type: 'Uncalculated', formula: '=MAX(A6,2)' });
    expect(at(other, 'B5')).toMatchObject({ value: 'x', type: 'String' });
    expect(at(other, 'B6')).toMatchObject({ value: null, type: 'Uncalculated' });
  });
});

describe('readXlsxSnapshot: a used range too large to hold', () => {
  it('refuses with the sheet and range named, instead of running out of memory', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Budget WP');
    ws.getCell('A1').value = 'Budget line';
    ws.getCell('XFD1048576').value = 'stray';
    const buf = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    expect(await reason(buf)).toBe("cannot read book.xlsx: sheet 'Budget WP' has a used range A1:XFD1048576 too large to read (a stray value far from the data?)");
  });
});
