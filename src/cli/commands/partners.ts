/**
 * The lead partner's batch: `clusterix partner-workbook BOOK.xlsx --partner N -o OUT.xlsx` (or `--all -o DIR`)
 * and `clusterix import BOOK.xlsx PARTNER.xlsx… [-o OUT.xlsx]` (interfaces.md "Partner workbooks").
 */
import type { Command } from 'commander';
import { promises as fs } from 'fs';
import * as path from 'path';
import { UserError } from '../../util/errors';
import { partnerFileNameOf } from '../../apply/xlsx/partner-file-names';

export interface PartnerBooksRun {
  output: string;
  exitCode: number;
  written: string[];
}

async function sameFile(a: string, b: string): Promise<boolean> {
  const real = async (p: string) => fs.realpath(p).catch(() => path.resolve(p));
  return (await real(a)) === (await real(b));
}

/** BOOK.xlsx → 'BOOK partner 3.xlsx' (in DIR for --all), as the pane names them too. */
export const partnerFileName = (book: string, no: number): string => partnerFileNameOf(path.basename(book), no);

export async function runPartnerWorkbook(book: string, opts: { partner?: string; all?: boolean; out?: string }): Promise<PartnerBooksRun> {
  if (!opts.out) throw new UserError('partner-workbook needs -o OUT.xlsx (with --partner N) or -o DIR (with --all)');
  if (opts.all === (opts.partner !== undefined)) throw new UserError('partner-workbook needs either --partner N or --all');
  const { readPackageFile } = await import('../../snapshot/package-reader');
  const { openBook, partnerWorkbook, partnersWithSheets } = await import('../../apply/xlsx/partner-books');
  const { writeWhole } = await import('../../apply/xlsx/safe-write');
  const opened = openBook(await readPackageFile(book), book);
  let jobs: { no: number; out: string }[];
  if (opts.all) {
    const stat = await fs.stat(opts.out).catch(() => null);
    if (stat && !stat.isDirectory()) throw new UserError(`cannot write into ${opts.out}: it is a file, --all needs a folder`);
    if (!stat) await fs.mkdir(opts.out, { recursive: true }).catch(() => undefined);
    jobs = partnersWithSheets(opened.model).map((p) => ({ no: p.no.value!, out: path.join(opts.out!, partnerFileName(book, p.no.value!)) }));
    if (jobs.length === 0) throw new UserError(`${book} has no partner with one budget sheet: no partner workbook to write`);
  } else {
    const no = Number(opts.partner);
    if (!Number.isInteger(no) || no < 1) throw new UserError(`--partner takes a partner number (1, 2, …), not '${opts.partner}'`);
    jobs = [{ no, out: opts.out }];
  }
  for (const j of jobs) if (await sameFile(book, j.out)) throw new UserError(`the output may not be the input file itself (${j.out}): BOOK is never written`);
  // Every file made before any is written: a refusal writes nothing.
  const made = jobs.map((j) => ({ ...j, bytes: partnerWorkbook(opened, j.no, book) }));
  for (const m of made) await writeWhole(m.out, (temp) => fs.writeFile(temp, m.bytes));
  const { partnerLabel, partnerByNo } = await import('../../checks/lib/partners');
  const output = made.map((m) => `wrote ${m.out}: ${partnerLabel(partnerByNo(opened.model, m.no)!)}'s workbook (Project sheet protected; fill in the budget sheet and indicator rows, then run check)\n`).join('');
  return { output, exitCode: 0, written: made.map((m) => m.out) };
}

/** BOOK.xlsx → BOOK.imported.xlsx, beside BOOK. */
export function defaultImportOut(book: string): string {
  const ext = path.extname(book);
  return path.join(path.dirname(book), `${path.basename(book, ext)}.imported${ext || '.xlsx'}`);
}

export async function runImport(book: string, partners: string[], opts: { out?: string; json?: boolean }): Promise<PartnerBooksRun> {
  const out = opts.out ?? defaultImportOut(book);
  if (await sameFile(book, out)) throw new UserError(`the output may not be the input file itself (${out}): BOOK is never written`);
  for (const p of partners) if (await sameFile(book, p)) throw new UserError(`${p} is BOOK itself: give the partners' files after BOOK`);
  const { readBooks, importPartnerFiles, openBook } = await import('../../apply/xlsx/partner-books');
  const { readPackage } = await import('../../snapshot/package-reader');
  const { writeWhole } = await import('../../apply/xlsx/safe-write');
  const { exitCodeFor, findingsTable } = await import('../findings-table');
  const { checkWorkbook } = await import('../../engine');
  const { userSheetsOnly } = await import('../../apply/xlsx/files');
  const { readPackageState } = await import('../../apply/xlsx/package/apply');
  const { lead, files } = await readBooks(book, partners);
  const { bytes, changes } = importPartnerFiles(lead, book, files);
  await writeWhole(out, (temp) => fs.writeFile(temp, bytes));
  const result = readPackage(bytes, out);
  openBook(result, out);
  const { findings } = checkWorkbook(userSheetsOnly(result.snapshot, readPackageState(result)));
  if (opts.json) return { output: `${JSON.stringify({ out, changes, findings }, null, 2)}\n`, exitCode: exitCodeFor(findings), written: [out] };
  const { importLine } = await import('../../plan/partner-import');
  const lines = changes.map((c) => `${importLine(c)}\n`);
  return { output: `${lines.join('')}Imported into ${out}.\n\n${findingsTable(out, findings)}`, exitCode: exitCodeFor(findings), written: [out] };
}

export function registerPartnerBooks(program: Command): void {
  program
    .command('partner-workbook')
    .argument('<book>', "the lead partner's reporting workbook (.xlsx)")
    .option('--partner <n>', 'the partner number (No on the Project sheet)')
    .option('--all', 'one workbook per listed partner, into the folder given by -o')
    .option('-o, --out <path>', 'the partner workbook (.xlsx), or with --all the folder')
    .description("write a partner's own workbook: the Project sheet (protected), its budget sheet and its indicator rows")
    .action(async (book: string, opts: { partner?: string; all?: boolean; out?: string }) => {
      const run = await runPartnerWorkbook(book, opts);
      process.stdout.write(run.output);
      process.exitCode = run.exitCode;
    });
  program
    .command('import')
    .argument('<book>', "the lead partner's reporting workbook (.xlsx), never written")
    .argument('<partners...>', "partners' workbooks (.xlsx), one per partner")
    .option('-o, --out <file>', 'where to write the result (default: BOOK.imported.xlsx beside BOOK)')
    .option('--json', 'print only JSON: { out, changes, findings }')
    .description("take each partner file's budget sheet and indicator rows into BOOK in place of that partner's, then check")
    .action(async (book: string, partners: string[], opts: { out?: string; json?: boolean }) => {
      const run = await runImport(book, partners, opts);
      process.stdout.write(run.output);
      process.exitCode = run.exitCode;
    });
}
