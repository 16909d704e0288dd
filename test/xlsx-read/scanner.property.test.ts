/**
 * The worksheet scanner (src/snapshot/package/scan.ts) reads what saxes reads: random worksheets as real writers
 * write them (values, shared and inline strings, rich text and phonetic runs, formulas, shared formulas, entities
 * and character references, CDATA, x: prefixes, rows and cells without r=, either quote, comments), and the same
 * sheets with one character broken: the same cells, or the same one-line refusal.
 */
import fc from 'fast-check';
import { plainDecimal, readSheetXml } from '../../src/snapshot/package/sheet';
import { readSheetXml as readSheetXmlSax } from '../support/sax-sheet';

const SHARED = ['Staff costs', 'R&D', '', 'Partner <5>'];

function outcome(read: typeof readSheetXml, xml: string): unknown {
  try {
    return read(xml, 'xl/worksheets/sheet1.xml', 'book.xlsx', SHARED);
  } catch (e) {
    return { refused: (e as Error).message };
  }
}

/** Text as a writer escapes it, sometimes with character references or CDATA. */
const textOf = fc.constantFrom('Staff costs', 'R&amp;D', '&lt;b&gt; &quot;q&quot; &apos;a&apos;', '&#233;t&#xE9;', '&#128512;', 'line&#13;&#10;two', 'a\r\nb', '_x000D_', ' 12 ', '', '<![CDATA[a<b & c]]>', 'x<!-- note -->y', '\u00e9\u{1F600}');
const numberText = fc.constantFrom('0', '12.5', '-3', '1E+3', ' 7 ', '', 'abc', '45000.5', '2024-05-01T00:00:00', 'TRUE', '1', '#REF!', '-0', '007', '0.1', '3.', '.5', '-', '1.2.3', '+5', '0.6333330181253317', '123456789012345', '1234567890123456', '&#49;2');
const formulaText = fc.constantFrom('SUM(A1:B2)', 'A1+$B$2', 'IF(A1&gt;0,&quot;x&quot;,&quot;&quot;)', "'Budget West'!C5*2", '');

interface CellSpec {
  ref: boolean;
  t: string | null;
  s: number;
  f: null | { kind: 'plain' | 'master' | 'child' | 'dataTable'; text: string; si: number };
  v: string | null;
  inline: null | { runs: string[]; phonetic: boolean };
  quote: '"' | "'";
}

const cell: fc.Arbitrary<CellSpec> = fc.record({
  ref: fc.boolean(),
  t: fc.constantFrom(null, 'n', 's', 'str', 'inlineStr', 'b', 'e', 'd'),
  s: fc.constantFrom(0, 0, 1, 3),
  f: fc.option(fc.record({ kind: fc.constantFrom<'plain' | 'master' | 'child' | 'dataTable'>('plain', 'master', 'child', 'dataTable'), text: formulaText, si: fc.integer({ min: 0, max: 2 }) }), { nil: null }),
  v: fc.option(fc.oneof(numberText, textOf, fc.constantFrom('0', '1', '3', '7')), { nil: null }),
  inline: fc.option(fc.record({ runs: fc.array(textOf, { minLength: 1, maxLength: 3 }), phonetic: fc.boolean() }), { nil: null }),
  quote: fc.constantFrom<'"' | "'">('"', "'"),
});

const row = fc.record({ ref: fc.boolean(), gap: fc.integer({ min: 0, max: 2 }), styled: fc.boolean(), cells: fc.array(fc.record({ gap: fc.integer({ min: 0, max: 3 }), c: cell }), { maxLength: 6 }) });

const sheet = fc.record({
  prefix: fc.constantFrom('', 'x:'),
  decl: fc.boolean(),
  space: fc.constantFrom('', '\n', '\r\n  '),
  cols: fc.boolean(),
  rows: fc.array(row, { maxLength: 8 }),
  merges: fc.boolean(),
  extras: fc.boolean(),
});

const colName = (c: number): string => (c < 26 ? String.fromCharCode(65 + c) : colName(Math.floor(c / 26) - 1) + String.fromCharCode(65 + (c % 26)));

