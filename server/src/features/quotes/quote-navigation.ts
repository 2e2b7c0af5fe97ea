import type { Location } from 'vscode-languageserver-types';
import type { ServiceContext } from '../context';
import type { DraftDocument } from '../drafts/draft-document';
import { matchQuotation, verbatimSentence } from './match-quotation';
import { quotationAt } from './quote-hover';

/** Go to definition on a quotation: the source at that quotation (or the sentence that contains it word for word). */
export function quoteDefinition(ctx: ServiceContext, draft: DraftDocument, offset: number): Location[] {
  const quotation = quotationAt(draft, offset);
  if (!quotation) return [];
  const k = ctx.knowledge();
  const match = matchQuotation(k, quotation.text);
  if (match?.exact) return [k.sources.location(match.q.unit, match.q.quote.start, match.q.quote.end)];
  const sentence = verbatimSentence(k, quotation.text);
  return sentence ? [k.sources.location(sentence.unit, sentence.start, sentence.end)] : [];
}
