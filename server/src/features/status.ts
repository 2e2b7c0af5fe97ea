import type { ServiceContext } from './context';

/** The answer to `sourced/status`. */
export interface StatusReport {
  ready: boolean;
  sources: number;
  quotes: number;
  actors: number;
  skipped: number;
  /** The files skipped and why (the first few; the output channel lists all), e.g. "encrypted PDF (needs a password)". */
  skippedFiles: { uri: string; reason: string }[];
  /** Why the index is not where the settings put it (the SQLite driver did not load: the in-memory index answers). */
  indexWarning?: string;
}

/** Skipped files listed in a status report. */
const MAX_SKIPPED_LISTED = 20;

/** Counts of the current index. */
export function status(ctx: ServiceContext): StatusReport {
  const k = ctx.knowledge();
  return {
    ready: ctx.indexer.ready,
    sources: k.sources.size,
    quotes: k.quotes.size,
    actors: k.actors.size,
    skipped: ctx.indexer.skipped.size,
    skippedFiles: [...ctx.indexer.skipped].slice(0, MAX_SKIPPED_LISTED).map(([uri, reason]) => ({ uri, reason })),
    ...(ctx.indexer.storeWarning ? { indexWarning: ctx.indexer.storeWarning } : {}),
  };
}
