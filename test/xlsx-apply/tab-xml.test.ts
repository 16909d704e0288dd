/**
 * A report tab's SheetML as tabXml writes it: cells in row, then column order whatever the plan's order, the
 * first value planned for a cell, text and formulas escaped, and one style index per look.
 */
import { SaxesParser } from 'saxes';
import type { PlannedCell, PlannedTab } from '../../src/plan/types';
import { MINIMAL_STYLES, StylesEdit } from '../../src/apply/xlsx/package/styles-edit';
import { inRowOrder, RowBytes, sheetBytes, TabStyles, tabXml, withRows } from '../../src/apply/xlsx/package/tab-xml';
import { decodeEntities, escapeText, unescapeOoxml } from '../../src/snapshot/package/xml';

function tab(cells: PlannedCell[]): PlannedTab {
  return { name: 'Report Summary', cells, columnWidths: [20, 12, 12], freeze: { rows: 1, cols: 0 }, merges: [], print: { orientation: 'landscape', fitToWidth: true, repeatRows: null } };
}

const xmlOf = (cells: PlannedCell[]) => tabXml(tab(cells), new TabStyles(new StylesEdit(MINIMAL_STYLES))).xml;

function wellFormed(xml: string): void {
  const p = new SaxesParser();
  p.on('error', (e) => {
    throw e;
  });
  p.write(xml).close();
}

const cells: PlannedCell[] = [
  { row: 0, col: 0, value: { kind: 'text', text: 'Budget line' }, style: 'header' },
  { row: 0, col: 1, value: { kind: 'text', text: 'Amount' }, style: 'header' },
  { row: 1, col: 0, value: { kind: 'text', text: 'A & B <co> "quoted" it\'s _x0041_ \u0001' } },
  { row: 1, col: 1, value: { kind: 'formula', formula: "=SUM('Budget A&B'!B2:F2,'Budget <C>'!B2:F2)", result: 12.5 }, numberFormat: '#,##0.00' },
  { row: 2, col: 0, value: { kind: 'text', text: 'Plain text' } },
  { row: 2, col: 1, value: { kind: 'formula', formula: 'IF(1>0,"a&b","no")', result: 'a&b' } },
  { row: 2, col: 2, value: { kind: 'number', value: 0.25 }, numberFormat: '0.0%' },
  { row: 3, col: 0, value: { kind: 'text', text: 'Other text' } },
];

it('writes cells in row, then column order, the first planned value of a cell, whatever the order planned', () => {
  const sorted = xmlOf(cells);
  // Shuffled, with a second value for A3 planned after its first.
  const rest = [...cells].reverse().filter((c) => c !== cells[4]);
  const shuffled = [cells[4], ...rest.slice(0, 3), { ...cells[4], value: { kind: 'text' as const, text: 'second, left out' } }, ...rest.slice(3)];
  expect(xmlOf(shuffled)).toBe(sorted);
  expect(sorted).not.toContain('second, left out');
  expect(sorted.indexOf('r="A2"')).toBeLessThan(sorted.indexOf('r="B2"'));
  expect(sorted.indexOf('r="B2"')).toBeLessThan(sorted.indexOf('r="A3"'));
  wellFormed(sorted);
});

it('escapes text and formulas as XML needs, and keeps _xHHHH_ and control characters readable', () => {
  const xml = xmlOf(cells);
  // As escapeText writes text everywhere else.
  expect(xml).toContain(`<t xml:space="preserve">${escapeText('A & B <co> "quoted" it\'s _x0041_ \u0001')}</t>`);
  expect(xml).toContain('<t xml:space="preserve">A &amp; B &lt;co&gt; &quot;quoted&quot; it&apos;s _x005F_x0041_ _x0001_</t>');
  expect(xml).toContain('<f>SUM(&apos;Budget A&amp;B&apos;!B2:F2,&apos;Budget &lt;C&gt;&apos;!B2:F2)</f><v>12.5</v>');
  expect(xml).toContain('<f>IF(1&gt;0,&quot;a&amp;b&quot;,&quot;no&quot;)</f><v>a&amp;b</v>');
  expect(xml).toContain('<t xml:space="preserve">Plain text</t>');
  wellFormed(xml);
});

