/** Quotations found in a source document. */

export type QuoteKind =
  /** A full quotation in quote marks. */
  | 'direct'
  /** A quoted phrase inside reported speech: `the council would “review every contract”`. */
  | 'partial'
  /** Scare quotes and fragments of one to three words: kept, not offered in completion. */
  | 'fragment'
  /** Reported speech without quote marks (`X said that …`). */
  | 'indirect';

export interface SourceQuote {
  /** Offsets of the quoted words (inside the marks) in the source text; for a quote over paragraphs, the first part. */
  start: number;
  end: number;
  /** The quoted words, verbatim; parts of a quote over several paragraphs are joined with a space. */
  text: string;
  kind: QuoteKind;
  /**
   * The speaker's fullest name in this document ("Lena Okafor", "Environment Agency"), or null when the
   * text does not say. `ActorIndex.findByName` turns it into the canonical actor shared with hover cards.
   */
  speaker: string | null;
  /** Paragraph index where the quote starts. */
  paragraph: number;
}