function sheetXml(s: typeof sheet extends fc.Arbitrary<infer T> ? T : never): string {
  const p = s.prefix;
  const sp = s.space;
  const ns = p ? `xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"` : `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`;
  const out: string[] = [];
  if (s.decl) out.push('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n');
  out.push(`<${p}worksheet ${ns} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${sp}`);
  out.push(`<${p}dimension ref="A1:H20"/><${p}sheetViews><${p}sheetView workbookViewId="0"><${p}selection activeCell="B2" sqref="B2"/></${p}sheetView></${p}sheetViews>${sp}`);
  if (s.cols) out.push(`<${p}cols><${p}col min="1" max="2" width="12" style="3" customWidth="1"/><${p}col min = '4' max='4' style='0'/></${p}cols>`);
  out.push(`<${p}sheetData>${sp}`);
  let r = 0;
  for (const rw of s.rows) {
    r += 1 + rw.gap;
    const rAttr = rw.ref ? ` r="${r}"` : '';
    if (!rw.ref) r = r - rw.gap; // without r= a row follows the previous one
    out.push(`<${p}row${rAttr}${rw.styled ? ' s="1" customFormat="1"' : ''} spans="1:8">`);
    let c = -1;
    for (const { gap, c: spec } of rw.cells) {
      c += 1 + (spec.ref ? gap : 0);
      const q = spec.quote;
      const attrs = `${spec.ref ? ` r=${q}${colName(c)}${r}${q}` : ''}${spec.t ? ` t=${q}${spec.t}${q}` : ''}${spec.s ? ` s=${q}${spec.s}${q}` : ''}`;
      let inner = '';
      if (spec.f) {
        const f = spec.f;
        if (f.kind === 'plain') inner += `<${p}f>${f.text}</${p}f>`;
        else if (f.kind === 'master') inner += `<${p}f t="shared" ref="${colName(c)}${r}:${colName(c + 2)}${r + 3}" si="${f.si}">${f.text || 'A1*2'}</${p}f>`;
        else if (f.kind === 'child') inner += `<${p}f t="shared" si="${f.si}"/>`;
        else inner += `<${p}f t="dataTable" ref="A1:B2" dt2D="0" dtr="0" r1="A1"/>`;
      }
      if (spec.v !== null) inner += `<${p}v>${spec.v}</${p}v>`;
      if (spec.inline) inner += `<${p}is>${spec.inline.runs.map((t, i) => (i === 0 ? `<${p}t xml:space="preserve">${t}</${p}t>` : `<${p}r><${p}rPr><${p}b/></${p}rPr><${p}t>${t}</${p}t></${p}r>`)).join('')}${spec.inline.phonetic ? `<${p}rPh sb="0" eb="1"><${p}t>ruby</${p}t></${p}rPh>` : ''}</${p}is>`;
      out.push(inner ? `<${p}c${attrs}>${inner}</${p}c>` : `<${p}c${attrs}/>`);
      if (!spec.ref && c > 0 && gap === 3) out.push('<!-- a comment between cells -->');
    }
    out.push(`</${p}row>${sp}`);
  }
  out.push(`</${p}sheetData>`);
  if (s.merges) out.push(`<${p}mergeCells count="2"><${p}mergeCell ref="A1:C1"/><${p}mergeCell ref="B3:B5"/></${p}mergeCells>`);
  if (s.extras) {
    out.push(`<${p}conditionalFormatting sqref="A1:XFD1048576"><${p}cfRule type="cellIs" dxfId="0" priority="1" operator="lessThan"><${p}formula>0</${p}formula></${p}cfRule></${p}conditionalFormatting>`);
    out.push(`<${p}dataValidations count="1"><${p}dataValidation type="decimal" operator="greaterThanOrEqual" sqref="B:I"><${p}formula1>0</${p}formula1></${p}dataValidation></${p}dataValidations>`);
  }
  out.push(`<${p}pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></${p}worksheet>${sp}`);
  return out.join('');
}

test('the scanner reads every random worksheet as saxes does', () => {
  fc.assert(
    fc.property(sheet, (s) => {
      const xml = sheetXml(s);
      const ours = outcome(readSheetXml, xml);
      expect(ours).toEqual(outcome(readSheetXmlSax, xml));
      expect(ours).not.toHaveProperty('refused');
    }),
    { numRuns: 400 },
  );
});

