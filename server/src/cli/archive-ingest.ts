/** `sourced archive ingest`: read, hash, skip what the archive holds, analyse, write in batches. */
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { analyzeSource } from '../ingest/analyze-source';
import { decodeSource } from '../ingest/readers/decode-source';
import { DEFAULT_CONFIG } from '../domain/config';
import { sourceHash } from '../store/postgres/content-hash';
import { presentHashes, writeBatch, type ArchiveItem, type BatchResult } from '../store/postgres/archive-writer';
import type { SqlDatabase } from '../store/postgres/sql';
import { ProgressBar } from './archive-progress';
import type { IngestFile } from './archive-files';

export interface IngestSummary {
  files: number;
  inserted: number;
  /** Already in the archive (same content), before or during this run. */
  present: number;
  skipped: { path: string; reason: string }[];
  seconds: number;
}

interface Read {
  file: IngestFile;
  text: string;
  hash: string;
}

async function readOne(file: IngestFile, maxBytes: number): Promise<{ ok: true; read: Read } | { ok: false; reason: string }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file.abs);
  } catch (err) {
    return { ok: false, reason: `cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})` };
  }
  const decoded = decodeSource(bytes, maxBytes);
  if (!decoded.ok) return { ok: false, reason: decoded.reason };
  return { ok: true, read: { file, text: decoded.text, hash: await sourceHash(decoded.text) } };
}

/**
 * Ingests files batch by batch: a batch is read and hashed, the hashes the archive already holds are dropped
 * (a re-run or a second ingester does no analysis twice), the rest analysed with the editor's extraction and
 * written in one transaction. The next batch is analysed while the previous one is being written.
 */
export async function ingest(
  db: SqlDatabase,
  files: readonly IngestFile[],
  batchSize: number,
  quiet: boolean,
  report?: (done: number, inserted: number) => void,
): Promise<IngestSummary> {
  const started = Date.now();
  const maxBytes = DEFAULT_CONFIG.corpus.maxFileSizeKb * 1024;
  const summary: IngestSummary = { files: files.length, inserted: 0, present: 0, skipped: [], seconds: 0 };
  const bar = quiet ? null : new ProgressBar(files.length);
  let done = 0;
  let writing: Promise<void> = Promise.resolve();
  let failure: Error | null = null;
  const settle = async (): Promise<void> => {
    await writing;
    if (failure !== null) throw failure;
  };
  const account = (result: BatchResult, size: number): void => {
    summary.inserted += result.inserted;
    summary.present += result.present;
    done += size;
    bar?.update(done, `${summary.inserted} new`);
    report?.(done, summary.inserted);
  };
  for (let from = 0; from < files.length; from += batchSize) {
    const batch = files.slice(from, from + batchSize);
    const reads = await Promise.all(batch.map((f) => readOne(f, maxBytes)));
    const ok: Read[] = [];
    reads.forEach((r, i) => {
      if (r.ok) ok.push(r.read);
      else summary.skipped.push({ path: batch[i].path, reason: r.reason });
    });
    const have = await presentHashes(
      db,
      ok.map((r) => r.hash),
    );
    const items: ArchiveItem[] = [];
    for (const r of ok) {
      if (have.has(r.hash)) continue;
      items.push({ hash: r.hash, analysis: analyzeSource(pathToFileURL(r.file.abs).href, r.file.path, r.text) });
    }
    const alreadyPresent = ok.length - items.length;
    const skippedHere = batch.length - ok.length;
    await settle();
    // The rejection is kept and rethrown at the next settle(), never left unhandled while the next batch is analysed.
    writing = writeBatch(db, items).then(
      (result) =>
        account({ inserted: result.inserted, present: result.present + alreadyPresent }, items.length + alreadyPresent + skippedHere),
      (err: unknown) => {
        failure = err instanceof Error ? err : new Error(String(err));
      },
    );
  }
  await settle();
  bar?.done();
  summary.seconds = (Date.now() - started) / 1000;
  return summary;
}
