/** Office's and the engine's errors in words for the pane: never a stack trace. */
const OFFICE_CODES: Record<string, string> = {
  AccessDenied: 'Excel refused the change: the workbook or a sheet may be protected, or opened read-only.',
  InsufficientPermissions: 'Excel refused the change: the workbook or a sheet is protected.',
  ItemNotFound: 'A sheet or cell the add-in needed is no longer there. Run Check again.',
  InvalidArgument: 'Excel could not take one of the values the add-in wrote.',
  ApiNotFound: 'This version of Excel lacks a feature the add-in needs (Excel API 1.12).',
  GeneralException: 'Excel could not finish the change. Leave cell editing mode (press Esc) and try again.',
  InvalidOperationInCellEditMode: 'Excel is editing a cell. Press Enter or Esc, then try again.',
  EditModeCannotPerformOperation: 'Excel is editing a cell. Press Enter or Esc, then try again.',
  RequestPayloadSizeLimitExceeded: 'The workbook is too large for Excel on the web to handle in one go.',
  ResponsePayloadSizeLimitExceeded: 'The workbook is too large for Excel on the web to handle in one go.',
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
