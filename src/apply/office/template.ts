/** "New reporting workbook": the template's sheets laid out in the open workbook (never over a sheet of the same name). */
import type { Profile } from '../../profile/types';
import type { PlannedCell, PlannedTab, ReportTabName } from '../../plan/types';
import { buildProgrammeTemplate, buildTemplate, type SheetSpec } from '../../template';
import type { PresetId } from '../../rules/types';
import { isFormula } from '../../template/spec';
import { a1 } from '../../util/a1';
import { OPS, WriteQueue } from './queue';
import { queueTab } from './tabs';
import { RunFailed } from './recover';

const FILLS: Record<string, string> = { header: '#D9E1F2', input: '#FFF2CC', total: '#F2F2F2' };

function asTab(sheet: SheetSpec): PlannedTab {
  const cells: PlannedCell[] = sheet.cells.map((c) => ({
    row: c.row,
    col: c.col,
    numberFormat: c.numberFormat,
    style: c.bold ? 'total' : c.italic ? 'note' : undefined,
    value: isFormula(c.value)
      ? { kind: 'formula', formula: `=${c.value.formula}`, result: typeof c.value.result === 'number' ? c.value.result : String(c.value.result ?? '') }
      : typeof c.value === 'number'
        ? { kind: 'number', value: c.value }
        : { kind: 'text', text: c.value === null ? '' : String(c.value) },
  }));
  const merges = sheet.merges.map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`);
  // The tab writer is shared; the template's sheet names are not report names, hence the cast.
  return { name: sheet.name as ReportTabName, cells, columnWidths: sheet.columnWidths, freeze: { rows: sheet.frozenRows, cols: 0 }, merges, print: { orientation: 'portrait', fitToWidth: true, repeatRows: null } };
}

/** Returns words when a sheet of the template's names is already there (nothing written), else null. */
/** `programme`: '2021-2027' lays out an empty 2021–2027 project; otherwise the profile's template. */
export async function writeTemplate(context: Excel.RequestContext, profile: Profile, opts: { chunkBytes?: number; programme?: PresetId }): Promise<string | null> {
  const spec = opts.programme === '2021-2027' ? buildProgrammeTemplate('2021-2027') : buildTemplate(profile);
  const sheets = context.workbook.worksheets.load('items/name');
  await context.sync();
  const existing = new Set(sheets.items.map((s) => s.name.toLowerCase()));
  const clash = spec.sheets.find((s) => existing.has(s.name.toLowerCase()));
  if (clash) return `The workbook already has a sheet named '${clash.name}'. Start from an empty workbook to lay out the template.`;
  const queue = new WriteQueue(opts.chunkBytes);
  for (const sheet of spec.sheets) {
    queue.add((c) => void c.workbook.worksheets.add(sheet.name));
    queueTab(queue, sheet.name, asTab(sheet));
    const filled = sheet.cells.filter((c) => c.fill);
    queue.add((c) => {
      const ws = c.workbook.worksheets.getItem(sheet.name);
      for (const cell of filled) ws.getRange(a1(cell.row, cell.col)).format.fill.color = FILLS[cell.fill as string];
    }, undefined, filled.length * OPS.fillOnSheet);
  }
  queue.add((c) => c.workbook.worksheets.getItem(spec.sheets[0].name).activate());
  try {
    await queue.send(context);
  } catch (e) {
    // Excel keeps the sheets added before the failure: take them away, so the next try starts clean.
    throw new RunFailed(e, await removeSheets(context, spec.sheets.map((s) => s.name)));
  }
  return null;
}

async function removeSheets(context: Excel.RequestContext, names: string[]): Promise<string> {
  try {
    const sheets = context.workbook.worksheets.load('items/name');
    await context.sync();
    const wanted = new Set(names.map((n) => n.toLowerCase()));
    sheets.items.filter((s) => wanted.has(s.name.toLowerCase())).forEach((s) => s.delete());
    await context.sync();
    return "The template's sheets laid out so far were taken away: the workbook is as it was before.";
  } catch {
    return `Some of the template's sheets (${names.join(', ')}) may be in the workbook half laid out: delete them, then try again.`;
  }
}
