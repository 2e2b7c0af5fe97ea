/**
 * Bad sources through the real server: each file is indexed correctly or skipped with one log line naming it and
 * the reason; sourced/status counts the skipped ones; the server never crashes or hangs.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { NodeCorpus } from '../../server/src/node/node-corpus';
import { createService, MemoryLogger } from '../../server/src/service';
import { resolveConfig } from '../../server/src/domain/config';
import { readsIgnorePermissions, writeBadFiles } from './helpers/bad-files';
import { ServerSession } from './helpers/server-session';

const LIMIT_KB = 5120;
const workspaces: string[] = [];
const sessions: ServerSession[] = [];

function workspace(name: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `sourced-${name}-`));
  workspaces.push(dir);
  return dir;
}

async function start(dir: string, settings: Record<string, unknown>): Promise<ServerSession> {
  const s = await ServerSession.start({ workspace: dir, settings });
  sessions.push(s);
  return s;
}

after(async () => {
  await Promise.all(sessions.map((s) => s.dispose()));
  for (const dir of workspaces) rmSync(dir, { recursive: true, force: true });
});

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test(
  'bad sources: each bad file is indexed correctly or skipped with one log line, and status counts the skipped',
  { timeout: 120_000 },
  async () => {
    const dir = workspace('bad');
    const files = writeBadFiles(dir, LIMIT_KB);
    if (readsIgnorePermissions())
      console.log('bad sources: running as root, so chmod 000 does not stop reads: the unreadable file is expected to be indexed');
    const started = Date.now();
    const server = await start(dir, { corpus: { include: ['src/**/*'], maxFileSizeKb: LIMIT_KB } });
    const status = await server.ready(90_000);
    const indexMs = Date.now() - started;
    assert.ok(status.ready, 'indexing finished');

    const problems: string[] = [];
    let indexed = 0;
    let skipped = 0;
    for (const f of files) {
      const lines = server.lsp.logs.filter((l) => new RegExp(`(^|[\\s/])${escapeRe(f.rel)}\\b`).test(l));
      if ('link' in f.expect) {
        // Links beside matched sources are listed, never followed: each is skipped with its reason.
        skipped++;
        if (lines.length !== 1 || !f.expect.link.test(lines[0]))
          problems.push(`${f.rel} (${f.what}): expected one line matching ${f.expect.link}, got ${JSON.stringify(lines)}`);
        continue;
      }
      if ('skipped' in f.expect) {
        skipped++;
        if (lines.length !== 1) problems.push(`${f.rel} (${f.what}): expected one log line, got ${lines.length}: ${JSON.stringify(lines)}`);
        else if (!f.expect.skipped.test(lines[0]))
          problems.push(`${f.rel} (${f.what}): reason ${JSON.stringify(lines[0])} does not match ${f.expect.skipped}`);
        continue;
      }
      indexed++;
      if (lines.length > 1) problems.push(`${f.rel} (${f.what}): indexed but ${lines.length} log lines: ${JSON.stringify(lines)}`);
      const symbols = (await server.call('workspace/symbol', { query: f.expect.indexed })) as {
        ok: boolean;
        result?: { name: string; location: { uri: string } }[];
      };
      const match = symbols.result?.filter((s) => s.location.uri.endsWith(f.rel.replace('src/', '/'))) ?? [];
      if (match.length !== 1) problems.push(`${f.rel} (${f.what}): not found by its title ${JSON.stringify(f.expect.indexed)}`);
      else if (
        f.expect.prefix ? !match[0].name.includes(`\u2014 ${f.expect.indexed}`) : !match[0].name.endsWith(`\u2014 ${f.expect.indexed}`)
      )
        problems.push(`${f.rel} (${f.what}): title read as ${JSON.stringify(match[0].name)}`);
    }
    const final = await server.status();
    console.log(
      `bad sources: ${files.length} bad inputs (${files.map((f) => f.what).join('; ')}); ${final.sources} indexed, ${final.skipped} skipped, ` +
        `indexing took ${indexMs} ms; ${problems.length} problems`,
    );
    assert.equal(final.sources, indexed, 'indexed count');
    assert.equal(final.skipped, skipped, `sourced/status counts the skipped files; log: ${JSON.stringify(server.lsp.logs)}`);

    // A watcher event naming a link changes nothing: it stays skipped (counted once), never followed out or round.
    const links = files.filter((f) => 'link' in f.expect);
    const changes = links.map((f) => ({ uri: pathToFileURL(path.join(dir, f.rel)).href, type: 1 }));
    void server.lsp.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const withLinks = await server.status();
    for (const f of links) {
      const lines = server.lsp.logs.filter((l) => l.includes(`${f.rel}:`));
      if (lines.length < 1 || !lines.every((l) => 'link' in f.expect && f.expect.link.test(l)))
        problems.push(`${f.rel} (${f.what}) after a watcher event: ${JSON.stringify(lines)}`);
    }
    console.log(`bad sources: watcher events for ${links.length} links: status ${JSON.stringify(withLinks)}`);
    assert.deepEqual(problems, []);
    assert.equal(withLinks.skipped, skipped, 'each link is counted once as skipped, also after a watcher event');
    assert.equal(withLinks.sources, indexed, 'no link was followed into an index entry');
    assert.deepEqual(server.bugLogs(), []);
    assert.ok(server.alive);
  },
);

