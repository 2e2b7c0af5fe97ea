/**
 * Worker-thread entry (dist/analyzer-worker.js): runs the per-file analysis (parse, actors, quotes) off the main
 * thread during a full build, so that the main thread keeps indexing and answering requests.
 */
import { parentPort } from 'node:worker_threads';
import { analyzeSource } from './service/sources/analyze-source';

interface Job {
  id: number;
  uri: string;
  path: string;
  text: string;
}

parentPort?.on('message', (job: Job) => {
  try {
    parentPort!.postMessage({ id: job.id, analysis: analyzeSource(job.uri, job.path, job.text) });
  } catch (err) {
    parentPort!.postMessage({ id: job.id, error: err instanceof Error ? err.message : String(err) });
  }
});
