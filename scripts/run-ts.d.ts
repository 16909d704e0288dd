/** Types of scripts/run-ts.js, for the TypeScript scripts that share it. */
/** The newest modification time of any file below `dir`, in ms. */
export function newestMtime(dir: string): number;
/** Runs a TypeScript entry point: its one-file bundle or compiled copy when up to date, else transpiled on require. */
export function run(tsEntry: string, jsEntry: string, bundle?: string): unknown;
/** Runs a one-file CommonJS bundle, with its V8 code cache (the same name, .cache) when made for this very file. */
export function runBundle(file: string): unknown;
/**
 * Whether bin/clusterix.js runs the bundle `file`: it exists and is as new as the sources listed beside it
 * (`.sources`: the folders of src/ and the files webpack read), or without that list, as every file in src/.
 */
export function bundleUpToDate(file: string, base?: string): boolean;
