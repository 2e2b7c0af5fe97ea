/**
 * Time and memory along one start, without queries: `node --expose-gc --import tsx bench/store-timeline.ts <corpus>
 * <cache> <memory|sqlite> <cold|warm>`. Prints a line per 10 % of the files (elapsed s, files/s of that stretch,
 * heap used, RSS), then ready, the save, and heap/RSS after a full collection, so a growing cost per file (a
 * superlinear stage) or a growing heap shows where it starts. Heap and RSS do not depend on the machine's load.
 */
import { NodeCorpus } from '../server/src/node/node-corpus';
import { NodeIndexCache } from '../server/src/node/node-index-cache';
import { createService, MemoryLogger, resolveConfig } from '../server/src/service';

const mb = (bytes: number): number => Math.round(bytes / 1048576);

async function main(): Promise<void> {
  const [dir, cacheDir, store, phase] = process.argv.slice(2);
  const raw = { corpus: { include: ['**/*.txt'] }, index: { persist: true, store } };
  const corpus = new NodeCorpus([{ path: dir }], resolveConfig(raw).corpus);
  const cache = new NodeIndexCache({ storagePath: cacheDir, workspaceFolders: [dir], buildId: 'timeline' });
  if (phase === 'cold') await cache.clear();
  const logger = new MemoryLogger();
  const service = createService({ corpus, config: raw, indexCache: cache, logger });
  const t0 = Date.now();
  let mark = { t: t0, done: 0, step: 0 };
  const line = (label: string, extra = ''): void => {
    const { heapUsed, rss } = process.memoryUsage();
    console.log(
      `${((Date.now() - t0) / 1000).toFixed(1).padStart(7)} s  ${label.padEnd(16)} heap ${mb(heapUsed)} MB  rss ${mb(rss)} MB ${extra}`,
    );
  };
  await service.start((done, total) => {
    if (total === 0 || done < ((mark.step + 1) * total) / 10) return;
    const rate = ((done - mark.done) * 1000) / Math.max(1, Date.now() - mark.t);
    mark = { t: Date.now(), done, step: Math.floor((done * 10) / total) };
    line(`${done}/${total}`, `${Math.round(rate)} files/s`);
  });
  line('ready');
  await service.flushIndexCache();
  line('saved');
  (globalThis as { gc?: () => void }).gc?.();
  line('after gc', `peak rss ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
  for (const l of logger.lines) if (/indexed|saved|database/.test(l)) console.log(`  ${l}`);
  service.dispose();
}

void main().then(() => process.exit(0));
