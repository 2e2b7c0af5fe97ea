import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { SourcedService, ArchiveConnection } from '../service';
import type { IndexCacheStore } from '../store/index-cache';
import type { SourcedConfig } from '../domain/config';
import type { WorkspaceCorpus, WorkspaceFolder } from '../domain/corpus';
import type { Logger } from '../domain/logger';
import type { WriterEntry } from '../domain/writer-entry';
import type { MemoryReport } from './requests';

/** What the adapter needs from the machine it runs on. */
export interface ServerHost {
  /** The file-system path of a `file:` URI, or undefined for other schemes. */
  pathOfUri(uri: string): string | undefined;
  /** The `file:` URI of a path. */
  uriOfPath(path: string): string;
  createCorpus(folders: WorkspaceFolder[], settings: SourcedConfig['corpus']): WorkspaceCorpus;
  /** Where to persist the index, if anywhere. */
  createIndexCache(storagePath: string | undefined, folders: WorkspaceFolder[]): IndexCacheStore | undefined;
  /** Pandoc style: rewrites the bibliography the open drafts of `changed`'s folder cite. */
  updateBibliography(
    service: SourcedService,
    folders: readonly WorkspaceFolder[],
    changed: TextDocument,
    open: readonly TextDocument[],
    logger: Logger,
  ): Promise<unknown>;
  /** The writer's own bibliography entries (`sourced.citations.bibliography` BibTeX/CSL-JSON files), read only. */
  loadWriterBibliographies(folders: readonly WorkspaceFolder[], config: SourcedConfig, logger: Logger): Promise<WriterEntry[]>;
  /** Heap and RSS after a full collection (a debug request). */
  memoryAfterGc(): MemoryReport;
  /**
   * For a client without workspace folders: the nearest folder above `uri`'s file (or above the server's working
   * folder when undefined) that holds the project file or a folder the include globs start in.
   */
  findProjectRoot(uri: string | undefined, include: readonly string[]): Promise<{ root: string; reason: string; found: boolean }>;
  /** The project file (`.sourced.json`) of a folder: its settings, or why they could not be read; null if none. */
  readProjectFile(folder: string): Promise<{ path: string; settings: Record<string, unknown>; error?: string } | null>;
  /**
   * Opens the team archive at `sourced.archive.url` (or the host's SOURCED_ARCHIVE_URL when the setting is empty);
   * undefined when there is none. The URL may hold a password: it is never logged.
   */
  openArchive?(url: string | undefined, logger: Logger): ArchiveConnection | undefined;
}
