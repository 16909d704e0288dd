/**
 * The lead partner's round on the sample: split into eleven partner workbooks, each edited as a partner would
 * (a reported amount changed with its totals, an indicator row added), imported back. The result is read with
 * the ExcelJS reader (independent of ours) and compared cell for cell with the sample plus those edits; the
 * figures move by exactly the typed amounts. Every refusal: exit 2, one line, no OUT.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { zipSync, strFromU8, strToU8 } from 'fflate';
import { cliInProcess } from '../support/cli-in-process';
import { recalculate } from '../support/libreoffice';
import { readXlsxSnapshot as readWithExcelJS } from '../support/exceljs-reader';
import { readXlsxSnapshot } from '../../src/snapshot/xlsx';
import { consolidateWorkbook } from '../../src/engine';
import { toFiguresJson } from '../../src/figures/json';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../src/snapshot/types';
import { bump, partOf, readZip, type Parts } from '../support/package-edit';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clusterix-partners-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const at = (f: string) => path.join(dir, f);

/** Budget sheet parts and names in the sample, by partner number (as the sample writes them). */
const BUDGET_SHEET: Record<number, string> = {
  1: 'Budget ecoplus', 2: 'Budget IDM', 3: 'Budget West-Pannon', 4: 'Budget INMA', 5: 'Budget Lund', 6: 'Budget Ostrava',
  7: 'Budget Southern Denmark', 8: 'Budget Auvergne', 9: 'Budget Flanders', 10: 'Budget North-East', 11: 'Budget Skane',
};
/** What each partner adds to its reported travel costs of P2 (C17; C18 on the lead's sheet, which has Preparation costs), in cents, typed by hand. */
const DELTA_CENTS: Record<number, number> = { 1: 100000, 2: 25050, 3: 1, 4: 99999, 5: 12345, 6: 50000, 7: 70007, 8: 300, 9: 4410, 10: 123456, 11: 2 };
const DELTA_SUM_CENTS = 485570; // 100000+25050+1+99999+12345+50000+70007+300+4410+123456+2

/** The reported travel P2 cell, its row total, the P2 total and the grand total. */
const EDITED = (n: number) => (n === 1 ? ['C18', 'J18', 'C22', 'J22'] : ['C17', 'J17', 'C20', 'J20']);

function partnerFile(n: number): string {
  return at(`parts/sample partner ${n}.xlsx`);
}

const writeZip = (file: string, parts: Parts) => fs.writeFileSync(file, Buffer.from(zipSync(parts)));

/** The partner's edits: reported travel P2 and its totals; one more indicator row (MEDIA, 1 in P3) under its rows. */
function editAsPartner(n: number): void {
  const parts = readZip(partnerFile(n));
  const budget = partOf(parts, BUDGET_SHEET[n]);
  parts[budget] = strToU8(bump(strFromU8(parts[budget]), EDITED(n), DELTA_CENTS[n]));
  const ind = partOf(parts, 'Indicators');
  const row = `<row r="11"><c r="A11"><v>${n}</v></c><c r="B11" t="inlineStr"><is><t>MEDIA</t></is></c><c r="E11"><v>1</v></c><c r="K11"><f>SUM(C11:J11)</f><v>1</v></c></row>`;
  parts[ind] = strToU8(strFromU8(parts[ind]).replace('</sheetData>', `${row}</sheetData>`));
  writeZip(partnerFile(n), parts);
}

function value(s: SheetSnapshot, addr: string): CellValue {
  const m = /^([A-Z]+)(\d+)$/.exec(addr)!;
  const col = m[1].charCodeAt(0) - 65;
  const row = Number(m[2]) - 1;
  return s.values[row - s.top]?.[col - s.left] ?? null;
}

/** Cells as 'A1' -> [value, formula], empty cells left out. */
function cells(s: SheetSnapshot): Map<string, [CellValue, string | null]> {
  const out = new Map<string, [CellValue, string | null]>();
  s.values.forEach((row, r) =>
    row.forEach((v, c) => {
      const f = s.formulas[r]?.[c] ?? null;
      if (v === null && f === null) return;
      out.set(`${String.fromCharCode(65 + s.left + c)}${s.top + r + 1}`, [typeof v === 'number' ? Math.round(v * 100) / 100 : v, f]);
    }),
  );
  return out;
}

let sample: WorkbookSnapshot;
const bookBytes = () => fs.readFileSync(at('sample.xlsx'));

beforeAll(async () => {
  expect((await cliInProcess('sample', at('sample.xlsx'))).code).toBe(0);
  sample = await readWithExcelJS(at('sample.xlsx'));
});

