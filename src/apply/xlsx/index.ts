/** Writing the report plan into .xlsx files (the command line's face): the package is patched, never rebuilt. */
export { consolidateFile, clearFile, userSheetsOnly } from './files';
export { consolidatePackage, clearPackage, type PackageTransform } from './package/apply';
