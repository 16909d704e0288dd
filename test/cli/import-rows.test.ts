/**
 * `clusterix import` with a partner file that adds indicator rows, on a lead's book that has things below them:
 * a data validation and a conditional format on a cell under the indicator table, formulas on the Project sheet
 * pointing there, a defined name and a print area. After the import everything points at the same content as
 * before (expected addresses worked out by hand: partner 3's rows 18..24 get two more, so row 83 is row 85),
 * and LibreOffice's recalculation agrees. And a consolidated (marked) book: the mark's saved look moves with
 * its cell, so Clear marks puts the user's own look back on the cell that was marked, not on the row now there.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { zipSync, strFromU8, strToU8 } from 'fflate';
import { cliInProcess } from '../support/cli-in-process';
import { formulaResults, readWorkbook, recalculate } from '../support/libreoffice';
import { partOf, readZip, type Parts } from '../support/package-edit';
import { readPackage } from '../../src/snapshot/package-reader';
import { readPackageState } from '../../src/apply/xlsx/package/apply';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clusterix-import-rows-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const at = (f: string) => path.join(dir, f);
const writeZip = (file: string, parts: Parts) => fs.writeFileSync(file, Buffer.from(zipSync(parts)));
const text = (parts: Parts, sheet: string) => strFromU8(parts[partOf(parts, sheet)]);

/** Partner 3's file with two more indicator rows (MEDIA 1 in P3, PEOPLE 2 in P4), their totals as Excel shows them. */
function plusTwoRows(): string {
  const parts = readZip(at('p3.xlsx'));
  const ind = partOf(parts, 'Indicators');
  const rows =
    '<row r="11"><c r="A11"><v>3</v></c><c r="B11" t="inlineStr"><is><t>MEDIA</t></is></c><c r="E11"><v>1</v></c><c r="K11"><f>SUM(C11:J11)</f><v>1</v></c></row>' +
    '<row r="12"><c r="A12"><v>3</v></c><c r="B12" t="inlineStr"><is><t>PEOPLE</t></is></c><c r="F12"><v>2</v></c><c r="K12"><f>SUM(C12:J12)</f><v>2</v></c></row>';
  parts[ind] = strToU8(strFromU8(parts[ind]).replace('</sheetData>', `${rows}</sheetData>`));
  writeZip(at('p3 plus two.xlsx'), parts);
  return at('p3 plus two.xlsx');
}

/** The sum of K4:K80 on the sample's Indicators sheet (each row's total), read from the file itself. */
function indicatorTotal(parts: Parts): number {
  let total = 0;
  for (const m of text(parts, 'Indicators').matchAll(/<c r="K(\d+)"[^>]*><f>[^<]*<\/f><v>([^<]*)<\/v>/g)) if (Number(m[1]) >= 4 && Number(m[1]) <= 80) total += Number(m[2]);
  return total;
}

let p3plus: string;
beforeAll(async () => {
  expect((await cliInProcess('sample', at('sample.xlsx'))).code).toBe(0);
  expect((await cliInProcess('partner-workbook', at('sample.xlsx'), '--partner', '3', '-o', at('p3.xlsx'))).code).toBe(0);
  p3plus = plusTwoRows();
});

