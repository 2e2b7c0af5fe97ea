/**
 * A full build into the embedded store: the store already holds what the last session indexed, so a build
 * re-reads only files that are new or changed (size, mtime, then content hash, as the snapshot cache decides),
 * drops files that are gone, and writes each analysed file to the store as it goes.
 */
import { yieldToEventLoop, type Cancellation } from '../domain/cancellation';
import type { Corpus, CorpusEntry } from '../domain/corpus';
import type { Logger } from '../domain/logger';
import { contentHash, freshness, type FileRecord, type FileStamp, type IndexCacheStore, type StampedAt } from '../store/index-cache';
import type { SqliteStore } from '../store/sqlite/sqlite-store';
import type { PreparedRead, PreparedSource } from '../domain/prepared-source';
import type { SourceAnalysis } from './analyze-source';
import type { Fetched, FetchedFile, ProgressReporter } from './fetched-source';

/** How long synchronous work may hold the event loop before yielding, in ms. */
const SLICE_MS = 20;
const READ_AHEAD = 48;
const STAT_CONCURRENCY = 64;

/** What the build borrows from the indexer. */
export interface EmbeddedBuild {
  corpus: Corpus;
  stamp(uri: string): Promise<FileStamp | null>;
  /** Stamps of many files, each with the time taken just before it (see `IndexCacheStore.stampAll`). */
  stampAll(uris: readonly string[]): Promise<StampedAt[]>;
  fetch(entry: CorpusEntry): Promise<Fetched>;
  analyse(fetched: Fetched, skipped: Map<string, string>): SourceAnalysis | null;
  /** Analyses a fetched file on another thread where the host can; null: `analyse` it here. */
  prepare(fetched: Fetched): Promise<PreparedRead | null>;
  /** Stamps, reads and analyses a file, on another thread where the host can (then its text never comes here). */
  fetchPrepared(entry: CorpusEntry): Promise<FetchedFile>;
  /** What `prepare` gave, logged like `analyse` logs: the source, or null (recorded as skipped). */
  accept(fetched: Fetched, read: PreparedRead, skipped: Map<string, string>): PreparedSource | null;
  recordOf(fetched: Fetched): FileRecord | null;
  overlays: ReadonlyMap<string, string>;
  stale(generation: number, token: Cancellation): boolean;
  finish(store: SqliteStore, records: Map<string, FileRecord>, skipped: Map<string, string>, note: CacheNote): void;
  /** The store holds the last session's sources: requests may read it while the files are checked against it. */
  restored(store: SqliteStore): void;
  logger: Logger;
}

export interface CacheNote {
  restored: number;
  verified: number;
  analysed: number;
  dropped: number;
  note: string;
}

