/** The parsed form of one corpus file: metadata and the content's paragraphs and sentences, as offsets. */

import type { SourceFormat } from './source-text';

export type ParagraphKind = 'title' | 'heading' | 'body';

export interface SourceParagraph {
  start: number;
  end: number;
  kind: ParagraphKind;
  /** Index of the paragraph's first sentence in `sentences`. */
  firstSentence: number;
  /** Number of sentences in the paragraph. */
  sentenceCount: number;
}

export interface SourceSentence {
  start: number;
  end: number;
  paragraph: number;
}

export interface SourceDocument {
  /** File URI, the identity of the source. */
  uri: string;
  /** Path relative to its workspace folder, with forward slashes. */
  path: string;
  text: string;
  title: string;
  /** ISO date (YYYY-MM-DD) when the text gives one. */
  date: string | null;
  year: number | null;
  /** Dateline place, e.g. "Lima". */
  place: string | null;
  /** Outlet named by the text (a `Source link:` line), e.g. "example.com". */
  outlet: string | null;
  paragraphs: SourceParagraph[];
  sentences: SourceSentence[];
  /** The file's format; absent means plain text. */
  format?: SourceFormat;
  /** Authors as the document names them (byline, document properties). */
  authors?: string[];
  /** Address of the page (canonical URL), when the document gives one. */
  url?: string | null;
  doi?: string | null;
  /** BCP 47 language tag, when the document gives one. */
  language?: string | null;
  /** Paged formats (PDF): text offsets where pages 2, 3, … begin (see source-pages.ts). */
  pageStarts?: number[];
}
