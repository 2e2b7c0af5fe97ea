/**
 * The persisted index: a warm start restores unchanged files, re-reads changed ones, drops deleted ones,
 * and rebuilds from scratch when the cache is corrupt, truncated, of another format version or build.
 * Real files in a temporary folder, through the Node corpus and the Node cache store. This is the snapshot of the
 * `memory` store, so the tests set it (the default store, SQLite, is tested in store-sqlite*.test.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { NodeCorpus } from '../../server/src/node/node-corpus';
import { NodeIndexCache } from '../../server/src/node/node-index-cache';
import { createService, MemoryLogger, resolveConfig, type SourcedService } from '../../server/src/service';
import { contentHash, deserializeSnapshot, freshness, INDEX_FORMAT_VERSION } from '../../server/src/store/index-cache';
import { seedFiles } from '../helpers/fixture';

interface Session {
  service: SourcedService;
  logger: MemoryLogger;
  cache: NodeIndexCache;
}

function workspace(): { dir: string; storage: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'sourced-cache-'));
  const dir = path.join(root, 'ws');
  mkdirSync(dir);
  for (const [rel, text] of Object.entries(seedFiles())) {
    mkdirSync(path.join(dir, path.dirname(rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  // Old mtimes, as in a real archive: a stamp taken now is then not "racy".
  const old = new Date(Date.now() - 3_600_000);
  for (const rel of Object.keys(seedFiles())) utimesSync(path.join(dir, rel), old, old);
  return { dir, storage: path.join(root, 'storage') };
}

async function open(dir: string, storage: string | undefined, options: { persist?: boolean; buildId?: string } = {}): Promise<Session> {
  const raw = { corpus: { include: ['**/*.txt'] }, index: { persist: options.persist ?? true, store: 'memory' } };
  const corpus = new NodeCorpus([{ path: dir }], resolveConfig(raw).corpus);
  const cache = new NodeIndexCache({ storagePath: storage, workspaceFolders: [dir], buildId: options.buildId ?? 'test-build' });
  const logger = new MemoryLogger();
  const service = createService({ corpus, config: raw, logger, indexCache: cache });
  await service.start();
  await service.flushIndexCache();
  return { service, logger, cache };
}

/** The indexer's summary line of the last build. */
function summary(s: Session): string {
  return s.logger.lines.filter((l) => l.includes('indexed')).pop() ?? '';
}

async function snapshotOf(s: Session): Promise<string> {
  const symbols = (await s.service.workspaceSymbols('')).map((x) => `${x.name}@${x.location.uri}`).sort();
  const draft = {
    uri: 'file:///draft.md',
    version: 1,
    getText: () => 'Officials said the talks failed. "We will not accept this," he said.',
  };
  const findings = (await s.service.findings(draft)).map((f) => `${f.code}:${f.start}-${f.end}`);
  return JSON.stringify({ status: s.service.status(), symbols, findings });
}

test('persisted index: a warm start restores every unchanged file and answers exactly like a cold start', async () => {
  const { dir, storage } = workspace();
  const cold = await open(dir, storage);
  assert.ok(existsSync(cold.cache.file), 'the cache file is written after the first build');
  assert.ok(cold.cache.file.startsWith(storage), 'the cache lives in the storage folder');
  const warm = await open(dir, storage);
  assert.match(summary(warm), /restored 5 of 5 files from the persisted index, 0 by content hash/);
  assert.equal(await snapshotOf(warm), await snapshotOf(cold));
  cold.service.dispose();
  warm.service.dispose();
});

test('persisted index: a changed file is re-read, a touched one is checked by hash, a deleted one is dropped, a new one is added', async () => {
  const { dir, storage } = workspace();
  const names = Object.keys(seedFiles());
  (await open(dir, storage)).service.dispose();
  const changed = path.join(dir, names[0]);
  writeFileSync(changed, 'Zanzibar harbour reopens\n\nThe harbour reopened on Tuesday after repairs.\n');
  const touched = path.join(dir, names[1]);
  utimesSync(touched, new Date(), new Date());
  rmSync(path.join(dir, names[2]));
  writeFileSync(path.join(dir, 'seeds', 'new-article.txt'), 'Quiet week in the valley\n\nNothing happened in the valley this week.\n');
  const warm = await open(dir, storage);
  // Restored: the 2 untouched files and the touched one (same content); read and analysed: the changed and the new file.
  assert.match(summary(warm), /restored 3 of 5 files from the persisted index, 1 by content hash/, warm.logger.lines.join('\n'));
  assert.equal(warm.service.status().sources, 5);
  assert.equal((await warm.service.workspaceSymbols('zanzibar')).length, 1, 'the changed file is indexed with its new text');
  assert.equal((await warm.service.workspaceSymbols('valley')).length, 1, 'the new file is indexed');
  const cold = await open(dir, undefined, { persist: false });
  assert.equal(await snapshotOf(warm), await snapshotOf(cold), 'same answers as a build from scratch');
  warm.service.dispose();
  cold.service.dispose();
});