test('bad sources: 10,000 tiny files, 100 deleted and 100 truncated while indexing', { timeout: 120_000 }, async () => {
  const dir = workspace('tiny');
  const src = path.join(dir, 'src');
  mkdirSync(src);
  const N = 10_000;
  const name = (i: number): string => path.join(src, `t${String(i).padStart(5, '0')}.txt`);
  for (let i = 0; i < N; i++) writeFileSync(name(i), `Tiny note ${i}\n\nThe council met on day ${i} and said the quay would reopen.\n`);
  const started = Date.now();
  const server = await start(dir, { corpus: { include: ['src/**/*.txt'] } });
  // While the first build runs: the last files are deleted or emptied before the indexer reaches them (or after).
  for (let i = N - 200; i < N - 100; i++) unlinkSync(name(i));
  for (let i = N - 100; i < N; i++) truncateSync(name(i), 0);
  await server.ready(90_000);
  const indexMs = Date.now() - started;
  const expected = { sources: N - 200, skipped: 100 };
  const s = await server.lsp.waitFor(
    () => server.status(),
    (v) => v.sources === expected.sources && v.skipped === expected.skipped,
    20_000,
  );
  const pingStart = Date.now();
  await server.status();
  console.log(
    `bad sources: ${N} tiny files indexed in ${indexMs} ms, 100 deleted and 100 truncated during the build; status ${JSON.stringify(s)}; status answered in ${Date.now() - pingStart} ms`,
  );
  assert.deepEqual({ sources: s.sources, skipped: s.skipped }, expected);
  const perFile = new Map<string, number>();
  for (const l of server.lsp.logs) for (const m of l.matchAll(/src\/t\d{5}\.txt/g)) perFile.set(m[0], (perFile.get(m[0]) ?? 0) + 1);
  const truncatedLogged = [...perFile].filter(([f]) => Number(f.slice(5, 10)) >= N - 100);
  assert.ok(
    truncatedLogged.every(([, n]) => n === 1),
    'each truncated file is logged once',
  );
  assert.ok(truncatedLogged.length >= 99, `truncated files logged (${truncatedLogged.length})`);
  assert.deepEqual(server.bugLogs(), []);
  assert.ok(server.alive);
});

