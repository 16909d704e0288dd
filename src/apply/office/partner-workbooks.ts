/**
 * New partner workbooks… in Excel: the open workbook's file through Office's Common API (document-file.ts),
 * then the command line's own builder over it (partner-books-all.ts): one workbook per partner, and a zip of them
 * all, for the pane to offer as downloads. Nothing is written to the workbook. The pane loads this module on the
 * first click (its own chunk, with the package reader, writer and fflate).
 */
import type { PartnerBooksOutcome, Progress } from '../../taskpane/actions';
import { partnerWorkbooksOf } from '../xlsx/partner-books-all';
import { canReadDocumentFile, PARTNER_BOOKS_NEED_FILE, readDocumentFile } from './document-file';

/** `book`: the workbook's file name (null when never saved). Errors are thrown as they come (the caller words them). */
export async function partnerWorkbooksInExcel(book: string | null, options: { progress?: Progress; sliceSize?: number } = {}): Promise<PartnerBooksOutcome> {
  const { progress } = options;
  if (!canReadDocumentFile()) return { kind: 'failed', message: PARTNER_BOOKS_NEED_FILE };
  progress?.('Reading the workbook’s file', 0.1);
  const bytes = await readDocumentFile({ sliceSize: options.sliceSize, onSlice: (done, total) => progress?.(`Reading the workbook’s file (${done} of ${total})`, 0.1 + (0.4 * done) / total) });
  progress?.('Making the partner workbooks', 0.6);
  const made = partnerWorkbooksOf(bytes, book);
  progress?.('Done', 1);
  return { kind: 'made', ...made };
}
