/**
 * Reads an .xlsx file into the plain-cell snapshot the engine works on (the CLI's face; the add-in reads
 * through Office.js), with the package reader of our own (src/snapshot/package-reader.ts).
 */
export { readXlsxSnapshotOwn as readXlsxSnapshot } from './package-reader';
