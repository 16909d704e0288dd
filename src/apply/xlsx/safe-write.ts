/** OUT is written whole or not at all: a temporary file beside it, then one rename; any failure removes the temporary file. */
import { promises as fs } from 'fs';
import * as path from 'path';
import { UserError } from '../../util/errors';

function why(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EISDIR' || code === 'ENOTEMPTY' || code === 'EEXIST') return 'a directory is in the way';
  if (code === 'ENOENT') return 'its folder does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'the disk is read-only';
  if (code === 'ENOSPC') return 'the disk is full';
  return (e as Error).message.split('\n')[0];
}

/** `produce` writes the whole file at the temporary path it is given. */
export async function writeWhole(outPath: string, produce: (tempPath: string) => Promise<void>): Promise<void> {
  const target = path.resolve(outPath);
  const stat = await fs.stat(target).catch(() => null);
  if (stat?.isDirectory()) throw new UserError(`cannot write ${outPath}: a directory is in the way`);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await produce(temp);
    await fs.rename(temp, target);
  } catch (e) {
    await fs.rm(temp, { force: true, recursive: true }).catch(() => undefined);
    if (e instanceof UserError) throw e;
    if ((e as NodeJS.ErrnoException).code) throw new UserError(`cannot write ${outPath}: ${why(e)}`);
    throw e;
  }
}
