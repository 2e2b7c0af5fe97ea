/**
 * Runs the format readers in worker threads: the main thread keeps answering requests while pages, PDFs and
 * Word files are read. Each file has a time limit and each worker a heap limit; a worker that overruns or
 * dies is replaced and the file is skipped with the reason. Results are cached by content hash, so an
 * unchanged file (or a copy of one) is read once per session.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { FileRead } from '../ingest/readers/read-source-file';
import type { PreparedRead, ReadAndPrepared } from '../domain/prepared-source';
import type { FileLocation } from './read-corpus-file';
import type { ReadLimits, SourceText } from '../domain/source-text';
import type { JobResult, ReaderReply, WorkerJob } from './reader-protocol';
import { runJob } from './worker-jobs';

export interface ReaderPoolOptions {
  /** Workers; default: one per core, at most 4 (the main thread mostly waits on them while a build reads files). */
  size?: number;
  /** Time one file may take, in ms. */
  timeoutMs?: number;
  /** Heap limit of a worker, in MB: a zip bomb or a hostile PDF ends the worker, not the server. */
  maxHeapMb?: number;
  /** Results kept by content hash. */
  cacheEntries?: number;
  /** The worker script (default: `reader-worker.js` beside this bundle, or its source under tsx). */
  workerScript?: string;
}

interface Pending {
  job: WorkerJob;
  /** Takes the job's result; `finish` hands it only a result of the job's own kind. */
  resolve: (done: JobResult) => void;
  /** The worker failed or timed out on this job, or the pool shut down. */
  fail: (reason: string) => void;
}

interface Slot {
  worker: Worker;
  /** Jobs posted to the worker, in its order: the first is the one it is reading. */
  jobs: Pending[];
  /** The first job's time limit. */
  timer: ReturnType<typeof setTimeout> | null;
  /** Ends the worker once it has been idle a while (see IDLE_MS). */
  idle: ReturnType<typeof setTimeout> | null;
}

/**
 * A worker idle this long is ended: a worker's stdout stream keeps the process alive even when the worker is
 * unreferenced (a test or a tool that indexed a folder would never exit), and an idle worker holds its heap.
 */
const IDLE_MS = 5_000;

/**
 * Jobs posted to a worker at once. During a build the main thread analyses files for up to 20 ms between
 * turns of its event loop, and a worker's reply waits for that turn: with one job at a time, a worker that
 * finished a page idled until the main thread handed it the next. With a few queued it goes straight on.
 */
const WORKER_DEPTH = 4;

/**
 * A worker running the readers: the bundled `reader-worker.js` next to this file, or (tests and tools run
 * from TypeScript sources under tsx) the `.ts` source loaded through tsx's require hook.
 */
function startWorker(options: WorkerOptions, script?: string): Worker | null {
  // A bundled worker needs none of this process's flags: under a loader such as tsx (tests, benchmarks) each
  // worker would otherwise load its 4 MB bundle through the ESM loader hooks, about 1 s of CPU per worker.
  if (script) return new Worker(script, { ...options, execArgv: [] });
  const js = path.join(__dirname, 'reader-worker.js');
  if (existsSync(js)) return new Worker(js, { ...options, execArgv: [] });
  const ts = path.join(__dirname, 'reader-worker.ts');
  if (!existsSync(ts)) return null;
  return new Worker(`require('tsx/cjs/api').register(); require(${JSON.stringify(ts)});`, { ...options, eval: true });
}

