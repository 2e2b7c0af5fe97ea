/**
 * The persisted index through the real server (dist/server.js), on the default store (the SQLite database, whose
 * native driver the build stages next to the bundle): without a storage folder it lives in `.sourced/` in the
 * workspace, a restart restores every file from it, and `sourced.index.persist: false` neither reads nor writes it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, utimesSync } from 'node:fs';
import * as path from 'node:path';
import { seedWorkspace, startServer, type LspSession } from '../helpers/lsp-client';

async function ready(session: LspSession): Promise<void> {
  await session.whenReady(20_000, (s) => s.sources === 5);
}

test('persisted index through the server: the database is written to .sourced/, restored on restart, off when persist is false', async () => {
  const workspace = seedWorkspace('sourced-persist-');
  const old = new Date(Date.now() - 3_600_000);
  for (const f of readdirSync(path.join(workspace, 'seeds'))) utimesSync(path.join(workspace, 'seeds', f), old, old);

  const first = await startServer({ workspace });
  await ready(first);
  await first.waitFor(
    () => first.logs.some((l) => l.includes('saved the index database')),
    (v) => v,
    20_000,
  );
  await first.close();
  const dir = path.join(workspace, '.sourced');
  assert.ok(
    readdirSync(dir).some((f) => /^index-v\d+\.sqlite$/.test(f)),
    'the database is in .sourced/',
  );
  assert.ok(!readdirSync(dir).some((f) => f.endsWith('.bin')), 'no snapshot beside it');
  assert.ok(!first.logs.some((l) => l.includes('index database is not used')), first.logs.join('\n'));
  assert.ok(existsSync(path.join(dir, '.gitignore')));

  const second = await startServer({ workspace });
  await ready(second);
  await second.waitFor(
    () => second.logs.some((l) => l.includes('5 of 5 files unchanged')),
    (v) => v,
    20_000,
  );
  assert.ok(
    second.logs.some((l) => l.includes('index database: 5 of 5 files unchanged, 0 analysed')),
    second.logs.join('\n'),
  );
  await second.close();

  const off = await startServer({ workspace, settings: { index: { persist: false } } });
  await ready(off);
  assert.ok(
    !off.logs.some((l) => l.includes('persisted index') || l.includes('index database')),
    'persistence off: the cache is neither read nor written',
  );
  await off.close();
});
