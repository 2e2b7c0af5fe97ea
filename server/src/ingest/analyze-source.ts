import { extractActors } from './actors/extract-actors';
import { extractQuotes } from './quotes/extract-quotes';
import { parseSource } from './source/parse-source';
import type { SourceAnalysis } from '../domain/source-analysis';
import type { SourceText } from '../domain/source-text';
import { documentFromBlocks } from './source/document-from-blocks';

export type { SourceAnalysis };

/**
 * Parses one source and runs the per-file extractors (actors first: quote attribution uses them). Plain text
 * is parsed by parse-source; a format reader's blocks (HTML, PDF, DOCX) become the document as they are.
 */
export function analyzeSource(uri: string, path: string, text: string, source?: SourceText): SourceAnalysis {
  const doc = source ? documentFromBlocks(uri, path, source) : parseSource(uri, path, text);
  const actors = extractActors(doc);
  const quotes = extractQuotes(doc, actors);
  return { doc, actors, quotes };
}
