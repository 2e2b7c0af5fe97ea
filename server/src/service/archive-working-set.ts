/**
 * The team archive's connection state, and the archive as a source of candidates for the draft's features.
 * Completion and hover answer from SQL rows (archive-answers.ts) through `ask`. For diagnostics, claim fixes,
 * Cite All and Insert Quote search, this asks the archive (PostgreSQL full-text and key lookups) which archived
 * sources the request could need, loads their stored analyses and adds them to the in-memory store, so those
 * features draw on local and archived sources alike. A local copy of a source (same content hash) wins: its archived twin is never
 * added. Archived sources stay loaded up to a bound (least recently used go first). When the archive cannot be
 * reached, requests go on with local sources, a status message says so, and a timer reconnects.
 */
import type { Cancellation } from '../domain/cancellation';
import type { Logger } from '../domain/logger';
import type { SourceAnalysis } from '../domain/source-analysis';
import type { Indexer } from '../ingest/indexer';
import type { SourceUnit } from '../store/source-store';
import { SourceIndex } from '../store/memory/source-index';
import type { SourceStore } from '../store/source-store';

/** The in-memory store the archived sources are added to (the embedded SQLite store is not mixed with the archive). */
type Knowledge = SourceStore & { sources: SourceIndex };
const inMemory = (k: SourceStore): k is Knowledge => k.sources instanceof SourceIndex;
import { sourceHash } from '../store/postgres/content-hash';
import type { ArchiveReader, ArchiveRef, ArchivedSource } from '../store/postgres/archive-reader';
import { redactMessage } from '../store/postgres/redact';
import { isConnectionError } from '../store/postgres/sql';

/** What the service needs to read an archive: its reader, a printable (password-free) name, and teardown. */
export interface ArchiveConnection {
  reader: ArchiveReader;
  /** The archive's URL without its password. */
  label: string;
  /** Secrets to scrub from any message (the password). */
  secrets: readonly string[];
  close(): Promise<void>;
}

/** The archive's part of `sourced/status`. */
export interface ArchiveStatusReport {
  url: string;
  state: 'online' | 'offline';
  /** Archived sources currently loaded next to the local ones. */
  loaded: number;
  message?: string;
}

/** Sources loaded for an Insert Quote search (completion and hover answer from SQL: archive-answers.ts). */
const QUOTE_SOURCES = 12;
/** Archived sources kept loaded at most. */
const MAX_LOADED = 4000;
/** A request waits this long for the archive before answering from local sources. */
const REQUEST_TIMEOUT_MS = 2000;
/** Diagnostics and fixes are not typed-through: a draft's lookups may take longer before local-only answers. */
const DRAFT_TIMEOUT_MS = 10_000;
const RECONNECT_MS = [1000, 2000, 5000, 10_000, 30_000];
/** URI scheme of archived sources in the store (they are not files of the workspace). */
export const ARCHIVE_SCHEME = 'sourced-archive:';

/** An archived source's analysis as the features see it: an archive URI and an `archive:` path, never a local file's. */
export function archivedAnalysis(s: ArchivedSource): SourceAnalysis {
  const doc = s.analysis.doc;
  return { ...s.analysis, doc: { ...doc, uri: `${ARCHIVE_SCHEME}/${s.id}/${encodeURI(doc.path)}`, path: `archive:${doc.path}` } };
}

export class ArchiveWorkingSet {
  private state: 'online' | 'offline' = 'online';
  private message: string | undefined;
  /** Archive id → URI, in least-recently-used order, of the archived sources in the current knowledge. */
  private readonly loaded = new Map<string, string>();
  private seen: SourceStore | null = null;
  private warnedStore = false;
  private readonly localHash = new WeakMap<SourceUnit, string>();
  private localHashes = new Set<string>();
  private hashesDirty = true;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private attempts = 0;
  private disposed = false;
  private readonly statusListeners = new Set<(s: ArchiveStatusReport) => void>();

  constructor(
    private readonly archive: ArchiveConnection,
    private readonly indexer: Indexer,
    private readonly logger: Logger,
  ) {
    indexer.onDidUpdate(() => (this.hashesDirty = true));
  }

  status(): ArchiveStatusReport {
    return { url: this.archive.label, state: this.state, loaded: this.loaded.size, ...(this.message ? { message: this.message } : {}) };
  }

