/** A strict fake of the Office.js Excel subset the add-in uses, over plain workbook data (see README.md). */
export { installFakeOffice, createFakeOffice, FakeRequestContext, type FakeOffice } from './install';
export type { FakeOfficeOptions, FakeStats, SyncRecord } from './host';
export { FakeOfficeError, ErrorCodes } from './errors';
export { workbookFromSnapshot, snapshotFromWorkbook, setLook, findSheet, getCell, type FakeWorkbook, type FakeSheet, type FakeCell } from './model';
export { parseAddress, formatBox } from './address';
