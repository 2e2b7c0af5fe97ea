import type { DocumentActors } from '../actors/actor-types';
import type { SourceDocument } from '../sources/source-document';
import type { SourceQuote } from './quote-types';

/** Finds the quotations of one document and their speakers. (Filled in by the quotes feature.) */
export function extractQuotes(_doc: SourceDocument, _actors: DocumentActors): SourceQuote[] {
  return [];
}
