/** A1 range addresses as Office.js takes and returns them ('A1', 'B2:D9', 'A:C', '3:5', "'Budget WP'!J12"). */
import { a1, columnLetters, parseA1 } from '../../src/util/a1';
import type { Box } from './model';

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;

export interface ParsedAddress {
  sheet: string | null;
  box: Box;
}

export function splitSheet(address: string): { sheet: string | null; local: string } {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(address.trim());
  if (!m) return { sheet: null, local: address.trim() };
  return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], local: m[3] };
}

function colIndex(letters: string): number {
  return parseA1(`${letters}1`).col;
}

/** Throws on anything Excel would call an invalid address. */
export function parseAddress(address: string): ParsedAddress {
  const { sheet, local } = splitSheet(address);
  const cols = /^\$?([A-Z]{1,3}):\$?([A-Z]{1,3})$/i.exec(local);
  if (cols) {
    const l = colIndex(cols[1]);
    const r = colIndex(cols[2]);
    return { sheet, box: { top: 0, left: Math.min(l, r), rows: MAX_ROWS, cols: Math.abs(r - l) + 1 } };
  }
  const rows = /^\$?(\d+):\$?(\d+)$/.exec(local);
  if (rows) {
    const t = Number(rows[1]) - 1;
    const b = Number(rows[2]) - 1;
    if (t < 0 || b < 0 || t >= MAX_ROWS || b >= MAX_ROWS) throw new Error(`invalid address ${address}`);
    return { sheet, box: { top: Math.min(t, b), left: 0, rows: Math.abs(b - t) + 1, cols: MAX_COLS } };
  }
  const parts = local.split(':');
  if (parts.length > 2 || parts.some((p) => !/^\$?[A-Z]{1,3}\$?\d+$/i.test(p))) throw new Error(`invalid address ${address}`);
  const a = parseA1(parts[0]);
  const b = parseA1(parts[1] ?? parts[0]);
  const top = Math.min(a.row, b.row);
  const left = Math.min(a.col, b.col);
  return { sheet, box: { top, left, rows: Math.abs(a.row - b.row) + 1, cols: Math.abs(a.col - b.col) + 1 } };
}

export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** 'B2:D9' (or 'B2' for one cell; 'A:C' for whole columns, '3:5' for whole rows), optionally with the sheet as Excel writes it. */
export function formatBox(box: Box, sheet?: string): string {
  const local =
    box.rows === MAX_ROWS
      ? `${columnLetters(box.left)}:${columnLetters(box.left + box.cols - 1)}`
      : box.rows === 1 && box.cols === 1
        ? a1(box.top, box.left)
        : `${a1(box.top, box.left)}:${a1(box.top + box.rows - 1, box.left + box.cols - 1)}`;
  return sheet === undefined ? local : `${quoteSheetName(sheet)}!${local}`;
}
