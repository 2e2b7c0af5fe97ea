import type { Cancellation } from '../cancellation';
import type { ServiceContext } from '../context';
import type { DraftDocument } from '../drafts/draft-document';
import type { Misquote } from '../findings';

/** Quotations in the draft close to a source quotation but not the same. (Filled in by the quotes feature.) */
export function findMisquotes(_ctx: ServiceContext, _draft: DraftDocument, _token: Cancellation): Misquote[] {
  return [];
}
