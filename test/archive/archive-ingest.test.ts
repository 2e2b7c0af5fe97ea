/**
 * The team archive against a real PostgreSQL (a throwaway cluster started here): concurrent ingesters, a killed
 * ingest re-run, a read-only role. Every check reads the database directly (psql), not through our code.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { archiveCli, archiveCliAsync } from '../helpers/archive-cli';
import { BBC_DIR } from '../helpers/paths';
import { pgUnavailable, startCluster, SUPERUSER_PASSWORD, type PgCluster } from '../helpers/pg-cluster';

const skip = pgUnavailable() ?? false;
let pg: PgCluster;
const temp: string[] = [];

before(async () => {
  if (!skip) pg = await startCluster();
});
after(() => {
  pg?.stop();
  for (const d of temp) rmSync(d, { recursive: true, force: true });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** SHA-256 of a file's text as the archive identifies it (UTF-8, BOM dropped): computed here, not by our code. */
function sha256(file: string): string {
  return createHash('sha256')
    .update(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''))
    .digest('hex');
}

/** Content hash → number of sources rows holding it. */
function hashCounts(): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of pg.psql('SELECT content_hash, count(*) FROM sources GROUP BY content_hash').trim().split('\n').filter(Boolean)) {
    const [h, n] = line.split('|');
    out.set(h, Number(n));
  }
  return out;
}

function assertEachOnce(files: readonly string[]): void {
  const counts = hashCounts();
  const missing = files.filter((f) => counts.get(sha256(f)) !== 1);
  assert.deepEqual(missing.slice(0, 5), [], `${missing.length} files not in the archive exactly once`);
}

/** Sources whose passages or quotations do not match their own analysis: a half-written source. */
function halfWritten(): number {
  return Number(
    pg
      .psql(
        `
    SELECT count(*) FROM sources s
    WHERE json_array_length(s.analysis->'doc'->'paragraphs') <> (SELECT count(*) FROM passages p WHERE p.source_id = s.id)
       OR json_array_length(s.analysis->'quotes') <> (SELECT count(*) FROM quotations q WHERE q.source_id = s.id)`,
      )
      .trim(),
  );
}

const status = (url: string): Record<string, number> => {
  const r = archiveCli(['status', '--url', url, '--json']);
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as Record<string, number>;
};

test('archive: two ingesters at once and a third after them leave every BBC article exactly once', { skip, timeout: 600_000 }, async () => {
  const files = filesUnder(BBC_DIR);
  const [a, b] = [
    archiveCliAsync(['ingest', '--url', pg.url, '--quiet', BBC_DIR]),
    archiveCliAsync(['ingest', '--url', pg.url, '--quiet', BBC_DIR]),
  ];
  const [ra, rb] = await Promise.all([a.done, b.done]);
  assert.equal(ra.status, 0, ra.stderr);
  assert.equal(rb.status, 0, rb.stderr);
  const third = archiveCli(['ingest', '--url', pg.url, BBC_DIR]);
  assert.equal(third.status, 0, third.stderr);
  assert.match(third.stderr, / 0 new sources, 2095 already in the archive/);
  assertEachOnce(files);
  assert.equal(Number(pg.psql('SELECT count(*) FROM sources').trim()), new Set(files.map(sha256)).size);
  assert.equal(halfWritten(), 0);
  const s = status(pg.url);
  assert.equal(s.sources, new Set(files.map(sha256)).size);
  assert.ok(s.quotes > 0 && s.actors > 0 && s.passages > 0, JSON.stringify(s));
  // No actor twice under one name key, no duplicate name rows (unique constraints say so; checked from outside).
  assert.equal(pg.psql('SELECT count(*) FROM (SELECT name_key FROM actors GROUP BY name_key HAVING count(*) > 1) d').trim(), '0');
});

test(
  'archive: an ingest killed mid-way leaves no half-written source, and the re-run completes it',
  { skip, timeout: 600_000 },
  async () => {
    // Another folder: BBC articles with a line added, so their content (and hash) is new to the archive.
    const dir = mkdtempSync(path.join(tmpdir(), 'sourced-archive-kill-'));
    temp.push(dir);
    const sources = filesUnder(path.join(BBC_DIR, 'business')).slice(0, 400);
    const files = sources.map((f, i) => {
      const out = path.join(dir, 'folder', `${String(i).padStart(4, '0')}.txt`);
      mkdirSync(path.dirname(out), { recursive: true });
      writeFileSync(out, readFileSync(f, 'utf8') + `\nArchive copy ${i}.\n`);
      return out;
    });
    const before = Number(pg.psql('SELECT count(*) FROM sources').trim());
    const run = archiveCliAsync(['ingest', '--url', pg.url, '--batch', '10', '--quiet', dir]);
    // Kill it once some batches are committed but not all.
    const deadline = Date.now() + 300_000;
    let written = 0;
    while (Date.now() < deadline) {
      written = Number(pg.psql('SELECT count(*) FROM sources').trim()) - before;
      if (written >= 20) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    run.child.kill('SIGKILL');
    await run.done;
    written = Number(pg.psql('SELECT count(*) FROM sources').trim()) - before;
    assert.ok(written > 0 && written < files.length, `killed after ${written} of ${files.length}: not mid-way`);
    assert.equal(halfWritten(), 0);
    const again = archiveCli(['ingest', '--url', pg.url, dir]);
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stderr, new RegExp(` ${files.length - written} new sources, ${written} already in the archive`));
    assertEachOnce(files);
    assert.equal(halfWritten(), 0);
  },
);

