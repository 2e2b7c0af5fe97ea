/**
 * The SQLite store is the default, but its driver is native: when it cannot be loaded (a missing module, one built
 * for another Node) or the database file is not one Sourced made, the server warns once (log and status) and
 * indexes in memory; it never crashes and never writes to a file it did not create.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { NodeCorpus } from '../../server/src/node/node-corpus';
import { NodeIndexCache } from '../../server/src/node/node-index-cache';
import { openSqliteDatabase } from '../../server/src/node/sqlite-database';
import { createService, MemoryLogger, resolveConfig, type SourcedService } from '../../server/src/service';
import { seedFiles } from '../helpers/fixture';

function workspace(): { root: string; dir: string; storage: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'sourced-fallback-'));
  const dir = path.join(root, 'ws');
  for (const [rel, text] of Object.entries(seedFiles())) {
    mkdirSync(path.join(dir, path.dirname(rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return { root, dir, storage: path.join(root, 'storage') };
}

/** A service with the default settings (no `index.store`: the default is SQLite). */
async function open(dir: string, storage: string): Promise<{ service: SourcedService; logger: MemoryLogger; cache: NodeIndexCache }> {
  const raw = { corpus: { include: ['**/*.txt'] } };
  const corpus = new NodeCorpus([{ path: dir }], resolveConfig(raw).corpus);
  const cache = new NodeIndexCache({ storagePath: storage, workspaceFolders: [dir], buildId: 'fallback-test' });
  const logger = new MemoryLogger();
  const service = createService({ corpus, config: raw, logger, indexCache: cache });
  await service.start();
  await service.flushIndexCache();
  return { service, logger, cache };
}

const warnings = (logger: MemoryLogger): string[] => logger.lines.filter((l) => l.includes('index database is not used'));

test('the default store is SQLite: a start writes the index database and no snapshot', async () => {
  const { root, dir, storage } = workspace();
  assert.equal(resolveConfig({}).index.store, 'sqlite');
  const { service, cache } = await open(dir, storage);
  assert.ok(service.status().sources > 0);
  assert.equal(service.status().indexWarning, undefined);
  assert.ok(readFileSync(cache.databaseFile).length > 0, 'the database file exists');
  assert.throws(() => readFileSync(cache.file), 'no memory snapshot is written');
  service.dispose();
  rmSync(root, { recursive: true, force: true });
});

test('a driver that cannot be loaded: one warning in the log and the status, the in-memory index answers', async () => {
  const { root, dir, storage } = workspace();
  const sqlite = await open(dir, path.join(root, 'sqlite-storage'));
  const expected = sqlite.service.status().sources;
  const symbols = (await sqlite.service.workspaceSymbols('')).length;
  sqlite.service.dispose();
  process.env.SOURCED_SQLITE_MODULE = path.join(root, 'no-such-driver');
  try {
    const { service, logger, cache } = await open(dir, storage);
    assert.equal(service.status().sources, expected, 'every source is indexed in memory');
    assert.match(service.status().indexWarning ?? '', /SQLite driver .* could not be loaded.*in memory/);
    await service.reindex();
    await service.flushIndexCache();
    assert.equal(warnings(logger).length, 1, 'warned once, not at every build');
    assert.ok(readFileSync(cache.file).length > 0, 'the memory snapshot is persisted instead');
    service.updateConfig({ corpus: { include: ['**/*.txt'] }, index: { store: 'memory' } });
    await service.reindex();
    assert.equal(service.status().indexWarning, undefined, 'asking for the memory index: nothing to warn about');
    assert.ok(symbols > 0);
    assert.equal((await service.workspaceSymbols('')).length, symbols, 'requests are answered as on the SQLite store');
    service.dispose();
  } finally {
    delete process.env.SOURCED_SQLITE_MODULE;
    rmSync(root, { recursive: true, force: true });
  }
});

test('a database file Sourced did not create is left byte for byte as it was', async () => {
  const { root, dir, storage } = workspace();
  const probe = new NodeIndexCache({ storagePath: storage, workspaceFolders: [dir], buildId: 'fallback-test' });
  mkdirSync(path.dirname(probe.databaseFile), { recursive: true });
  // Someone else's SQLite file (a table of their own) and a file that is not a database at all.
  for (const make of [
    () => {
      const db = openSqliteDatabase(probe.databaseFile);
      db.exec('CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES (1)');
      db.close();
    },
    () => writeFileSync(probe.databaseFile, "not a database, but somebody's file\n".repeat(200)),
  ]) {
    rmSync(storage, { recursive: true, force: true });
    mkdirSync(path.dirname(probe.databaseFile), { recursive: true });
    make();
    const before = readFileSync(probe.databaseFile);
    const { service, logger } = await open(dir, storage);
    assert.ok(service.status().sources > 0);
    assert.equal(warnings(logger).length, 1);
    assert.match(service.status().indexWarning ?? '', /index database is not used/);
    service.dispose();
    assert.deepEqual(readFileSync(probe.databaseFile), before, 'the file is unchanged');
  }
  rmSync(root, { recursive: true, force: true });
});

test("in .sourced/ (no storage folder), a planted link in place of the database's log is not written through", async () => {
  const { root, dir } = workspace();
  const victim = path.join(root, 'victim.txt');
  writeFileSync(victim, "the user's own file\n");
  const probe = new NodeIndexCache({ workspaceFolders: [dir], buildId: 'fallback-test' });
  mkdirSync(path.dirname(probe.databaseFile), { recursive: true });
  symlinkSync(victim, `${probe.databaseFile}-wal`);
  const raw = { corpus: { include: ['**/*.txt'] } };
  const logger = new MemoryLogger();
  const corpus = new NodeCorpus([{ path: dir }], resolveConfig(raw).corpus);
  const service = createService({ corpus, config: raw, logger, indexCache: probe });
  await service.start();
  await service.flushIndexCache();
  assert.ok(service.status().sources > 0);
  assert.match(service.status().indexWarning ?? '', /not safe to write/);
  service.dispose();
  assert.equal(readFileSync(victim, 'utf8'), "the user's own file\n");
  rmSync(root, { recursive: true, force: true });
});

const nodeMajor = Number(process.versions.node.split('.')[0]);

test(
  'node:sqlite asked for on a Node that has none (Node 20): the warning names it, the in-memory index answers',
  { skip: nodeMajor >= 22 && 'this Node has node:sqlite (npm run test:editor-node runs the store on it)' },
  async () => {
    const { root, dir, storage } = workspace();
    process.env.SOURCED_SQLITE_MODULE = 'node:sqlite';
    try {
      const { service, logger } = await open(dir, storage);
      assert.ok(service.status().sources > 0);
      assert.match(service.status().indexWarning ?? '', /node:sqlite.*no built-in node:sqlite/);
      assert.equal(warnings(logger).length, 1);
      service.dispose();
    } finally {
      delete process.env.SOURCED_SQLITE_MODULE;
      rmSync(root, { recursive: true, force: true });
    }
  },
);
