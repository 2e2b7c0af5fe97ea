import type { SourcedConfig } from './config';
import type { DraftDocument } from './drafts/draft-document';
import type { Indexer } from './indexer';
import type { Knowledge } from './knowledge';
import type { Logger } from './logger';

/** What every feature gets: the current indexes, settings and open drafts. Plain reads, no transport. */
export interface ServiceContext {
  /** The current knowledge; a full re-index swaps it, so read it per request. */
  knowledge(): Knowledge;
  config(): SourcedConfig;
  logger: Logger;
  indexer: Indexer;
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
