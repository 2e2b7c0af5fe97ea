/**
 * A first start into the SQLite store reads, analyses and packs its files on the reader workers (the main thread
 * only indexes and writes): the database it writes, table by table, and its answers are those of a first start
 * that analyses every file on the main thread. Also a file the workers cannot read is skipped with the reason
 * the main thread gives. Real files in a temporary folder, through the Node corpus and the Node cache store.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Corpus } from '../../server/src/domain/corpus';
import { NodeCorpus } from '../../server/src/node/node-corpus';
import { NodeIndexCache } from '../../server/src/node/node-index-cache';
import { openSqliteDatabase } from '../../server/src/node/sqlite-database';
import { decodeHeads, encodeHeads, headAt, recordAt } from '../../server/src/store/sqlite/saved-heads';
import { createService, MemoryLogger, resolveConfig, type SourcedService } from '../../server/src/service';
import { seedFiles } from '../helpers/fixture';

const RAW = { corpus: { include: ['**/*.txt'] }, index: { persist: true, store: 'sqlite' } };

function workspace(): { root: string; dir: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'sourced-workers-'));
  const dir = path.join(root, 'ws');
  for (const [rel, text] of Object.entries(seedFiles())) {
    mkdirSync(path.join(dir, path.dirname(rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  // A link out of the workspace folder and a file that is no text: both are skipped with a reason.
  writeFileSync(path.join(root, 'outside.txt'), 'Written outside the workspace folder.\n');
  symlinkSync(path.join(root, 'outside.txt'), path.join(dir, 'linked.txt'));
  writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 5, 6, 7, 0, 1, 2, 0, 0, 0, 9]));
  return { root, dir };
}

/** The Node corpus without its thread-side analysis: every file is read and analysed on the main thread. */
function mainThreadCorpus(corpus: NodeCorpus): Corpus {
  return {
    list: () => corpus.list(),
    read: (uri) => corpus.read(uri),
    entryFor: (uri) => corpus.entryFor(uri),
    onDidChange: (listener) => corpus.onDidChange(listener),
  };
}

async function firstStart(dir: string, storage: string, workers: boolean): Promise<{ service: SourcedService; cache: NodeIndexCache }> {
  const nodeCorpus = new NodeCorpus([{ path: dir }], resolveConfig(RAW).corpus);
  const corpus = workers ? nodeCorpus : mainThreadCorpus(nodeCorpus);
  const cache = new NodeIndexCache({ storagePath: storage, workspaceFolders: [dir], buildId: 'test-build' });
  const service = createService({ corpus, config: RAW, logger: new MemoryLogger(), indexCache: cache });
  await service.start();
  await service.flushIndexCache();
  return { service, cache };
}

/** The saved heads with every stamp time set to 0. */
function unstamped(blob: Uint8Array): Uint8Array {
  const heads = decodeHeads(blob);
  let q = 0;
  const entries = heads.uris.map((uri, i) => {
    const record = recordAt(heads, i);
    const head = headAt(heads, i);
    const quoteIds = [...heads.quoteIds.subarray(q, (q += head.quoteCount))];
    const baseKey = heads.baseKeys?.[i] ?? '';
    return { row: heads.rows[i], uri, path: heads.paths[i], record: record && { ...record, stampedAt: 0 }, head, baseKey, quoteIds };
  });
  return encodeHeads(entries);
}

/** Every table of the database, each row hashed (the time a file was stamped left out: it is the clock's). */
function tables(file: string): Record<string, string> {
  const db = openSqliteDatabase(file);
  const out: Record<string, string> = {};
  try {
    const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
    for (const { name } of names) {
      const hash = createHash('sha1');
      const rows = db.prepare(`SELECT * FROM ${name}`).all() as Record<string, unknown>[];
      for (const row of rows) {
        delete row.stamped;
        if (row.k === 'heads' && row.v instanceof Uint8Array) row.v = unstamped(row.v);
        for (const value of Object.values(row)) hash.update(value instanceof Uint8Array ? value : String(value)).update('|');
      }
      out[name] = `${rows.length} ${hash.digest('hex')}`;
    }
  } finally {
    db.close();
  }
  return out;
}

async function answers(service: SourcedService): Promise<string> {
  const symbols = (await service.workspaceSymbols('')).map((x) => `${x.name}@${x.location.uri}`).sort();
  const draft = {
    uri: 'file:///draft.md',
    version: 1,
    getText: () => 'Officials said the talks failed. "We will not accept this," he said.',
  };
  const findings = (await service.findings(draft)).map((f) => `${f.code}:${f.start}-${f.end}`);
  const quotes = (await service.searchQuotes('we will', 10)).map((q) => `${q.key}:${q.text}`);
  const actors = await service.listActors('');
  const cards = await Promise.all(actors.map((a) => service.actorCard(a.id)));
  return JSON.stringify({ status: service.status(), symbols, findings, quotes, actors, cards });
}

test('sqlite store: a first start analysed on the reader workers writes the database and gives the answers of one analysed on the main thread', async () => {
  const { root, dir } = workspace();
  const onWorkers = await firstStart(dir, path.join(root, 'workers'), true);
  const onMain = await firstStart(dir, path.join(root, 'main'), false);
  const expected = await answers(onMain.service);
  assert.ok(onMain.service.status().sources >= Object.keys(seedFiles()).length, 'the seeds are indexed');
  assert.deepEqual(
    onWorkers.service.status().skippedFiles,
    onMain.service.status().skippedFiles,
    'the same files skipped, with the same reasons',
  );
  assert.equal(onMain.service.status().skipped, 2, 'the link out of the folder and the binary file');
  assert.equal(await answers(onWorkers.service), expected);
  onWorkers.service.dispose();
  onMain.service.dispose();
  const worked = tables(onWorkers.cache.databaseFile);
  const seeds = Object.keys(seedFiles()).length;
  assert.equal(worked.source.split(' ')[0], String(seeds), 'a row a seed');
  assert.ok(Number(worked.actor_source.split(' ')[0]) > seeds, 'document actors written');
  assert.deepEqual(worked, tables(onMain.cache.databaseFile));
  rmSync(root, { recursive: true, force: true });
});
