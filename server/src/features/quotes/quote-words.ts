/**
 * The words of a source quotation and of its speaker, worked out once per quotation object: completion ranks a
 * few hundred candidates per keystroke, mostly the same quotations from one keystroke to the next.
 */
import type { SourceQuote } from '../../domain/quote-types';
import { words } from '../../text/tokenize';

const cache = new WeakMap<SourceQuote, { text: string[]; speaker: string[] }>();

function entry(quote: SourceQuote): { text: string[]; speaker: string[] } {
  let found = cache.get(quote);
  if (!found) cache.set(quote, (found = { text: words(quote.text), speaker: quote.speaker ? words(quote.speaker) : [] }));
  return found;
}

/** The quotation's words (as `words` gives them; do not modify). */
export function quoteWords(quote: SourceQuote): readonly string[] {
  return entry(quote).text;
}

/** The speaker's words, none without a speaker (do not modify). */
export function speakerWords(quote: SourceQuote): readonly string[] {
  return entry(quote).speaker;
}
