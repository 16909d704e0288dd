/**
 * In a strict OOXML package our parts are spelled strict, but a cell's text is the user's: a partner named after a
 * transitional namespace URI keeps it, on the report tabs and on the user's sheets we mark.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { consolidateFile } from '../../src/apply/xlsx';
import { REAL_CASES } from './real-writers';

const TRANSITIONAL = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const dir = mkdtempSync(join(tmpdir(), 'clx-strict-text-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("keeps a cell's text that spells a transitional namespace, on the report tabs and on the user's marked sheets", async () => {
  const strict = REAL_CASES.find((c) => c.name.startsWith('strict OOXML'))!;
  const parts = unzipSync(await strict.make());
  let renamed = 0;
  for (const name of Object.keys(parts)) {
    if (!/^xl\/(sharedStrings|worksheets\/sheet\d+)\.xml$/.test(name)) continue;
    const xml = strFromU8(parts[name]);
    const next = xml.replace(/>ecoplus\. The Business Agency of Lower Austria</g, () => (renamed++, `>ecoplus ${TRANSITIONAL}<`));
    parts[name] = strToU8(next);
  }
  expect(renamed).toBeGreaterThan(0);
  const book = join(dir, 'strict.xlsx');
  const out = join(dir, 'strict.out.xlsx');
  writeFileSync(book, zipSync(parts));
  await consolidateFile(book, out, { now: new Date('2026-01-15T10:00:00Z') });
  const written = unzipSync(readFileSync(out));
  const tabs = Object.keys(written).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n) && !(n in parts));
  expect(tabs.length).toBeGreaterThan(0);
  const texts = tabs.map((n) => strFromU8(written[n]));
  expect(texts.some((x) => x.includes(`>ecoplus ${TRANSITIONAL}<`))).toBe(true);
  // The user's own sheets, marked or not, keep it too.
  for (const name of Object.keys(parts).filter((n) => strFromU8(parts[n]).includes(TRANSITIONAL) && n !== 'xl/workbook.xml'))
    expect(strFromU8(written[name]).split(`>ecoplus ${TRANSITIONAL}<`).length).toBe(strFromU8(parts[name]).split(`>ecoplus ${TRANSITIONAL}<`).length);
  // Our own parts are still spelled strict.
  for (const x of texts) expect(x).toContain('xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"');
});