it('gives cells of one look one style index, and cells of different looks different ones', () => {
  const xml = xmlOf(cells);
  const style = (ref: string) => new RegExp(`<c r="${ref}"(?: s="(\\d+)")?`).exec(xml)?.[1] ?? '0';
  // A header over numbers is aligned right, one over text is not.
  expect(style('A1')).not.toBe(style('B1'));
  expect(style('A3')).toBe(style('A4'));
  expect(style('B2')).not.toBe(style('C3'));
  expect(style('A1')).not.toBe(style('A2'));
});

it('orders cells by row, then column, keeping the plan order of cells of one address', () => {
  const planned: PlannedCell[] = [];
  // Deterministic shuffle of a 60 x 7 grid, each address planned twice.
  for (let i = 0; i < 840; i++) {
    const n = (i * 397) % 840;
    planned.push({ row: n % 60, col: (n * 7) % 7 === 0 ? n % 7 : (n >> 3) % 7, value: { kind: 'number', value: i } });
  }
  const expected = [...planned].sort((a, b) => a.row - b.row || a.col - b.col);
  expect(inRowOrder(planned)).toEqual(expected);
  const sorted = inRowOrder(planned);
  expect(inRowOrder(sorted)).toBe(sorted);
  // Rows past what one number can order with its place: the comparison sort, the same order.
  const far = planned.map((c) => ({ ...c, row: c.row + 2 ** 18 }));
  expect(inRowOrder(far)).toEqual([...far].sort((a, b) => a.row - b.row || a.col - b.col));
});

it('encodes a sheet and its rows as the UTF-8 of the whole text, however much room the text needs', () => {
  const sheet = `<worksheet><sheetData></sheetData><headerFooter><oddFooter>Seite &amp;P — ü</oddFooter></headerFooter></worksheet>`;
  const rows = [
    '<row r="1"><c r="A1" t="inlineStr"><is><t>plain</t></is></c></row>',
    `<row r="2"><c r="A2" t="inlineStr"><is><t>${'漢字かな'.repeat(300)} 😀 Skåne \ud800 lone</t></is></c></row>`,
    '<row r="3"/>',
  ];
  const rowsOf = (texts: string[]) => {
    const r = new RowBytes(texts.reduce((n, x) => n + x.length, 0));
    for (const x of texts) r.add(x);
    return r;
  };
  const encoded = rowsOf(rows);
  const whole = withRows(sheet, encoded);
  expect(whole).toContain('<sheetData><row r="1">');
  expect(Buffer.from(sheetBytes(sheet, encoded)).equals(Buffer.from(new TextEncoder().encode(whole)))).toBe(true);
  expect(Buffer.from(sheetBytes(sheet, rowsOf([]))).equals(Buffer.from(new TextEncoder().encode(sheet)))).toBe(true);
});

it('rows encoded as they come, in a buffer that grows, then the sheet around them: the UTF-8 of the whole text', () => {
  const utf8 = (t: string) => Buffer.from(new TextEncoder().encode(t));
  const rowsText = Array.from({ length: 400 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>Zeile ${i} — ü 😀 ${'x'.repeat(i)}</t></is></c></row>`);
  const cases = [
    // Room for the sheet's start and end as kept.
    { head: '<worksheet><sheetData>', tail: '</sheetData></worksheet>' },
    // A start larger than the room kept before the rows (wide tabs' column widths): copied instead.
    { head: `<worksheet><cols>${'<col min="1" max="1" width="9"/>'.repeat(3000)}</cols><sheetData>`, tail: '</sheetData></worksheet>' },
    // An end larger than the room after the rows (a tab's many links): the buffer grows.
    { head: '<worksheet><sheetData>', tail: `</sheetData><hyperlinks>${'<hyperlink ref="A1" location="\'Ä\'!B2"/>'.repeat(3000)}</hyperlinks></worksheet>` },
  ];
  for (const { head, tail } of cases) {
    // Expected size 0: every row makes the buffer grow at first.
    const rows = new RowBytes(0);
    for (const r of rowsText) rows.add(r);
    expect(rows.text()).toBe(rowsText.join(''));
    expect(rows.byteLength).toBe(utf8(rowsText.join('')).length);
    const bytes = Buffer.from(rows.between(head, tail));
    expect(bytes.equals(utf8(head + rowsText.join('') + tail))).toBe(true);
  }
});

it('text that reads like an escape comes back as typed through our own reader (escapeText, then unescapeOoxml)', () => {
  for (const typed of ['_x0041_', 'a_x005F_b', '__x0041__', '_x00e9_ and _X0041_', 'tab\there\u0001'])
    expect(unescapeOoxml(decodeEntities(escapeText(typed)))).toBe(typed);
});
