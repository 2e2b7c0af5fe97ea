/** What a reader worker does with a job; also run on the main thread when no worker can start. */
import { analyzeSource } from '../ingest/analyze-source';
import { readSourceFile, type FileRead } from '../ingest/readers/read-source-file';
import type { PreparedRead } from '../domain/prepared-source';
import { prepareSource } from '../store/sqlite/prepared-row';
import type { AnalyseJob, WorkerJob } from './reader-protocol';

/** Runs one job; never throws (a failure is a reason). */
export async function runJob(job: WorkerJob): Promise<FileRead | PreparedRead> {
  if (job.kind === 'analyse') return analyseJob(job);
  return readSourceFile(job.path, job.bytes, job.limits).catch((err: unknown) => ({ ok: false, reason: `reader failed (${String(err)})` }));
}

/** Analyses and packs one source; the reason on failure is the one the indexer logs when it analyses itself. */
export function analyseJob(job: AnalyseJob): PreparedRead {
  try {
    return { ok: true, prepared: prepareSource(analyzeSource(job.uri, job.path, job.text, job.source)) };
  } catch (err) {
    return { ok: false, reason: `analysis failed: ${err instanceof Error ? err.message : String(err)}` };
  }
}
