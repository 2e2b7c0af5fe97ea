import { extractActors } from '../actors/extract-actors';
import type { DocumentActors } from '../actors/actor-types';
import { extractQuotes } from '../quotes/extract-quotes';
import type { SourceQuote } from '../quotes/quote-types';
import { parseSource } from './parse-source';
import type { SourceDocument } from './source-document';

/** Everything extracted from one source file: plain data, so it can be cached on disk or built in a worker. */
export interface SourceAnalysis {
  doc: SourceDocument;
  actors: DocumentActors;
  quotes: SourceQuote[];
}

/** Parses one source and runs the per-file extractors (actors first: quote attribution uses them). */
export function analyzeSource(uri: string, path: string, text: string): SourceAnalysis {
  const doc = parseSource(uri, path, text);
  const actors = extractActors(doc);
  const quotes = extractQuotes(doc, actors);
  return { doc, actors, quotes };
}
