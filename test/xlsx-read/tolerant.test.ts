/**
 * The package reader over packages written the way other tools write them (hand-made XML here): prefixed
 * namespaces, cells and rows without references, inline strings, shared formulas, ISO dates, strict OOXML,
 * the 1904 date system, validation over whole sheets; and its four refusals.
 */
import { strToU8, zipSync } from 'fflate';
import { readXlsxSnapshot } from '../../src/snapshot/xlsx';
import { cellAt } from '../../src/snapshot/cells';
import type { SheetSnapshot } from '../../src/snapshot/types';
import { parseA1 } from '../../src/util/a1';

const T = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const STRICT_T = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
const STRICT_R = 'http://purl.oclc.org/ooxml/officeDocument/relationships';

function pkg(parts: Record<string, string>): Buffer {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'),
    '_rels/.rels': strToU8(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
  };
  for (const [k, v] of Object.entries(parts)) files[k] = strToU8(v);
  return Buffer.from(zipSync(files));
}

function book(sheetXml: string, opts: { prefix?: string; ns?: string; rns?: string; workbookPr?: string; styles?: string; sst?: string } = {}): Buffer {
  const p = opts.prefix ?? '';
  const x = p ? `xmlns:${p.slice(0, -1)}="${opts.ns ?? T}"` : `xmlns="${opts.ns ?? T}"`;
  const rels = [`<Relationship Id="rId1" Type="${opts.rns ?? R}/worksheet" Target="worksheets/sheet1.xml"/>`];
  if (opts.styles) rels.push(`<Relationship Id="rId2" Type="${opts.rns ?? R}/styles" Target="/xl/styles.xml"/>`);
  if (opts.sst) rels.push(`<Relationship Id="rId3" Type="${opts.rns ?? R}/sharedStrings" Target="sharedStrings.xml"/>`);
  const parts: Record<string, string> = {
    'xl/workbook.xml': `<?xml version="1.0"?><${p}workbook ${x} xmlns:r="${opts.rns ?? R}">${opts.workbookPr ?? ''}<${p}sheets><${p}sheet name="Budget" sheetId="1" r:id="rId1"/></${p}sheets></${p}workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
    'xl/worksheets/sheet1.xml': `<?xml version="1.0"?><${p}worksheet ${x}>${sheetXml.replace(/<(\/?)(\w)/g, `<$1${p}$2`)}</${p}worksheet>`,
  };
  if (opts.styles) parts['xl/styles.xml'] = opts.styles;
  if (opts.sst) parts['xl/sharedStrings.xml'] = opts.sst;
  return pkg(parts);
}

const at = (s: SheetSnapshot, addr: string) => {
  const { row, col } = parseA1(addr);
  return cellAt(s, row, col);
};

async function reason(bytes: Buffer): Promise<string> {
  try {
    await readXlsxSnapshot(bytes, 'book.xlsx');
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('the package reader reads what other writers write', () => {
  it('prefixed namespaces (x:), strings inline and shared, no r= on rows and cells', async () => {
    const sst = `<x:sst xmlns:x="${T}"><x:si><x:t>Staff costs</x:t></x:si><x:si><x:r><x:t>Travel </x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t>and accommodation</x:t></x:r><x:rPh><x:t>ignored</x:t></x:rPh></x:si></x:sst>`;
    const snap = await readXlsxSnapshot(
      book('<sheetData><row><c t="s"><v>0</v></c><c><v>12500.5</v></c></row><row><c t="s"><v>1</v></c><c t="inlineStr"><is><t>typed</t></is></c><c t="b"><v>1</v></c></row><row r="5"><c r="C5" t="e"><v>#N/A</v></c></row></sheetData>', { prefix: 'x:', sst }),
      'x.xlsx',
    );
    const s = snap.sheets[0];
    expect(s.name).toBe('Budget');
    expect(at(s, 'A1')).toMatchObject({ value: 'Staff costs', type: 'String' });
    expect(at(s, 'B1')).toMatchObject({ value: 12500.5, type: 'Double' });
    expect(at(s, 'A2')).toMatchObject({ value: 'Travel and accommodation', type: 'String' });
    expect(at(s, 'B2')).toMatchObject({ value: 'typed', type: 'String' });
    expect(at(s, 'C2')).toMatchObject({ value: true, type: 'Boolean' });
    expect(at(s, 'C5')).toMatchObject({ value: '#N/A', type: 'Error' });
  });

  it('shared formulas, each cell with its own text; formula results as text; ISO dates', async () => {
    const snap = await readXlsxSnapshot(
      book('<sheetData><row r="1"><c r="A1"><v>10</v></c><c r="B1"><v>20</v></c><c r="C1"><v>30</v></c></row><row r="2"><c r="A2"><f t="shared" ref="A2:C2" si="0">A1*2+$A$1</f><v>30</v></c><c r="B2"><f t="shared" si="0"/><v>50</v></c><c r="C2"><f t="shared" si="0"/><v>70</v></c></row><row r="3"><c r="A3" t="str"><f>UPPER("x")</f><v>X</v></c><c r="B3" t="d"><v>2019-04-01T00:00:00</v></c></row></sheetData>'),
      's.xlsx',
    );
    const s = snap.sheets[0];
    expect(at(s, 'B2')).toMatchObject({ value: 50, formula: '=B1*2+$A$1' });
    expect(at(s, 'C2')).toMatchObject({ value: 70, formula: '=C1*2+$A$1' });
    expect(at(s, 'A3')).toMatchObject({ value: 'X', type: 'String', formula: '=UPPER("x")' });
    expect(at(s, 'B3')).toMatchObject({ value: 43556, type: 'Double' });
  });

  it('strict OOXML namespaces', async () => {
    const snap = await readXlsxSnapshot(book('<sheetData><row r="2"><c r="B2"><v>7</v></c></row></sheetData>', { ns: STRICT_T, rns: STRICT_R }), 'strict.xlsx');
    expect(snap.sheets[0]).toMatchObject({ name: 'Budget', top: 1, left: 1, values: [[7]] });
  });

  it('the 1904 date system: dates as 1900 serials, other numbers as they are', async () => {
    const styles = `<styleSheet xmlns="${T}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>`;
    const snap = await readXlsxSnapshot(book('<sheetData><row r="1"><c r="A1" s="1"><v>42094</v></c><c r="B1"><v>42094</v></c></row></sheetData>', { workbookPr: '<workbookPr date1904="1"/>', styles }), '1904.xlsx');
    expect(snap.sheets[0].values[0]).toEqual([43556, 42094]);
    expect(snap.sheets[0].numberFormats[0]).toEqual(['yyyy-mm-dd', 'General']);
  });

  it('a validation and a conditional format over the whole sheet are not expanded cell by cell (that would not finish)', async () => {
    const xml =
      '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="C1:XFD1048576"/></mergeCells>' +
      '<conditionalFormatting sqref="A1:XFD1048576"><cfRule type="cellIs" priority="1" operator="lessThan"><formula>0</formula></cfRule></conditionalFormatting>' +
      '<dataValidations count="2"><dataValidation type="decimal" operator="greaterThanOrEqual" sqref="A1:XFD1048576"><formula1>0</formula1></dataValidation><dataValidation type="decimal" sqref="B:I"><formula1>0</formula1></dataValidation></dataValidations>';
    const snap = await readXlsxSnapshot(book(xml), 'dv.xlsx');
    expect(snap.sheets[0].values).toEqual([[1]]);
  });
});

