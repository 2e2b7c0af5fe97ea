/**
 * The Node cache store stamps many files in one call (a second start checks every file): sizes and mtimes in the
 * order asked, null for a missing file and for a folder, each with the time just before its stat.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { NodeIndexCache } from '../../server/src/node/node-index-cache';

test('node cache store: stampAll gives each file its size and mtime in order, null for a missing file and a folder', async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'sourced-stamp-'));
  const when = new Date('2024-03-01T10:00:00Z');
  writeFileSync(path.join(root, 'a.txt'), 'abc');
  writeFileSync(path.join(root, 'b.txt'), 'hello');
  utimesSync(path.join(root, 'a.txt'), when, when);
  utimesSync(path.join(root, 'b.txt'), when, when);
  mkdirSync(path.join(root, 'folder.txt'));
  const cache = new NodeIndexCache({ storagePath: path.join(root, 'storage'), workspaceFolders: [root], buildId: 'test' });
  const uri = (name: string): string => pathToFileURL(path.join(root, name)).href;
  const before = Date.now();
  const stamps = await cache.stampAll([uri('b.txt'), uri('gone.txt'), uri('folder.txt'), uri('a.txt')]);
  const after = Date.now();
  assert.deepEqual(
    stamps.map((s) => s.stamp),
    [{ size: 5, mtimeMs: 1709287200000 }, null, null, { size: 3, mtimeMs: 1709287200000 }],
  );
  assert.ok(stamps.every((s) => s.stampedAt >= before && s.stampedAt <= after));
  rmSync(root, { recursive: true, force: true });
});
