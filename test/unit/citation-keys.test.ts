import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseCitationKey, CitationKeyRegistry } from '../../server/src/store/memory/citation-keys';

test('citation keys: three significant title words and the year', () => {
  const table: [string, number | null, string][] = [
    ['Iran and Turkey warn about the crisis', 2024, 'iran-turkey-warn-2024'],
    ['The Minister\u2019s visit to the capital', null, 'minister-visit-capital'],
    ['\u00c9lections: r\u00e9sultats d\u00e9finitifs', 2020, 'elections-resultats-definitifs-2020'],
    ['', 2020, 'report-2020'],
  ];
  for (const [title, year, expected] of table) {
    assert.equal(baseCitationKey({ title, year, path: 'dir/report.txt' }), expected, title);
  }
});

test('citation keys: collisions get -2, -3 by path order, stable whatever the order of adding', () => {
  const a = new CitationKeyRegistry();
  a.add('b.txt', 'k');
  a.add('a.txt', 'k');
  a.add('c.txt', 'k');
  const b = new CitationKeyRegistry();
  b.add('c.txt', 'k');
  b.add('a.txt', 'k');
  b.add('b.txt', 'k');
  for (const r of [a, b]) {
    assert.equal(r.keyOf('a.txt'), 'k');
    assert.equal(r.keyOf('b.txt'), 'k-2');
    assert.equal(r.keyOf('c.txt'), 'k-3');
  }
  a.remove('a.txt');
  assert.equal(a.keyOf('b.txt'), 'k');
  assert.equal(a.keyOf('a.txt'), undefined);
});

test('citation keys: add and remove name exactly the paths whose key changed', () => {
  const r = new CitationKeyRegistry();
  const table: [op: 'add' | 'remove', path: string, base: string, changed: string[]][] = [
    ['add', 'b.txt', 'k', ['b.txt']],
    ['add', 'd.txt', 'k', ['d.txt']],
    ['add', 'a.txt', 'k', ['a.txt', 'b.txt', 'd.txt']],
    ['add', 'c.txt', 'k', ['c.txt', 'd.txt']],
    ['remove', 'b.txt', 'k', ['c.txt', 'd.txt']],
    // Moving a path to another base: it and the paths after it under the old base change.
    ['add', 'a.txt', 'other', ['c.txt', 'd.txt', 'a.txt']],
    ['remove', 'zzz.txt', 'k', []],
  ];
  for (const [op, path, base, changed] of table) {
    assert.deepEqual(op === 'add' ? r.add(path, base) : r.remove(path), changed, `${op} ${path}`);
  }
  assert.deepEqual(
    ['a.txt', 'c.txt', 'd.txt', 'b.txt'].map((p) => r.keyOf(p)),
    ['other', 'k', 'k-2', undefined],
  );
});

test('citation keys: many sources with one title stay n log n (a guard against quadratic registration)', () => {
  const n = 200_000;
  const paths = Array.from({ length: n }, (_, i) => `press/release-${String(i).padStart(6, '0')}.txt`);
  const r = new CitationKeyRegistry();
  const started = process.hrtime.bigint();
  for (const p of paths) assert.deepEqual(r.add(p, 'press-release'), [p]);
  const last = r.keyOf(paths[n - 1]);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  assert.equal(last, `press-release-${n}`);
  // Quadratic registration (a sort or a scan of the group per add) takes minutes here; linear work well under a second.
  assert.ok(ms < 10_000, `${Math.round(ms)} ms for ${n} sources under one base key`);
});
