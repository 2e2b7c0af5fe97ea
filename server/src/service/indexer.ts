import { NEVER_CANCELLED, yieldToEventLoop, type Cancellation } from './cancellation';
import type { Corpus, CorpusEntry, CorpusEvent, Disposable } from './corpus';
import { createKnowledge, type Knowledge } from './knowledge';
import type { Logger } from './logger';
import { analyzeSource, type SourceAnalysis } from './sources/analyze-source';

/** Reports indexing progress: files done out of total. */
export type ProgressReporter = (done: number, total: number) => void;

/** How long synchronous indexing may hold the event loop before yielding, in ms. */
const SLICE_MS = 20;
/** Reads in flight at once during a full build. */
const READ_CONCURRENCY = 16;

/**
 * Builds the knowledge from the corpus and keeps it current: a full build
 * swaps in a new index when done (requests keep using the old one), and file
 * events re-index only that file. Open editors' text wins over disk.
 */
export class Indexer {
  knowledge: Knowledge = createKnowledge();
  /** Files that could not be indexed, with the reason. */
  readonly skipped = new Map<string, string>();
  private readonly overlays = new Map<string, string>();
  private readonly listeners = new Set<() => void>();
  private readonly subscription: Disposable;
  private buildGeneration = 0;
  private building: Promise<void> | null = null;
  private queued: CorpusEvent[] = [];
  private firstBuild: Promise<void>;
  private resolveFirst!: () => void;
  ready = false;

  constructor(private readonly corpus: Corpus, private readonly logger: Logger) {
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

  /** Rebuilds every source into a fresh index and swaps it in; a newer build supersedes an older one. */
  rebuild(progress?: ProgressReporter, token: Cancellation = NEVER_CANCELLED): Promise<void> {
    const generation = ++this.buildGeneration;
    const run = this.buildInto(generation, progress, token).catch((err: unknown) => {
      this.logger.error(`indexing failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    }).finally(() => {
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
      }
    });
    this.building = run;
    return run;
  }

  private async buildInto(generation: number, progress: ProgressReporter | undefined, token: Cancellation): Promise<void> {
    const started = Date.now();
    const entries = await this.corpus.list();
    const next = createKnowledge();
    const skipped = new Map<string, string>();
    let done = 0;
    let sliceStart = Date.now();
    progress?.(0, entries.length);
    for (let i = 0; i < entries.length; i += READ_CONCURRENCY) {
      if (token.isCancellationRequested || generation !== this.buildGeneration) return;
      const batch = entries.slice(i, i + READ_CONCURRENCY);
      const analyses = await Promise.all(batch.map((entry) => this.load(entry, skipped)));
      for (const analysis of analyses) {
        if (analysis) next.sources.add(analysis);
        done++;
        if (Date.now() - sliceStart > SLICE_MS) {
          progress?.(done, entries.length);
          await yieldToEventLoop();
          sliceStart = Date.now();
        }
      }
    }
    if (generation !== this.buildGeneration) return;
    this.knowledge = next;
    this.skipped.clear();
    for (const [uri, reason] of skipped) this.skipped.set(uri, reason);
    progress?.(entries.length, entries.length);
    this.logger.info(`indexed ${next.sources.size} sources (${skipped.size} skipped) in ${Date.now() - started} ms`);
  }

  /** Reads and analyses one file; records and logs why when it cannot. */
  private async load(entry: CorpusEntry, skipped: Map<string, string>): Promise<SourceAnalysis | null> {
    const overlay = this.overlays.get(entry.uri);
    const read = overlay !== undefined ? { ok: true as const, text: overlay } : await this.corpus.read(entry.uri);
    if (!read.ok) {
      skipped.set(entry.uri, read.reason);
      this.logger.warn(`skipped ${entry.path}: ${read.reason}`);
      return null;
    }
    if ('note' in read && read.note) this.logger.info(`${entry.path}: ${read.note}`);
    try {
      return analyzeSource(entry.uri, entry.path, read.text);
    } catch (err) {
      const reason = `analysis failed: ${err instanceof Error ? err.message : String(err)}`;
      skipped.set(entry.uri, reason);
      this.logger.error(`skipped ${entry.path}: ${reason}`);
      return null;
    }
  }

  /** Re-indexes one file after a corpus event; queued while a full build runs. */
  async handleEvent(event: CorpusEvent): Promise<void> {
    if (this.building) {
      this.queued.push(event);
      return;
    }
    const { sources } = this.knowledge;
    if (event.kind === 'deleted') {
      this.skipped.delete(event.uri);
      if (sources.remove(event.uri)) this.fire();
      return;
    }
    const entry = this.corpus.entryFor(event.uri);
    if (!entry) {
      if (sources.remove(event.uri)) this.fire();
      return;
    }
    const knowledge = this.knowledge;
    this.skipped.delete(event.uri);
    const analysis = await this.load(entry, this.skipped);
    if (knowledge !== this.knowledge) return; // a full build replaced the index meanwhile
    if (analysis) sources.add(analysis);
    else sources.remove(event.uri);
    this.fire();
  }

  /** Makes an open editor's text the source of truth for a corpus file. */
  setOverlay(uri: string, text: string): void {
    if (!this.corpus.entryFor(uri) || this.overlays.get(uri) === text) return;
    this.overlays.set(uri, text);
    void this.handleEvent({ kind: 'changed', uri });
  }

  /** Returns a corpus file to its disk copy when its editor closes. */
  clearOverlay(uri: string): void {
    if (!this.overlays.delete(uri)) return;
    void this.handleEvent({ kind: 'changed', uri });
  }

  dispose(): void {
    this.subscription.dispose();
    this.buildGeneration++;
  }
}
