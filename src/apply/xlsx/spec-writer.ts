/**
 * Writes a WorkbookSpec (the template, the sample) to an .xlsx file with the package writer: whole or not at all
 * (a temporary file beside the target, then a rename).
 */
import { promises as fs } from 'fs';
import type { WorkbookSpec } from '../../template/spec';
import { specToPackage } from './package/new-package';
import { writeWhole } from './safe-write';

/** Writes the spec to `target` atomically; a UserError (exit 2) when the place cannot be written. */
export async function writeSpecXlsx(spec: WorkbookSpec, target: string): Promise<void> {
  const bytes = specToPackage(spec);
  await writeWhole(target, (temp) => fs.writeFile(temp, bytes));
}
