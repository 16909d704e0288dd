/** The ExcelJS-based reader the command line used before its own package reader: kept as an independent reader for tests. */
export { readXlsxSnapshot } from './exceljs/reader';
