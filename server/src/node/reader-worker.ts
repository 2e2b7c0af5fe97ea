/**
 * Worker thread that runs the format readers (HTML, PDF, DOCX) off the server's main thread, and on a first
 * start analyses and packs sources for the embedded store. Libraries' console output goes to stderr: stdout may
 * be the LSP channel.
 */
import { parentPort } from 'node:worker_threads';
import type { JobResult, ReaderReply, WorkerJob } from './reader-protocol';
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
    runJob(job).then((done) => {
      // A prepared source's buffer moves to the main thread instead of being copied.
      const bytes = preparedBytes(done);
      parentPort?.postMessage({ ...done, id: job.id } satisfies ReaderReply, bytes ? [bytes] : []);
    }),
  );
});

/** The packed buffer of an analysed source in a job's result, if there is one. */
function preparedBytes(done: JobResult): ArrayBuffer | null {
  if (done.kind === 'analyse') return done.result.ok ? done.result.prepared.bytes : null;
  if (done.kind === 'read-analyse' && done.result.ok && done.result.prepared.ok) return done.result.prepared.prepared.bytes;
  return null;
}
