/** `clusterix check BOOK.xlsx… [--json]`: the findings of each file, as a short table or JSON; one exit status for the batch. */
import type { Command } from 'commander';
import type { Finding } from '../../checks/types';
import { UserError } from '../../util/errors';

export interface CheckRun {
  findings: Finding[];
  /** What the command prints on stdout. */
  output: string;
  exitCode: number;
}

/** The check command without the process around it (the demo calls it too). */
export async function runCheck(book: string, opts: { json?: boolean } = {}): Promise<CheckRun> {
  // Loaded on use, so `clusterix --help` does not pay for the reader and the engine.
  const { readAndCheck } = await import('../book');
  const { exitCodeFor, findingsTable } = await import('../findings-table');
  const { findings } = await readAndCheck(book);
  const output = opts.json ? `${JSON.stringify(findings, null, 2)}\n` : findingsTable(book, findings);
  return { findings, output, exitCode: exitCodeFor(findings) };
}

export interface BatchRun {
  output: string;
  /** One line per file that could not be checked (exit 2 for the batch). */
  errors: string;
  /** The highest of the files' exit statuses. */
  exitCode: number;
}

/**
 * Several files, each checked on its own (a partner's file against its own Project sheet): a heading and a
 * table per file, or with --json one array of { file, findings } (findings null where the file could not be
 * read; its reason is on stderr). A file that cannot be read does not stop the others.
 */
export async function runCheckBatch(books: string[], opts: { json?: boolean } = {}): Promise<BatchRun> {
  const parts: string[] = [];
  const json: { file: string; findings: Finding[] | null; error?: string }[] = [];
  let errors = '';
  let exitCode = 0;
  for (const book of books) {
    try {
      const run = await runCheck(book, { json: false });
      parts.push(`== ${book} ==\n${run.output}`);
      json.push({ file: book, findings: run.findings });
      exitCode = Math.max(exitCode, run.exitCode);
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      const line = e.message.split('\n')[0];
      parts.push(`== ${book} ==\nnot checked: ${line}\n`);
      json.push({ file: book, findings: null, error: line });
      errors += `clusterix: ${line}\n`;
      exitCode = 2;
    }
  }
  const output = opts.json ? `${JSON.stringify(json, null, 2)}\n` : parts.join('\n');
  return { output, errors, exitCode };
}

export function registerCheck(program: Command): void {
  program
    .command('check')
    .argument('<book...>', 'the reporting workbook(s) (.xlsx): a lead\'s book or partners\' files')
    .option('--json', 'print only JSON: the findings array (one file) or an array of { file, findings } (several)')
    .description('list the findings of each file (exit 1 when any is an error, 2 when a file cannot be read)')
    .action(async (books: string[], opts: { json?: boolean }) => {
      if (books.length === 1) {
        const run = await runCheck(books[0], opts);
        process.stdout.write(run.output);
        process.exitCode = run.exitCode;
        return;
      }
      const run = await runCheckBatch(books, opts);
      process.stdout.write(run.output);
      if (run.errors) process.stderr.write(run.errors);
      process.exitCode = run.exitCode;
    });
}
