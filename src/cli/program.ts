/**
 * The command line: commands, and the one place that turns failures into exit statuses (interfaces.md):
 * 0 no error finding, 1 error findings, 2 unreadable input, no Project sheet or a wrong command line.
 */
import { Command, CommanderError } from 'commander';
import { VERSION } from '../version';
import { UserError } from '../util/errors';
import { registerTemplate, registerSample } from './commands/template';
import { registerCheck } from './commands/check';
import { registerConsolidate } from './commands/consolidate';
import { registerClear } from './commands/clear';
import { registerAccept } from './commands/accept';
import { registerPartnerBooks } from './commands/partners';

export function buildProgram(): Command {
  const program = new Command('clusterix')
    .description('Check and consolidate Interreg Europe partner reporting workbooks (ClusteriX 2.0 built in).')
    .version(VERSION)
    .exitOverride()
    .showSuggestionAfterError(false)
    .configureOutput({ outputError: (str, write) => write(str.split('\n')[0].trim() + '\n') });
  program.addHelpText('after', '\nExit status: 0 no error finding, 1 error findings, 2 the file cannot be read, has no Project sheet, or the command line is wrong.');
  registerTemplate(program);
  registerSample(program);
  registerCheck(program);
  registerConsolidate(program);
  registerClear(program);
  registerAccept(program);
  registerPartnerBooks(program);
  program.commands.forEach((c) => c.exitOverride().configureOutput({ outputError: (str, write) => write(str.split('\n')[0].trim() + '\n') }));
  return program;
}

/**
 * Runs one command line and returns its exit status. Actions set process.exitCode to 0 or 1 (error findings)
 * and throw UserError for anything that makes it 2.
 */
export async function runCli(argv: string[]): Promise<number> {
  process.exitCode = 0;
  try {
    await buildProgram().parseAsync(argv);
    return Number(process.exitCode ?? 0);
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here with code 0; usage errors were already printed on one line.
      return e.exitCode === 0 ? 0 : 2;
    }
    process.stderr.write(`clusterix: ${oneLine(e)}\n`);
    return 2;
  }
}

function oneLine(e: unknown): string {
  if (e instanceof UserError) return e.message.split('\n')[0];
  const msg = e instanceof Error ? e.message : String(e);
  return `internal error: ${msg.split('\n')[0]}`;
}