test('bad sources: a file deleted or truncated between listing and reading is skipped with one log line (service, deterministic)', async () => {
  const dir = workspace('race');
  mkdirSync(path.join(dir, 'src'));
  const files = ['a.txt', 'gone.txt', 'emptied.txt'].map((f) => path.join(dir, 'src', f));
  for (const f of files) writeFileSync(f, 'A note\n\nThe council met on Tuesday.\n');
  const config = resolveConfig({ corpus: { include: ['src/**/*.txt'] } });
  const disk = new NodeCorpus([{ path: dir }], config.corpus);
  const corpus = {
    list: async () => {
      const entries = await disk.list();
      unlinkSync(files[1]);
      truncateSync(files[2], 0);
      return entries;
    },
    read: (uri: string) => disk.read(uri),
    entryFor: (uri: string) => disk.entryFor(uri),
    onDidChange: (l: Parameters<typeof disk.onDidChange>[0]) => disk.onDidChange(l),
  };
  const logger = new MemoryLogger();
  const service = createService({ corpus, config: { corpus: { include: ['src/**/*.txt'] } }, logger });
  await service.start();
  const s = service.status();
  console.log(
    `bad sources: 3 files, 1 deleted and 1 truncated after listing: ${JSON.stringify(s)}; log: ${JSON.stringify(logger.lines.filter((l) => l.includes('src/')))}`,
  );
  assert.deepEqual({ sources: s.sources, skipped: s.skipped }, { sources: 1, skipped: 2 });
  assert.deepEqual(
    logger.lines.filter((l) => l.includes('src/gone.txt')),
    ['[warn] skipped src/gone.txt: file no longer exists'],
  );
  assert.deepEqual(
    logger.lines.filter((l) => l.includes('src/emptied.txt')),
    ['[warn] skipped src/emptied.txt: empty file'],
  );
  service.dispose();
});

test('bad sources: an include glob that matches nothing gives a ready, empty index and one log line naming the glob', async () => {
  const dir = workspace('nomatch');
  const server = await start(dir, { corpus: { include: ['no-such-folder/**/*.txt'] } });
  const s = await server.ready();
  const lines = server.lsp.logs.filter((l) => l.includes('no-such-folder/**/*.txt'));
  console.log(`bad sources: include glob matching nothing: ${JSON.stringify(s)}; ${JSON.stringify(lines)}`);
  assert.deepEqual({ ready: s.ready, sources: s.sources, skipped: s.skipped }, { ready: true, sources: 0, skipped: 0 });
  assert.equal(lines.length, 1);
  const uri = pathToFileURL(path.join(dir, 'draft.md')).href;
  server.open(uri, 'The council met on Tuesday.[^x]\n');
  assert.ok(await server.diagnosticsNow(uri), 'diagnostics still answered with an empty index');
});

test('bad sources: re-indexing a changed 5 MB one-line file keeps the server answering', { timeout: 60_000 }, async () => {
  const dir = workspace('bigline');
  mkdirSync(path.join(dir, 'src'));
  const big = `Harbour council one line report ${'the council met again and said more. '.repeat(Math.floor(5_000_000 / 37))}`;
  writeFileSync(path.join(dir, 'src', 'one-line.txt'), big);
  const server = await start(dir, { corpus: { include: ['src/**/*'] } });
  await server.ready(60_000);
  writeFileSync(path.join(dir, 'src', 'one-line.txt'), `${big} One more sentence.`);
  const pings: number[] = [];
  const started = Date.now();
  // The change is analysed on the event path; status requests keep coming meanwhile.
  while (Date.now() - started < 6000) {
    pings.push((await server.call('sourced/status', {})).ms);
    await new Promise((r) => setTimeout(r, 100));
  }
  const slowest = Math.round(Math.max(...pings));
  console.log(`bad sources: 5 MB one-line file changed: ${pings.length} status pings over 6 s, slowest ${slowest} ms`);
  assert.ok(slowest < 10_000, 'no hang');
  assert.equal((await server.status()).sources, 1);
  assert.deepEqual(server.bugLogs(), []);
});
