/** `clusterix clear BOOK.xlsx [-o OUT]` (helper F: stub until written). */
import type { Command } from 'commander';
import { UserError } from '../../util/errors';

export function registerClear(program: Command): void {
  program
    .command('clear')
    .argument('<book>', 'the reporting workbook (.xlsx)')
    .option('-o, --out <file>', 'where to write the cleared workbook')
    .description("take the report tabs and marks away, restoring the user's formatting and notes")
    .action(() => {
      throw new UserError('clear: not yet available');
    });
}
