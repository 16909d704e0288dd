/** `clusterix consolidate BOOK.xlsx [-o OUT] [--json]` (helper F: stub until written). */
import type { Command } from 'commander';
import { UserError } from '../../util/errors';

export function registerConsolidate(program: Command): void {
  program
    .command('consolidate')
    .argument('<book>', 'the reporting workbook (.xlsx)')
    .option('-o, --out <file>', 'where to write the consolidated workbook')
    .option('--json', 'print the figures as JSON')
    .description('check, then write the report tabs and marks into OUT')
    .action(() => {
      throw new UserError('consolidate: not yet available');
    });
}