test('persisted index: a corrupt, truncated, other-version or other-build cache is rebuilt, never trusted', async () => {
  const { dir, storage } = workspace();
  const first = await open(dir, storage);
  const reference = await snapshotOf(first);
  const file = first.cache.file;
  const good = readFileSync(file);
  const cases: [string, () => void | Promise<void>, RegExp, string?][] = [
    [
      'flipped bytes',
      () => {
        const bad = Buffer.from(good);
        for (let i = 200; i < 260; i++) bad[i] = bad[i] ^ 0x5a;
        writeFileSync(file, bad);
      },
      /checksum mismatch/,
    ],
    ['truncated', () => writeFileSync(file, good.subarray(0, good.length >> 1)), /truncated|checksum/],
    ['garbage', () => writeFileSync(file, 'not an index at all'), /truncated|checksum/],
    [
      'format version bump',
      async () => {
        // A well-formed file (valid checksum) that says it is the next format version.
        const payload = new Uint8Array(good.subarray(0, good.length - 8));
        new DataView(payload.buffer).setUint32(8, INDEX_FORMAT_VERSION + 1, true);
        await first.cache.save([payload]);
      },
      /format version/,
    ],
    ['another build', () => writeFileSync(file, good), /another build/, 'other-build'],
  ];
  for (const [name, damage, reason, buildId] of cases) {
    await damage();
    const s = await open(dir, storage, { buildId });
    const warning = s.logger.lines.find((l) => l.includes('persisted index not used')) ?? '';
    assert.match(warning, reason, `${name}: the reason is logged`);
    assert.doesNotMatch(summary(s), /restored/, `${name}: nothing is restored`);
    assert.equal(await snapshotOf(s), reference, `${name}: the rebuilt index answers like the original`);
    // The rebuild rewrote a good cache: the next start restores everything again.
    const again = await open(dir, storage, { buildId });
    assert.match(summary(again), /restored 5 of 5/, `${name}: the cache is rewritten after the rebuild`);
    s.service.dispose();
    again.service.dispose();
    writeFileSync(file, good);
  }
  first.service.dispose();
});

test('persisted index: off with sourced.index.persist = false; in .sourced/ (git-ignored) without a storage folder', async () => {
  const { dir } = workspace();
  const off = await open(dir, undefined, { persist: false });
  assert.equal(existsSync(off.cache.file), false, 'nothing written when persistence is off');
  off.service.dispose();
  const on = await open(dir, undefined);
  assert.equal(path.dirname(on.cache.file), path.join(dir, '.sourced'));
  assert.ok(existsSync(on.cache.file));
  assert.equal(readFileSync(path.join(dir, '.sourced', '.gitignore'), 'utf8').trim(), '*');
  on.service.dispose();
});

test('persisted index: freshness by size, mtime and racy stamps; content hash tells texts apart', async () => {
  const record = { size: 100, mtimeMs: 1_000_000, stampedAt: 1_000_000 + 60_000, hash: contentHash('a') };
  assert.equal(freshness(record, { size: 100, mtimeMs: 1_000_000 }), 'valid');
  assert.equal(freshness(record, { size: 101, mtimeMs: 1_000_000 }), 'stale');
  assert.equal(freshness(record, null), 'stale');
  assert.equal(freshness(record, { size: 100, mtimeMs: 1_000_001 }), 'verify');
  // Stamped within the timestamp granularity of the last write: a later write could hide, so check the content.
  assert.equal(freshness({ ...record, stampedAt: 1_000_500 }, { size: 100, mtimeMs: 1_000_000 }), 'verify');
  assert.notEqual(contentHash('The minister said no.'), contentHash('The minister said so.'));
  assert.equal(contentHash('same text'), contentHash('same text'));
  await assert.rejects(deserializeSnapshot(new Uint8Array(40), 'x'), /not a Sourced index/);
});

test('indexing never blocks requests: during a re-index, requests are answered from the previous index', async () => {
  const { dir, storage } = workspace();
  // Enough files that a rebuild spans many event-loop turns.
  for (let i = 0; i < 400; i++) {
    writeFileSync(
      path.join(dir, `extra-${i}.txt`),
      `Harbour report ${i}\n\n${'The harbour authority said work would continue. '.repeat(40)}\n`,
    );
  }
  for (const persist of [false, true]) {
    const s = await open(dir, storage, { persist });
    const before = s.service.status().sources;
    let rebuilt = false;
    const rebuild = s.service.reindex().then(() => (rebuilt = true));
    const answered = await s.service.workspaceSymbols('harbour');
    assert.equal(rebuilt, false, `persist ${persist}: the request was answered while the rebuild was still running`);
    assert.ok(answered.length > 0, 'from the previous index');
    assert.equal(s.service.status().sources, before);
    await rebuild;
    assert.equal(s.service.status().sources, before);
    s.service.dispose();
  }
});

test('persisted index: more files than one parsing group (512) round-trip exactly', async () => {
  const { dir, storage } = workspace();
  const old = new Date(Date.now() - 3_600_000);
  for (let i = 0; i < 1100; i++) {
    const file = path.join(dir, `bulk-${i}.txt`);
    writeFileSync(
      file,
      `Bulletin ${i} from the port\n\nThe port authority said ship ${i} left on time. "We are on schedule," a spokesman said.\n`,
    );
    utimesSync(file, old, old);
  }
  const cold = await open(dir, storage);
  const warm = await open(dir, storage);
  assert.match(summary(warm), /restored 1105 of 1105 files/);
  assert.equal(await snapshotOf(warm), await snapshotOf(cold));
  assert.deepEqual(await warm.service.searchQuotes('on schedule', 5), await cold.service.searchQuotes('on schedule', 5));
  cold.service.dispose();
  warm.service.dispose();
});
