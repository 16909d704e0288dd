/** How partner files are named, by both faces: `clusterix partner-workbook --all` and the pane's New partner workbooks…. */

/** The extension as Node's path.extname gives it ('.xlsx'; '' for 'book' or '.hidden'). */
const extOf = (file: string) => /[^.](\.[^.]*)$/.exec(file)?.[1] ?? '';

/** 'BOOK.xlsx' → 'BOOK partner 3.xlsx' (without Node's path: the pane names files too). */
export function partnerFileNameOf(book: string, no: number): string {
  const base = book.split(/[\\/]/).pop() ?? book;
  const ext = extOf(base);
  return `${base.slice(0, base.length - ext.length)} partner ${no}${ext || '.xlsx'}`;
}

/** 'BOOK.xlsx' → 'BOOK partner workbooks.zip': every partner's file in one download. */
export function partnerZipNameOf(book: string): string {
  const base = book.split(/[\\/]/).pop() ?? book;
  return `${base.slice(0, base.length - extOf(base).length)} partner workbooks.zip`;
}
