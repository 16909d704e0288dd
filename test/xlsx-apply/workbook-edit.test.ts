/** Sheets taken away from a package: their parts and what only they point to; a part a staying sheet shows stays. */
import { zipSync, unzipSync, strToU8, strFromU8 } from 'fflate';
import { openPackage } from '../../src/snapshot/package/open';
import { PackageEdit } from '../../src/apply/xlsx/package/parts';
import { WorkbookEdit } from '../../src/apply/xlsx/package/workbook-edit';

const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const rels = (items: [string, string, string][]) =>
  `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.map(([id, type, target]) => `<Relationship Id="${id}" Type="${R}/${type}" Target="${target}"/>`).join('')}</Relationships>`;
const sheet = (drawing: boolean) => `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${R}"><sheetData/>${drawing ? '<drawing r:id="rId1"/>' : ''}</worksheet>`;

/** Three sheets: S1 and S2 show the same picture (image1), S3 its own (image2); a name scoped to S3. */
function book(): Uint8Array {
  const ct = ['sheet1', 'sheet2', 'sheet3'].map((s) => `<Override PartName="/xl/worksheets/${s}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
    [1, 2, 3].map((d) => `<Override PartName="/xl/drawings/drawing${d}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`).join('');
  return zipSync({
    '[Content_Types].xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${ct}</Types>`),
    '_rels/.rels': strToU8(rels([['rId1', 'officeDocument', 'xl/workbook.xml']])),
    'xl/workbook.xml': strToU8(`<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${R}"><sheets><sheet name="S1" sheetId="1" r:id="rId1"/><sheet name="S2" sheetId="2" r:id="rId2"/><sheet name="S3" sheetId="3" r:id="rId3"/></sheets><definedNames><definedName name="x" localSheetId="2">S3!$A$1</definedName></definedNames></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(rels([1, 2, 3].map((n) => [`rId${n}`, 'worksheet', `worksheets/sheet${n}.xml`]))),
    ...Object.fromEntries([1, 2, 3].flatMap((n) => [
      [`xl/worksheets/sheet${n}.xml`, strToU8(sheet(true))],
      [`xl/worksheets/_rels/sheet${n}.xml.rels`, strToU8(rels([['rId1', 'drawing', `../drawings/drawing${n}.xml`]]))],
      [`xl/drawings/drawing${n}.xml`, strToU8('<wsDr/>')],
      [`xl/drawings/_rels/drawing${n}.xml.rels`, strToU8(rels([['rId1', 'image', `../media/image${n === 3 ? 2 : 1}.png`]]))],
    ])),
    'xl/media/image1.png': new Uint8Array([1, 2, 3]),
    'xl/media/image2.png': new Uint8Array([4, 5, 6]),
  });
}

function removing(...names: string[]): Record<string, Uint8Array> {
  const edit = new PackageEdit(openPackage(book(), 'book.xlsx'));
  const wb = new WorkbookEdit(edit, 'xl/workbook.xml');
  wb.removeMany(names);
  wb.save();
  return unzipSync(new Uint8Array(edit.toZip()));
}

test('S1 goes: its sheet and drawing go; the picture S2 still shows stays; the name scoped to S3 now points at index 1', () => {
  const out = removing('S1');
  expect(Object.keys(out).filter((k) => !k.includes('_rels')).sort()).toEqual(['[Content_Types].xml', 'xl/drawings/drawing2.xml', 'xl/drawings/drawing3.xml', 'xl/media/image1.png', 'xl/media/image2.png', 'xl/workbook.xml', 'xl/worksheets/sheet2.xml', 'xl/worksheets/sheet3.xml']);
  const wb = strFromU8(out['xl/workbook.xml']);
  expect(wb).toContain('<sheets><sheet name="S2" sheetId="2" r:id="rId2"/><sheet name="S3" sheetId="3" r:id="rId3"/></sheets>');
  expect(wb).toContain('<definedName name="x" localSheetId="1">S3!$A$1</definedName>');
  expect(strFromU8(out['[Content_Types].xml'])).not.toContain('sheet1.xml');
  expect(strFromU8(out['[Content_Types].xml'])).not.toContain('drawing1.xml');
  expect(strFromU8(out['xl/_rels/workbook.xml.rels'])).not.toContain('rId1"');
});

test('S1 and S2 go in one call: the picture only they showed goes too; S3 and its own picture stay', () => {
  const out = removing('S1', 's2');
  expect(Object.keys(out).filter((k) => !k.includes('_rels')).sort()).toEqual(['[Content_Types].xml', 'xl/drawings/drawing3.xml', 'xl/media/image2.png', 'xl/workbook.xml', 'xl/worksheets/sheet3.xml']);
  expect(Object.keys(out).filter((k) => k.includes('_rels')).sort()).toEqual(['_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/drawings/_rels/drawing3.xml.rels', 'xl/worksheets/_rels/sheet3.xml.rels']);
  expect(strFromU8(out['xl/workbook.xml'])).toContain('<definedName name="x" localSheetId="0">S3!$A$1</definedName>');
});

test('S3 goes: the name scoped to it goes with it', () => {
  const out = removing('S3');
  expect(strFromU8(out['xl/workbook.xml'])).not.toContain('definedName');
  expect(Object.keys(out)).not.toContain('xl/media/image2.png');
  expect(Object.keys(out)).toContain('xl/media/image1.png');
});
