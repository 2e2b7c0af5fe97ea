import type { Cancellation } from '../cancellation';
import type { ServiceContext } from '../context';

/** One answer of `sourced/searchQuotes` (the Insert Quote quick pick). */
export interface QuoteSearchResult {
  text: string;
  speaker: string | null;
  key: string;
  title: string;
  date: string | null;
}

/** Quotations matching a free-text query, best first. (Filled in by the quotes feature.) */
export function searchQuotes(_ctx: ServiceContext, _query: string, _limit: number, _token: Cancellation): QuoteSearchResult[] {
  return [];
}
