/**
 * Profiles a second start and the requests after it on a benchmark run's index database:
 * `node --expose-gc --import tsx bench/profile-warm.ts <size> [profile-dir] [cache-dir]` (SOURCED_BENCH_DIR as for
 * the bench run that made `run-<size>/cache-sqlite`, or a copy of that folder as `cache-dir`). Prints the start, completion, hover and draft times (wall and CPU) and,
 * with a profile folder, writes one `.cpuprofile` per phase. The database is read, not rewritten (the folder is
 * unchanged since the bench run).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { NodeCorpus } from '../server/src/node/node-corpus';
import { NodeIndexCache } from '../server/src/node/node-index-cache';
import { createService, MemoryLogger, resolveConfig } from '../server/src/service';
import { benchRoot, corpusFor } from './corpora';
import type { Workload } from './workload';

const session = new Session();
const profileDir = process.argv[3] || undefined;

async function phase<T>(name: string, run: () => Promise<T>): Promise<T> {
  if (profileDir) await session.post('Profiler.start');
  const cpu = process.cpuUsage();
  const t = performance.now();
  const out = await run();
  const used = process.cpuUsage(cpu);
  const ms = Math.round(performance.now() - t);
  (globalThis as { gc?: () => void }).gc?.();
  const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage();
  const mb = (n: number): number => Math.round(n / 1048576);
  const memory = `RSS ${mb(rss)} MB, heap ${mb(heapUsed)} MB, external ${mb(external)} MB (array buffers ${mb(arrayBuffers)} MB)`;
  console.log(`${name}: ${ms} ms (CPU ${Math.round((used.user + used.system) / 1000)} ms), ${memory}`);
  if (profileDir) {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(path.join(profileDir, `${name}.cpuprofile`), JSON.stringify(profile));
  }
  return out;
}

function p(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] * 10) / 10;
}

let n = 0;
const draft = (text: string): TextDocument => TextDocument.create(`file:///profile/draft-${n++}.md`, 'markdown', 1, text);

async function main(): Promise<void> {
  const size = Number(process.argv[2] ?? 20000);
  if (profileDir) {
    mkdirSync(profileDir, { recursive: true });
    session.connect();
    await session.post('Profiler.enable');
  }
  const dir = corpusFor(size);
  const work = path.join(benchRoot(), `run-${size}`);
  const workload = JSON.parse(readFileSync(path.join(work, 'workload.json'), 'utf8')) as Workload;
  const raw = { corpus: { include: ['**/*.txt'] }, index: { persist: true, store: 'sqlite' } };
  const corpus = new NodeCorpus([{ path: dir }], resolveConfig(raw).corpus);
  const cache = new NodeIndexCache({
    storagePath: process.argv[4] ?? path.join(work, 'cache-sqlite'),
    workspaceFolders: [dir],
    buildId: 'bench',
  });
  const logger = new MemoryLogger();
  const service = createService({ corpus, config: raw, indexCache: cache, logger });
  await phase('start', () => service.start());
  console.log(logger.lines.filter((l) => /indexed|index database/.test(l)).join('\n'));
  const times = { completion: [] as number[], hover: [] as number[] };
  await phase('completion', async () => {
    for (const q of workload.quotes) {
      const doc = draft(`The minister spoke on Monday. As reported, "${q.typed}`);
      const t = performance.now();
      await service.completion(doc, doc.positionAt(doc.getText().length));
      times.completion.push(performance.now() - t);
    }
  });
  await phase('hover', async () => {
    for (const name of workload.names) {
      const doc = draft(`Yesterday ${name} arrived for talks.`);
      const t = performance.now();
      await service.hover(doc, doc.positionAt('Yesterday '.length + Math.floor(name.length / 2)));
      times.hover.push(performance.now() - t);
    }
  });
  console.log(`completion p50 / p95 / max ${p(times.completion, 0.5)} / ${p(times.completion, 0.95)} / ${p(times.completion, 1)} ms`);
  console.log(`hover p50 / p95 / max ${p(times.hover, 0.5)} / ${p(times.hover, 0.95)} / ${p(times.hover, 1)} ms`);
  await phase('warmup-draft', () => service.diagnostics(draft(workload.warmupDraft)));
  const found = await phase('draft', () => service.diagnostics(draft(workload.draft)));
  console.log(`draft findings ${found.length}; peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
  service.dispose();
}

void main().then(() => process.exit(0));
