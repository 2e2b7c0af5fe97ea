/** What a reader worker does with a job; also run on the main thread when no worker can start. */
import { analyzeSource } from '../ingest/analyze-source';
import { readSourceFile, type FileRead } from '../ingest/readers/read-source-file';
import type { PreparedRead, ReadAndPrepared } from '../domain/prepared-source';
import { contentHash } from '../store/index-cache';
import { prepareSource } from '../store/sqlite/prepared-row';
import { readCorpusFile } from './read-corpus-file';
import type { AnalyseJob, JobResult, ReadAnalyseJob, WorkerJob } from './reader-protocol';

/** Runs one job; never throws (a failure is a reason). */
export async function runJob(job: WorkerJob): Promise<JobResult> {
  if (job.kind === 'analyse') return { kind: 'analyse', result: analyseJob(job) };
  if (job.kind === 'read-analyse') return { kind: 'read-analyse', result: await readAnalyseJob(job) };
  const result = await readSourceFile(job.path, job.bytes, job.limits).catch((err: unknown): FileRead => ({
    ok: false,
    reason: `reader failed (${String(err)})`,
  }));
  return { kind: 'read', result };
}

/** Reads one corpus file (its format's reader on this thread), then analyses and packs it. */
async function readAnalyseJob(job: ReadAnalyseJob): Promise<ReadAndPrepared> {
  const read = await readCorpusFile(job.loc, job.maxFileSizeKb, readSourceFile);
  if (!read.ok) return read;
  const prepared = analyseJob({ kind: 'analyse', id: job.id, uri: job.uri, path: job.path, text: read.text, source: read.source });
  return { ok: true, ...(read.note ? { note: read.note } : {}), hash: contentHash(read.text), prepared };
}

/** Analyses and packs one source; the reason on failure is the one the indexer logs when it analyses itself. */
export function analyseJob(job: AnalyseJob): PreparedRead {
  try {
    return { ok: true, prepared: prepareSource(analyzeSource(job.uri, job.path, job.text, job.source)) };
  } catch (err) {
    return { ok: false, reason: `analysis failed: ${err instanceof Error ? err.message : String(err)}` };
  }
}
