/** The Office.js face: read the open workbook, apply a report plan, and the pane's actions over Excel.run. */
export { createOfficeActions, type OfficeActionOptions } from './actions';
export { readWorkbook, type WorkbookRead } from './read';
export { applyReport, applyClear, type ApplyResult } from './apply';