describe('partner-workbook', () => {
  it('writes one workbook per partner: Project (protected), its budget sheet, its seven indicator rows', async () => {
    const r = await cliInProcess('partner-workbook', at('sample.xlsx'), '--all', '-o', at('parts'));
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(11);
    const p3 = await readWithExcelJS(partnerFile(3));
    expect(p3.sheets.map((s) => s.name)).toEqual(['Project', 'Budget West-Pannon', 'Indicators']);
    const ind = p3.sheets[2];
    // Header in row 3, partner 3's rows in 4..10 (they were 18..24 in the sample), totals following their rows.
    expect(value(ind, 'A4')).toBe(3);
    expect(value(ind, 'A10')).toBe(3);
    expect(value(ind, 'A11')).toBeNull();
    expect(ind.formulas[9 - ind.top][10 - ind.left]).toBe('=SUM(C10:J10)'); // K10
    expect(strFromU8(readZip(partnerFile(3))[partOf(readZip(partnerFile(3)), 'Project')])).toMatch(/<\/sheetData><sheetProtection sheet="1"/);
  });

  it('sends out none of our tabs or marks from a consolidated book', async () => {
    expect((await cliInProcess('consolidate', at('sample.xlsx'), '-o', at('sc.xlsx'))).code).toBe(1);
    expect((await cliInProcess('partner-workbook', at('sc.xlsx'), '--partner', '11', '-o', at('p11-from-consolidated.xlsx'))).code).toBe(0);
    const parts = readZip(at('p11-from-consolidated.xlsx'));
    expect(strFromU8(parts['xl/workbook.xml'])).not.toMatch(/_clusterix|name="Report /);
    // Project!D39 carried the P01 mark in sc.xlsx: here it has the sample's own look again.
    const d39 = (p: Parts) => /<c r="D39"[^>]*>/.exec(strFromU8(p[partOf(p, 'Project')]))![0];
    expect(d39(parts)).toBe(d39(readZip(at('sample.xlsx'))));
    expect(Object.keys(parts).filter((n) => /comments|vml/i.test(n))).toEqual([]);
  });

  it("checks a partner's file against its own Project sheet, without asking for the other partners' budget sheets", async () => {
    const r = await cliInProcess('check', '--json', partnerFile(3));
    const findings = JSON.parse(r.stdout) as { rule: string; severity: string }[];
    // The sample's two expected errors (P02 Phase 2 end, P01 Skåne's country) and nothing about missing sheets.
    expect(findings.filter((f) => f.severity === 'error').map((f) => f.rule).sort()).toEqual(['P01', 'P02']);
    expect(r.code).toBe(1);
  });

  it('check takes several files: a heading per file, one exit status (the highest)', async () => {
    const r = await cliInProcess('check', partnerFile(1), at('sample.xlsx'), at('missing.xlsx'));
    expect(r.stdout).toContain(`== ${partnerFile(1)} ==`);
    expect(r.stdout).toContain(`== ${at('sample.xlsx')} ==`);
    expect(r.stdout).toContain(`== ${at('missing.xlsx')} ==\nnot checked: cannot read ${at('missing.xlsx')}`);
    expect(r.code).toBe(2);
    const ok = await cliInProcess('check', partnerFile(1), partnerFile(2));
    expect(ok.code).toBe(1); // the sample's two errors in each
  });
});

describe('import', () => {
  let result: WorkbookSnapshot;
  let stdout: string;
  const before = () => bookBytes().toString('base64');
  let bookBefore: string;

  beforeAll(async () => {
    for (let n = 1; n <= 11; n++) editAsPartner(n);
    bookBefore = before();
    const files = Array.from({ length: 11 }, (_, i) => partnerFile(i + 1));
    const r = await cliInProcess('import', at('sample.xlsx'), ...files, '-o', at('imported.xlsx'));
    stdout = r.stdout;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1); // the sample's two errors, and T03 for each doubled MEDIA row
    result = await readWithExcelJS(at('imported.xlsx'));
  });

  it('prints per file what changed, then the check', () => {
    expect(stdout).toContain(`${partnerFile(3)}: partner 3 (West-Pannon Regional and Economic Development Public Nonprofit Ltd.): 1 budget cell changed (periods P2); indicator rows: 0 changed, 1 added, 0 removed`);
    expect(stdout).toMatch(/imported\.xlsx: 13 errors/);
  });

  it('never writes BOOK', () => {
    expect(before()).toBe(bookBefore);
  });

  it('gives back the sample with the edits, cell for cell (read by ExcelJS)', () => {
    expect(result.sheets.map((s) => s.name)).toEqual(sample.sheets.map((s) => s.name));
    for (const s of sample.sheets) {
      const got = cells(result.sheets.find((x) => x.name === s.name)!);
      const want = cells(s);
      const n = Number(Object.entries(BUDGET_SHEET).find(([, name]) => name === s.name)?.[0]);
      if (n) {
        for (const c of EDITED(n)) {
          const [v, f] = want.get(c)!;
          want.set(c, [(Math.round((v as number) * 100) + DELTA_CENTS[n]) / 100, f]);
        }
      }
      if (s.name === 'Indicators') {
        // Each partner's seven rows, then its new row: rows below move down one per partner above.
        const moved = new Map<string, [CellValue, string | null]>();
        for (const [addr, cell] of want) {
          const row = Number(/\d+/.exec(addr)![0]);
          if (row <= 3) {
            moved.set(addr, cell);
            continue;
          }
          const partner = Math.floor((row - 4) / 7) + 1; // 7 rows a partner from row 4
          const to = row + partner - 1;
          const col = addr.replace(/\d+/, '');
          moved.set(`${col}${to}`, col === 'K' ? [cell[0], `=SUM(C${to}:J${to})`] : cell);
        }
        for (let p = 1; p <= 11; p++) {
          const r = 4 + p * 8 - 1;
          moved.set(`A${r}`, [p, null]);
          moved.set(`B${r}`, ['MEDIA', null]);
          moved.set(`E${r}`, [1, null]);
          moved.set(`K${r}`, [1, `=SUM(C${r}:J${r})`]);
        }
        expect(Object.fromEntries(got)).toEqual(Object.fromEntries(moved));
        continue;
      }
      expect(Object.fromEntries(got)).toEqual(Object.fromEntries(want));
    }
  });

  it('moves the figures by exactly the typed amounts', async () => {
    const figs = async (file: string) => toFiguresJson(consolidateWorkbook(await readXlsxSnapshot(file), { now: new Date('2026-01-01') }).figures);
    const a = await figs(at('sample.xlsx'));
    const b = await figs(at('imported.xlsx'));
    const cents = (x: number) => Math.round(x * 100);
    expect(cents(b.totals.reported.total) - cents(a.totals.reported.total)).toBe(DELTA_SUM_CENTS);
    expect(cents(b.totals.reported.travel!) - cents(a.totals.reported.travel!)).toBe(DELTA_SUM_CENTS);
    expect(cents(b.periods[1].reported) - cents(a.periods[1].reported)).toBe(DELTA_SUM_CENTS);
    expect(b.periods[0].reported).toBe(a.periods[0].reported);
    for (let n = 1; n <= 11; n++) {
      expect(cents(b.partners[n - 1].reported.total) - cents(a.partners[n - 1].reported.total)).toBe(DELTA_CENTS[n]);
      expect(b.partners[n - 1].budget).toEqual(a.partners[n - 1].budget);
    }
    const media = (f: typeof a) => f.indicators.find((i) => i.code === 'MEDIA')!;
    expect(media(b).achieved - media(a).achieved).toBe(11);
    expect(media(b).byPartner['3'] - media(a).byPartner['3']).toBe(1);
    expect(b.totals.budget).toEqual(a.totals.budget);
  });

  it('takes a partner file saved by LibreOffice (shared strings, its own styles, recalculated) as the file itself', async () => {
    const [saved] = await recalculate([partnerFile(7)]);
    const a = await cliInProcess('import', at('sample.xlsx'), partnerFile(7), '-o', at('i7.xlsx'));
    const b = await cliInProcess('import', at('sample.xlsx'), saved, '-o', at('i7-lo.xlsx'));
    expect(b.stdout.split('\n')[0].replace(saved, 'FILE')).toBe(a.stdout.split('\n')[0].replace(partnerFile(7), 'FILE'));
    expect(a.stdout.split('\n')[0]).toMatch(/1 budget cell changed \(periods P2\); indicator rows: 0 changed, 1 added, 0 removed$/);
    const x = await readWithExcelJS(at('i7.xlsx'));
    const y = await readWithExcelJS(at('i7-lo.xlsx'));
    for (const sheet of x.sheets) expect(Object.fromEntries(cells(y.sheets.find((t) => t.name === sheet.name)!))).toEqual(Object.fromEntries(cells(sheet)));
  }, 180000);

  it("leaves out a row that names another partner, and says so", async () => {
    const parts = readZip(partnerFile(9));
    const ind = partOf(parts, 'Indicators');
    parts[ind] = strToU8(strFromU8(parts[ind]).replace('</sheetData>', '<row r="12"><c r="A12"><v>4</v></c><c r="B12" t="inlineStr"><is><t>PLE</t></is></c><c r="C12"><v>5</v></c></row></sheetData>'));
    writeZip(at('p9-other-row.xlsx'), parts);
    const r = await cliInProcess('import', at('sample.xlsx'), at('p9-other-row.xlsx'), '-o', at('i9.xlsx'));
    expect(r.stdout.split('\n')[0]).toMatch(/: partner 9 \(Flanders Innovation & Entrepreneurship\): 1 budget cell changed \(periods P2\); indicator rows: 0 changed, 1 added, 0 removed \(1 row naming another partner left out\)$/);
    const got = await readWithExcelJS(at('i9.xlsx'));
    const ind9 = got.sheets.find((s) => s.name === 'Indicators')!;
    // Partner 4 keeps its seven rows; partner 9 has eight (its seven and the MEDIA row it added).
    expect(ind9.values.filter((row) => row[0] === 4)).toHaveLength(7);
    expect(ind9.values.filter((row) => row[0] === 9)).toHaveLength(8);
  });

  it("leaves a consolidated BOOK's report tabs, state and marks as they were, but for references to rows that moved", async () => {
    expect((await cliInProcess('consolidate', at('sample.xlsx'), '-o', at('sample-consolidated.xlsx'))).code).toBe(1);
    const r = await cliInProcess('import', at('sample-consolidated.xlsx'), partnerFile(2), '-o', at('i2c.xlsx'));
    expect(r.stderr).toBe('');
    const before = readZip(at('sample-consolidated.xlsx'));
    const after = readZip(at('i2c.xlsx'));
    // Partner 2 added a row: Excel is asked to calculate on open (a range grew), nothing else of the workbook part changes.
    expect(strFromU8(after['xl/workbook.xml'])).toBe(strFromU8(before['xl/workbook.xml']).replace('<calcPr calcId="171027"/>', '<calcPr calcId="171027" fullCalcOnLoad="1"/>'));
    // Report Indicators' formulas point at the rows they pointed at: partner 2's rows were 11..17, its new row is
    // 18, so every reference to row 18 and below is one row further down (Excel's own rule for an inserted row).
    const reportIndicators = partOf(before, 'Report Indicators');
    const down = (xml: string) => xml.replace(/Indicators!C(\d+):J(\d+)/g, (m, a: string, b: string) => (Number(a) >= 18 ? `Indicators!C${Number(a) + 1}:J${Number(b) + 1}` : m));
    expect(strFromU8(after[reportIndicators])).toBe(down(strFromU8(before[reportIndicators])));
    expect(strFromU8(after[reportIndicators])).toContain('SUM(Indicators!C17:J17)</f>');
    expect(strFromU8(after[reportIndicators])).toContain('SUM(Indicators!C19:J19)</f>');
    for (const name of Object.keys(before)) {
      if ([partOf(before, 'Budget IDM'), partOf(before, 'Indicators'), reportIndicators, 'xl/calcChain.xml', 'xl/workbook.xml'].includes(name)) continue;
      expect([name, Buffer.from(after[name] ?? []).equals(Buffer.from(before[name]))]).toEqual([name, true]);
    }
  });

  it("takes none of a consolidated partner file's tabs or marks", async () => {
    expect((await cliInProcess('consolidate', partnerFile(5), '-o', at('p5-consolidated.xlsx'))).code).toBe(1);
    const r = await cliInProcess('import', at('sample.xlsx'), at('p5-consolidated.xlsx'), '-o', at('imported5.xlsx'));
    expect(r.stderr).toBe('');
    const parts = readZip(at('imported5.xlsx'));
    expect(strFromU8(parts['xl/workbook.xml'])).not.toMatch(/_clusterix|Report /);
    // Budget Lund's cells keep the sample's styles: same style attributes in the same order.
    const styles = (p: Parts) => strFromU8(p[partOf(p, 'Budget Lund')]).match(/ s="\d+"/g);
    expect(styles(parts)).toEqual(styles(readZip(at('sample.xlsx'))));
  });
});