  /** Called when the archive goes offline or comes back. */
  onDidChangeStatus(listener: (s: ArchiveStatusReport) => void): { dispose(): void } {
    this.statusListeners.add(listener);
    return { dispose: () => this.statusListeners.delete(listener) };
  }

  /** Loads the archived sources holding quotations that match the typed words. */
  forQuote(typed: string, minWords: number, token: Cancellation): Promise<void> {
    return this.run('quotes', token, REQUEST_TIMEOUT_MS, (r) => r.quoteSources(typed, minWords, QUOTE_SOURCES));
  }

  /** Loads the archived sources for a draft: its citation keys, its quotations, and evidence for its sentences. */
  forDraft(keys: readonly string[], quotations: readonly string[], sentences: readonly string[], token: Cancellation): Promise<void> {
    // Each key, quotation and sentence is looked up once per store (a re-diagnosis after an edit asks only for what changed).
    const fresh = (kind: string, xs: readonly string[]): string[] =>
      xs.filter((x) => !this.asked.has(`${kind}\u0001${x}`) && this.asked.add(`${kind}\u0001${x}`));
    if (this.indexer.knowledge !== this.seen) this.asked.clear();
    keys = fresh('k', keys);
    quotations = fresh('q', quotations);
    sentences = fresh('s', sentences);
    if (this.asked.size > 100_000) this.asked.clear();
    if (keys.length + quotations.length + sentences.length === 0) return Promise.resolve();
    return this.run('draft', token, DRAFT_TIMEOUT_MS, async (r) => {
      const found = await Promise.all([
        keys.length ? r.keySources(keys) : Promise.resolve([]),
        sentences.length ? r.passageSourcesMany(sentences, 5) : Promise.resolve([]),
        ...quotations.slice(0, 50).map((q) => r.quoteSources(q.split(/\s+/).slice(0, 8).join(' ') + ' ', 1, 3)),
      ]);
      return found.flat();
    });
  }

