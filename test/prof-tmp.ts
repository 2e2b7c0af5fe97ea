import { performance } from 'node:perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { NodeCorpus } from '../server/src/node/node-corpus';
import { NodeIndexCache } from '../server/src/node/node-index-cache';
import { createService, MemoryLogger, resolveConfig } from '../server/src/service';
import { readFileSync } from 'node:fs';

(async () => {
  const store = process.argv[2] ?? 'sqlite';
  const dir = '/tmp/sourced-bench/corpus-2095-v2';
  const raw = { corpus: { include: ['**/*.txt'] }, index: { persist: true, store } };
  const config = resolveConfig(raw);
  const corpus = new NodeCorpus([{ path: dir }], config.corpus);
  const cache = new NodeIndexCache({ storagePath: '/tmp/store-prof/cache-' + store, workspaceFolders: [dir], buildId: 'prof' });
  const logger = new MemoryLogger();
  const service = createService({ corpus, config: raw, indexCache: cache, logger });
  let t = performance.now();
  await service.start();
  console.log('ready', Math.round(performance.now() - t), logger.lines.join(' | '));
  await service.flushIndexCache();
  const work = JSON.parse(readFileSync('/tmp/sourced-bench/run-2095/workload.json', 'utf8'));
  const times: number[] = [];
  for (const q of work.quotes) {
    const doc = TextDocument.create('file:///d.md', 'markdown', 1, `As reported, "${q.typed}`);
    t = performance.now();
    await service.completion(doc, doc.positionAt(doc.getText().length));
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(store, 'completion p50', times[100]?.toFixed(1), 'p95', times[190]?.toFixed(1), 'rss', Math.round(process.memoryUsage().rss / 1048576));
  const d = TextDocument.create('file:///draft.md', 'markdown', 1, work.warmupDraft);
  await service.diagnostics(d);
  const d2 = TextDocument.create('file:///draft2.md', 'markdown', 1, work.draft);
  t = performance.now();
  const n = (await service.diagnostics(d2)).length;
  console.log(store, 'draft', Math.round(performance.now() - t), 'ms', n, 'findings');
  service.dispose();
})();
