/** The files an `archive ingest` names: files, folders (every file under them) and globs, with stored paths. */
import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import { glob } from 'tinyglobby';

export interface IngestFile {
  abs: string;
  /** Path stored in the archive: relative to the base folder, forward slashes. */
  path: string;
}

const EXCLUDE = ['**/node_modules/**', '**/.git/**', '**/.sourced/**'];

async function kind(p: string): Promise<'file' | 'dir' | null> {
  try {
    const s = await stat(p);
    return s.isFile() ? 'file' : s.isDirectory() ? 'dir' : null;
  } catch {
    return null;
  }
}

function commonDir(files: readonly string[]): string {
  if (files.length === 0) return process.cwd();
  let parts = path.dirname(files[0]).split(path.sep);
  for (const f of files) {
    const other = path.dirname(f).split(path.sep);
    let i = 0;
    while (i < parts.length && i < other.length && parts[i] === other[i]) i++;
    parts = parts.slice(0, i);
  }
  return parts.join(path.sep) || path.sep;
}

async function collect(found: Set<string>, patterns: string[], cwd: string): Promise<void> {
  const files = await glob(patterns, {
    cwd,
    absolute: true,
    onlyFiles: true,
    ignore: EXCLUDE,
    followSymbolicLinks: false,
    expandDirectories: false,
  });
  for (const f of files) found.add(path.resolve(f));
}

/** Expands the arguments into a sorted, de-duplicated file list. */
export async function ingestFiles(patterns: readonly string[], cwd: string, base?: string): Promise<IngestFile[]> {
  const found = new Set<string>();
  const globs: string[] = [];
  for (const p of patterns) {
    const abs = path.resolve(cwd, p);
    const k = await kind(abs);
    if (k === 'file') found.add(abs);
    else if (k === 'dir') await collect(found, ['**/*'], abs);
    else globs.push(p.split(path.sep).join('/'));
  }
  if (globs.length) await collect(found, globs, cwd);
  const files = [...found].sort();
  const inside = (dir: string): boolean => files.every((f) => !path.relative(dir, f).startsWith('..'));
  const root = base ? path.resolve(cwd, base) : inside(cwd) ? cwd : commonDir(files);
  return files.map((abs) => {
    const rel = path.relative(root, abs);
    return { abs, path: (rel.startsWith('..') ? abs : rel).split(path.sep).join('/') };
  });
}