describe('import adding rows: what is below them still points at the same content', () => {
  let total: number;
  beforeAll(() => {
    const parts = readZip(at('sample.xlsx'));
    total = indicatorTotal(parts);
    const ind = partOf(parts, 'Indicators');
    // Row 83 under the table: 'Checked by' AB, a list validation and a conditional format on B83.
    parts[ind] = strToU8(
      strFromU8(parts[ind])
        .replace('</sheetData>', '<row r="83"><c r="A83" t="inlineStr"><is><t>Checked by</t></is></c><c r="B83" t="inlineStr"><is><t>AB</t></is></c></row></sheetData>')
        .replace(
          '<pageMargins',
          '<conditionalFormatting sqref="B83"><cfRule type="expression" priority="1"><formula>$B$83="AB"</formula></cfRule></conditionalFormatting>' +
            '<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="B83 D2"><formula1>"AB,CD"</formula1></dataValidation></dataValidations><pageMargins',
        ),
    );
    // The Project sheet points at B83 directly, through a name, and sums the indicator totals.
    const project = partOf(parts, 'Project');
    parts[project] = strToU8(
      strFromU8(parts[project]).replace(
        '</sheetData>',
        `<row r="200"><c r="Z200" t="str"><f>Indicators!B83</f><v>AB</v></c></row><row r="201"><c r="Z201"><f>SUM(Indicators!K4:K80)</f><v>${total}</v></c></row><row r="202"><c r="Z202" t="str"><f>Checked</f><v>AB</v></c></row></sheetData>`,
      ).replace('<pageMargins', '<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="Z203"><formula1>Indicators!$B$4:$B$80</formula1></dataValidation></dataValidations><pageMargins'),
    );
    parts['xl/workbook.xml'] = strToU8(
      strFromU8(parts['xl/workbook.xml']).replace(
        '<calcPr',
        '<definedNames><definedName name="Checked">Indicators!$B$83</definedName><definedName name="_xlnm.Print_Area" localSheetId="12">Indicators!$A$1:$L$83</definedName></definedNames><calcPr',
      ),
    );
    writeZip(at('extras.xlsx'), parts);
  });

  it('moves the validation, the conditional format, the formulas and names pointing below; LibreOffice agrees', async () => {
    const r = await cliInProcess('import', at('extras.xlsx'), p3plus, '-o', at('extras imported.xlsx'));
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')[0]).toMatch(/: partner 3 \(West-Pannon.*\): budget unchanged; indicator rows: 0 changed, 2 added, 0 removed$/);
    const parts = readZip(at('extras imported.xlsx'));
    const ind = text(parts, 'Indicators');
    // Partner 3's rows 18..24, its new ones 25 and 26 (formatted as row 24: the period cells' style), partner 4 from 27.
    expect(/<row r="25"[^>]*>.*?<\/row>/.exec(ind)![0]).toMatch(/<c r="A25"><v>3<\/v><\/c><c r="B25" t="inlineStr"><is><t xml:space="preserve">MEDIA<\/t><\/is><\/c><c r="C25" s="14"\/>.*<c r="E25" s="14"><v>1<\/v><\/c>.*<c r="K25" s="15"><f>SUM\(C25:J25\)<\/f><v>1<\/v><\/c>/);
    expect(ind).toMatch(/<c r="K26" s="15"><f>SUM\(C26:J26\)<\/f><v>2<\/v><\/c>/);
    expect(ind).toMatch(/<c r="A27"><v>4<\/v><\/c>.*<c r="K27" s="15"><f>SUM\(C27:J27\)<\/f>/);
    expect(ind).toMatch(/<c r="B85" t="inlineStr"><is><t>AB<\/t><\/is><\/c>/);
    expect(ind).toContain('<conditionalFormatting sqref="B85"><cfRule type="expression" priority="1"><formula>$B$85="AB"</formula></cfRule></conditionalFormatting>');
    expect(ind).toContain('<dataValidation type="list" allowBlank="1" sqref="B85 D2"><formula1>"AB,CD"</formula1></dataValidation>');
    expect(ind).toContain('<mergeCell ref="A1:L1"/>');
    expect(ind).toContain('<dimension ref="A1:L85"/>');
    const project = text(parts, 'Project');
    expect(project).toContain('<f>Indicators!B85</f>');
    expect(project).toContain('<f>SUM(Indicators!K4:K82)</f>');
    // A validation on the Project sheet listing the indicator codes takes the two new rows in.
    expect(project).toContain('<dataValidation type="list" allowBlank="1" sqref="Z203"><formula1>Indicators!$B$4:$B$82</formula1></dataValidation>');
    const book = strFromU8(parts['xl/workbook.xml']);
    expect(book).toContain('<definedName name="Checked">Indicators!$B$85</definedName>');
    expect(book).toContain('<definedName name="_xlnm.Print_Area" localSheetId="12">Indicators!$A$1:$L$85</definedName>');
    expect(book).toContain('<calcPr calcId="171027" fullCalcOnLoad="1"/>');

    // LibreOffice recalculates: B85 and the name read AB as cached; the sum takes the two new rows (1 + 2) in,
    // which is why Excel is asked to calculate on open (the file still carries the sum it had).
    const [recalculated] = await recalculate([at('extras imported.xlsx')]);
    const lo = formulaResults(await readWorkbook(recalculated), ['Project', 'Indicators']);
    expect(lo.get('Project!Z200')).toBe('AB');
    expect(lo.get('Project!Z202')).toBe('AB');
    expect(lo.get('Project!Z201')).toBe(total + 3);
    expect(project).toContain(`<f>SUM(Indicators!K4:K82)</f><v>${total}</v>`);
    // Every indicator row total LibreOffice computes is the one the file carries.
    const cached = readPackage(fs.readFileSync(at('extras imported.xlsx')), 'x').snapshot.sheets.find((s) => s.name === 'Indicators')!;
    for (let row = 4; row <= 82; row++) expect([row, lo.get(`Indicators!K${row}`)]).toEqual([row, cached.values[row - 1 - cached.top][10 - cached.left]]);
  }, 180000);
});

