/** `clusterix consolidate BOOK.xlsx [-o OUT] [--json]`: check, then write the report tabs and marks into OUT. */
import type { Command } from 'commander';
import * as path from 'path';
import type { ConsolidateOutcome } from '../../engine';
import type { Finding } from '../../checks/types';
import { toFiguresJson } from '../../figures/json';
import { exitCodeFor, findingsTable } from '../findings-table';

export interface ConsolidateRun {
  findings: Finding[];
  out: string;
  /** What the command prints on stdout. */
  output: string;
  exitCode: number;
}

/** BOOK.xlsx → BOOK.consolidated.xlsx, beside BOOK. */
export function defaultOut(book: string): string {
  const ext = path.extname(book);
  return path.join(path.dirname(book), `${path.basename(book, ext)}.consolidated${ext || '.xlsx'}`);
}

/** The consolidate command without the process around it (the demo calls it too). */
export async function runConsolidate(book: string, opts: { out?: string; json?: boolean; now?: Date } = {}): Promise<ConsolidateRun> {
  const out = opts.out ?? defaultOut(book);
  // Loaded on use: the reader and writer cost every other command's start-up time.
  const { consolidateFile } = await import('../../apply/xlsx');
  const outcome = (await consolidateFile(book, out, { now: opts.now ?? new Date() })) as ConsolidateOutcome;
  const output = opts.json
    ? `${JSON.stringify(toFiguresJson(outcome.figures), null, 2)}\n`
    : `${findingsTable(book, outcome.findings)}\nReport written to ${out} (tabs ${outcome.plan.tabs.map((t) => `'${t.name}'`).join(', ')}; ${outcome.plan.marks.length} cells marked).\n`;
  return { findings: outcome.findings, out, output, exitCode: exitCodeFor(outcome.findings) };
}

export function registerConsolidate(program: Command): void {
  program
    .command('consolidate')
    .argument('<book>', 'the reporting workbook (.xlsx)')
    .option('-o, --out <file>', 'where to write the consolidated workbook (default: BOOK.consolidated.xlsx beside BOOK)')
    .option('--json', 'print only the figures as JSON')
    .description('check, then write the report tabs and marks into OUT (also when there are errors: exit 1)')
    .action(async (book: string, opts: { out?: string; json?: boolean }) => {
      const run = await runConsolidate(book, opts);
      process.stdout.write(run.output);
      process.exitCode = run.exitCode;
    });
}
