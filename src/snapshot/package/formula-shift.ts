/** A shared formula's text for another cell: relative references moved by the offset, $-fixed ones kept, text literals untouched. */
import { columnLetters } from '../../util/a1';

const TOKEN = /("(?:[^"]|"")*")|('(?:[^']|'')*'!)|(?<![A-Za-z0-9_.$])(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])/g;

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  return formula.replace(TOKEN, (m, str, sheet, colAbs, col, rowAbs, row) => {
    if (str !== undefined || sheet !== undefined) return m;
    const c = colAbs ? colIndex(col) : colIndex(col) + dCol;
    const r = rowAbs ? Number(row) : Number(row) + dRow;
    if (c < 0 || r < 1 || c > 16383) return '#REF!';
    return `${colAbs}${colAbs ? col : columnLetters(c)}${rowAbs}${r}`;
  });
}
