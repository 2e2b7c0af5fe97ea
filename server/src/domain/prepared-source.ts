import type { SourceDocument } from './source-document';

/**
 * One source analysed off the main thread, in the compact form the embedded store writes and indexes: the
 * packed row parts in one buffer (moved between threads, not copied) and each sentence's retrieval terms in one
 * string. Only what the main thread indexes (metadata, quotations, actors) is unpacked there again.
 */
export interface PreparedSource {
  uri: string;
  path: string;
  /** The document's metadata: everything but its identity, text and structure. */
  meta: Omit<SourceDocument, 'uri' | 'path' | 'text' | 'paragraphs' | 'sentences'>;
  sentenceCount: number;
  /** Each sentence's retrieval terms separated by spaces, one sentence a line (terms hold neither). */
  terms: string;
  /** The packed body, quotation list, actor list and then each document actor, one after the other. */
  bytes: ArrayBuffer;
  /** Where each part of `bytes` ends, in that order. */
  ends: number[];
  /** Each document actor's group key, in order. */
  actorKeys: string[];
}

/** What analysing a source off the main thread gave: the prepared source, or why its analysis failed. */
export type PreparedRead = { ok: true; prepared: PreparedSource } | { ok: false; reason: string };

/**
 * A file read and analysed on another thread: why it cannot be indexed (as a read says), or its reader's note,
 * the content hash of its text and the prepared source (or why its analysis failed).
 */
export type ReadAndPrepared = { ok: false; reason: string } | { ok: true; note?: string; hash: string; prepared: PreparedRead };