describe('import adding rows above a mark: Clear marks restores the marked cell', () => {
  beforeAll(async () => {
    // Partner 9's first indicator row (A60) names no partner: I01, an error marked on the cell.
    const parts = readZip(at('sample.xlsx'));
    const ind = partOf(parts, 'Indicators');
    parts[ind] = strToU8(strFromU8(parts[ind]).replace('<c r="A60"><v>9</v></c>', '<c r="A60" t="inlineStr"><is><t>Nobody</t></is></c>'));
    writeZip(at('nobody.xlsx'), parts);
    expect((await cliInProcess('consolidate', at('nobody.xlsx'), '-o', at('marked.xlsx'))).code).toBe(1);
  });

  it('moves the saved look, the mark and its note with the cell (A60 -> A62); clear puts the user look back there', async () => {
    const marked = readZip(at('marked.xlsx'));
    const stateBefore = readPackageState(readPackage(fs.readFileSync(at('marked.xlsx')), 'marked.xlsx'));
    expect(stateBefore.marks.filter((m) => m.sheet === 'Indicators').map((m) => m.cell)).toEqual(['A60']);
    const openTag = (xml: string, cell: string) => new RegExp(`<c r="${cell}"[^>]*>(?:<is><t[^>]*>([^<]*))?`).exec(xml)!;
    const markStyle = / s="\d+"/.exec(openTag(text(marked, 'Indicators'), 'A60')[0])![0];

    const r = await cliInProcess('import', at('marked.xlsx'), p3plus, '-o', at('marked imported.xlsx'));
    expect(r.stderr).toBe('');
    const imported = readZip(at('marked imported.xlsx'));
    const state = readPackageState(readPackage(fs.readFileSync(at('marked imported.xlsx')), 'x'));
    expect(state.marks.filter((m) => m.sheet === 'Indicators').map((m) => m.cell)).toEqual(['A62']);
    expect(state.marks.filter((m) => m.sheet !== 'Indicators')).toEqual(stateBefore.marks.filter((m) => m.sheet !== 'Indicators'));
    const ind = text(imported, 'Indicators');
    expect(openTag(ind, 'A62')[0]).toContain(markStyle);
    expect(openTag(ind, 'A62')[1]).toBe('Nobody');
    expect(ind).toMatch(/<c r="A60"><v>8<\/v><\/c>/); // partner 8's row 58 moved here, as it was
    // The note: the comment's cell and the VML shape's row (0-based 61).
    const comments = Object.keys(imported).filter((n) => /comments\d*\.xml$/.test(n)).map((n) => strFromU8(imported[n]));
    expect(comments.join('')).toMatch(/<comment ref="A62"/);
    expect(comments.join('')).not.toMatch(/<comment ref="A60"/);
    const vml = Object.keys(imported).filter((n) => n.endsWith('.vml')).map((n) => strFromU8(imported[n])).join('');
    expect(vml).toContain('<x:Row>61</x:Row><x:Column>0</x:Column>');

    expect((await cliInProcess('clear', at('marked imported.xlsx'), '-o', at('cleared.xlsx'))).code).toBe(0);
    const cleared = text(readZip(at('cleared.xlsx')), 'Indicators');
    // The user's look (no style of its own, as the sample has it), no note left on the sheet.
    expect(openTag(cleared, 'A62')[0]).not.toMatch(/ s="/);
    expect(openTag(cleared, 'A62')[1]).toBe('Nobody');
    expect(cleared).toMatch(/<c r="A60"><v>8<\/v><\/c>/);
    expect(Object.keys(readZip(at('cleared.xlsx'))).filter((n) => /comments|\.vml$/.test(n))).toEqual([]);
  });

  it("gives new rows under a marked cell the cell's own style, not the mark's", async () => {
    // Partner 3's last row (24) repeats PI-SF: T03 marks a cell of it; the file's two new rows go in under it.
    const parts = readZip(at('sample.xlsx'));
    const ind = partOf(parts, 'Indicators');
    parts[ind] = strToU8(strFromU8(parts[ind]).replace(/(<c r="B24"[^>]*><is><t[^>]*>)PI-REG/, '$1PI-SF'));
    writeZip(at('dup.xlsx'), parts);
    expect((await cliInProcess('consolidate', at('dup.xlsx'), '-o', at('dup marked.xlsx'))).code).toBe(1);
    const state = readPackageState(readPackage(fs.readFileSync(at('dup marked.xlsx')), 'x'));
    const cell = state.marks.find((m) => m.sheet === 'Indicators' && /^[A-Z]+24$/.test(m.cell))!.cell;
    const col = cell.replace(/\d+/, '');
    const styleOf = (xml: string, addr: string) => / s="(\d+)"/.exec(new RegExp(`<c r="${addr}"[^>]*>`).exec(xml)?.[0] ?? '')?.[1] ?? null;
    const own = styleOf(text(parts, 'Indicators'), cell);
    const mark = styleOf(text(readZip(at('dup marked.xlsx')), 'Indicators'), cell);
    expect(mark).not.toBe(own);

    expect((await cliInProcess('import', at('dup marked.xlsx'), p3plus, '-o', at('dup imported.xlsx'))).stderr).toBe('');
    const out = text(readZip(at('dup imported.xlsx')), 'Indicators');
    // The cell itself keeps its mark (the import writes values; the next Check or Clear deals with marks).
    expect(styleOf(out, cell)).toBe(mark);
    expect([styleOf(out, `${col}25`), styleOf(out, `${col}26`)]).toEqual([own, own]);
    // Another column of the new rows: the row above's style, as Excel copies it.
    expect(styleOf(out, 'E25')).toBe(styleOf(text(parts, 'Indicators'), 'E24'));
  });
});