test('archive: a read-only role reads the status, and its ingest exits 2 and changes nothing', { skip, timeout: 300_000 }, () => {
  const password = 'reader-secret-pw';
  pg.psql(`CREATE ROLE team_reader LOGIN PASSWORD '${password}'`);
  const granted = archiveCli(['grant', '--url', pg.url, '--reader', 'team_reader']);
  assert.equal(granted.status, 0, granted.stderr);
  assert.ok(!granted.stderr.includes(SUPERUSER_PASSWORD), 'the grant message shows no password');
  const readerUrl = pg.urlFor('team_reader', password);
  const owner = status(pg.url);
  assert.deepEqual(status(readerUrl), owner);
  const dir = mkdtempSync(path.join(tmpdir(), 'sourced-archive-ro-'));
  temp.push(dir);
  writeFileSync(
    path.join(dir, 'new.txt'),
    'A new article\n\nThe council said on Monday that it would "review every contract" before the vote.\n',
  );
  const snapshot = pg.psql('SELECT count(*), max(id) FROM sources; SELECT count(*) FROM actors; SELECT count(*) FROM sourced_migrations');
  const r = archiveCli(['ingest', '--url', readerUrl, dir]);
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, /cannot ingest: role "team_reader" has read-only access to the archive; nothing was changed/);
  assert.ok(!(r.stdout + r.stderr).includes(password), 'no password in the output');
  assert.equal(
    pg.psql('SELECT count(*), max(id) FROM sources; SELECT count(*) FROM actors; SELECT count(*) FROM sourced_migrations'),
    snapshot,
  );
});

test('archive: a wrong password is reported without showing it', { skip, timeout: 60_000 }, () => {
  const wrong = 'not-the-password-123';
  const r = archiveCli(['status', '--url', pg.urlFor('postgres', wrong)]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /cannot reach the archive at postgresql:\/\/postgres:\*\*\*@127\.0\.0\.1/);
  assert.ok(!r.stderr.includes(wrong), r.stderr);
});

test('archive: a password from ~/.pgpass (PGPASSFILE) works and is never shown', { skip, timeout: 60_000 }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sourced-pgpass-'));
  temp.push(dir);
  const file = path.join(dir, 'pgpass');
  writeFileSync(file, `127.0.0.1:${pg.port}:sourced:postgres:${SUPERUSER_PASSWORD}\n`, { mode: 0o600 });
  const url = `postgresql://postgres@127.0.0.1:${pg.port}/sourced`;
  const r = archiveCli(['status', '--url', url, '--json'], { PGPASSFILE: file });
  assert.equal(r.status, 0, r.stderr);
  assert.ok((JSON.parse(r.stdout) as { sources: number }).sources >= 0);
  assert.ok(!(r.stdout + r.stderr).includes(SUPERUSER_PASSWORD));
  assert.ok(!r.stderr.includes('deprecated'), r.stderr);
});

test(
  'archive: an archive of schema 2 gains its mention facets from the stored analyses when next opened',
  { skip, timeout: 300_000 },
  () => {
    const facets = (): string =>
      pg.psql(`SELECT count(*), md5(string_agg(actor_id || ':' || source_id || ':' || facets::jsonb::text, ',' ORDER BY actor_id, source_id))
             FROM mentions WHERE facets IS NOT NULL`);
    const written = facets();
    assert.ok(Number(written.split('|')[0]) > 1000, `facets written at ingest: ${written}`);
    // What an archive created before version 3 looks like: no facets column, version 3 not applied.
    pg.psql('ALTER TABLE mentions DROP COLUMN facets; DELETE FROM sourced_migrations WHERE version = 3');
    const dir = mkdtempSync(path.join(tmpdir(), 'sourced-archive-v2-'));
    temp.push(dir);
    writeFileSync(path.join(dir, 'later.txt'), 'A later article\n\nThe mayor said on Friday that the bridge "will reopen in May".\n');
    const r = archiveCli(['ingest', '--url', pg.url, '--quiet', dir]);
    assert.equal(r.status, 0, r.stderr);
    const after =
      pg.psql(`SELECT count(*), md5(string_agg(actor_id || ':' || source_id || ':' || facets::jsonb::text, ',' ORDER BY actor_id, source_id))
                         FROM mentions m WHERE facets IS NOT NULL AND source_id IN (SELECT id FROM sources WHERE path NOT LIKE '%later.txt')`);
    assert.equal(after, written, 'the backfilled facets equal those the writer stored');
  },
);
