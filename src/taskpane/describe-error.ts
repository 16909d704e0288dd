/** Office's and the engine's errors in words for the pane, each with what to do next: never a stack trace. */
const TOO_LARGE =
  'The workbook is too large for Excel on the web to handle in one go. Open it in desktop Excel (Windows or Mac) and run Check there, or save a copy and run the command line: clusterix check BOOK.xlsx.';
const OFFICE_CODES: Record<string, string> = {
  AccessDenied: 'Excel refused the change: the workbook or a sheet may be protected, or opened read-only. Unprotect it (Review → Unprotect) or save an editable copy, then try again.',
  InsufficientPermissions: 'Excel refused the change: the workbook or a sheet is protected. Unprotect it (Review → Unprotect), then try again.',
  ItemNotFound: 'A sheet or cell the add-in needed is no longer there. Run Check again.',
  InvalidArgument: 'Excel could not take one of the values the add-in wrote. Run Clear marks, then Check again; if it happens again, try the command line on a saved copy.',
  ApiNotFound: 'This version of Excel lacks a feature the add-in needs (Excel API 1.12). Use Microsoft 365 or Excel 2021 or later, or the command line: clusterix check BOOK.xlsx.',
  GeneralException: 'Excel could not finish the change. Leave cell editing mode (press Esc) and try again.',
  InvalidOperationInCellEditMode: 'Excel is editing a cell. Press Enter or Esc, then try again.',
  EditModeCannotPerformOperation: 'Excel is editing a cell. Press Enter or Esc, then try again.',
  RequestPayloadSizeLimitExceeded: TOO_LARGE,
  ResponsePayloadSizeLimitExceeded: TOO_LARGE,
  Conflict: 'Someone else changed the workbook at the same time. Try again.',
};

export function describeError(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown; name?: unknown } | null;
  const code = e && typeof e.code === 'string' ? e.code : '';
  const message = e && typeof e.message === 'string' && e.message.trim() ? e.message.trim() : String(error);
  // Office's own sentence stays beside ours: it names the sheet or range a support person needs.
  if (code && OFFICE_CODES[code]) return message && message !== code ? `${OFFICE_CODES[code]} (Excel: ${message})` : OFFICE_CODES[code];
  return code ? `${message} (Excel: ${code})` : message;
}