describe('import refusals: exit 2, one line, nothing written', () => {
  function variant(name: string, from: number, change: (parts: Parts) => void): string {
    const parts = readZip(partnerFile(from));
    change(parts);
    writeZip(at(name), parts);
    return at(name);
  }
  async function refused(files: string[], line: RegExp): Promise<void> {
    const out = at('refused.xlsx');
    const r = await cliInProcess('import', at('sample.xlsx'), ...files, '-o', out);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr.trimEnd()).toMatch(line);
    expect(fs.existsSync(out)).toBe(false);
  }

  it('a file of another project', async () => {
    const f = variant('other-project.xlsx', 2, (p) => {
      const part = partOf(p, 'Project');
      p[part] = strToU8(strFromU8(p[part]).replace('<t xml:space="preserve">ClusteriX 2.0</t>', '<t xml:space="preserve">SmartReg</t>'));
    });
    await refused([partnerFile(1), f], /^clusterix: .*other-project\.xlsx is a file of another project \('SmartReg', not 'ClusteriX 2\.0'\): nothing imported$/);
  });

  it('a partner not listed in BOOK', async () => {
    const f = variant('partner-12.xlsx', 2, (p) => {
      const part = partOf(p, 'Budget IDM');
      p[part] = strToU8(strFromU8(p[part]).replace('<c r="B3" s="3"><v>2</v></c>', '<c r="B3" s="3"><v>12</v></c>').replace(/(<c r="B4"[^>]*><is><t[^>]*>)[^<]*/, '$112'));
    });
    await refused([f], /^clusterix: .*partner-12\.xlsx: Partner No 12 on 'Budget IDM' is not a partner listed in .*sample\.xlsx: nothing imported$/);
  });

  it('two files for one partner', async () => {
    fs.copyFileSync(partnerFile(4), at('again-4.xlsx'));
    await refused([partnerFile(4), at('again-4.xlsx')], /^clusterix: .*again-4\.xlsx and .*sample partner 4\.xlsx are both files of partner 4 \(INMA\): one file per partner; nothing imported$/);
  });

  it("an indicator sheet whose columns are not BOOK's", async () => {
    const f = variant('columns.xlsx', 8, (p) => {
      const part = partOf(p, 'Indicators');
      p[part] = strToU8(strFromU8(p[part]).replace('>P8<', '>P9<'));
    });
    await refused([f], /^clusterix: .*columns\.xlsx: the columns of 'Indicators' \(Partner \| Indicator \| P1 \| P2 \| P3 \| P4 \| P5 \| P6 \| P7 \| P9 \| Total \| Comment\) are not those of 'Indicators' in .*sample\.xlsx \(.*\| P8 \| Total \| Comment\): nothing imported$/);
  });

  it('a file with no budget sheet', async () => {
    const f = variant('no-budget.xlsx', 6, (p) => {
      const part = partOf(p, 'Budget Ostrava');
      p[part] = strToU8(strFromU8(p[part]).replace('>Budget line<', '>Notes<'));
    });
    await refused([f], /^clusterix: .*no-budget\.xlsx has no budget sheet: nothing imported$/);
  });
});

