/**
 * `clusterix accept BOOK.xlsx --rule ID --cell "SHEET!CELL" --reason TEXT --by NAME [-o OUT]`: accept a warning
 * (never an error). BOOK is never written: OUT defaults to BOOK.accepted.xlsx beside it.
 */
import type { Command } from 'commander';
import * as path from 'path';
import { UserError } from '../../util/errors';
import { localDate } from '../../util/dates';

export function defaultAcceptedOut(book: string): string {
  const ext = path.extname(book);
  return path.join(path.dirname(book), `${path.basename(book, ext)}.accepted${ext || '.xlsx'}`);
}

/** "Budget P06!B11:I11" or "'Budget P06'!B11" → sheet and cell. */
export function splitPlace(text: string): { sheet: string; cell: string } {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)$/i.exec(text.trim());
  if (!m) throw new UserError(`--cell must be SHEET!CELL, as check prints it (e.g. "Budget P06!B11:I11"): got '${text}'`);
  return { sheet: (m[1] ?? m[2]).replace(/''/g, "'").trim(), cell: m[3].replace(/\$/g, '').toUpperCase() };
}

export interface AcceptOptions {
  rule: string;
  cell: string;
  reason: string;
  by: string;
  out?: string;
  now?: Date;
}

export async function runAccept(book: string, opts: AcceptOptions): Promise<{ out: string; output: string }> {
  const out = opts.out ?? defaultAcceptedOut(book);
  const place = splitPlace(opts.cell);
  const { acceptInFile } = await import('../../apply/xlsx/accept');
  const a = await acceptInFile(book, out, { rule: opts.rule.trim().toUpperCase(), ...place, reason: opts.reason, by: opts.by, date: localDate(opts.now ?? new Date()) });
  return { out, output: `Accepted ${a.rule} on ${a.sheet}!${a.cell}: ${a.reason} (${a.by}, ${a.date}); written to ${out}. It opens again when its cells change.\n` };
}

export function registerAccept(program: Command): void {
  program
    .command('accept')
    .argument('<book>', 'the reporting workbook (.xlsx)')
    .requiredOption('--rule <id>', 'the warning’s rule, as check prints it (e.g. B08)')
    .requiredOption('--cell <place>', 'SHEET!CELL as check prints it (e.g. "Budget P06!B11:I11")')
    .requiredOption('--reason <text>', 'why the warning is accepted')
    .requiredOption('--by <name>', 'who accepts it (name or initials)')
    .option('-o, --out <file>', 'where to write the workbook (default: BOOK.accepted.xlsx beside BOOK)')
    .description('accept a warning with a reason (errors cannot be accepted); it opens again when its cells change')
    .action(async (book: string, opts: AcceptOptions) => {
      const run = await runAccept(book, opts);
      process.stdout.write(run.output);
    });
}
