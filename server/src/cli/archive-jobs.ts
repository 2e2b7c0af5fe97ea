/**
 * `archive ingest --jobs N`: N child processes, each ingesting its share of the files (every N-th file). They
 * are ordinary concurrent ingesters (the archive's unique content hash keeps them from duplicating anything);
 * each reports progress over IPC and its summary as one JSON line on stdout.
 */
import { fork } from 'node:child_process';
import { ProgressBar } from './archive-progress';
import type { IngestSummary } from './archive-ingest';

/** A child's progress message. */
export interface ShardProgress {
  done: number;
  inserted: number;
}

/**
 * Extraction allocates many short-lived strings and arrays; a larger young generation (V8's default semi-space is
 * 16 MB) lets most die there instead of being copied and promoted: about a fifth less CPU per article measured.
 */
const YOUNG_GENERATION = ['--max-semi-space-size=32'];

function childArgs(index: number, count: number): string[] {
  const out: string[] = [];
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--jobs') i++;
    else out.push(argv[i]);
  }
  return [...out, '--quiet', '--shard', `${index}/${count}`];
}

/** Runs the shards and adds up their summaries; rejects if a shard fails. */
export async function runShards(count: number, total: number, quiet: boolean): Promise<IngestSummary> {
  const bar = quiet ? null : new ProgressBar(total);
  const progress = new Array<ShardProgress>(count).fill({ done: 0, inserted: 0 });
  const started = Date.now();
  const results = await Promise.all(
    Array.from(
      { length: count },
      (_, index) =>
        new Promise<IngestSummary>((resolve, reject) => {
          const child = fork(process.argv[1], childArgs(index, count), {
            stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
            execArgv: [...process.execArgv, ...YOUNG_GENERATION],
          });
          let out = '';
          child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
          child.on('message', (m: ShardProgress) => {
            progress[index] = m;
            bar?.update(
              progress.reduce((n, p) => n + p.done, 0),
              `${progress.reduce((n, p) => n + p.inserted, 0)} new`,
            );
          });
          child.on('close', (code) => {
            const line = out.trim().split('\n').pop() ?? '';
            if (code === 0 || code === 1) {
              try {
                resolve(JSON.parse(line) as IngestSummary);
                return;
              } catch {
                // fall through: no summary
              }
            }
            reject(new Error(`ingest job ${index + 1} of ${count} failed (exit ${code})`));
          });
        }),
    ),
  );
  bar?.done();
  return {
    files: results.reduce((n, r) => n + r.files, 0),
    inserted: results.reduce((n, r) => n + r.inserted, 0),
    present: results.reduce((n, r) => n + r.present, 0),
    skipped: results.flatMap((r) => r.skipped),
    seconds: (Date.now() - started) / 1000,
  };
}