describe('the package reader refuses only what is no workbook', () => {
  it('an XML bomb (entities in a DOCTYPE), in one line', async () => {
    const bomb = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData>';
    const parts = { 'xl/workbook.xml': `<workbook xmlns="${T}" xmlns:r="${R}"><sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets></workbook>`, 'xl/_rels/workbook.xml.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`, 'xl/worksheets/sheet1.xml': `<?xml version="1.0"?>${bomb}` };
    expect(await reason(pkg(parts))).toBe('cannot read book.xlsx: its part xl/worksheets/sheet1.xml declares XML entities (a DOCTYPE), which no workbook does: an XML bomb');
  });

  it('a zip bomb, in one line, before inflating it', async () => {
    const big = new Uint8Array(64 * 1024 * 1024); // 64 MB of zeros deflates to ~64 kB
    const bytes = Buffer.from(zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>'), 'xl/media/zeros.bin': big }, { level: 9 }));
    expect(bytes.length).toBeLessThan(200_000);
    expect(await reason(bytes)).toMatch(/^cannot read book\.xlsx: it unpacks to far more than any workbook \(xl\/media\/zeros\.bin: \d+ bytes to 67108864\), a zip bomb$/);
  });

  it('a zip whose entries are encrypted, as password-protected', async () => {
    const bytes = Buffer.from(zipSync({ '[Content_Types].xml': strToU8('<Types/>') }));
    // Set the encryption flag in the central directory entry, as a zip tool's password does.
    const cd = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bytes.writeUInt16LE(bytes.readUInt16LE(cd + 8) | 1, cd + 8);
    expect(await reason(bytes)).toBe('cannot read book.xlsx: the workbook is password-protected (remove the password in Excel and save again)');
  });
});
