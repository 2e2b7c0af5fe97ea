/**
 * An untrusted workspace may plant symbolic links where the server writes (the `.sourced/` index cache when the
 * client gives no storage folder, the Pandoc bibliography) or reads its cache: nothing outside the workspace is
 * written, and a planted cache link cannot hang the server.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SEEDS_DIR } from '../helpers/fixture';
import { INDEX_FORMAT_VERSION } from '../../server/src/store/index-cache';
import { ServerSession } from './helpers/server-session';

const dirs: string[] = [];
const sessions: ServerSession[] = [];
const VICTIM_TEXT = "the user's own file\n";

function setup(): { workspace: string; outside: string; victim: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'sourced-writes-'));
  dirs.push(root);
  const workspace = path.join(root, 'workspace');
  const outside = path.join(root, 'outside');
  mkdirSync(outside);
  cpSync(SEEDS_DIR, path.join(workspace, 'seeds'), { recursive: true });
  const victim = path.join(outside, 'victim.txt');
  writeFileSync(victim, VICTIM_TEXT);
  return { workspace, outside, victim };
}

async function start(workspace: string, settings: Record<string, unknown> = {}): Promise<ServerSession> {
  const s = await ServerSession.start({ workspace, settings });
  sessions.push(s);
  await s.ready();
  return s;
}

/** Waits for the cache writer to report (saved or refused): the index database (the default store) or the snapshot. */
const cacheReported = (s: ServerSession): Promise<string[]> =>
  s.lsp.waitFor(
    () => s.lsp.logs.filter((l) => /persisted index|index database/.test(l)),
    (l) => l.some((x) => /saved the|could not save/.test(x)),
    15_000,
  );

after(async () => {
  await Promise.all(sessions.map((s) => s.dispose()));
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

test('workspace writes: a control run writes .sourced/ inside the workspace', { timeout: 60_000 }, async () => {
  const { workspace } = setup();
  const s = await start(workspace);
  const lines = await cacheReported(s);
  console.log(`workspace writes: control: ${JSON.stringify(lines)}`);
  assert.ok(
    existsSync(path.join(workspace, '.sourced', `index-v${INDEX_FORMAT_VERSION}.sqlite`)),
    'the index database is written when nothing is planted',
  );
  assert.ok(!lines.some((l) => /not used|could not/.test(l)), 'and used');
});

test('workspace writes: .sourced linked outside the workspace is not written through', { timeout: 60_000 }, async () => {
  const { workspace, outside } = setup();
  symlinkSync(outside, path.join(workspace, '.sourced'));
  const s = await start(workspace);
  const lines = await cacheReported(s);
  console.log(`workspace writes: .sourced -> outside: ${JSON.stringify(lines)}; outside holds ${JSON.stringify(readdirSync(outside))}`);
  assert.deepEqual(readdirSync(outside), ['victim.txt'], 'nothing written outside');
  assert.ok(
    lines.some((l) => /could not save.*outside the workspace/.test(l)),
    'the refusal is logged',
  );
});

test(
  'workspace writes: a planted .sourced/.gitignore link, a cache link to /dev/zero and database links to a file change nothing and hang nothing',
  { timeout: 60_000 },
  async () => {
    const { workspace, victim } = setup();
    mkdirSync(path.join(workspace, '.sourced'));
    symlinkSync(victim, path.join(workspace, '.sourced', '.gitignore'));
    symlinkSync('/dev/zero', path.join(workspace, '.sourced', `index-v${INDEX_FORMAT_VERSION}.bin`));
    // SQLite writes the database and its write-ahead log beside it: a link in either place is not written through.
    for (const suffix of ['', '-wal', '-shm']) {
      symlinkSync(victim, path.join(workspace, '.sourced', `index-v${INDEX_FORMAT_VERSION}.sqlite${suffix}`));
    }
    const started = Date.now();
    const s = await start(workspace);
    const readyMs = Date.now() - started;
    const lines = await cacheReported(s);
    console.log(`workspace writes: planted links: ready in ${readyMs} ms; ${JSON.stringify(lines)}`);
    assert.equal(readFileSync(victim, 'utf8'), VICTIM_TEXT, 'the victim file is untouched');
    assert.ok(readyMs < 20_000, 'no hang reading the planted cache');
    assert.equal((await s.status()).sources, 5);
  },
);

test('workspace writes: a Pandoc bibliography that is a link outside the workspace is not written', { timeout: 60_000 }, async () => {
  const { workspace, victim } = setup();
  symlinkSync(victim, path.join(workspace, 'sources.json'));
  const s = await start(workspace, { citations: { style: 'pandoc' } });
  const symbols = (await s.call('workspace/symbol', { query: '' })) as { ok: true; result: { name: string }[] };
  const key = symbols.result[0].name.split(' ')[0];
  const uri = pathToFileURL(path.join(workspace, 'draft.md')).href;
  s.open(uri, `The talks resumed.[@${key}]\n`);
  await s.diagnosticsNow(uri);
  const lines = await s.lsp.waitFor(
    () => s.lsp.logs.filter((l) => /bibliography/.test(l)),
    (l) => l.length > 0,
    5000,
  );
  console.log(`workspace writes: bibliography link: ${JSON.stringify(lines)}`);
  assert.equal(readFileSync(victim, 'utf8'), VICTIM_TEXT, 'the victim file is untouched');
  assert.ok(lines.some((l) => /not written/.test(l)));

  // Control: the same draft in a clean workspace writes sources.json (so the check above can fail).
  const clean = setup();
  const c = await start(clean.workspace, { citations: { style: 'pandoc' } });
  const cleanUri = pathToFileURL(path.join(clean.workspace, 'draft.md')).href;
  c.open(cleanUri, `The talks resumed.[@${key}]\n`);
  await c.diagnosticsNow(cleanUri);
  const written = await c.lsp.waitFor(
    () => existsSync(path.join(clean.workspace, 'sources.json')),
    (v) => v,
    5000,
  );
  assert.ok(written, 'a clean workspace gets its bibliography');
});

test('workspace boundary: include globs that climb out of the workspace or are absolute are not walked', { timeout: 60_000 }, async () => {
  const { workspace, outside } = setup();
  writeFileSync(path.join(outside, 'secret.txt'), 'Secret title\n\nThe secret is out.\n');
  const s = await start(workspace, {
    corpus: { include: ['../outside/**/*.txt', `${outside}/*.txt`, '/etc/host*', 'seeds/{..,x}/*.txt'] },
  });
  const status = await s.status();
  const leaked = s.lsp.logs.filter((l) => /secret\.txt|etc\/host(name|s|\.conf)/.test(l));
  console.log(`workspace boundary: 4 escaping include globs: ${JSON.stringify(status)}; log lines naming outside files: ${leaked.length}`);
  assert.deepEqual({ sources: status.sources, skipped: status.skipped }, { sources: 0, skipped: 0 });
  assert.deepEqual(leaked, []);
});
