import type { DocumentActors } from './actor-types';
import type { SourceQuote } from './quote-types';
import type { SourceDocument } from './source-document';

/** Everything extracted from one source file: plain data, so it can be cached on disk or built in a worker. */
export interface SourceAnalysis {
  doc: SourceDocument;
  actors: DocumentActors;
  quotes: SourceQuote[];
}
