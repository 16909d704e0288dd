/**
 * What ExcelJS cannot carry from BOOK to OUT. Nothing of the user's may be silently dropped, so we look
 * inside the xlsx package before reading it and refuse (exit 2) naming what would be lost.
 */
import type JSZip from 'jszip';
import { UserError } from '../../util/errors';
import { readZipEntries } from '../../snapshot/zip-entries';

/** Package parts by folder or name, in the finance officer's words. */
const PART_KINDS: { test: RegExp; what: string }[] = [
  { test: /^xl\/charts\/(?!clusterixChart\d+\.xml$|_rels\/clusterixChart)/i, what: 'charts' },
  { test: /^xl\/chartsheets\//i, what: 'chart sheets' },
  { test: /^xl\/pivot(Tables|Cache)\//i, what: 'pivot tables' },
  { test: /^xl\/slicer(s|Caches)\//i, what: 'slicers' },
  { test: /^xl\/timeline(s|Caches)\//i, what: 'timelines' },
  { test: /^xl\/vbaProject\.bin$/i, what: 'macros (VBA project)' },
  { test: /^xl\/(macrosheets|dialogsheets)\//i, what: 'macro or dialog sheets' },
  { test: /^xl\/threadedComments\//i, what: 'threaded comments' },
  { test: /^xl\/externalLinks\//i, what: 'links to other workbooks (external links)' },
  { test: /^xl\/drawings\/drawing[^/]*\.xml$/i, what: 'drawings, shapes or pictures' },
  { test: /^xl\/(ctrlProps|activeX)\//i, what: 'form or ActiveX controls' },
  { test: /^xl\/embeddings\//i, what: 'embedded objects' },
  { test: /^xl\/(connections\.xml|queryTables\/)/i, what: 'data connections or queries' },
  { test: /^xl\/model\//i, what: 'a data model (Power Pivot)' },
  { test: /^xl\/richData\//i, what: 'pictures in cells or linked data types' },
  { test: /^xl\/metadata\.xml$/i, what: 'dynamic array formulas (spilled results)' },
];

/** Worksheet XML elements ExcelJS drops on reading. */
const SHEET_KINDS: { test: RegExp; what: string }[] = [
  { test: /<(\w+:)?sparklineGroups[\s>]/, what: 'sparklines' },
  { test: /<x14:dataValidations[\s>]/, what: 'data validation lists that point to another sheet' },
  { test: /<(\w+:)?protectedRanges[\s>]/, what: 'protected ranges' },
  { test: /<(\w+:)?scenarios[\s>]/, what: 'scenarios' },
  { test: /<(\w+:)?customSheetViews[\s>]/, what: 'custom views' },
  { test: /<(\w+:)?legacyDrawingHF[\s>]/, what: 'pictures in headers or footers' },
  { test: /<(\w+:)?picture[\s>]/, what: 'sheet background pictures' },
];

const ANY_SHEET_KIND = new RegExp(SHEET_KINDS.map((k) => `(?:${k.test.source})`).join('|'));

/** Workbook settings in xl/workbook.xml that ExcelJS drops. */
const WORKBOOK_KINDS: { test: RegExp; what: string }[] = [
  { test: /<(\w+:)?workbookProtection[\s>/]/, what: 'a protected workbook structure' },
  { test: /<(\w+:)?fileSharing[\s>/]/, what: 'a write-reservation password' },
  { test: /<(\w+:)?customWorkbookViews[\s>]/, what: 'custom views' },
];

/** Every kind of part in the package ExcelJS would lose, in order of first appearance; empty when all can be carried. */
export async function partsWeCannotCarry(zip: JSZip, bytes?: Buffer): Promise<string[]> {
  const found = new Set<string>();
  const names = Object.keys(zip.files);
  for (const name of names) {
    for (const k of PART_KINDS) if (k.test.test(name)) found.add(k.what);
  }
  const workbookXml = await zip.file('xl/workbook.xml')?.async('string');
  for (const k of WORKBOOK_KINDS) if (workbookXml && k.test.test(workbookXml)) found.add(k.what);
  const isSheet = (n: string) => /^xl\/worksheets\/[^/]+\.xml$/i.test(n);
  const native = bytes ? readZipEntries(bytes, isSheet) : null;
  for (const name of names.filter(isSheet)) {
    const xml = native?.get(name) ?? (await zip.file(name)!.async('string'));
    // One pass over the sheet for all kinds; naming them only for the rare sheet that has one.
    if (ANY_SHEET_KIND.test(xml)) for (const k of SHEET_KINDS) if (k.test.test(xml)) found.add(k.what);
  }
  // Plain tables (Format as Table) come through; ExcelJS drops a table's calculated-column and custom total formulas.
  for (const name of names.filter((n) => /^xl\/tables\/[^/]+\.xml$/i.test(n))) {
    const xml = await zip.file(name)!.async('string');
    if (/calculatedColumnFormula|totalsRowFormula|<(\w+:)?extLst[\s>]/.test(xml)) found.add('tables with calculated columns or custom totals');
  }
  return [...found];
}

/** Refuse with a one-line reason when the workbook holds parts we would drop. */
export async function assertCarriable(zip: JSZip, fileName: string, bytes?: Buffer): Promise<void> {
  const parts = await partsWeCannotCarry(zip, bytes);
  if (parts.length > 0) {
    throw new UserError(
      `${fileName} holds ${parts.join(', ')}, which this command line cannot carry over; ` +
        'use Consolidate in Excel (the add-in), or remove them from a copy first',
    );
  }
}
