/**
 * The open workbook's own bytes, through Office's Common API (the pane cannot see the file): getFileAsync in the
 * compressed (.xlsx) form, each slice in turn, then closeAsync in a finally (Office keeps one file open per
 * document: a file left open refuses the next getFileAsync). Guarded: hosts without the CompressedFile
 * requirement set get the command line's name instead.
 */

/** What the pane says where the host cannot hand over the workbook's file. */
export const PARTNER_BOOKS_NEED_FILE =
  'This Excel cannot hand the add-in the workbook’s file (Office’s CompressedFile API). Make the partner workbooks with the command line instead: clusterix partner-workbook BOOK.xlsx --all -o DIR';

/** Slices of 4 MB, the largest Office allows (fewer round trips on a large workbook). */
export const SLICE_SIZE = 4 * 1024 * 1024;

/** Whether this host can give the workbook's file: the API is there and the CompressedFile set is supported. */
export function canReadDocumentFile(): boolean {
  try {
    if (typeof Office === 'undefined' || typeof Office.context?.document?.getFileAsync !== 'function') return false;
    return Office.context.requirements.isSetSupported('CompressedFile');
  } catch {
    return false;
  }
}

/** Office's error of an async call in one sentence. */
function failure(what: string, error: Office.Error | undefined): Error {
  const why = error?.message?.trim() || 'Office gave no reason';
  return new Error(`Excel could not ${what} (${why}${error?.code !== undefined ? `, code ${error.code}` : ''}). Save the workbook and try again, or use the command line: clusterix partner-workbook BOOK.xlsx --all -o DIR`);
}

/** A slice's data as bytes: Office gives a byte array for the compressed form (base64 text on some hosts). */
function sliceBytes(data: unknown): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (Array.isArray(data)) return Uint8Array.from(data as number[]);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (typeof data === 'string') {
    const text = atob(data);
    const out = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
    return out;
  }
  throw new Error('Excel handed over the workbook’s file in a form the add-in cannot read. Use the command line: clusterix partner-workbook BOOK.xlsx --all -o DIR');
}

// Office's enums as their values at run time (Office.AsyncResultStatus.Succeeded, Office.FileType.Compressed).
const ok = (r: { status: Office.AsyncResultStatus }) => (r.status as unknown) === 'succeeded';
const COMPRESSED = 'compressed' as unknown as Office.FileType;

/** The workbook's file, as Excel would save it now; `onSlice(done, total)` after each slice. */
export async function readDocumentFile(options: { sliceSize?: number; onSlice?: (done: number, total: number) => void } = {}): Promise<Uint8Array> {
  const doc = Office.context.document;
  const file = await new Promise<Office.File>((resolve, reject) =>
    doc.getFileAsync(COMPRESSED, { sliceSize: options.sliceSize ?? SLICE_SIZE }, (r) => (ok(r) ? resolve(r.value) : reject(failure('hand over the workbook’s file', r.error)))),
  );
  try {
    const out = new Uint8Array(file.size);
    let at = 0;
    for (let i = 0; i < file.sliceCount; i++) {
      const slice = await new Promise<Office.Slice>((resolve, reject) =>
        file.getSliceAsync(i, (r) => (ok(r) ? resolve(r.value) : reject(failure(`read part ${i + 1} of ${file.sliceCount} of the workbook’s file`, r.error)))),
      );
      const bytes = sliceBytes(slice.data);
      if (at + bytes.length > out.length) throw failure('hand over the workbook’s file whole', { code: 0, message: 'its parts are longer than the file', name: 'SizeMismatch' });
      out.set(bytes, at);
      at += bytes.length;
      options.onSlice?.(i + 1, file.sliceCount);
    }
    if (at !== out.length) throw failure('hand over the workbook’s file whole', { code: 0, message: `${at} of ${out.length} bytes came`, name: 'SizeMismatch' });
    return out;
  } finally {
    // Its own call, whatever happened: the next getFileAsync needs the file closed.
    await new Promise<void>((resolve) => {
      try {
        file.closeAsync(() => resolve());
      } catch {
        resolve();
      }
    });
  }
}
