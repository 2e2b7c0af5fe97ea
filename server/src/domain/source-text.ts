/**
 * What a format reader returns: the text in blocks and the document's metadata. Plain data, so it can
 * cross a worker boundary and be turned into a SourceDocument by `documentFromBlocks`.
 */

/** The formats Sourced reads; `text` is .txt/.md, parsed by parse-source. */
export type SourceFormat = 'text' | 'html' | 'pdf' | 'docx';

export type BlockKind = 'title' | 'heading' | 'body';

export interface TextBlock {
  text: string;
  kind: BlockKind;
  /** Page (1-based) on which the block starts; PDF only. */
  page?: number;
  /** Offsets inside `text` where a new page begins (the block runs over a page break); PDF only. */
  pageBreaks?: number[];
}

/** Bibliographic metadata a reader found; every field may be missing. */
export interface SourceMetadata {
  title: string | null;
  authors: string[];
  /** Outlet or publisher. */
  outlet: string | null;
  /** ISO date, YYYY-MM-DD. */
  date: string | null;
  url: string | null;
  doi: string | null;
  /** BCP 47 language tag as the document gives it. */
  language: string | null;
}

export interface SourceText {
  format: SourceFormat;
  blocks: TextBlock[];
  meta: SourceMetadata;
}

export type ReadResult = { ok: true; source: SourceText; note?: string } | { ok: false; reason: string };

/** Limits a reader respects; the caller also bounds time and memory from outside (the worker pool). */
export interface ReadLimits {
  /** Largest input, in bytes. */
  maxBytes: number;
  /** Largest total size a compressed container (DOCX) may expand to, in bytes. */
  maxExpandedBytes: number;
}

/** Metadata with nothing known. */
export function emptyMetadata(): SourceMetadata {
  return { title: null, authors: [], outlet: null, date: null, url: null, doi: null, language: null };
}
