import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeSource } from '../../server/src/service/sources/decode-source';

// Replaced by the reliability suite; keeps the script runnable meanwhile.
test('reliability: an empty file is skipped with a reason', () => {
  const r = decodeSource(new Uint8Array(0), 10);
  assert.equal(r.ok, false);
});
