import type { Cancellation } from '../../domain/cancellation';
import type { ServiceContext } from '../context';
import { plainText } from '../../text/escape-markdown';
import { speakerDisplay } from './quote-presentation';
import { rankQuotes } from './rank-quotes';

/** One answer of `sourced/searchQuotes` (the Insert Quote quick pick). */
export interface QuoteSearchResult {
  /** Identifies the quotation for `sourced/quoteInsertEdits` while the index is unchanged. */
  id: number;
  text: string;
  speaker: string | null;
  key: string;
  title: string;
  date: string | null;
}

/** Quotations matching a free-text query, best first. */
export function searchQuotes(ctx: ServiceContext, query: string, limit: number, token: Cancellation): QuoteSearchResult[] {
  const k = ctx.knowledge();
  const hits = rankQuotes(k, query, { limit: Math.max(1, Math.min(limit, 200)), minWords: ctx.config().quotes.minCompletionWords });
  if (token.isCancellationRequested) return [];
  return hits.map((q) => ({
    id: q.id,
    text: q.quote.text,
    speaker: q.quote.speaker ? speakerDisplay(ctx, q) : null,
    key: k.sources.keyOf(q.unit),
    title: plainText(q.unit.doc.title),
    date: q.unit.doc.date,
  }));
}
