/**
 * Does a worker-thread indexer pay on this machine? Analyses the same files (parse + actors + quotes) on the
 * main thread alone, then with 1 and 2 workers that send each SourceAnalysis back (structured clone), while the
 * main thread adds them to a SourceIndex as the real indexer would. Run: `npx tsx bench/worker-experiment.ts [files.json]`.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { build } from 'esbuild';
import { analyzeSource, type SourceAnalysis } from '../server/src/ingest/analyze-source';
import { createKnowledge } from '../server/src/store/memory/knowledge';
import { benchRoot, corpusFiles, corpusFor, REPO } from './corpora';
import { cpus, loadavg } from 'node:os';

interface Job {
  i: number;
  path: string;
  text: string;
}

function workerMain(): void {
  const port = parentPort;
  if (!port) throw new Error('workerMain runs in a worker thread');
  port.on('message', (jobs: Job[]) => {
    port.postMessage(jobs.map((j) => analyzeSource(`file:///${j.path}`, j.path, j.text)));
  });
}

async function withWorkers(script: string, texts: Job[], count: number): Promise<{ ms: number; mainMs: number }> {
  const workers = Array.from({ length: count }, () => new Worker(script, { workerData: { worker: true } }));
  await Promise.all(workers.map((w) => new Promise((resolve) => w.once('online', resolve))));
  const k = createKnowledge();
  const t0 = performance.now();
  let mainMs = 0;
  const BATCH = 32;
  let next = 0;
  await Promise.all(
    workers.map(
      (w) =>
        new Promise<void>((resolve) => {
          const send = (): void => {
            if (next >= texts.length) return resolve();
            w.postMessage(texts.slice(next, (next += BATCH)));
          };
          w.on('message', (analyses: SourceAnalysis[]) => {
            const t = performance.now();
            for (const a of analyses) k.sources.add(a);
            mainMs += performance.now() - t;
            send();
          });
          send();
        }),
    ),
  );
  const ms = performance.now() - t0;
  await Promise.all(workers.map((w) => w.terminate()));
  return { ms, mainMs };
}

async function main(): Promise<void> {
  const files = process.argv[2] ? (JSON.parse(readFileSync(process.argv[2], 'utf8')) as string[]) : corpusFiles(corpusFor(2095));
  const texts: Job[] = files.map((f, i) => ({ i, path: path.basename(f), text: readFileSync(f, 'utf8') }));
  const script = path.join(benchRoot(), 'worker-experiment.js');
  await build({
    entryPoints: [path.join(REPO, 'bench', 'worker-experiment.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: script,
    logLevel: 'warning',
  });
  // Warm-up, then the main thread alone: analyse and add.
  for (const j of texts.slice(0, 200)) analyzeSource(`file:///${j.path}`, j.path, j.text);
  const k = createKnowledge();
  const t0 = performance.now();
  for (const j of texts) k.sources.add(analyzeSource(`file:///${j.path}`, j.path, j.text));
  const alone = performance.now() - t0;
  const one = await withWorkers(script, texts, 1);
  const two = await withWorkers(script, texts, 2);
  const line = (label: string, r: { ms: number; mainMs: number }): string =>
    `${label}: ${(r.ms / 1000).toFixed(2)} s (${(alone / r.ms).toFixed(2)}× the main thread alone; main thread busy adding ${(r.mainMs / 1000).toFixed(2)} s)`;
  console.log(`${texts.length} files on ${cpus().length} cores, load ${loadavg()[0].toFixed(1)}`);
  console.log(`main thread alone: ${(alone / 1000).toFixed(2)} s`);
  console.log(line('1 worker', one));
  console.log(line('2 workers', two));
}

if (isMainThread) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
} else if ((workerData as { worker?: boolean } | null)?.worker) {
  workerMain();
}
