/**
 * Where a first start's time goes, nothing else: `node [--cpu-prof] first-start-probe.js <corpus> <cache>` (bundled
 * with its `reader-worker.js` beside it, as the bench does) starts a service with the embedded store on an empty
 * cache and prints the time to ready, the process's CPU time (main thread and reader workers together), how busy
 * the main thread was, the peak RSS and the index's counts. A `--cpu-prof` profile of it is the main thread's.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { NodeCorpus } from '../server/src/node/node-corpus';
import { NodeIndexCache } from '../server/src/node/node-index-cache';
import { createService, MemoryLogger, resolveConfig } from '../server/src/service';

/** CPU seconds of each thread of this process (Linux), by thread name: which thread spent the time. */
function threadCpu(): Record<string, number> {
  const out: Record<string, number> = {};
  const tick = 100; // clock ticks per second on Linux
  for (const tid of readdirSync('/proc/self/task')) {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const seconds = (Number(fields[11]) + Number(fields[12])) / tick;
    const key = tid === String(process.pid) ? 'main' : `${name}:${tid}`;
    out[key] = Math.round(((out[key] ?? 0) + seconds) * 10) / 10;
  }
  return out;
}

async function main(): Promise<void> {
  const [dir, cacheDir] = process.argv.slice(2);
  const raw = { corpus: { include: ['**/*.txt'] }, index: { persist: true, store: 'sqlite' } };
  const corpus = new NodeCorpus([{ path: dir }], resolveConfig(raw).corpus);
  const cache = new NodeIndexCache({ storagePath: cacheDir, workspaceFolders: [dir], buildId: 'probe' });
  await cache.clear();
  const service = createService({ corpus, config: raw, indexCache: cache, logger: new MemoryLogger() });
  const cpu = process.cpuUsage();
  const elu = performance.eventLoopUtilization();
  const started = performance.now();
  await service.start();
  const readyMs = Math.round(performance.now() - started);
  const busy = performance.eventLoopUtilization(elu);
  const { user, system } = process.cpuUsage(cpu);
  const s = service.status();
  const out = {
    readyMs,
    cpuMs: Math.round((user + system) / 1000),
    mainBusyMs: Math.round(busy.active),
    mainUtilisation: Math.round(busy.utilization * 100) / 100,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    sources: s.sources,
    quotes: s.quotes,
    actors: s.actors,
    threadCpuS: threadCpu(),
  };
  console.log(JSON.stringify(out));
  service.dispose();
}

void main().then(() => process.exit(0));
