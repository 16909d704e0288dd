/** A small user workbook with the things a finance officer's file has, and a hand-made report plan over it. */
import ExcelJS from 'exceljs';
import type { ReportPlan, PlannedTab } from '../../src/plan/types';
import { REPORT_TAB_NAMES } from '../../src/plan/types';

export async function userBook(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const p = wb.addWorksheet('Project');
  p.getCell('A1').value = 'Project acronym';
  p.getCell('B1').value = 'ClusteriX 2.0';
  p.getCell('A2').value = 'Total budget (EUR)';
  p.getCell('B2').value = 1000.5;
  p.getCell('B2').numFmt = '#,##0.00';
  p.getCell('A3').value = 'Budget sheet';
  p.getCell('B3').value = { text: 'go to budget', hyperlink: "#'Budget WP'!B2" };
  p.mergeCells('D1:F1');
  p.getCell('D1').value = 'Merged title';
  p.getCell('A4').value = '=not a formula';
  p.getCell('B1').note = 'acronym as in the application form';
  const b = wb.addWorksheet('Budget WP');
  b.getCell('A1').value = 'Budget line';
  b.getCell('B1').value = 'P1';
  b.getCell('C1').value = 'P2';
  b.getCell('D1').value = 'Total';
  const lines: [string, number, number][] = [
    ['Staff costs', 100.1, 200.2],
    ['Office and administration', 15.01, 30.03],
    ['Travel and accommodation', 50, 60.55],
  ];
  lines.forEach(([label, p1, p2], i) => {
    const r = i + 2;
    b.getCell(r, 1).value = label;
    b.getCell(r, 2).value = p1;
    b.getCell(r, 3).value = p2;
    b.getCell(r, 4).value = { formula: `B${r}+C${r}`, result: Math.round((p1 + p2) * 100) / 100 };
  });
  // Two cells with the same user fill: ExcelJS will share their style object on reading.
  const green: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00B050' } };
  b.getCell('B2').fill = green;
  b.getCell('C2').fill = green;
  b.getCell('B3').note = 'flat rate, see call';
  b.getCell('C3').note = { texts: [{ text: 'rich ', font: { bold: true } }, { text: 'note' }] };
  b.getCell('B4').dataValidation = { type: 'decimal', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [0] };
  b.addConditionalFormatting({
    ref: 'B2:C4',
    rules: [{ type: 'cellIs', operator: 'lessThan', formulae: [0], priority: 1, style: { font: { color: { argb: 'FFFF0000' } } } }],
  });
  wb.definedNames.add("'Budget WP'!$B$2:$C$4", 'Amounts');
  const h = wb.addWorksheet('Hidden notes', { state: 'hidden' });
  h.getCell('A1').value = 'kept out of sight';
  await wb.xlsx.writeFile(path);
}

function tab(name: (typeof REPORT_TAB_NAMES)[number], extra: PlannedTab['cells'] = []): PlannedTab {
  return {
    name,
    cells: [{ row: 0, col: 0, value: { kind: 'text', text: name }, style: 'title' }, ...extra],
    columnWidths: [30, 14, 14],
    freeze: { rows: 3, cols: 1 },
    merges: ['A1:C1'],
    print: { orientation: 'landscape', fitToWidth: true, repeatRows: { first: 2, last: 2 } },
  };
}

/** Summary: each budget line's total as a live formula over Budget WP, plus a grand total. */
export function handPlan(markCells: { sheet: string; cell: string; severity: 'error' | 'warning' | 'info' }[] = []): ReportPlan {
  const summary = tab('Report Summary', [
    { row: 2, col: 0, value: { kind: 'text', text: 'Budget line' }, style: 'header' },
    { row: 2, col: 1, value: { kind: 'text', text: 'Planned' }, style: 'header' },
    { row: 3, col: 0, value: { kind: 'text', text: 'Staff costs' } },
    { row: 3, col: 1, value: { kind: 'formula', formula: "='Budget WP'!B2+'Budget WP'!C2", result: 300.3 }, numberFormat: '#,##0.00' },
    { row: 4, col: 0, value: { kind: 'text', text: 'Office and administration' } },
    { row: 4, col: 1, value: { kind: 'formula', formula: "='Budget WP'!B3+'Budget WP'!C3", result: 45.04 }, numberFormat: '#,##0.00' },
    { row: 5, col: 0, value: { kind: 'text', text: 'Travel and accommodation' } },
    { row: 5, col: 1, value: { kind: 'formula', formula: "='Budget WP'!B4+'Budget WP'!C4", result: 110.55 }, numberFormat: '#,##0.00' },
    { row: 6, col: 0, value: { kind: 'text', text: 'Total' }, style: 'total' },
    { row: 6, col: 1, value: { kind: 'formula', formula: '=SUM(B4:B6)', result: 455.89 }, style: 'total', numberFormat: '#,##0.00' },
    { row: 7, col: 0, value: { kind: 'text', text: '=1+1 typed by a user' } },
    { row: 7, col: 1, value: { kind: 'number', value: 0.25 }, numberFormat: '0.0%' },
  ]);
  const checks = tab('Report Checks', [
    { row: 3, col: 0, value: { kind: 'link', text: 'Budget WP!B3', sheet: 'Budget WP', cell: 'B3' } },
    { row: 3, col: 1, value: { kind: 'formula', formula: '=IF(1>0,"yes","no")', result: 'yes' } },
  ]);
  return {
    tabs: [summary, tab('Report By partner'), tab('Report Spending plan'), tab('Report Indicators'), checks],
    marks: markCells.map((m) => ({ ...m, note: `[B01] mark on ${m.cell}`, rules: ['B01'] })),
  };
}