describe('a lead indicator row whose partner name fits two partners', () => {
  it('is no one\'s: importing one of the two partners\' files leaves it where it is, as typed', async () => {
    // 'Region' is the first word of partner 7 (Region of Southern Denmark) and of partner 11 (Region Skåne): I01.
    const parts = readZip(at('sample.xlsx'));
    const ind = partOf(parts, 'Indicators');
    let xml = strFromU8(parts[ind]);
    const row = Number(/<c r="A(\d+)"[^>]*><v>7<\/v><\/c>/.exec(xml)![1]);
    xml = xml.replace(new RegExp(`<c r="A${row}"([^>]*)><v>7</v></c>`), `<c r="A${row}"$1 t="inlineStr"><is><t>Region</t></is></c>`);
    parts[ind] = strToU8(xml);
    writeZip(at('ambiguous.xlsx'), parts);
    const checked = await cliInProcess('check', at('ambiguous.xlsx'), '--json');
    expect(JSON.parse(checked.stdout)).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'I01', sheet: 'Indicators', cell: `A${row}` })]));
    const typed = (await readWithExcelJS(at('ambiguous.xlsx'))).sheets.find((s) => s.name === 'Indicators')!;
    const rowOf = (s: SheetSnapshot, r: number) => s.values[r - 1 - s.top].slice(0);
    const before = rowOf(typed, row);

    expect((await cliInProcess('partner-workbook', at('sample.xlsx'), '--partner', '7', '-o', at('own-7.xlsx'))).code).toBe(0);
    const r = await cliInProcess('import', at('ambiguous.xlsx'), at('own-7.xlsx'), '-o', at('ambiguous-imported.xlsx'));
    expect(r.stderr).toBe('');
    const after = (await readWithExcelJS(at('ambiguous-imported.xlsx'))).sheets.find((s) => s.name === 'Indicators')!;
    const regionRows = after.values.filter((v) => v[0 - after.left] === 'Region');
    expect(regionRows).toEqual([before]);
    // Partner 7's rows are the file's seven (one of them the row the lead's 'Region' row had been).
    expect(after.values.filter((v) => v[0 - after.left] === 7)).toHaveLength(7);
  });
});
