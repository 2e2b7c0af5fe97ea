import { openingKey } from '../text/opening-key';
import { words } from '../text/tokenize';

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
  /**
   * A quotation the source runs over several paragraphs: each part's quoted words (source offsets) and paragraph,
   * in order; `text` is their words joined with a space. Absent for a quotation in one part.
   */
  parts?: QuotePart[];
}

/** One paragraph's part of a quotation the source runs over several paragraphs. */
export interface QuotePart {
  start: number;
  end: number;
  paragraph: number;
}

/** Offsets in a quotation's `text` where each part after the first begins (empty for a one-part quotation). */
export function partOffsets(quote: SourceQuote): number[] {
  const out: number[] = [];
  let at = 0;
  const parts = quote.parts ?? [];
  for (let i = 0; i + 1 < parts.length; i++) {
    at += parts[i].end - parts[i].start + 1;
    out.push(at);
  }
  return out;
}

/** The quotation from its `part`-th part on (a later paragraph of a quotation over paragraphs), as its own quotation. */
export function quotationFromPart(quote: SourceQuote, part: number): SourceQuote {
  const parts = quote.parts ?? [];
  if (part <= 0 || part >= parts.length) return quote;
  const at = partOffsets(quote)[part - 1] ?? 0;
  const rest = parts.slice(part);
  const first = rest[0];
  return {
    ...quote,
    text: quote.text.slice(at),
    start: first.start,
    end: first.end,
    paragraph: first.paragraph,
    parts: rest.length > 1 ? rest : undefined,
  };
}

/** Characters read after a part's start for its opening key (its first two words). */
/** Characters read after a later part's start for its opening words. */
export const OPENING_CHARS = 80;

/** Opening keys of a quotation: its first two words and, over paragraphs, those of each later part. */
export function openingKeysOf(quote: SourceQuote): string[] {
  if (quote.kind === 'indirect') return [];
  const keys = [openingKey(words(quote.text))];
  for (const at of partOffsets(quote)) keys.push(openingKey(words(quote.text.slice(at, at + OPENING_CHARS))));
  return [...new Set(keys.filter((k): k is string => k !== null))];
}
