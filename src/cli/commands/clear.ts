/** `clusterix clear BOOK.xlsx [-o OUT]`: our tabs and marks taken away, the user's formatting and notes restored. */
import type { Command } from 'commander';
import * as path from 'path';

/** BOOK.xlsx → BOOK.cleared.xlsx, beside BOOK (BOOK itself is never written). */
export function defaultClearedOut(book: string): string {
  const ext = path.extname(book);
  return path.join(path.dirname(book), `${path.basename(book, ext)}.cleared${ext || '.xlsx'}`);
}

export async function runClear(book: string, opts: { out?: string } = {}): Promise<{ out: string; output: string }> {
  const out = opts.out ?? defaultClearedOut(book);
  await (await import('../../apply/xlsx')).clearFile(book, out);
  return { out, output: `Report tabs and marks taken away; written to ${out}.\n` };
}

export function registerClear(program: Command): void {
  program
    .command('clear')
    .argument('<book>', 'the reporting workbook (.xlsx)')
    .option('-o, --out <file>', 'where to write the cleared workbook (default: BOOK.cleared.xlsx beside BOOK)')
    .description("take the report tabs and marks away, restoring the user's formatting and notes")
    .action(async (book: string, opts: { out?: string }) => {
      const run = await runClear(book, opts);
      process.stdout.write(run.output);
    });
}
