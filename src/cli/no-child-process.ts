/**
 * Stands in for Node's child_process module in the CLI's bundle (webpack.cli.config.js). Commander requires that
 * module when it loads, for executable subcommands; clusterix has none and runs no other program, so the bundle never
 * loads it (nor net and dgram with it, a few milliseconds of every start). Commander would call only `spawn`, and only
 * for an executable subcommand: here that is an error, never a process.
 */
export function spawn(..._args: unknown[]): never {
  throw new Error('clusterix runs no other programs: commander asked to spawn an executable subcommand');
}
