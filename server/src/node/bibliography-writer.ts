/**
 * Pandoc style, at the edge: after a draft's diagnostics, the CSL-JSON
 * bibliography (`sourced.citations.bibliography`, relative to the workspace
 * folder) is rewritten to list exactly the sources that the open drafts of
 * that folder cite. The file is only written when its text would change, so
 * an unchanged bibliography never touches the disk.
 */
import { readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { WorkspaceFolder } from '../domain/corpus';
import { unsafeWriteReason } from './safe-write';
import type { SourcedService } from '../service';
import type { Logger } from '../domain/logger';

function folderOf(folders: readonly WorkspaceFolder[], uri: string): WorkspaceFolder | undefined {
  if (!uri.startsWith('file:')) return undefined;
  const file = fileURLToPath(uri);
  return folders
    .filter((f) => file.startsWith(f.path.endsWith(path.sep) ? f.path : f.path + path.sep))
    .sort((a, b) => b.path.length - a.path.length)[0];
}

/** Rewrites the bibliography of the folder holding `changed`, when in Pandoc style; returns the file written, if any. */
export async function updateBibliography(
  service: SourcedService,
  folders: readonly WorkspaceFolder[],
  changed: TextDocument,
  openDocuments: readonly TextDocument[],
  logger: Logger,
): Promise<string | undefined> {
  const config = service.config();
  if (config.citations.style !== 'pandoc') return undefined;
  const folder = folderOf(folders, changed.uri);
  if (!folder) return undefined;
  const drafts = openDocuments.filter((d) => d.languageId === 'markdown' && !service.isSource(d.uri) && folderOf(folders, d.uri) === folder);
  const text = await service.bibliographyText(drafts);
  const file = path.resolve(folder.path, config.citations.bibliography);
  if (!file.startsWith(folder.path + path.sep)) {
    logger.warn(`bibliography ${config.citations.bibliography} is outside the workspace folder; not written`);
    return undefined;
  }
  const unsafe = await unsafeWriteReason(file, folder.path);
  if (unsafe) {
    logger.warn(`bibliography not written: ${unsafe}`);
    return undefined;
  }
  const current = await readFile(file, 'utf8').catch(() => null);
  if (current === text) return undefined;
  try {
    await writeFile(file, text, 'utf8');
    return file;
  } catch (err) {
    logger.warn(`could not write the bibliography ${file}: ${String(err)}`);
    return undefined;
  }
}
