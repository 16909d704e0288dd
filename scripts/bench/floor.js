'use strict';
// The floor: what any xlsx tool pays to read a workbook with ExcelJS and write it back, nothing else.
const ExcelJS = require('exceljs');

async function main(input, output) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(input);
  await workbook.xlsx.writeFile(output);
}

main(process.argv[2], process.argv[3]).catch((e) => {
  process.stderr.write(`floor: ${e && e.message}\n`);
  process.exitCode = 2;
});
