/**
 * Citation keys re-assigned incrementally (only the paths whose rank changes) stay identical to a fresh build:
 * sources sharing a base key, added out of order, removed from the middle and re-added.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSource } from '../../server/src/ingest/source/parse-source';
import { SourceIndex } from '../../server/src/store/memory/source-index';

const analysis = (path: string, title = 'Harbour reopens after storm') => ({
  doc: parseSource(`file:///w/${path}`, path, `${title}\n\nThe harbour reopened on Tuesday.\n`),
  actors: { actors: [] },
  quotes: [],
});

function keys(index: SourceIndex): string[] {
  return [...index.all()].map((u) => `${index.keyOf(u)}=${u.doc.path}@${index.byKey(index.keyOf(u))?.doc.path}`).sort();
}

test('source index: incremental citation keys equal a fresh build after out-of-order adds and removals', () => {
  const paths = ['c.txt', 'a.txt', 'e.txt', 'b.txt', 'd.txt', 'f.txt'];
  const live = new SourceIndex();
  for (const p of paths) live.add(analysis(p));
  live.add(analysis('x.txt', 'Another story entirely'));
  live.remove('file:///w/b.txt');
  live.remove('file:///w/a.txt');
  live.add(analysis('b.txt'));
  live.add(analysis('d.txt', 'Harbour reopens after storm')); // re-added in place
  const fresh = new SourceIndex();
  for (const p of ['b.txt', 'c.txt', 'd.txt', 'e.txt', 'f.txt'].sort()) fresh.add(analysis(p));
  fresh.add(analysis('x.txt', 'Another story entirely'));
  assert.deepEqual(keys(live), keys(fresh));
  // Every key resolves to its own source.
  for (const line of keys(live)) {
    const [, rest] = line.split('=');
    const [own, resolved] = rest.split('@');
    assert.equal(resolved, own);
  }
});
