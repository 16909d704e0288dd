/** `clusterix check BOOK.xlsx [--json]`: the findings, as a short table or a JSON array. */
import type { Command } from 'commander';
import type { Finding } from '../../checks/types';

export interface CheckRun {
  findings: Finding[];
  /** What the command prints on stdout. */
  output: string;
  /** One line per user sheet with a report tab's name, for stderr. */
  notices: string[];
  exitCode: number;
}

/** The check command without the process around it (the demo calls it too). */
export async function runCheck(book: string, opts: { json?: boolean } = {}): Promise<CheckRun> {
  // Loaded on use, so `clusterix --help` does not pay for ExcelJS and the engine.
  const { readAndCheck } = await import('../book');
  const { exitCodeFor, findingsTable } = await import('../findings-table');
  const { clashNotice } = await import('../../plan/ownership');
  const { findings, clashes } = await readAndCheck(book);
  const output = opts.json ? `${JSON.stringify(findings, null, 2)}\n` : findingsTable(book, findings);
  return { findings, output, notices: clashes.map(clashNotice), exitCode: exitCodeFor(findings) };
}

export function registerCheck(program: Command): void {
  program
    .command('check')
    .argument('<book>', 'the reporting workbook (.xlsx)')
    .option('--json', 'print only a JSON array of the findings')
    .description('list the findings (exit 1 when any is an error)')
    .action(async (book: string, opts: { json?: boolean }) => {
      const run = await runCheck(book, opts);
      process.stdout.write(run.output);
      for (const line of run.notices) process.stderr.write(`clusterix: ${line}\n`);
      process.exitCode = run.exitCode;
    });
}
