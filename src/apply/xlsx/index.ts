/** Writing the report plan into .xlsx files (the command line's face). */
export { consolidateFile, clearFile, userSheetsOnly } from './files';
export { applyPlan, clearWorkbook } from './apply-plan';
export { partsWeCannotCarry } from './carry-check';
export { teachExcelJsInternalLinks } from './internal-links';
