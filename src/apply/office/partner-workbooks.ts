/**
 * New partner workbooks… in Excel: the open workbook's file through Office's Common API (document-file.ts),
 * then the command line's own builder over it (partner-books-all.ts): one workbook per partner, and a zip of them
 * all, for the pane to offer as downloads. Nothing is written to the workbook. The pane loads this module on the
 * first click (its own chunk, with the package reader, writer and fflate).
 */
import type { PartnerBooksOutcome, Progress } from '../../taskpane/actions';
import { partnerWorkbookFile, planPartnerWorkbooks, zipOfFiles, type PartnerWorkbookFile } from '../xlsx/partner-books-all';
import { canReadDocumentFile, PARTNER_BOOKS_NEED_FILE, readDocumentFile } from './document-file';

/** `book`: the workbook's file name (null when never saved). Errors are thrown as they come (the caller words them). */
export async function partnerWorkbooksInExcel(book: string | null, options: { progress?: Progress; sliceSize?: number } = {}): Promise<PartnerBooksOutcome> {
  const { progress } = options;
  if (!canReadDocumentFile()) return { kind: 'failed', message: PARTNER_BOOKS_NEED_FILE };
  progress?.('Reading the workbook’s file', 0.1);
  const bytes = await readDocumentFile({ sliceSize: options.sliceSize, onSlice: (done, total) => progress?.(`Reading the workbook’s file (${done} of ${total})`, 0.1 + (0.4 * done) / total) });
  progress?.('Making the partner workbooks', 0.5);
  const plan = planPartnerWorkbooks(bytes, book);
  const files: PartnerWorkbookFile[] = [];
  for (const [i, p] of plan.partners.entries()) {
    // One partner at a time, the pane repainted between them: a large partnership takes seconds.
    progress?.(`Making partner workbook ${i + 1} of ${plan.partners.length}`, 0.5 + (0.45 * i) / plan.partners.length);
    await new Promise((resolve) => setTimeout(resolve, 0));
    files.push(partnerWorkbookFile(plan, p));
  }
  const all = zipOfFiles(plan, files);
  progress?.('Done', 1);
  return { kind: 'made', files, all };
}
