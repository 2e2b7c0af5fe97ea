/**
 * Worker thread that runs the format readers (HTML, PDF, DOCX) off the server's main thread. Libraries'
 * console output goes to stderr: stdout may be the LSP channel.
 */
import { parentPort } from 'node:worker_threads';
import { readSourceFile } from '../ingest/readers/read-source-file';
import type { ReaderJob, ReaderReply } from './reader-protocol';

const toStderr = (...args: unknown[]): void => void process.stderr.write(`${args.map(String).join(' ')}\n`);
console.log = toStderr;
console.info = toStderr;
console.warn = toStderr;
console.debug = toStderr;

/** The jobs run one after the other, in the order posted: the pool's time limit is for the oldest one. */
let queue: Promise<void> = Promise.resolve();

parentPort?.on('message', (job: ReaderJob) => {
  queue = queue.then(() =>
    readSourceFile(job.path, job.bytes, job.limits).then(
      (result) => parentPort?.postMessage({ id: job.id, result } satisfies ReaderReply),
      (err: unknown) =>
        parentPort?.postMessage({ id: job.id, result: { ok: false, reason: `reader failed (${String(err)})` } } satisfies ReaderReply),
    ),
  );
});
