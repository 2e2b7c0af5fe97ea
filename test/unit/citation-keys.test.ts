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
