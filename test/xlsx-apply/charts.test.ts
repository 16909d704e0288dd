/**
 * The command line's chart parts and notes, read back from the package it writes: a column chart on Report
 * Summary and a line chart on Report Spending plan over the tab's own cells, every part well-formed XML with its
 * relationship and content type; our notes by "ClusteriX Reporting" in a box sized to their text; and a
 * consolidated file consolidated again (our own charts are not refused as a user's).
 */
import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { consolidateFile } from '../../src/apply/xlsx';
import { sheetPart } from '../../src/apply/xlsx/charts';
import { noteBoxLines } from '../../src/apply/xlsx/note-parts';
import { writeSample } from '../libreoffice/books';

const now = new Date('2026-01-15T10:00:00Z');
let pkg: Record<string, Uint8Array>;
let again: Record<string, Uint8Array>;
const text = (name: string) => strFromU8(pkg[name]);

function wellFormed(xml: string): void {
  const p = new SaxesParser({ xmlns: true });
  p.on('error', (e) => {
    throw e;
  });
  p.write(xml).close();
}

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'clx-charts-'));
  const book = join(dir, 'sample.xlsx');
  await writeSample(book);
  await consolidateFile(book, join(dir, 'out.xlsx'), { now });
  pkg = unzipSync(new Uint8Array(readFileSync(join(dir, 'out.xlsx'))));
  await consolidateFile(join(dir, 'out.xlsx'), join(dir, 'again.xlsx'), { now });
  again = unzipSync(new Uint8Array(readFileSync(join(dir, 'again.xlsx'))));
}, 120000);

test('a column chart on Report Summary and a line chart on Report Spending plan, over the tab\'s cells', () => {
  const charts = Object.keys(pkg).filter((n) => /^xl\/charts\/clusterixChart\d+\.xml$/.test(n)).sort();
  expect(charts).toEqual(['xl/charts/clusterixChart1.xml', 'xl/charts/clusterixChart2.xml']);
  const [column, line] = charts.map(text);
  expect(column).toContain('<c:barChart><c:barDir val="col"/>');
  expect(column).toContain("<c:f>'Report Summary'!$A$9:$A$14</c:f>");
  expect(column).toContain("<c:f>'Report Summary'!$B$9:$B$14</c:f>");
  expect(column).toContain("<c:f>'Report Summary'!$E$9:$E$14</c:f>");
  expect(column).toContain('<c:pt idx="0"><c:v>Staff costs</c:v></c:pt>');
  expect(line).toContain('<c:lineChart>');
  expect(line).toContain("<c:f>'Report Spending plan'!$H$9:$H$16</c:f>");
  expect(line).toContain("<c:f>'Report Spending plan'!$I$9:$I$14</c:f>"); // reported up to the current period, P6
  expect(line).toContain('<c:v>2126574</c:v>');
});

test('each chart hangs off its sheet through a drawing, with relationships and content types', () => {
  const types = text('[Content_Types].xml');
  for (const [tab, d] of [['Report Summary', 1], ['Report Spending plan', 2]] as const) {
    const part = sheetPart(pkg, tab)!;
    const sheet = text(part);
    const id = /<drawing r:id="(rId\d+)"\/>/.exec(sheet)![1];
    const rels = text(part.replace('worksheets/', 'worksheets/_rels/') + '.rels');
    expect(rels).toContain(`Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/clusterixDrawing${d}.xml"`);
    // <drawing> comes after the page setup and before any legacyDrawing (CT_Worksheet's order).
    expect(sheet.indexOf('<drawing ')).toBeGreaterThan(sheet.indexOf('<pageSetup'));
    if (sheet.includes('<legacyDrawing')) expect(sheet.indexOf('<drawing ')).toBeLessThan(sheet.indexOf('<legacyDrawing'));
    expect(text(`xl/drawings/_rels/clusterixDrawing${d}.xml.rels`)).toContain(`Target="../charts/clusterixChart${d}.xml"`);
    expect(types).toContain(`<Override PartName="/xl/drawings/clusterixDrawing${d}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`);
    expect(types).toContain(`<Override PartName="/xl/charts/clusterixChart${d}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`);
  }
  for (const name of Object.keys(pkg).filter((n) => /\.(xml|rels|vml)$/.test(n) && !n.endsWith('.vml'))) expect(() => wellFormed(text(name))).not.toThrow();
});

test('our notes are by ClusteriX Reporting; a note box is sized to its text', () => {
  const part = sheetPart(pkg, 'Project')!;
  const rels = text(part.replace('worksheets/', 'worksheets/_rels/') + '.rels');
  const comments = `xl/${/Target="\.\.\/(comments\d+\.xml)"/.exec(rels)![1]}`;
  const xml = text(comments);
  const authors = [...(/<authors>(.*)<\/authors>/.exec(xml)![1]).matchAll(/<author>([^<]*)<\/author>/g)].map((m) => m[1]);
  expect(authors).toEqual(['ClusteriX Reporting']);
  expect(xml).toMatch(/<comment ref="C14" authorId="0"/);
  expect(noteBoxLines('x'.repeat(100))).toBe(3);
  expect(noteBoxLines('a\nb')).toBe(2);
});

test('a consolidated file consolidates again: our charts are rebuilt, not refused nor doubled', () => {
  expect(Object.keys(again).filter((n) => /^xl\/charts\//.test(n)).sort()).toEqual(['xl/charts/clusterixChart1.xml', 'xl/charts/clusterixChart2.xml']);
});
