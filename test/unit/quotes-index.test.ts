/** The quote index follows sources as they come and go, and narrows candidates without scanning. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createKnowledge } from '../../server/src/store/memory/knowledge';
import { rankQuotes } from '../../server/src/features/quotes/rank-quotes';
import { analyzeSource } from '../../server/src/ingest/analyze-source';

const A = 'Harbour plan approved\n\n"The new quay will open to ships next spring," said Mayor Ines Duarte.\n';
const B = 'Harbour plan criticised\n\n"It would be a waste of public money," Councillor Karl Weiss said.\n';

test('quote index: a source added, changed and removed updates search and openings', () => {
  const k = createKnowledge();
  k.sources.add(analyzeSource('file:///a.txt', 'a.txt', A));
  k.sources.add(analyzeSource('file:///b.txt', 'b.txt', B));
  assert.equal(k.quotes.size, 2);
  const find = (typed: string): string[] => rankQuotes(k, typed, { limit: 5, minWords: 4 }).map((r) => r.quote.text);
  assert.deepEqual(find('quay will open'), ['The new quay will open to ships next spring']);
  assert.deepEqual(
    find('It would be a'),
    ['It would be a waste of public money'],
    'an opening of function words is found by its first words',
  );
  assert.deepEqual(find('weiss waste'), ['It would be a waste of public money'], 'the speaker name is searchable');

  k.sources.add(analyzeSource('file:///b.txt', 'b.txt', B.replace('a waste of public money', 'money well spent on the town')));
  assert.equal(k.quotes.size, 2);
  assert.deepEqual(find('It would be mon'), ['It would be money well spent on the town']);
  assert.deepEqual(find('waste of public'), []);

  k.sources.remove('file:///b.txt');
  assert.equal(k.quotes.size, 1);
  assert.deepEqual(find('It would be'), []);
  assert.deepEqual(find('quay will open'), ['The new quay will open to ships next spring']);
});
