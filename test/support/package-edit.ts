/** Editing a written package as a partner's Excel would, for the partner-workbook tests of both faces. */
import * as fs from 'fs';
import { unzipSync, strFromU8 } from 'fflate';

export type Parts = Record<string, Uint8Array>;

export const readZip = (file: string): Parts => unzipSync(new Uint8Array(fs.readFileSync(file)));

/** The worksheet part of a sheet, by name, through workbook.xml and its rels. */
export function partOf(parts: Parts, sheet: string): string {
  const wb = strFromU8(parts['xl/workbook.xml']);
  const rid = new RegExp(`<sheet name="${sheet}"[^>]*r:id="(rId\\d+)"`).exec(wb)![1];
  const rels = strFromU8(parts['xl/_rels/workbook.xml.rels']);
  return `xl/${new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)![1]}`;
}

/** Adds cents to the number (cached value) of the cells, as Excel would after the partner typed. */
export function bump(xml: string, cells: string[], cents: number): string {
  for (const c of cells) {
    xml = xml.replace(new RegExp(`(<c r="${c}"[^>]*>(?:<f>[^<]*</f>)?<v>)([^<]+)(</v>)`), (_m, a, v, b) => `${a}${(Math.round(Number(v) * 100) + cents) / 100}${b}`);
  }
  return xml;
}
