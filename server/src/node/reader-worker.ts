/**
 * Worker thread that runs the format readers (HTML, PDF, DOCX) off the server's main thread, and on a first
 * start analyses and packs sources for the embedded store. Libraries' console output goes to stderr: stdout may
 * be the LSP channel.
 */
import { parentPort } from 'node:worker_threads';
import type { ReaderReply, WorkerJob } from './reader-protocol';
import { runJob } from './worker-jobs';

const toStderr = (...args: unknown[]): void => void process.stderr.write(`${args.map(String).join(' ')}\n`);
console.log = toStderr;
console.info = toStderr;
console.warn = toStderr;
console.debug = toStderr;

/** The jobs run one after the other, in the order posted: the pool's time limit is for the oldest one. */
let queue: Promise<void> = Promise.resolve();

parentPort?.on('message', (job: WorkerJob) => {
  queue = queue.then(() =>
    runJob(job).then((result) => {
      // A prepared source's buffer moves to the main thread instead of being copied.
      const prepared = 'prepared' in result ? result.prepared : null;
      const bytes = prepared && 'bytes' in prepared ? prepared.bytes : prepared?.ok ? prepared.prepared.bytes : null;
      const transfer = bytes ? [bytes] : [];
      parentPort?.postMessage({ id: job.id, result } satisfies ReaderReply, transfer);
    }),
  );
});