const breakage = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), how: fc.constantFrom('delete', '<', '&', '"', "'", '>', '/', '\u0001', ']]>', '<!DOCTYPE x>', 'cut') });

test('a worksheet with one fault is refused as saxes refuses it, in one line naming the part, or read the same', () => {
  fc.assert(
    fc.property(sheet, breakage, (s, b) => {
      const xml = sheetXml(s);
      const i = Math.floor(b.at * xml.length);
      const broken = b.how === 'delete' ? xml.slice(0, i) + xml.slice(i + 1) : b.how === 'cut' ? xml.slice(0, i) : xml.slice(0, i) + b.how + xml.slice(i);
      const ours = outcome(readSheetXml, broken);
      const theirs = outcome(readSheetXmlSax, broken);
      expect(ours).toEqual(theirs);
      if (typeof ours === 'object' && ours !== null && 'refused' in ours) {
        expect((ours as { refused: string }).refused).toMatch(/^cannot read book\.xlsx: .*xl\/worksheets\/sheet1\.xml[^\n]*$/);
      }
    }),
    { numRuns: 1500 },
  );
});

test('a number read in place is what Number() reads, or NaN (then Number() is asked)', () => {
  const digits = fc.array(fc.constantFrom('0', '1', '2', '5', '7', '9'), { maxLength: 18 }).map((d) => d.join(''));
  const decimal = fc.tuple(fc.constantFrom('', '-', '+'), digits, fc.constantFrom('', '.', 'e', ' '), digits).map(([s, a, dot, b]) => `${s}${a}${dot}${b}`);
  fc.assert(
    fc.property(fc.oneof(decimal, fc.double().map(String), fc.integer().map(String)), fc.constantFrom('', '<v>'), (text, before) => {
      const xml = `${before}${text}</v>`;
      const n = plainDecimal(xml, before.length, before.length + text.length);
      if (!Number.isNaN(n)) expect(Object.is(n, Number(text))).toBe(true);
      if (/^-?[0-9]{1,12}(\.[0-9]{1,3})?$/.test(text)) expect(Number.isNaN(n)).toBe(false);
    }),
    { numRuns: 3000 },
  );
});

test('cells the in-place reading declines, among cells it takes, read as saxes reads them', () => {
  const cells = [
    '<c r="A1" s="2"><v>12.5</v></c>',
    '<c r="$B$1"><v>1</v></c>',
    '<c r="c1" t="s"><v>3</v></c>',
    '<c r="D1" s="1e1"><v>4</v></c>',
    '<c r="E1" t="x"><v>5</v></c>',
    '<c r=""><v>6</v></c>',
    '<c r="G1"\t s="1"><v>7</v></c>',
    '<c r="H1"><f t="shared" ref="H1:H3" si="0">A1*2</f><v>25</v></c>',
    '<c r="I1"><v>1.00000000000000001</v></c>',
    '<c r="J1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>',
    '<c r="K1" t="inlineStr"><is><t>x]y</t></is></c>',
    '<c r="L1"><v> 8 </v></c>',
    '<c r="M1" t="e"><v>#N/A</v></c>',
    '<c r="N1" t="b"><v>1</v></c>',
    '<c r="O1" t="inlineStr"><is><t xml:space="preserve"> two  words </t></is></c>',
    '<c r="P1"><f>SUM(A1:B1)</f></c>',
    '<c r="Q1" s="3"/>',
    '<c s="0"><v>9</v></c>',
    '<c r="AAAAA1"><v>10</v></c>',
    '<c r="S1" r="T1"><v>11</v></c>',
  ];
  const xml = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">${cells.join('')}</row><row>${cells.slice(1).join('')}</row></sheetData></worksheet>`;
  for (const text of [xml, xml.replaceAll('r="S1" r="T1"', 'r="S1"')]) expect(outcome(readSheetXml, text)).toEqual(outcome(readSheetXmlSax, text));
  expect(outcome(readSheetXml, xml)).toHaveProperty('refused');
  expect(outcome(readSheetXml, xml.replaceAll('r="S1" r="T1"', 'r="S1"'))).toHaveProperty('cells');
});
