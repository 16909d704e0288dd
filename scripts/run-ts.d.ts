/** Types of scripts/run-ts.js, for the TypeScript scripts that share it. */
/** The newest modification time of any file below `dir`, in ms. */
export function newestMtime(dir: string): number;
/** Runs a TypeScript entry point: the compiled copy when up to date, else transpiled on require. */
export function run(tsEntry: string, jsEntry: string): unknown;
