/**
 * A worker thread that analyses sources for the indexer during full builds. Measured on two cores it roughly
 * halves a cold build (see docs/performance.md); the main thread still reads files and fills the indexes.
 * Started on first use and stopped when idle, so it holds no memory between builds.
 */
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { SourceAnalyzer } from './service/indexer';
import type { SourceAnalysis } from './service/sources/analyze-source';

const IDLE_MS = 2000;

type Reply = { id: number; analysis: SourceAnalysis } | { id: number; error: string };

/** Analyses files in one worker thread running `script` (dist/analyzer-worker.js). */
export class WorkerAnalyzer implements SourceAnalyzer {
  private worker: Worker | null = null;
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (a: SourceAnalysis) => void; reject: (e: Error) => void }>();
  private idle: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly script: string) {}

  /** A worker analyzer when the worker script exists next to the server, else undefined (main thread only). */
  static near(script: string): WorkerAnalyzer | undefined {
    return existsSync(script) ? new WorkerAnalyzer(script) : undefined;
  }

  analyze(uri: string, path: string, text: string): Promise<SourceAnalysis> {
    const worker = this.start();
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, uri, path, text });
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script);
    worker.unref();
    worker.on('message', (reply: Reply) => {
      const waiter = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if ('error' in reply) waiter?.reject(new Error(reply.error));
      else waiter?.resolve(reply.analysis);
      if (this.pending.size === 0) this.idle = setTimeout(() => this.dispose(), IDLE_MS);
    });
    const fail = (err: Error): void => {
      if (this.worker !== worker) return; // an old worker that was stopped on purpose
      for (const w of this.pending.values()) w.reject(err);
      this.pending.clear();
      this.worker = null;
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`analyzer worker exited (${code})`)));
    this.worker = worker;
    return worker;
  }

  dispose(): void {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    const worker = this.worker;
    this.worker = null;
    void worker?.terminate();
  }
}