/** Brings the store up to date with the corpus; says whether anything changed (so whether to save the postings). */
export async function buildIntoStore(
  b: EmbeddedBuild,
  store: SqliteStore,
  generation: number,
  progress: ProgressReporter | undefined,
  token: Cancellation,
): Promise<'cancelled' | 'changed' | 'unchanged'> {
  const started = Date.now();
  // A second start answers from the stored index at once; listing and checking every file (stat, then content hash)
  // takes seconds at 100,000 files, and what changed meanwhile is applied below as it is found, like a file event.
  if (store.sources.size > 0) b.restored(store);
  const entries = await b.corpus.list();
  const stored = store.storedRecords();
  const records = new Map<string, FileRecord>();
  const skipped = new Map<string, string>();
  const report: CacheNote = { restored: 0, verified: 0, analysed: 0, dropped: 0, note: '' };
  const pending: (CorpusEntry | Fetched)[] = [];
  const listed = new Set(entries.map((e) => e.uri));
  progress?.(0, entries.length);

  // Stored files are stamped together; the others are read whatever their stamp.
  const known: { entry: CorpusEntry; record: FileRecord }[] = [];
  for (const entry of entries) {
    const record = stored.get(entry.uri);
    const unit = store.sources.get(entry.uri);
    if (!record || !unit || unit.doc.path !== entry.path || b.overlays.has(entry.uri)) pending.push(entry);
    else known.push({ entry, record });
  }
  const stamps = await b.stampAll(known.map((k) => k.entry.uri));
  // Only a file whose stamp is not conclusive is read (to compare its content hash).
  const unsure: { entry: CorpusEntry; record: FileRecord; stamp: FileStamp; stampedAt: number }[] = [];
  known.forEach(({ entry, record }, i) => {
    const { stamp, stampedAt } = stamps[i];
    const verdict = freshness(record, stamp);
    if (verdict === 'valid') {
      records.set(entry.uri, record);
      report.restored++;
    } else if (verdict === 'stale' || !stamp) pending.push(entry);
    else unsure.push({ entry, record, stamp, stampedAt });
  });
  await mapLimit(unsure, STAT_CONCURRENCY, async ({ entry, record, stamp, stampedAt }) => {
    const read = await b.corpus.read(entry.uri);
    if (read.ok && contentHash(read.text) === record.hash) {
      report.verified++;
      records.set(entry.uri, { ...stamp, stampedAt, hash: record.hash });
    } else pending.push({ entry, read, stamp, stampedAt, overlay: false });
  });
  if (b.stale(generation, token)) return 'cancelled';
  for (const uri of [...stored.keys()]) {
    if (listed.has(uri)) continue;
    store.remove(uri);
    report.dropped++;
  }
  // In path order, as a cold build adds them (citation keys are assigned in that order).
  pending.sort((x, y) => (pathOf(x) < pathOf(y) ? -1 : 1));

  let sliceStart = Date.now();
  // Each file is read and, where the host has worker threads, analysed ahead: this thread only indexes and writes.
  const fetches = new Map<number, Promise<FetchedFile>>();
  let requested = 0;
  for (let i = 0; i < pending.length; i++) {
    while (requested < pending.length && requested < i + READ_AHEAD) {
      const item = pending[requested];
      const fetching = 'read' in item ? b.prepare(item).then((prepared) => ({ fetched: item, prepared })) : b.fetchPrepared(item);
      fetches.set(requested++, fetching);
    }
    const next = fetches.get(i);
    if (!next) continue;
    const { fetched, prepared } = await next;
    fetches.delete(i);
    if (b.stale(generation, token)) return 'cancelled';
    const source = prepared ? b.accept(fetched, prepared, skipped) : b.analyse(fetched, skipped);
    const record = source ? b.recordOf(fetched) : null;
    if (source) {
      if ('doc' in source) store.put(source, record);
      else store.putPrepared(source, record);
      report.analysed++;
      if (record) records.set(fetched.entry.uri, record);
    } else store.remove(fetched.entry.uri);
    if (Date.now() - sliceStart > SLICE_MS) {
      progress?.(report.restored + report.verified + i + 1, entries.length);
      await yieldToEventLoop();
      sliceStart = Date.now();
    }
  }
  store.flushWrites();
  while (!store.actors.settle(SLICE_MS)) {
    await yieldToEventLoop();
    if (b.stale(generation, token)) return 'cancelled';
  }
  report.note = `index database: ${report.restored + report.verified} of ${entries.length} files unchanged`;
  b.finish(store, records, skipped, report);
  progress?.(entries.length, entries.length);
  b.logger.info(
    `indexed ${store.sources.size} sources (${skipped.size} skipped) in ${Date.now() - started} ms; ${report.note}, ${report.analysed} analysed, ${report.dropped} dropped`,
  );
  return report.analysed > 0 || report.dropped > 0 ? 'changed' : 'unchanged';
}

/** Stamps of many files: the store's own bulk stat when it has one, else one `stamp` at a time per file. */
export async function stampAll(cache: IndexCacheStore, uris: readonly string[]): Promise<StampedAt[]> {
  if (cache.stampAll) return cache.stampAll(uris);
  const out = new Array<StampedAt>(uris.length);
  await mapLimit(uris, STAT_CONCURRENCY, async (uri, i) => {
    const stampedAt = Date.now();
    out[i] = { stamp: await cache.stamp(uri), stampedAt };
  });
  return out;
}

function pathOf(item: CorpusEntry | Fetched): string {
  return 'read' in item ? item.entry.path : item.path;
}

/** Runs `each` over items (with their index) with at most `limit` in flight. */
async function mapLimit<T>(items: readonly T[], limit: number, each: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const at = next++;
      await each(items[at], at);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
