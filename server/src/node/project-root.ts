/**
 * The project root for a client that gives no workspace folder (`rootUri: null`, no folders: a bare Neovim, Helix
 * outside a project): the nearest folder, from a starting folder upwards, that holds the project file or the
 * folder the configured sources are in.
 */
import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import picomatch from 'picomatch';

/** The project file: Sourced's settings for every editor and the CLI, at the project root. */
export const PROJECT_FILE = '.sourced.json';

export interface ProjectRoot {
  /** Absolute folder. */
  root: string;
  /** Why it was chosen, for the log. */
  reason: string;
  /** False when nothing marked a project and `root` is only the starting folder. */
  found: boolean;
}

/**
 * The folders the include globs start in (`seeds` for `seeds/**\/*.txt`). Globs that start with a wildcard
 * (`**\/*.md`) mark nothing: every folder would match. Absolute or climbing (`..`) globs are never read anyway.
 */
export function sourceFolders(include: readonly string[]): string[] {
  const out = new Set<string>();
  for (const glob of include) {
    const base = picomatch.scan(glob).base;
    if (!base || path.isAbsolute(base) || base.split('/').includes('..')) continue;
    out.add(base);
  }
  return [...out];
}

async function isFile(p: string): Promise<boolean> {
  return (await stat(p).catch(() => null))?.isFile() ?? false;
}

async function isDirectory(p: string): Promise<boolean> {
  return (await stat(p).catch(() => null))?.isDirectory() ?? false;
}

/** Walks up from `start` (a folder) to the file-system root; a few stats per level. */
export async function findProjectRoot(start: string, include: readonly string[]): Promise<ProjectRoot> {
  const folders = sourceFolders(include);
  let dir = path.resolve(start);
  for (;;) {
    if (await isFile(path.join(dir, PROJECT_FILE))) return { root: dir, reason: `it holds ${PROJECT_FILE}`, found: true };
    for (const folder of folders) {
      if (await isDirectory(path.join(dir, folder)))
        return { root: dir, reason: `it holds ${folder}/ (sourced.corpus.include)`, found: true };
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return {
    root: path.resolve(start),
    reason: `no ${PROJECT_FILE} or source folder (${folders.join(', ') || 'none configured'}) above it`,
    found: false,
  };
}
