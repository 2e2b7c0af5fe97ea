/**
 * Writes the server makes inside a workspace (the Pandoc bibliography, the `.sourced/` cache) must stay
 * inside it: an untrusted workspace can plant symbolic links that point those writes at any file of the user.
 * A write goes to a temporary file beside the target and is renamed into place, so a reader never sees half a
 * file and a crash never leaves one.
 */
import { randomBytes } from 'node:crypto';
import { lstatSync, realpathSync } from 'node:fs';
import { lstat, realpath, rename, unlink, writeFile } from 'node:fs/promises';
import * as path from 'node:path';

/** The real path of `p`, or of its nearest existing ancestor joined with the rest. */
async function realOrNearest(p: string): Promise<string> {
  try {
    return await realpath(p);
  } catch {
    const parent = path.dirname(p);
    return parent === p ? p : path.join(await realOrNearest(parent), path.basename(p));
  }
}

/** Why writing `file` could land outside `folder` (a link on the way, or the file itself a link), or null when it is safe. */
export async function unsafeWriteReason(file: string, folder: string): Promise<string | null> {
  const root = await realOrNearest(folder);
  const dir = await realOrNearest(path.dirname(file));
  if (dir !== root && !dir.startsWith(root + path.sep)) return `${path.dirname(file)} leads outside the workspace folder`;
  const info = await lstat(file).catch(() => null);
  if (info?.isSymbolicLink()) return `${file} is a symbolic link`;
  if (info && !info.isFile()) return `${file} is not a regular file`;
  return null;
}

/** Writes `text` to `file` through a temporary file in the same folder, renamed over it (atomic on one file system). */
export async function atomicWrite(file: string, text: string): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    // 'wx': never follow or reuse an existing name, even one planted between the check and the write.
    await writeFile(temp, text, { encoding: 'utf8', flag: 'wx' });
    await rename(temp, file);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw err;
  }
}

function realOrNearestSync(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    const parent = path.dirname(p);
    return parent === p ? p : path.join(realOrNearestSync(parent), path.basename(p));
  }
}

/** `unsafeWriteReason` for synchronous callers (opening the index database). */
export function unsafeWriteReasonSync(file: string, folder: string): string | null {
  const root = realOrNearestSync(folder);
  const dir = realOrNearestSync(path.dirname(file));
  if (dir !== root && !dir.startsWith(root + path.sep)) return `${path.dirname(file)} leads outside the workspace folder`;
  let link = false;
  try {
    link = lstatSync(file).isSymbolicLink();
  } catch {
    // Not there yet.
  }
  return link ? `${file} is a symbolic link` : null;
}
