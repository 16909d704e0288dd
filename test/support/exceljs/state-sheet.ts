/** The very hidden sheet _clusterix in an ExcelJS workbook: the state JSON in column A from A1. */
import type { Workbook, Worksheet } from 'exceljs';
import { joinStateChunks, parseState, stateChunks } from '../../../src/plan/state';
import { STATE_SHEET, type ClusterixState } from '../../../src/plan/types';

export function findSheet(wb: Workbook, name: string): Worksheet | undefined {
  const n = name.toLowerCase();
  return wb.worksheets.find((ws) => ws.name.toLowerCase() === n);
}

export function readState(wb: Workbook): ClusterixState {
  const ws = findSheet(wb, STATE_SHEET);
  if (!ws) return parseState(null);
  const column: unknown[] = [];
  for (let r = 1; r <= ws.rowCount; r++) column.push(ws.getCell(r, 1).value);
  return parseState(joinStateChunks(column));
}

export function removeStateSheet(wb: Workbook): void {
  const ws = findSheet(wb, STATE_SHEET);
  if (ws) wb.removeWorksheet(ws.id);
}

export function writeState(wb: Workbook, state: ClusterixState): void {
  removeStateSheet(wb);
  const ws = wb.addWorksheet(STATE_SHEET, { state: 'veryHidden' });
  stateChunks(state).forEach((chunk, i) => {
    ws.getCell(i + 1, 1).value = chunk;
  });
}
