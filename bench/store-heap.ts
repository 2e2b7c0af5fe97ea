/**
 * Heap and RSS of one start, nothing else (no queries): `node --expose-gc --import tsx bench/store-heap.ts <root>
 * <corpus> <cache> <memory|sqlite> <cold|warm>`. `root` is a checkout's folder (this repository, or an older
 * commit's `server/` extracted with `git archive`), so a before/after pair runs the same probe on both codes. Heap
 * and RSS are not sensitive to the machine's load; the start time printed is.
 */
interface ServiceModule {
  resolveConfig(raw: unknown): { corpus: unknown };
  createService(options: unknown): {
    start(): Promise<void>;
    flushIndexCache(): Promise<void>;
    status(): unknown;
    dispose(): void;
  };
  MemoryLogger: new () => unknown;
}

async function main(): Promise<void> {
  const [root, dir, cacheDir, store, phase] = process.argv.slice(2);
  const svc = (await import(`${root}/server/src/service/index.ts`)) as ServiceModule;
  const { NodeCorpus } = (await import(`${root}/server/src/node/node-corpus.ts`)) as {
    NodeCorpus: new (folders: { path: string }[], config: unknown) => unknown;
  };
  const { NodeIndexCache } = (await import(`${root}/server/src/node/node-index-cache.ts`)) as {
    NodeIndexCache: new (options: unknown) => { clear(): Promise<void> };
  };
  const raw = { corpus: { include: ['**/*.txt'] }, index: { persist: true, store } };
  const corpus = new NodeCorpus([{ path: dir }], svc.resolveConfig(raw).corpus);
  const cache = new NodeIndexCache({ storagePath: cacheDir, workspaceFolders: [dir], buildId: 'probe' });
  if (phase === 'cold') await cache.clear();
  const service = svc.createService({ corpus, config: raw, indexCache: cache, logger: new svc.MemoryLogger() });
  const started = Date.now();
  await service.start();
  await service.flushIndexCache();
  const ms = Date.now() - started;
  (globalThis as { gc?: () => void }).gc?.();
  const mb = (bytes: number): number => Math.round(bytes / 1048576);
  const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
  const { heapUsed, rss } = process.memoryUsage();
  console.log(JSON.stringify({ root, store, phase, ms, heapMb: mb(heapUsed), rssMb: mb(rss), peakMb, status: service.status() }));
  service.dispose();
}

void main().then(() => process.exit(0));
