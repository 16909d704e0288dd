/**
 * New partner workbooks… in the pane: every partner's workbook from the open workbook's bytes, by the command
 * line's own builder (partner-books.ts `partnerWorkbook`), named as `clusterix partner-workbook --all` names
 * them. Pure (bytes in, bytes out); the pane loads it on demand, as its own webpack chunk with the package reader,
 * the writer and fflate (codec.browser.ts), so the pane's first load does not grow.
 */
import { readPackage } from '../../snapshot/package-reader';
import { writeZip } from '../../snapshot/package/zip';
import { UserError } from '../../util/errors';
import type { Partner } from '../../model/types';
import { openBook, partnerWorkbook, partnersWithSheets, type OpenedBook } from './partner-books';
import { partnerFileNameOf, partnerZipNameOf } from './partner-file-names';

export { partnerFileNameOf, partnerZipNameOf };

export interface PartnerWorkbookFile {
  no: number;
  /** The partner's name as the Partners table gives it ('' when blank). */
  partner: string;
  /** 'BOOK partner 1.xlsx', as the command line's --all names it. */
  name: string;
  bytes: Uint8Array;
}

/** Characters a file name may not hold on Windows or macOS. */
const unsafe = (name: string) => name.replace(/[\\/:*?"<>|]/g, '-').trim();

/** The workbook opened and its partners with a budget sheet, ready to make their files one at a time. */
export interface PartnerBooksPlan {
  opened: OpenedBook;
  /** How messages name the workbook: its file name, or 'this workbook'. */
  label: string;
  /** The file name the partner files are named after. */
  named: string;
  partners: Partner[];
}

/**
 * Opens the workbook's bytes for New partner workbooks…. `book` is its file name; null for a workbook never saved
 * (files are then named after the project's acronym). Not a reporting workbook, or no partner with a budget sheet:
 * the command line's one line.
 */
export function planPartnerWorkbooks(bytes: Uint8Array, book: string | null): PartnerBooksPlan {
  const label = book ?? 'this workbook';
  const opened = openBook(readPackage(bytes, label), label);
  const partners = partnersWithSheets(opened.model);
  if (partners.length === 0) throw new UserError(`${label} has no partner with one budget sheet: no partner workbook to write`);
  const named = book ?? `${unsafe(opened.model.project?.acronym.value ?? '') || 'workbook'}.xlsx`;
  return { opened, label, named, partners };
}

/** One partner's file (the command line's `partnerWorkbook`), named as --all names it. */
export function partnerWorkbookFile(plan: PartnerBooksPlan, partner: Partner): PartnerWorkbookFile {
  const no = partner.no.value!;
  return { no, partner: partner.name.value ?? '', name: partnerFileNameOf(plan.named, no), bytes: partnerWorkbook(plan.opened, no, plan.label) };
}

/** Download all: the files in one zip, named after the workbook. */
export function zipOfFiles(plan: PartnerBooksPlan, files: PartnerWorkbookFile[]): { name: string; bytes: Uint8Array } {
  return { name: partnerZipNameOf(plan.named), bytes: writeZip(files.map((f) => ({ name: f.name, bytes: f.bytes }))) };
}
