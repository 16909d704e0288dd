/**
 * Excel tables (ListObjects) on sheets whose rows an import moves, kept as the CLI keeps them (plan/row-moves.ts
 * movedTableSpan, the one rule for both faces). Excel grows a table itself for whole rows inserted inside it, but
 * rows inserted right under its last row stay out of it; the add-in resizes each table whose span by the rule
 * differs from the one Excel's own insert and delete give (Table.resize, ExcelApi 1.13), in its one write, after
 * the rows moved. A table whose data rows all went is resized too (header, one row, totals row: the rule's span),
 * whatever Excel made of it. A resize that would overlap another table (stacked right under it) is left out:
 * Excel refuses it, and the table stays as Excel's own moves left it.
 */
import { a1, parseA1 } from '../util/a1';
import { movedSpan, movedTableSpan, type RowMove } from './row-moves';

export interface SheetTable {
  sheet: string;
  name: string;
  /** Its range, header and totals rows included ('A3:L80', or 'Indicators!A3:L80' as Excel gives it). */
  address: string;
  showHeaders: boolean;
  showTotals: boolean;
}

export interface TableResize {
  sheet: string;
  name: string;
  /** The table's new range on its sheet ('A3:L82'). */
  address: string;
}

/** Rows and columns (0-based) of 'A3:L80' or "'My sheet'!$A$3:$L$80". */
function boxOf(address: string): { top: number; bottom: number; left: number; right: number } {
  const bare = address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '');
  const [x, y] = bare.split(':');
  const p = parseA1(x);
  const q = parseA1(y ?? x);
  return { top: Math.min(p.row, q.row), bottom: Math.max(p.row, q.row), left: Math.min(p.col, q.col), right: Math.max(p.col, q.col) };
}

/** The tables to resize after `moves` (in Excel, after Excel's own insert and delete), with their new ranges. */
export function tableResizes(tables: readonly SheetTable[], moves: readonly RowMove[]): TableResize[] {
  const moved = tables.map((t) => {
    const b = boxOf(t.address);
    const header = t.showHeaders ? 1 : 0;
    const totals = t.showTotals ? 1 : 0;
    const onMoved = moves.some((m) => m.sheet.toLowerCase() === t.sheet.toLowerCase());
    const want = onMoved ? movedTableSpan(moves, t.sheet, b.top, b.bottom, header, totals) : { top: b.top, bottom: b.bottom };
    return { t, b, header, totals, onMoved, want };
  });
  const out: TableResize[] = [];
  for (const { t, b, header, totals, onMoved, want } of moved) {
    if (!onMoved || !want) continue;
    const excel = movedTableSpan(moves, t.sheet, b.top, b.bottom, header, totals, false);
    const plain = movedSpan(moves, t.sheet, b.top, b.bottom);
    const emptied = plain === null || plain.bottom - plain.top < header + totals;
    if (!emptied && excel && excel.top === want.top && excel.bottom === want.bottom) continue;
    // Never over another table (a table cannot overlap one; Excel would refuse the resize): left as Excel made it.
    const clash = moved.some((o) => o.t !== t && o.want && o.t.sheet.toLowerCase() === t.sheet.toLowerCase() && o.b.left <= b.right && b.left <= o.b.right && o.want.top <= want.bottom && want.top <= o.want.bottom);
    if (clash) continue;
    out.push({ sheet: t.sheet, name: t.name, address: `${a1(want.top, b.left)}:${a1(want.bottom, b.right)}` });
  }
  return out;
}
