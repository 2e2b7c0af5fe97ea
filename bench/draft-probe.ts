/**
 * Times the full diagnosis of the benchmark's 5,000-word draft on a bench run's index database (a second start),
 * after its warm-up draft: `npx tsx bench/draft-probe.ts <size> <cache-dir> [findings.json] [profile.cpuprofile]`
 * (SOURCED_BENCH_DIR as for the bench run that made the database; use a copy of its `cache-sqlite`). Prints wall
 * and CPU time (CPU says more on a shared machine); the findings file lets two builds be compared byte for byte.
 * SOURCED_PROBE_IDLE_S waits that long after the start (a stale actor merge is rebuilt in the background).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { NodeCorpus } from '../server/src/node/node-corpus';
import { NodeIndexCache } from '../server/src/node/node-index-cache';
import { createService, MemoryLogger, resolveConfig } from '../server/src/service';
import { benchRoot, corpusFor } from './corpora';
import type { Workload } from './workload';

let n = 0;
const draft = (text: string): TextDocument => TextDocument.create(`file:///probe/draft-${n++}.md`, 'markdown', 1, text);

async function main(): Promise<void> {
  const size = Number(process.argv[2] ?? 20000);
  const dir = corpusFor(size);
  const workload = JSON.parse(readFileSync(path.join(benchRoot(), `run-${size}`, 'workload.json'), 'utf8')) as Workload;
  const raw = { corpus: { include: ['**/*.txt'] }, index: { persist: true, store: 'sqlite' } };
  const corpus = new NodeCorpus([{ path: dir }], resolveConfig(raw).corpus);
  const cache = new NodeIndexCache({ storagePath: process.argv[3], workspaceFolders: [dir], buildId: 'bench' });
  const service = createService({ corpus, config: raw, indexCache: cache, logger: new MemoryLogger() });
  await service.start();
  await service.whenReady();
  await new Promise((resolve) => setTimeout(resolve, Number(process.env.SOURCED_PROBE_IDLE_S ?? 0) * 1000));
  await service.diagnostics(draft(workload.warmupDraft));
  const session = new Session();
  const profile = process.argv[5];
  if (profile) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  const cpu = process.cpuUsage();
  const t = performance.now();
  const found = await service.diagnostics(draft(workload.draft));
  const used = process.cpuUsage(cpu);
  console.log(
    `draft: ${found.length} findings in ${Math.round(performance.now() - t)} ms (CPU ${Math.round((used.user + used.system) / 1000)} ms)`,
  );
  if (process.argv[4]) writeFileSync(process.argv[4], JSON.stringify(found, null, 1));
  if (profile) {
    const { profile: p } = await session.post('Profiler.stop');
    writeFileSync(profile, JSON.stringify(p));
  }
  service.dispose();
}

void main().then(() => process.exit(0));
