/**
 * The worker-thread analyzer gives the same index as the main thread, and a worker that fails makes the
 * indexer fall back to the main thread (one log line) rather than lose files.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { build } from 'esbuild';
import { WorkerAnalyzer } from '../../server/src/node-analyzer';
import { createService, MemoryCorpus, MemoryLogger, type SourcedService } from '../../server/src/service';
import { REPO, seedFiles } from '../helpers/fixture';

async function indexed(analyzer?: WorkerAnalyzer): Promise<{ service: SourcedService; logger: MemoryLogger }> {
  const logger = new MemoryLogger();
  const service = createService({ corpus: new MemoryCorpus(seedFiles()), config: { corpus: { include: ['**/*'] } }, logger, analyzer });
  await service.start();
  return { service, logger };
}

async function answers(service: SourcedService): Promise<string> {
  const symbols = (await service.workspaceSymbols('')).map((s) => s.name).sort();
  const quotes = (await service.searchQuotes('said', 50)).map((q) => JSON.stringify(q)).sort();
  return JSON.stringify({ status: service.status(), symbols, quotes });
}

test('worker analyzer: same index as the main thread; a broken worker falls back to the main thread', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sourced-worker-'));
  const script = path.join(dir, 'analyzer-worker.js');
  await build({ entryPoints: [path.join(REPO, 'server', 'src', 'analyzer-worker.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: script, logLevel: 'warning' });
  const main = await indexed();
  const worker = new WorkerAnalyzer(script);
  const viaWorker = await indexed(worker);
  assert.equal(await answers(viaWorker.service), await answers(main.service));
  assert.equal(viaWorker.logger.lines.filter((l) => l.includes('worker')).length, 0, 'no fallback when the worker works');
  worker.dispose();

  const broken = path.join(dir, 'broken-worker.js');
  writeFileSync(broken, "throw new Error('cannot start');\n");
  const fallback = await indexed(new WorkerAnalyzer(broken));
  assert.equal(await answers(fallback.service), await answers(main.service));
  assert.equal(fallback.logger.lines.filter((l) => l.includes('analysis worker failed')).length, 1);
  for (const s of [main, viaWorker, fallback]) s.service.dispose();
  assert.equal(WorkerAnalyzer.near(path.join(dir, 'missing.js')), undefined, 'no worker script, no worker');
});
