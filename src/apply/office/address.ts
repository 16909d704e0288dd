/** Cell addresses as Office.js returns them ("'Budget WP'!B2") split into sheet and cell, and keys for maps. */
import { quoteSheet } from '../../util/a1';

export function splitAddress(address: string): { sheet: string; cell: string } {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(address.trim());
  if (!m) return { sheet: '', cell: address.trim().replace(/\$/g, '').toUpperCase() };
  return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], cell: m[3].replace(/\$/g, '').split(':')[0].toUpperCase() };
}

/** One key per cell, case-insensitive on the sheet name as Excel is. */
export function cellKey(sheet: string, cell: string): string {
  return `${sheet.toLowerCase()}\u0000${cell.replace(/\$/g, '').toUpperCase()}`;
}

export function sheetCell(sheet: string, cell: string): string {
  return `${quoteSheet(sheet)}!${cell}`;
}
