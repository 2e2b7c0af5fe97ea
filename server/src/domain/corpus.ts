import type { SourcedConfig } from './config';
/**
 * The corpus is the service's only view of source files. The service never
 * touches the file system: a Node implementation (server/src/node-corpus.ts)
 * and an in-memory one (memory-corpus.ts) stand behind this interface.
 */

import type { PreparedRead, ReadAndPrepared } from './prepared-source';
import type { SourceText } from './source-text';

export interface CorpusEntry {
  /** File URI. */
  uri: string;
  /** Path relative to its workspace folder, forward slashes. */
  path: string;
}

export type CorpusRead = { ok: true; text: string; note?: string; source?: SourceText } | { ok: false; reason: string };

export type CorpusEventKind = 'created' | 'changed' | 'deleted';

export interface CorpusEvent {
  kind: CorpusEventKind;
  uri: string;
}

export interface Disposable {
  dispose(): void;
}

export interface Corpus {
  /** Every file the include/exclude settings select. */
  list(): Promise<CorpusEntry[]>;
  /** Decoded text of a file, or the reason it cannot be indexed. Never throws. */
  read(uri: string): Promise<CorpusRead>;
  /** The entry for a URI if the settings select it (used for events and open editors). */
  entryFor(uri: string): CorpusEntry | undefined;
  /** Created, changed and deleted files. */
  onDidChange(listener: (event: CorpusEvent) => void): Disposable;
  /**
   * Analyses a read file and packs it for the embedded store on another thread, where the host has threads;
   * null when that failed (the caller analyses it itself).
   */
  analyse?(entry: CorpusEntry, text: string, source: SourceText | undefined): Promise<PreparedRead | null>;
  /** The same from the file itself: read (as `read` does) and analysed on another thread; null when that failed. */
  readAndAnalyse?(entry: CorpusEntry): Promise<ReadAndPrepared | null>;
}

/** A workspace folder the corpus may read from: nothing outside these is read. */
export interface WorkspaceFolder {
  /** Absolute file-system path. */
  path: string;
}

/** A corpus over workspace folders that a host keeps up to date (settings, watchers, client file events). */
export interface WorkspaceCorpus extends Corpus {
  /** New folders or include/exclude settings. */
  update(folders: WorkspaceFolder[], settings: SourcedConfig['corpus']): void;
  /** Watches the folders itself, for clients that cannot send file events. */
  watchFileSystem(): void;
  /** A file event reported by the client. */
  notify(event: CorpusEvent): void;
}
