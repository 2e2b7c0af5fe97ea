/**
 * Writes the server makes inside a workspace (the Pandoc bibliography, the `.sourced/` cache) must stay
 * inside it: an untrusted workspace can plant symbolic links that point those writes at any file of the user.
 */
import { lstat, realpath } from 'node:fs/promises';
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
  return null;
}
