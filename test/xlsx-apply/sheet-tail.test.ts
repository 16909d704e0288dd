/**
 * What goes after a sheet's cells (legacyDrawing, drawing) is looked for after the closing sheetData tag only:
 * the same places as a search of the whole part, for plain and prefixed sheets, an empty sheetData, text that
 * mentions sheetData, and controls wrapped in mc:AlternateContent.
 */
import { addLegacyDrawing, legacyDrawingId, sheetDataCloseAt } from '../../src/apply/xlsx/package/sheet-edit';
import { insertDrawingElement } from '../../src/apply/xlsx/charts';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const XNS = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>sheetData&gt; and sheetData> in text</t></is></c></row>';
const footer = '<headerFooter><oddFooter>see sheetData> here</oddFooter></headerFooter>';

const SHEETS: Record<string, string> = {
  plain: `<?xml version="1.0"?>\n<worksheet ${NS}><sheetData>${rows}</sheetData>${footer}</worksheet>`,
  empty: `<worksheet ${NS}><sheetData/>${footer}</worksheet>`,
  prefixed: `<x:worksheet ${XNS}><x:sheetData>${rows}</x:sheetData>${footer}<x:tableParts count="0"/></x:worksheet>`,
  withNotes: `<worksheet ${NS}><sheetData>${rows}</sheetData>${footer}<legacyDrawing r:id="rId7"/><tableParts count="0"/></worksheet>`,
  controls: `<worksheet ${NS} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><sheetData>${rows}</sheetData><mc:AlternateContent><mc:Choice Requires="x14"><controls><control r:id="rId2"/></controls></mc:Choice></mc:AlternateContent></worksheet>`,
  extLst: `<worksheet ${NS}><sheetData>${rows}</sheetData><extLst><ext uri="{x}"/></extLst>\n</worksheet>`,
};

// The whole-part searches these replace, as they were.
function legacyDrawingIdWhole(xml: string): string | null {
  const m = /<(\w+:)?legacyDrawing\b[^>]*>/.exec(xml);
  return m ? (/\s[\w]+:id\s*=\s*"([^"]*)"/.exec(m[0])?.[1] ?? null) : null;
}
function addLegacyDrawingWhole(xml: string, id: string): string {
  const p = /<(\w+:)?worksheet\b/.exec(xml)?.[1] ?? '';
  const el = `<${p}legacyDrawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${id}"/>`;
  const endData = Math.max(xml.search(/<\/(\w+:)?sheetData>/), xml.search(/<(\w+:)?sheetData\b[^>]*\/>/));
  const m = /<(\w+:)?(legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b/.exec(xml.slice(endData));
  let at = m ? endData + m.index : xml.search(/<\/(\w+:)?worksheet>\s*$/);
  const alt = xml.lastIndexOf('<mc:AlternateContent', at);
  if (alt >= 0 && xml.lastIndexOf('</mc:AlternateContent>', at) < alt) at = alt;
  return xml.slice(0, at) + el + xml.slice(at);
}

it('finds the closing sheetData tag from the end, not text that mentions it', () => {
  expect(sheetDataCloseAt(SHEETS.plain)).toBe(SHEETS.plain.indexOf('</sheetData>'));
  expect(sheetDataCloseAt(SHEETS.prefixed)).toBe(SHEETS.prefixed.indexOf('</x:sheetData>'));
  expect(sheetDataCloseAt(SHEETS.empty)).toBe(-1);
});

it('skips the closing tag as text inside a comment after the cells, so a legacyDrawing before it is still found', () => {
  const xml = `<worksheet ${NS}><sheetData>${rows}</sheetData><legacyDrawing r:id="rId7"/><extLst><!-- was </sheetData> --></extLst></worksheet>`;
  expect(sheetDataCloseAt(xml)).toBe(xml.indexOf('</sheetData>'));
  expect(legacyDrawingId(xml)).toBe('rId7');
});

it.each(Object.keys(SHEETS))('places legacyDrawing as a search of the whole part does (%s)', (name) => {
  const xml = SHEETS[name];
  expect(legacyDrawingId(xml)).toBe(legacyDrawingIdWhole(xml));
  expect(addLegacyDrawing(xml, 'rId9')).toBe(addLegacyDrawingWhole(xml, 'rId9'));
});

it('puts drawing before the elements that follow it, or last', () => {
  expect(insertDrawingElement(SHEETS.withNotes, 'rId3')).toContain('</headerFooter><drawing r:id="rId3"/><legacyDrawing r:id="rId7"/>');
  expect(insertDrawingElement(SHEETS.plain, 'rId3')).toMatch(/<\/headerFooter><drawing r:id="rId3"\/><\/worksheet>$/);
  expect(insertDrawingElement(SHEETS.prefixed, 'rId3')).toContain('</headerFooter><x:drawing r:id="rId3"/><x:tableParts');
  expect(insertDrawingElement(SHEETS.empty, 'rId3')).toMatch(/<drawing r:id="rId3"\/><\/worksheet>$/);
  expect(insertDrawingElement(SHEETS.extLst, 'rId3')).toContain('</sheetData><drawing r:id="rId3"/><extLst>');
});
