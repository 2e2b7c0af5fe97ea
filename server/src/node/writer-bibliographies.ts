/**
 * Reads the writer's own bibliographies (BibTeX, CSL-JSON) named by `sourced.citations.bibliography` in each
 * workspace folder. Read only: these files are never written. A missing, oversized or unparsable file is
 * logged with the reason and contributes nothing.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import * as path from 'node:path';
import type { SourcedConfig } from '../domain/config';
import type { WorkspaceFolder } from '../domain/corpus';
import type { Logger } from '../domain/logger';
import type { WriterEntry } from '../domain/writer-entry';
import { readBibliography } from '../ingest/readers/bibliography-reader';

/** Largest bibliography read, in bytes: a library of tens of thousands of entries fits. */
const MAX_BYTES = 32 * 1024 * 1024;

async function readOne(folder: WorkspaceFolder, relative: string, logger: Logger): Promise<WriterEntry[]> {
  const file = path.resolve(folder.path, relative);
  try {
    const root = await realpath(folder.path);
    const real = await realpath(file);
    if (!real.startsWith(root + path.sep)) {
      logger.warn(`bibliography ${relative} is outside the workspace folder; not read`);
      return [];
    }
    const info = await stat(real);
    if (!info.isFile() || info.size > MAX_BYTES) {
      logger.warn(`bibliography ${relative} not read: ${info.isFile() ? `larger than ${MAX_BYTES / 1048576} MB` : 'not a file'}`);
      return [];
    }
    const read = await readBibliography(await readFile(real, 'utf8'), path.relative(folder.path, file).split(path.sep).join('/'));
    if (!read.ok) {
      logger.warn(`bibliography ${relative}: ${read.reason}`);
      return [];
    }
    logger.info(`bibliography ${relative}: ${read.entries.length} entries`);
    return read.entries;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    logger.warn(`bibliography ${relative} not read: ${code === 'ENOENT' ? 'no such file' : String(err)}`);
    return [];
  }
}

/** Every entry of the writer's bibliographies, in the order the setting lists the files. */
export async function loadWriterBibliographies(
  folders: readonly WorkspaceFolder[],
  config: SourcedConfig,
  logger: Logger,
): Promise<WriterEntry[]> {
  const out: WriterEntry[] = [];
  for (const folder of folders) {
    for (const relative of config.citations.writerBibliographies) out.push(...(await readOne(folder, relative, logger)));
  }
  return out;
}
