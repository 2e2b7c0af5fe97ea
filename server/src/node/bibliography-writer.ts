/**
 * Pandoc style, at the edge: after a draft's diagnostics, the CSL-JSON bibliography
 * (`sourced.citations.bibliography`, relative to the workspace folder) is rewritten to list exactly the sources
 * that the open drafts of that folder cite. The file is only written when its text would change.
 *
 * The bibliography is the writer's. Sourced writes only a file it created and can recognise as its own: every
 * item it writes carries `custom.writtenBy: "sourced"`, and a file is Sourced's when it is a JSON array whose
 * items all carry it. A configured file that exists and is not Sourced's (the writer's own CSL-JSON, a draft, a
 * source, anything else) is never written: its ids are read as the writer's keys (Sourced writes no entry of its
 * own for them), and Sourced's entries go to a file of its own next to it (`<name>.sourced.json`), with a message
 * saying where. Only `.json` files inside the workspace folder are written, never a corpus source or an open
 * document, never through a symbolic link, and always by a temporary file renamed into place.
 */
import { lstat, readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { WorkspaceFolder } from '../domain/corpus';
import { atomicWrite, unsafeWriteReason } from './safe-write';
import type { SourcedService } from '../service';
import type { Logger } from '../domain/logger';

/** The marker on every item Sourced writes. */
export const WRITTEN_BY = 'sourced';
/** The largest bibliography read to tell whose it is (a bigger file is not Sourced's and is left alone). */
const MAX_READ_BYTES = 16 * 1024 * 1024;

type Owner = { kind: 'none' } | { kind: 'sourced'; text: string } | { kind: 'writer'; ids: Set<string> };

function folderOf(folders: readonly WorkspaceFolder[], uri: string): WorkspaceFolder | undefined {
  if (!uri.startsWith('file:')) return undefined;
  const file = fileURLToPath(uri);
  return folders
    .filter((f) => file.startsWith(f.path.endsWith(path.sep) ? f.path : f.path + path.sep))
    .sort((a, b) => b.path.length - a.path.length)[0];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** True for an item Sourced wrote. */
function isSourcedItem(item: unknown): boolean {
  return isRecord(item) && isRecord(item.custom) && item.custom.writtenBy === WRITTEN_BY;
}

/** Whose the file is: missing, Sourced's (every item marked), or the writer's (with the ids of its CSL-JSON items, if any). */
async function ownerOf(file: string): Promise<Owner> {
  let text: string;
  try {
    const info = await stat(file);
    if (!info.isFile() || info.size > MAX_READ_BYTES) return { kind: 'writer', ids: new Set() };
    text = await readFile(file, 'utf8');
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? { kind: 'none' } : { kind: 'writer', ids: new Set() };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { kind: 'writer', ids: new Set() };
  }
  if (!Array.isArray(data)) return { kind: 'writer', ids: new Set() };
  if (data.every(isSourcedItem)) return { kind: 'sourced', text };
  return {
    kind: 'writer',
    ids: new Set(
      data
        .filter(isRecord)
        .map((i) => i.id)
        .filter((id): id is string => typeof id === 'string'),
    ),
  };
}

/** Sourced's own file next to a writer's: `refs.json` → `refs.sourced.json`. */
export function ownFileBeside(file: string): string {
  const ext = path.extname(file);
  return path.join(path.dirname(file), `${path.basename(file, ext)}.sourced.json`);
}

/** The bibliography text with every item marked as Sourced's and the writer's keys left out. */
function markedText(text: string, writersIds: ReadonlySet<string>): string {
  const items = (JSON.parse(text) as Record<string, unknown>[])
    .filter((i) => !writersIds.has(String(i.id)))
    .map((i) => ({ ...i, custom: { ...(isRecord(i.custom) ? i.custom : {}), writtenBy: WRITTEN_BY } }));
  return `${JSON.stringify(items, null, 2)}\n`;
}

/** Why Sourced must not write `file` at all (not JSON, a source, an open document, a link, not a plain file), or null. */
async function forbiddenReason(file: string, service: SourcedService, openDocuments: readonly TextDocument[]): Promise<string | null> {
  if (path.extname(file).toLowerCase() !== '.json') return `${file} is not a .json file`;
  const uri = pathToFileURL(file).href;
  if (service.isSource(uri)) return `${file} is a source of the corpus`;
  if (openDocuments.some((d) => d.uri === uri)) return `${file} is open in the editor`;
  const info = await lstat(file).catch(() => null);
  if (info?.isSymbolicLink()) return `${file} is a symbolic link`;
  if (info && !info.isFile()) return `${file} is not a regular file`;
  return null;
}

/** Last message per folder, so a refusal is said once rather than after every keystroke. */
const said = new Map<string, string>();
function sayOnce(logger: Logger, folder: string, message: string): void {
  if (said.get(folder) === message) return;
  said.set(folder, message);
  logger.warn(message);
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
  const drafts = openDocuments.filter(
    (d) => d.languageId === 'markdown' && !service.isSource(d.uri) && folderOf(folders, d.uri) === folder,
  );
  const configured = path.resolve(folder.path, config.citations.bibliography);
  if (!configured.startsWith(folder.path + path.sep)) {
    sayOnce(logger, folder.path, `bibliography ${config.citations.bibliography} is outside the workspace folder; not written`);
    return undefined;
  }
  let target = configured;
  let writersIds: ReadonlySet<string> = new Set();
  const forbidden = await forbiddenReason(configured, service, openDocuments);
  const owner = forbidden ? { kind: 'writer' as const, ids: new Set<string>() } : await ownerOf(configured);
  if (owner.kind === 'writer') {
    target = ownFileBeside(configured);
    writersIds = owner.ids;
    const why = forbidden ?? `${configured} holds entries Sourced did not write`;
    sayOnce(
      logger,
      folder.path,
      `bibliography: ${why}, so it is not written${owner.ids.size ? ` (its ${owner.ids.size} keys are the writer's)` : ''}; Sourced's entries go to ${target} — give Pandoc both files (--bibliography ${path.relative(folder.path, configured)} --bibliography ${path.relative(folder.path, target)})`,
    );
    const second = await forbiddenReason(target, service, openDocuments);
    const targetOwner = second ? null : await ownerOf(target);
    if (second || targetOwner?.kind === 'writer') {
      sayOnce(logger, `${folder.path}#own`, `bibliography not written: ${second ?? `${target} exists and is not Sourced's`}`);
      return undefined;
    }
  }
  const unsafe = await unsafeWriteReason(target, folder.path);
  if (unsafe) {
    sayOnce(logger, `${folder.path}#unsafe`, `bibliography not written: ${unsafe}`);
    return undefined;
  }
  const text = markedText(await service.bibliographyText(drafts), writersIds);
  const current = await readFile(target, 'utf8').catch(() => null);
  if (current === text) return undefined;
  try {
    await atomicWrite(target, text);
    return target;
  } catch (err) {
    logger.warn(`could not write the bibliography ${target}: ${String(err)}`);
    return undefined;
  }
}
