import type { SourcedConfig } from '../domain/config';
import type { DraftDocument } from './drafts/draft-document';
import type { Disposable } from '../domain/corpus';
import type { SourceStore } from '../store/source-store';
import type { Logger } from '../domain/logger';

/** What every feature gets: the current indexes, settings and open drafts. Plain reads, no transport. */
export interface ServiceContext {
  /** The current knowledge; a full re-index swaps it, so read it per request. */
  knowledge(): SourceStore;
  config(): SourcedConfig;
  logger: Logger;
  /** The state of the index build, as far as features need it. */
  indexer: IndexState;
  /** Parsed open drafts (for references across drafts). */
  openDrafts(): DraftDocument[];
  /** The parsed form of a text document, cached by version. */
  draft(doc: TextDocumentLike): DraftDocument;
}

/** The part of vscode-languageserver-textdocument's TextDocument the service reads. */
export interface TextDocumentLike {
  readonly uri: string;
  readonly version: number;
  getText(): string;
}

/** What features see of the index build: whether it is ready, what was skipped, when it changes. */
export interface IndexState {
  readonly ready: boolean;
  readonly skipped: ReadonlyMap<string, string>;
  /** Why the index is not in the store the settings name (set once the store failed to open). */
  readonly storeWarning?: string | null;
  onDidUpdate(listener: () => void): Disposable;
}
