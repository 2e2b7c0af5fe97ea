/** The parsed form of one corpus file: metadata and the content's paragraphs and sentences, as offsets. */

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
}
