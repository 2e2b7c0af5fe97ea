import type { SourceStore } from '../source-store';
import { ActorIndex } from './actors/actor-index';
import { QuoteIndex } from './quote-index';
import { SourceIndex } from './source-index';

/** The indexes built from the corpus, kept consistent with each other: sources, actors, quotes. */
export interface Knowledge extends SourceStore {
  sources: SourceIndex;
  actors: ActorIndex;
  quotes: QuoteIndex;
}

/** An empty set of indexes wired so that actors and quotes follow the source index. */
export function createKnowledge(): Knowledge {
  const sources = new SourceIndex();
  const actors = new ActorIndex();
  const quotes = new QuoteIndex();
  sources.listen(actors);
  sources.listen(quotes);
  return { sources, actors, quotes };
}