export class ReaderPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private readonly cache = new Map<string, Promise<FileRead>>();
  private readonly inFlight = new Map<string, Promise<FileRead>>();
  private readonly size: number;
  private readonly timeoutMs: number;
  private readonly maxHeapMb: number;
  private readonly cacheEntries: number;
  private readonly workerScript: string | undefined;
  private nextId = 1;
  private disposed = false;
  /** Set when workers cannot start here: files are then read on the calling thread. */
  private inProcess = false;

  constructor(options: ReaderPoolOptions = {}) {
    this.size = Math.max(1, options.size ?? Math.min(4, os.availableParallelism()));
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.maxHeapMb = options.maxHeapMb ?? 512;
    this.cacheEntries = options.cacheEntries ?? 512;
    this.workerScript = options.workerScript;
  }

  /**
   * Reads one file's bytes with its format's reader; never throws. A file whose content is being read
   * already (a copy met while its original is in a worker) waits for that read instead of starting another.
   */
  read(filePath: string, bytes: Uint8Array, limits: ReadLimits): Promise<FileRead> {
    const key = `${path.extname(filePath).toLowerCase()}:${limits.maxBytes}:${createHash('sha1').update(bytes).digest('hex')}`;
    const hit = this.cache.get(key) ?? this.inFlight.get(key);
    if (hit) {
      // Refresh its place: the map's order is the eviction order.
      if (this.cache.delete(key)) this.cache.set(key, hit);
      return hit;
    }
    const reading = this.readUncached(filePath, bytes, limits).then((result) => {
      this.inFlight.delete(key);
      this.cache.set(key, reading);
      if (this.cache.size > this.cacheEntries) this.cache.delete(this.cache.keys().next().value as string);
      return result;
    });
    this.inFlight.set(key, reading);
    return reading;
  }

  private readUncached(filePath: string, bytes: Uint8Array, limits: ReadLimits): Promise<FileRead> {
    const job: WorkerJob = { kind: 'read', id: this.nextId++, path: filePath, bytes, limits };
    return new Promise<FileRead>((resolve) => {
      const fail = (reason: string): void => resolve({ ok: false, reason });
      this.post(job, (done) => (done.kind === 'read' ? resolve(done.result) : fail(mismatch(job, done))), fail);
    });
  }

  /**
   * Analyses a read source and packs it for the embedded store on a worker; null when the worker failed or timed
   * out on it (the caller analyses it on its own thread, as it would without workers).
   */
  analyse(uri: string, filePath: string, text: string, source: SourceText | undefined): Promise<PreparedRead | null> {
    const job: WorkerJob = { kind: 'analyse', id: this.nextId++, uri, path: filePath, text, ...(source ? { source } : {}) };
    return new Promise<PreparedRead | null>((resolve) => {
      this.post(
        job,
        (done) => resolve(done.kind === 'analyse' ? done.result : null),
        () => resolve(null),
      );
    });
  }

  /**
   * Reads a corpus file as the Node corpus does (a format's reader runs on the same worker), then analyses and
   * packs it; null when the worker failed or timed out on it.
   */
  readAndAnalyse(uri: string, filePath: string, loc: FileLocation, maxFileSizeKb: number): Promise<ReadAndPrepared | null> {
    const job: WorkerJob = { kind: 'read-analyse', id: this.nextId++, uri, path: filePath, loc, maxFileSizeKb };
    return new Promise<ReadAndPrepared | null>((resolve) => {
      this.post(
        job,
        (done) => resolve(done.kind === 'read-analyse' ? done.result : null),
        () => resolve(null),
      );
    });
  }

  private post(job: WorkerJob, resolve: Pending['resolve'], fail: Pending['fail']): void {
    if (this.inProcess || this.disposed) {
      void runJob(job).then(resolve);
      return;
    }
    this.queue.push({ job, resolve, fail });
    this.pump();
  }

  private spawn(): Slot | null {
    let worker: Worker | null;
    try {
      worker = startWorker({ resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb }, stdout: true }, this.workerScript);
    } catch {
      worker = null;
    }
    if (!worker) {
      // No worker script beside this bundle (an embedding that did not ship it): read on this thread.
      this.inProcess = true;
      return null;
    }
    worker.stdout.resume(); // anything a library prints is dropped, never reaches the LSP channel
    const slot: Slot = { worker, jobs: [], timer: null, idle: null };
    worker.on('message', (reply: ReaderReply) => this.finish(slot, reply));
    worker.on('error', (err) => this.fail(slot, `reader crashed (${err.message})`));
    worker.on('exit', (code) => this.fail(slot, code === 0 ? 'reader stopped' : `reader ended (exit code ${code}; out of memory?)`));
    worker.unref();
    this.slots.push(slot);
    return slot;
  }

  /** The slot for the next job: an idle worker, else a new one while under the size, else the least loaded. */
  private slotForNext(): Slot | undefined {
    const idle = this.slots.find((s) => s.jobs.length === 0);
    if (idle) return idle;
    if (this.slots.length < this.size) {
      const spawned = this.spawn();
      if (spawned) return spawned;
    }
    let best: Slot | undefined;
    for (const s of this.slots) if (s.jobs.length < WORKER_DEPTH && (!best || s.jobs.length < best.jobs.length)) best = s;
    return best;
  }

  private pump(): void {
    while (this.queue.length) {
      const slot = this.slotForNext();
      if (!slot) {
        if (this.inProcess) this.drainInProcess();
        return;
      }
      const pending = this.queue.shift();
      if (!pending) return;
      if (slot.idle) clearTimeout(slot.idle);
      slot.idle = null;
      slot.jobs.push(pending);
      if (slot.jobs.length === 1) this.startTimer(slot);
      slot.worker.postMessage(pending.job);
    }
  }

  /** The time limit of the slot's first job, counted from when this thread learns it started. */
  private startTimer(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = setTimeout(() => this.timeout(slot), this.timeoutMs);
  }

  private drainInProcess(): void {
    for (const p of this.queue.splice(0)) void runJob(p.job).then(p.resolve);
  }

  private finish(slot: Slot, reply: ReaderReply): void {
    const i = slot.jobs.findIndex((p) => p.job.id === reply.id);
    if (i < 0) return;
    const [pending] = slot.jobs.splice(i, 1);
    // The worker reads its jobs in order, so the next one has started: its time limit starts now.
    if (i === 0) {
      if (slot.timer) clearTimeout(slot.timer);
      slot.timer = null;
      if (slot.jobs.length) this.startTimer(slot);
    }
    // An answer of another kind than its job is a broken protocol: the job fails with that reason.
    if (reply.kind === pending.job.kind) pending.resolve(reply);
    else pending.fail(mismatch(pending.job, reply));
    this.pump();
    if (slot.jobs.length === 0 && !slot.idle) {
      slot.idle = setTimeout(() => {
        slot.idle = null;
        if (slot.jobs.length === 0) this.remove(slot, 'idle');
      }, IDLE_MS);
      slot.idle.unref();
    }
  }

  private timeout(slot: Slot): void {
    const limit = this.timeoutMs >= 1000 ? `${Math.round(this.timeoutMs / 1000)} s` : `${this.timeoutMs} ms`;
    this.remove(slot, `reading took longer than ${limit}`);
    this.pump();
  }

  /** A worker failed or exited: its file gets the reason, and a new worker takes its place on demand. */
  private fail(slot: Slot, reason: string): void {
    if (!this.slots.includes(slot)) return;
    this.remove(slot, reason);
    if (!this.disposed) this.pump();
  }

  /** Ends a worker: the file it was reading gets the reason, the files queued behind it go back to the queue. */
  private remove(slot: Slot, reason: string): void {
    if (slot.idle) clearTimeout(slot.idle);
    slot.idle = null;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    const [current, ...waiting] = slot.jobs.splice(0);
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    void slot.worker.terminate();
    this.queue.unshift(...waiting);
    current?.fail(reason);
  }

  /** Stops the workers; files still queued are read on this thread. */
  dispose(): void {
    this.disposed = true;
    for (const slot of [...this.slots]) {
      for (const p of slot.jobs.slice(1)) p.fail('server shutting down');
      slot.jobs.splice(1);
      this.remove(slot, 'server shutting down');
    }
    this.drainInProcess();
  }
}

/** Why a job's answer was refused: it answers a job of another kind. */
function mismatch(job: WorkerJob, done: JobResult): string {
  return `reader answered a ${job.kind} job with a result of kind ${done.kind}`;
}

let shared: ReaderPool | undefined;

/** The process's reader pool, made on first use (its workers start only when a file needs them). */
export function sharedReaderPool(): ReaderPool {
  shared ??= new ReaderPool();
  return shared;
}
