import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_CONFIG, resolveConfig } from '../../server/src/domain/config';

test('config: defaults for missing or invalid values, given values kept', () => {
  assert.deepEqual(resolveConfig(undefined), DEFAULT_CONFIG);
  assert.deepEqual(resolveConfig('nonsense'), DEFAULT_CONFIG);
  const c = resolveConfig({
    corpus: { include: ['src/**/*.txt'], maxFileSizeKb: -5 },
    citations: { style: 'pandoc', bibliography: '' },
    claims: { severity: 'loud', citationScope: 'paragraph' },
  });
  assert.deepEqual(c.corpus.include, ['src/**/*.txt']);
  assert.equal(c.corpus.maxFileSizeKb, 1, 'clamped to the minimum');
  assert.equal(c.citations.style, 'pandoc');
  assert.equal(c.citations.bibliography, 'sources.json', 'empty bibliography path falls back');
  assert.equal(c.claims.severity, 'warning', 'unknown severity falls back');
  assert.equal(c.claims.citationScope, 'paragraph');
});
