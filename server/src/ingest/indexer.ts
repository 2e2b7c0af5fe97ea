import { NEVER_CANCELLED, yieldToEventLoop, type Cancellation } from '../domain/cancellation';
import type { Corpus, CorpusEntry, CorpusEvent, Disposable } from '../domain/corpus';
import {
  CacheError,
  contentHash,
  deserializeSnapshot,
  freshness,
  serializeSnapshot,
  type CachedFile,
  type FileRecord,
  type IndexCacheStore,
  type IndexSnapshot,
} from '../store/index-cache';
import { createKnowledge, type Knowledge } from '../store/memory/knowledge';
import { WriterBibliography } from '../store/writer-bibliography';
import type { IndexStoreKind } from '../domain/config';
import { SqliteStore } from '../store/sqlite/sqlite-store';
import type { Logger } from '../domain/logger';
import type { PreparedRead, PreparedSource } from '../domain/prepared-source';
import { buildIntoStore, stampAll, type EmbeddedBuild } from './store-build';
import { analyzeSource, type SourceAnalysis } from './analyze-source';
import type { Fetched, FetchedFile, ProgressReporter } from './fetched-source';

export type { ProgressReporter } from './fetched-source';
import { needsReader } from './readers/sniff-format';

/** Where the index is persisted between sessions, and whether it should be (`sourced.index.persist`). */
export interface IndexPersistence {
  store: IndexCacheStore;
  enabled(): boolean;
  /** `sourced.index.store`: the in-memory index (persisted as a snapshot) or the embedded SQLite store. */
  kind?(): IndexStoreKind;
}

/** How long synchronous indexing may hold the event loop before yielding, in ms. */
const SLICE_MS = 20;
/** Files read ahead of the one being analysed: reads run on libuv threads while the main thread analyses. */
const READ_AHEAD = 48;
/** Stats in flight while validating the persisted index. */
const STAT_CONCURRENCY = 64;
/** Quiet time after a file change before the persisted index is rewritten. */
const SAVE_DELAY_MS = 5000;

/**
 * Builds the knowledge from the corpus and keeps it current: a full build
 * swaps in a new index when done (requests keep using the old one), and file
 * events re-index only that file. Open editors' text wins over disk. With a
 * persisted index, unchanged files (size, mtime, content hash) are restored
 * instead of read and analysed; the index is saved after builds and changes.
 */
export class Indexer {
  knowledge: Knowledge | SqliteStore = createKnowledge();
  /** The embedded store, once opened (`sourced.index.store: sqlite`); it is updated in place, file by file. */
  private embedded: SqliteStore | null = null;
  private writer = new WriterBibliography();
  /** Files that could not be indexed, with the reason. */
  readonly skipped = new Map<string, string>();
  /** What the last build learnt from the persisted index: files restored, files re-read. */
  cacheReport: { restored: number; verified: number; analysed: number; dropped: number; note: string } | null = null;
  /** Why the embedded store the settings ask for is not used (the driver did not load, ...), once it failed. */
  storeWarning: string | null = null;
  private records = new Map<string, FileRecord>();
  private readonly overlays = new Map<string, string>();
  private readonly listeners = new Set<() => void>();
  private readonly subscription: Disposable;
  private buildGeneration = 0;
  private building: Promise<void> | null = null;
  private queued: CorpusEvent[] = [];
  /** The latest event per file: a read still in flight when a newer event (a delete) arrives must not win. */
  private readonly latestEvent = new Map<string, number>();
  private eventCounter = 0;
  private firstBuild: Promise<void>;
  private resolveFirst!: () => void;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private saving: Promise<void> = Promise.resolve();
  private disposed = false;
  ready = false;

  constructor(
    private readonly corpus: Corpus,
    private readonly logger: Logger,
    private readonly persistence?: IndexPersistence,
  ) {
    this.firstBuild = new Promise((resolve) => (this.resolveFirst = resolve));
    this.subscription = corpus.onDidChange((e) => void this.handleEvent(e));
  }

