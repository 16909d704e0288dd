/**
 * Stands in for `node:child_process` in the CLI's bundle (webpack.cli.config.js): commander requires it when it
 * loads, for executable subcommands, which clusterix has none of. Node's module pulls in net, dgram and their
 * bindings, a few milliseconds of every run's start; this one loads it on the first spawn only.
 */
import type * as childProcess from 'child_process';

function real(): typeof childProcess {
  // A plain require, not an import: webpack makes it an external that runs only when this line is reached.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('child_process') as typeof childProcess;
}

/** child_process.spawn, loaded on first use. Commander calls nothing else of the module. */
export const spawn = ((...args: unknown[]) => (real().spawn as (...a: unknown[]) => childProcess.ChildProcess)(...args)) as typeof childProcess.spawn;
