/**
 * `clusterix`: the engine headless over .xlsx files. bin/clusterix.js requires this file, so it runs on require;
 * the program itself lives in program.ts (importable without running).
 */
import { runCli } from './program';

void runCli(process.argv).then((code) => {
  // exitCode, not exit(): lets a large --json output drain into a pipe first.
  process.exitCode = code;
});