  /** Resolves once the first full build has finished. */
  whenReady(): Promise<void> {
    return this.firstBuild;
  }

  /** Called after each change to the knowledge (build finished or one file updated). */
  onDidUpdate(listener: () => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private fire(): void {
    for (const l of this.listeners) {
      try {
        l();
      } catch (err) {
        this.logger.error(`index listener failed: ${String(err)}`);
      }
    }
  }

  private get persisting(): boolean {
    return this.persistence !== undefined && this.persistence.enabled();
  }

  /** Rebuilds every source into a fresh index and swaps it in; a newer build supersedes an older one. */
  rebuild(progress?: ProgressReporter, token: Cancellation = NEVER_CANCELLED): Promise<void> {
    const generation = ++this.buildGeneration;
    let changed = false;
    const run = this.buildInto(generation, progress, token)
      .then((result) => {
        changed = result === 'changed';
      })
      .catch((err: unknown) => {
        this.logger.error(`indexing failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      })
      .finally(() => {
        if (generation === this.buildGeneration) {
          this.building = null;
          if (!this.ready) {
            this.ready = true;
            this.resolveFirst();
          }
          const events = this.queued;
          this.queued = [];
          for (const e of events) void this.handleEvent(e);
          this.fire();
          if (changed) this.scheduleSave(0);
        }
      });
    this.building = run;
    return run;
  }

  /** Builds a new index; says whether it differs from the persisted one (so whether to save it). */
  private async buildInto(
    generation: number,
    progress: ProgressReporter | undefined,
    token: Cancellation,
  ): Promise<'cancelled' | 'changed' | 'unchanged'> {
    const embedded = this.openEmbedded();
    embedded?.sources.setWriterBibliography(this.writer);
    if (embedded && this.persistence)
      return buildIntoStore(this.embeddedBuild(this.persistence.store), embedded, generation, progress, token);
    const started = Date.now();
    const entries = await this.corpus.list();
    const next = createKnowledge();
    next.sources.setWriterBibliography(this.writer);
    const records = new Map<string, FileRecord>();
    const skipped = new Map<string, string>();
    const stale = (): boolean => token.isCancellationRequested || generation !== this.buildGeneration || this.disposed;
    let done = 0;
    let sliceStart = Date.now();
    const tick = async (): Promise<void> => {
      done++;
      if (Date.now() - sliceStart > SLICE_MS) {
        progress?.(done, entries.length);
        await yieldToEventLoop();
        sliceStart = Date.now();
      }
    };
    progress?.(0, entries.length);

    let pending: (CorpusEntry | Fetched)[] = entries;
    const report = { restored: 0, verified: 0, analysed: 0, dropped: 0, note: 'no persisted index' };
    const snapshot = this.persisting ? await this.loadSnapshot(report) : null;
    if (snapshot) {
      pending = [];
      const cached = new Map<string, CachedFile>();
      for (const f of snapshot.files) cached.set(f.analysis.doc.uri, f);
      next.sources.sentences.loadState(snapshot.index);
      const reuse: { file: CachedFile; record: FileRecord }[] = [];
      const candidates = entries.filter((e) => {
        const f = cached.get(e.uri);
        if (f && !this.overlays.has(e.uri) && f.analysis.doc.path === e.path) return true;
        pending.push(e);
        return false;
      });
      await mapLimit(candidates, STAT_CONCURRENCY, async (entry) => {
        const file = cached.get(entry.uri);
        if (!file) return;
        const stampedAt = Date.now();
        const stamp = await this.cacheStore().stamp(entry.uri);
        const verdict = freshness(file.record, stamp);
        if (verdict === 'valid') {
          reuse.push({ file, record: file.record });
          return;
        }
        if (verdict === 'stale' || !stamp) {
          pending.push(entry);
          return;
        }
        // Same size, different (or racy) mtime: the content decides.
        const read = await this.corpus.read(entry.uri);
        if (read.ok && contentHash(read.text) === file.record.hash) {
          report.verified++;
          reuse.push({ file, record: { ...stamp, stampedAt, hash: file.record.hash } });
        } else {
          pending.push({ entry, read, stamp, stampedAt, overlay: false });
        }
      });
      if (stale()) return 'cancelled';
      const kept = new Set(reuse.map((r) => r.file.analysis.doc.uri));
      for (const f of snapshot.files) {
        if (kept.has(f.analysis.doc.uri)) continue;
        report.dropped++;
        for (const id of f.sentenceIds) next.sources.sentences.remove(id);
      }
      // Restore in corpus order, so that citation keys and listeners see the same sequence as a cold build.
      reuse.sort((a, b) => (a.file.analysis.doc.path < b.file.analysis.doc.path ? -1 : 1));
      for (const { file, record } of reuse) {
        next.sources.add(file.analysis, file.sentenceIds);
        records.set(file.analysis.doc.uri, record);
        report.restored++;
        await tick();
        if (stale()) return 'cancelled';
      }
      report.note = `restored ${report.restored} of ${entries.length} files from the persisted index`;
    }

    const fetches = new Array<Promise<Fetched> | undefined>(pending.length);
    let requested = 0;
    for (let i = 0; i < pending.length; i++) {
      while (requested < pending.length && requested < i + READ_AHEAD) {
        const item = pending[requested];
        fetches[requested++] = 'read' in item ? Promise.resolve(item) : this.fetch(item);
      }
      const item = pending[i];
      // Always requested by the read-ahead above; the fallback only spells that out for the type checker.
      const fetched = await (fetches[i] ?? ('read' in item ? item : this.fetch(item)));
      fetches[i] = undefined;
      if (stale()) return 'cancelled';
      const analysis = this.analyse(fetched, skipped);
      if (analysis) {
        next.sources.add(analysis);
        report.analysed++;
        const record = this.recordOf(fetched);
        if (record) records.set(fetched.entry.uri, record);
      }
      await tick();
    }
    if (stale()) return 'cancelled';
    // Merge the actors in slices before the swap: otherwise the first request after a build merges them all at
    // once and holds the event loop (seconds at 100,000 sources).
    while (!next.actors.settle(SLICE_MS)) {
      await yieldToEventLoop();
      if (stale()) return 'cancelled';
    }
    this.knowledge = next;
    this.records = records;
    this.cacheReport = this.persistence ? report : null;
    this.skipped.clear();
    for (const [uri, reason] of skipped) this.skipped.set(uri, reason);
    progress?.(entries.length, entries.length);
    const cacheNote = snapshot ? `; ${report.note}, ${report.verified} by content hash` : '';
    this.logger.info(`indexed ${next.sources.size} sources (${skipped.size} skipped) in ${Date.now() - started} ms${cacheNote}`);
    // Files that only needed their hash checked (touched, same content) are re-checked next time rather than
    // rewriting the whole cache for them: at 100,000 files a save is over a minute of background work.
    const manyVerified = report.verified > Math.max(100, entries.length / 100);
    return !snapshot || report.analysed > 0 || report.dropped > 0 || manyVerified ? 'changed' : 'unchanged';
  }

  /** The persisted-index store; only called while persisting, which needs one. */
  private cacheStore(): IndexCacheStore {
    if (!this.persistence) throw new Error('the index is not persisted (no cache store)');
    return this.persistence.store;
  }

  /** The persisted snapshot for this build, or null (missing, disabled, corrupt: then logged and rebuilt). */
  private async loadSnapshot(report: { note: string }): Promise<IndexSnapshot | null> {
    const store = this.cacheStore();
    try {
      const bytes = await store.load();
      if (!bytes) return null;
      return await deserializeSnapshot(bytes, store.buildId, yieldToEventLoop);
    } catch (err) {
      const reason = err instanceof CacheError ? err.message : `unreadable (${String(err)})`;
      report.note = `persisted index not used: ${reason}`;
      this.logger.warn(`persisted index not used (${reason}); rebuilding it`);
      return null;
    }
  }

  /** Stamps (when persisting) and reads one file; open editors' text wins over disk. */
  private async fetch(entry: CorpusEntry): Promise<Fetched> {
    const overlay = this.overlays.get(entry.uri);
    if (overlay !== undefined) return { entry, read: { ok: true, text: overlay }, stamp: null, stampedAt: 0, overlay: true };
    const persisting = this.persisting;
    const stampedAt = Date.now();
    // Stat before reading: a write after the stat changes the mtime, so it can never be hidden by the cache.
    const stamp = persisting ? await this.cacheStore().stamp(entry.uri) : null;
    return { entry, read: await this.corpus.read(entry.uri), stamp, stampedAt, overlay: false };
  }

  private recordOf(fetched: Fetched): FileRecord | null {
    if (!fetched.stamp || fetched.overlay || !fetched.read.ok) return null;
    return { ...fetched.stamp, stampedAt: fetched.stampedAt, hash: fetched.hash ?? contentHash(fetched.read.text) };
  }

  /** Analyses one fetched file; records and logs why when it cannot. */
  private analyse(fetched: Fetched, skipped: Map<string, string>): SourceAnalysis | null {
    const { entry, read } = fetched;
    if (!read.ok) {
      skipped.set(entry.uri, read.reason);
      this.logger.warn(`skipped ${entry.path}: ${read.reason}`);
      return null;
    }
    if (read.note) this.logger.info(`${entry.path}: ${read.note}`);
    try {
      return analyzeSource(entry.uri, entry.path, read.text, read.source);
    } catch (err) {
      const reason = `analysis failed: ${err instanceof Error ? err.message : String(err)}`;
      skipped.set(entry.uri, reason);
      this.logger.error(`skipped ${entry.path}: ${reason}`);
      return null;
    }
  }

  /** Has the corpus analyse and pack a read file on another thread, when it can (files from disk only). */
  private prepare(fetched: Fetched): Promise<PreparedRead | null> {
    const { read } = fetched;
    if (!read.ok || fetched.overlay || !this.corpus.analyse) return Promise.resolve(null);
    return this.corpus.analyse(fetched.entry, read.text, read.source);
  }

  /**
   * Stamps a file, then has the corpus read, analyse and pack it on another thread when it can (a file open in an
   * editor, or one the worker failed on, is fetched and analysed here).
   */
  private async fetchPrepared(entry: CorpusEntry): Promise<FetchedFile> {
    if (this.overlays.has(entry.uri) || !this.corpus.readAndAnalyse) {
      const fetched = await this.fetch(entry);
      return { fetched, prepared: await this.prepare(fetched) };
    }
    const stampedAt = Date.now();
    // Stat before reading, as `fetch` does.
    const stamp = this.persisting ? await this.cacheStore().stamp(entry.uri) : null;
    const done = await this.corpus.readAndAnalyse(entry);
    const base = { entry, stamp, stampedAt, overlay: false };
    if (!done) return { fetched: { ...base, read: await this.corpus.read(entry.uri) }, prepared: null };
    if (!done.ok) return { fetched: { ...base, read: done }, prepared: null };
    // The text stayed on the worker: what is left here is its hash (for the record) and its reader's note.
    const read = { ok: true as const, text: '', ...(done.note ? { note: done.note } : {}) };
    return { fetched: { ...base, read, hash: done.hash }, prepared: done.prepared };
  }

  /** A file analysed on another thread: its reader's note logged, or why its analysis failed recorded (as `analyse`). */
  private accept(fetched: Fetched, prepared: PreparedRead, skipped: Map<string, string>): PreparedSource | null {
    if (fetched.read.ok && fetched.read.note) this.logger.info(`${fetched.entry.path}: ${fetched.read.note}`);
    if (prepared.ok) return prepared.prepared;
    skipped.set(fetched.entry.uri, prepared.reason);
    this.logger.error(`skipped ${fetched.entry.path}: ${prepared.reason}`);
    return null;
  }

  /** Re-indexes one file after a corpus event; queued while a full build runs. */
  async handleEvent(event: CorpusEvent): Promise<void> {
    if (this.building) {
      this.queued.push(event);
      return;
    }
    const records = this.records;
    const seq = ++this.eventCounter;
    if (event.kind === 'deleted') {
      this.latestEvent.delete(event.uri);
      this.skipped.delete(event.uri);
      records.delete(event.uri);
      if (this.removeSource(event.uri)) {
        this.fire();
        this.scheduleSave();
      }
      return;
    }
    const entry = this.corpus.entryFor(event.uri);
    if (!entry) {
      records.delete(event.uri);
      if (this.removeSource(event.uri)) this.fire();
      return;
    }
    const knowledge = this.knowledge;
    this.latestEvent.set(event.uri, seq);
    this.skipped.delete(event.uri);
    const fetched = await this.fetch(entry);
    if (knowledge !== this.knowledge) return; // a full build replaced the index meanwhile
    if (this.latestEvent.get(event.uri) !== seq) return; // a newer event for this file decides
    this.latestEvent.delete(event.uri);
    const analysis = this.analyse(fetched, this.skipped);
    const record = analysis ? this.recordOf(fetched) : null;
    if (analysis) this.addSource(analysis, record);
    else this.removeSource(event.uri);
    if (record) records.set(event.uri, record);
    else records.delete(event.uri);
    this.fire();
    this.scheduleSave();
  }

  /** Uses the writer's bibliography from now on: its keys are offered and used for the sources it describes. */
  setWriterBibliography(writer: WriterBibliography): void {
    this.writer = writer;
    // Both stores keep their sources in a SourceIndex, which applies the writer's keys.
    this.knowledge.sources.setWriterBibliography(writer);
    this.fire();
  }

  /** Makes an open editor's text the source of truth for a corpus file. */
  setOverlay(uri: string, text: string): void {
    const entry = this.corpus.entryFor(uri);
    // A page, PDF or Word file open in an editor is markup or bytes, not the text: its reader reads the disk copy.
    if (!entry || needsReader(entry.path) || this.overlays.get(uri) === text) return;
    this.overlays.set(uri, text);
    void this.handleEvent({ kind: 'changed', uri });
  }

  /** Returns a corpus file to its disk copy when its editor closes. */
  clearOverlay(uri: string): void {
    if (!this.overlays.delete(uri)) return;
    void this.handleEvent({ kind: 'changed', uri });
  }

  /** Saves the persisted index soon (after a quiet period), when persistence is on. */
  private scheduleSave(delay = SAVE_DELAY_MS): void {
    if (!this.persisting || this.disposed) return;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      this.saving = this.saving.then(() => this.save());
    }, delay);
    this.saveTimer.unref?.();
  }

  /** Writes any pending save now and resolves when the persisted index is on disk. */
  async flush(): Promise<void> {
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      this.saveTimer = null;
      this.saving = this.saving.then(() => this.save());
    }
    await this.saving;
  }

  /** Writes the current index; open editors' unsaved text is never persisted. Yields while encoding. */
  private async save(): Promise<void> {
    if (!this.persisting || this.disposed) return;
    const started = Date.now();
    if (this.embedded) return this.saveEmbedded(started);
    if (this.knowledge instanceof SqliteStore) return;
    try {
      const { sources } = this.knowledge;
      const files: CachedFile[] = [];
      for (const unit of sources.all()) {
        const record = this.records.get(unit.doc.uri);
        if (!record || this.overlays.has(unit.doc.uri)) continue;
        const { sentenceIds, ...analysis } = unit;
        files.push({ record, analysis, sentenceIds });
      }
      // Taken synchronously with the file list, so the two are consistent even if files change while encoding.
      const index = sources.sentences.exportState();
      const store = this.cacheStore();
      const chunks = await serializeSnapshot({ buildId: store.buildId, savedAt: Date.now(), files, index }, yieldToEventLoop);
      await store.save(chunks);
      const bytes = chunks.reduce((n, c) => n + c.length, 0);
      this.logger.info(
        `saved the persisted index (${files.length} files, ${Math.round(bytes / 1048576)} MB) in ${Date.now() - started} ms`,
      );
    } catch (err) {
      this.logger.warn(`could not save the persisted index: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /** Adds a source to the live index (the embedded store also writes its row). */
  private addSource(analysis: SourceAnalysis, record: FileRecord | null): void {
    if (!this.embedded) {
      this.knowledge.sources.add(analysis);
      return;
    }
    this.embedded.put(analysis, record);
    this.embedded.flushWrites();
  }

  /** Removes a source from the live index; false when it was not there. */
  private removeSource(uri: string): boolean {
    if (!this.embedded) return this.knowledge.sources.remove(uri);
    const removed = this.embedded.remove(uri);
    this.embedded.flushWrites();
    return removed;
  }

  /** The embedded store when the settings ask for it and the host can open one (opened once per process). */
  private openEmbedded(): SqliteStore | null {
    if (!this.persisting || this.persistence?.kind?.() !== 'sqlite') {
      // Switched back to the in-memory index: the next build fills a fresh one (and nothing is amiss to report).
      this.embedded?.close();
      this.embedded = null;
      this.storeWarning = null;
      return null;
    }
    if (this.embedded) return this.embedded;
    // A driver that failed to load, or a file that is not ours, does not mend itself: one warning, then the heap.
    if (this.storeWarning) return null;
    const store = this.persistence.store;
    if (!store.openDatabase) return null;
    try {
      const db = store.openDatabase();
      if (!db) return this.fallBack('its folder is not safe to write to (a link out of the workspace)');
      this.embedded = new SqliteStore(db, store.buildId);
      this.logger.info(this.embedded.openNote);
      return this.embedded;
    } catch (err) {
      return this.fallBack(err instanceof Error ? err.message : String(err));
    }
  }

  /** Records why the embedded store is not used and warns once; the in-memory index is used instead. */
  private fallBack(reason: string): null {
    this.storeWarning = `The index database is not used (${reason}); Sourced indexes in memory instead.`;
    this.logger.warn(this.storeWarning);
    return null;
  }

  /** What `buildIntoStore` needs of this indexer. */
  private embeddedBuild(cache: IndexCacheStore): EmbeddedBuild {
    return {
      corpus: this.corpus,
      stamp: (uri) => cache.stamp(uri),
      stampAll: (uris) => stampAll(cache, uris),
      fetch: (entry) => this.fetch(entry),
      analyse: (fetched, skipped) => this.analyse(fetched, skipped),
      prepare: (fetched) => this.prepare(fetched),
      fetchPrepared: (entry) => this.fetchPrepared(entry),
      accept: (fetched, read, skipped) => this.accept(fetched, read, skipped),
      recordOf: (fetched) => this.recordOf(fetched),
      overlays: this.overlays,
      stale: (generation, token) => token.isCancellationRequested || generation !== this.buildGeneration || this.disposed,
      restored: (store) => {
        if (this.ready) return;
        this.knowledge = store;
        this.ready = true;
        this.resolveFirst();
        this.fire();
      },
      finish: (store, records, skipped, note) => {
        this.knowledge = store;
        this.records = records;
        this.cacheReport = note;
        this.skipped.clear();
        for (const [uri, reason] of skipped) this.skipped.set(uri, reason);
      },
      logger: this.logger,
    };
  }

  /** Writes the embedded store's postings (synchronous: a few hundred ms at 20,000 sources). */
  private saveEmbedded(started: number): void {
    try {
      this.embedded?.saveIndexes();
      this.logger.info(`saved the index database postings in ${Date.now() - started} ms`);
    } catch (err) {
      this.logger.warn(`could not save the index database: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  dispose(): void {
    if (this.embedded && this.saveTimer) this.saveEmbedded(Date.now());
    this.disposed = true;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.embedded?.close();
    this.embedded = null;
    this.subscription.dispose();
    this.buildGeneration++;
  }
}

/** Runs `each` over items with at most `limit` in flight. */
async function mapLimit<T>(items: T[], limit: number, each: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await each(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
