import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness, seedFiles } from '../helpers/fixture';

test('indexer: the seed corpus is indexed with stable, unique keys', async () => {
  const a = await harness();
  const b = await harness();
  assert.equal(a.service.status().sources, 5);
  assert.equal(a.service.status().ready, true);
  const symbolsA = (await a.service.workspaceSymbols('')).map((s) => s.name).sort();
  const symbolsB = (await b.service.workspaceSymbols('')).map((s) => s.name).sort();
  assert.equal(symbolsA.length, 5);
  assert.deepEqual(symbolsA, symbolsB, 'same keys after a restart');
  assert.equal(new Set(symbolsA.map((n) => n.split(' ')[0])).size, 5, 'keys are unique');
});

test('indexer: created, changed and deleted files update only that file', async () => {
  const h = await harness({ 'a.txt': 'Alpha title\n\nThe alpha sentence.' });
  assert.equal(h.service.status().sources, 1);
  h.corpus.set('b.txt', 'Beta title\n\nThe beta sentence.');
  await waitFor(() => h.service.status().sources === 2);
  h.corpus.set('b.txt', 'Gamma title\n\nThe gamma sentence.');
  await waitFor(async () => (await h.service.workspaceSymbols('gamma')).length === 1);
  h.corpus.delete('a.txt');
  await waitFor(() => h.service.status().sources === 1);
  assert.deepEqual((await h.service.workspaceSymbols('alpha')).length, 0);
});

test('indexer: unreadable files are skipped with one log line naming the file and reason', async () => {
  const h = await harness({ 'good.txt': 'Title\n\nA sentence.' });
  h.corpus.setUnreadable('bad.bin', 'binary file (NUL or control bytes)');
  await waitFor(() => h.service.status().skipped === 1);
  const lines = h.logger.lines.filter((l) => l.includes('bad.bin'));
  assert.equal(lines.length, 1);
  assert.match(lines[0], /skipped bad\.bin: binary file/);
  assert.equal(h.service.status().sources, 1);
});

test('indexer: requests wait for the first build instead of answering from a half-built index', async () => {
  const { MemoryCorpus, createService } = await import('../../server/src/service');
  const corpus = new MemoryCorpus(seedFiles());
  const service = createService({ corpus, config: { corpus: { include: ['**/*'] } } });
  const pending = service.workspaceSymbols('');
  void service.start();
  assert.equal((await pending).length, 5);
});

async function waitFor(predicate: () => boolean | Promise<boolean>, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}
