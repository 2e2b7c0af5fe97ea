import type { ServiceContext } from './context';

/** The answer to `sourced/status`. */
export interface StatusReport {
  ready: boolean;
  sources: number;
  quotes: number;
  actors: number;
  skipped: number;
}

/** Counts of the current index. */
export function status(ctx: ServiceContext): StatusReport {
  const k = ctx.knowledge();
  return {
    ready: ctx.indexer.ready,
    sources: k.sources.size,
    quotes: k.quotes.size,
    actors: k.actors.size,
    skipped: ctx.indexer.skipped.size,
  };
}
