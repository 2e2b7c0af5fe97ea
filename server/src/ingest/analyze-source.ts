import { extractActors } from './actors/extract-actors';
import { extractQuotes } from './quotes/extract-quotes';
import { parseSource } from './source/parse-source';
import type { SourceAnalysis } from '../domain/source-analysis';

export type { SourceAnalysis };


/** Parses one source and runs the per-file extractors (actors first: quote attribution uses them). */
export function analyzeSource(uri: string, path: string, text: string): SourceAnalysis {
  const doc = parseSource(uri, path, text);
  const actors = extractActors(doc);
  const quotes = extractQuotes(doc, actors);
  return { doc, actors, quotes };
}