  /**
   * Runs one read of the archive for a request: undefined when the archive is offline, the request is cancelled,
   * the read fails or takes longer than the request may wait. Never throws.
   */
  async ask<T>(what: string, token: Cancellation, read: (r: ArchiveReader) => Promise<T>): Promise<T | undefined> {
    if (this.state === 'offline' || this.disposed || token.isCancellationRequested) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), REQUEST_TIMEOUT_MS)));
    const work = read(this.archive.reader);
    work.catch(() => undefined);
    try {
      const result = await Promise.race([work, timeout]);
      if (result === undefined) this.logger.warn(`archive: ${what} took over ${REQUEST_TIMEOUT_MS} ms; answered from local sources`);
      return token.isCancellationRequested ? undefined : result;
    } catch (err) {
      if (isConnectionError(err)) this.goOffline(err);
      else this.logger.error(`archive: ${what} failed: ${this.scrub(err)}`);
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Whether an archived source (by content hash) has a local copy, which wins over it. */
  async isLocal(hash: string): Promise<boolean> {
    const k = this.indexer.knowledge;
    if (k !== this.seen) this.switchTo(k);
    if (this.hashesDirty) await (inMemory(k) ? this.refreshLocalHashes(k) : this.refreshHashesOf(k));
    return this.localHashes.has(hash);
  }

  /** A full re-index swapped in a new store: none of the archived sources are in it. */
  private switchTo(k: SourceStore): void {
    this.seen = k;
    this.loaded.clear();
    this.asked.clear();
    this.hashesDirty = true;
  }

  /** Runs a candidate query and loads what it finds; never throws, never waits past the timeout. */
  private async run(
    what: string,
    token: Cancellation,
    timeoutMs: number,
    find: (r: ArchiveReader) => Promise<ArchiveRef[]>,
  ): Promise<void> {
    if (this.state === 'offline' || this.disposed || token.isCancellationRequested) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    try {
      const work = (async () => {
        const refs = await find(this.archive.reader);
        if (!token.isCancellationRequested) await this.ensure(refs);
      })();
      work.catch(() => undefined);
      const outcome = await Promise.race([work.then(() => 'done' as const), timeout]);
      if (outcome === 'timeout') this.logger.warn(`archive: ${what} lookup took over ${timeoutMs} ms; answered from what is loaded`);
    } catch (err) {
      if (isConnectionError(err)) this.goOffline(err);
      else this.logger.error(`archive: ${what} lookup failed: ${this.scrub(err)}`);
    } finally {
      clearTimeout(timer);
    }
  }

  private scrub(err: unknown): string {
    return redactMessage(err instanceof Error ? err.message : String(err), this.archive.secrets);
  }

  /** Adds the archived sources not loaded yet (and not held locally) to the current knowledge. */
  private async ensure(refs: readonly ArchiveRef[]): Promise<void> {
    const k = this.indexer.knowledge;
    if (!inMemory(k)) {
      if (!this.warnedStore)
        this.logger.warn(
          'archive: archived sources join the heap index only; none are loaded into the embedded store (re-index to switch)',
        );
      this.warnedStore = true;
      return;
    }
    if (k !== this.seen) this.switchTo(k);
    if (this.hashesDirty) await this.refreshLocalHashes(k);
    const wanted = [...new Map(refs.map((r) => [r.id, r])).values()].filter((r) => !this.localHashes.has(r.hash));
    const missing: string[] = [];
    for (const r of wanted) {
      const uri = this.loaded.get(r.id);
      if (uri === undefined) missing.push(r.id);
      else {
        this.loaded.delete(r.id);
        this.loaded.set(r.id, uri);
      }
    }
    if (missing.length === 0) return;
    const sources = await this.archive.reader.load(missing);
    if (this.indexer.knowledge !== k) return;
    for (const s of sources) {
      if (this.indexer.knowledge !== k) return;
      if (!this.loaded.has(s.id) && !this.localHashes.has(s.hash)) this.add(k, s);
      // Adding a source tokenises it: one at a time, so a completion or hover arriving meanwhile is not held up.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    this.evict(k);
  }

  private add(k: Knowledge, s: ArchivedSource): void {
    const analysis = archivedAnalysis(s);
    this.archivedHash.set(k.sources.add(analysis), s.hash);
    this.loaded.set(s.id, analysis.doc.uri);
  }

  private evict(k: Knowledge): void {
    while (this.loaded.size > MAX_LOADED) {
      const [id, uri] = this.loaded.entries().next().value as [string, string];
      this.loaded.delete(id);
      k.sources.remove(uri);
    }
  }

  /** Hashes of the local sources of a store the archive is not mixed into (the embedded SQLite store). */
  private async refreshHashesOf(k: SourceStore): Promise<void> {
    this.hashesDirty = false;
    const next = new Set<string>();
    for (const unit of [...k.sources.all()]) {
      let h = this.localHash.get(unit);
      if (h === undefined) this.localHash.set(unit, (h = await sourceHash(unit.doc.text)));
      next.add(h);
    }
    this.localHashes = next;
  }

  /** Hashes of the local sources (computed once per source), and drops archived twins of sources now local. */
  private async refreshLocalHashes(k: Knowledge): Promise<void> {
    this.hashesDirty = false;
    const next = new Set<string>();
    for (const unit of [...k.sources.all()]) {
      if (unit.doc.uri.startsWith(ARCHIVE_SCHEME)) continue;
      let h = this.localHash.get(unit);
      if (h === undefined) this.localHash.set(unit, (h = await sourceHash(unit.doc.text)));
      next.add(h);
    }
    this.localHashes = next;
    for (const [id, uri] of [...this.loaded]) {
      const unit = k.sources.get(uri);
      const h = unit ? this.archivedHash.get(unit) : undefined;
      if (unit && h !== undefined && next.has(h)) {
        k.sources.remove(uri);
        this.loaded.delete(id);
      }
    }
  }

  private readonly archivedHash = new WeakMap<SourceUnit, string>();
  private readonly asked = new Set<string>();

  private goOffline(err: unknown): void {
    if (this.state === 'offline') return;
    this.state = 'offline';
    this.message = `the archive at ${this.archive.label} cannot be reached (${this.scrub(err)}); using local sources only, reconnecting`;
    this.logger.warn(`archive: ${this.message}`);
    this.emit();
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.disposed) return;
    const delay = RECONNECT_MS[Math.min(this.attempts++, RECONNECT_MS.length - 1)];
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.archive.reader.ping().then(
        () => {
          this.state = 'online';
          this.message = undefined;
          this.attempts = 0;
          this.logger.info(`archive: reconnected to ${this.archive.label}`);
          this.emit();
        },
        () => this.scheduleReconnect(),
      );
    }, delay);
    (this.reconnectTimer as { unref?: () => void }).unref?.();
  }

  private emit(): void {
    const s = this.status();
    for (const l of this.statusListeners) l(s);
  }

  dispose(): void {
    this.disposed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    void this.archive.close().catch(() => undefined);
  }
}
