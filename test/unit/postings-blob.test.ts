/**
 * The saved postings blob: its arrays come back equal and as views at aligned offsets (from an unaligned read
 * too), and a value saved in the older msgpack layout is told apart from it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pack } from 'msgpackr';
import { decodePostings, encodePostings, isPostingsBlob } from '../../server/src/store/sqlite/postings-blob';

const STATE = {
  terms: ['harbour', 'réouverture', 'x'],
  offsets: Uint32Array.from([0, 2, 3, 6]),
  ids: Uint32Array.from([1, 4, 2, 0, 3, 4]),
  tfs: Uint16Array.from([1, 2, 3, 1, 1, 7]),
  lengths: Uint16Array.from([3, 2, 0, 5, 1]),
  alive: Uint8Array.from([1, 1, 0, 1, 1]),
};

const plain = (s: ReturnType<typeof decodePostings>): unknown[] => [
  s.terms,
  [...s.offsets],
  [...s.ids],
  [...s.tfs],
  [...s.lengths],
  [...s.alive],
];

test('postings blob: the arrays come back equal, as views of the blob', () => {
  const blob = encodePostings(STATE);
  assert.equal(isPostingsBlob(blob), true);
  const back = decodePostings(blob);
  assert.deepEqual(plain(back), [
    ['harbour', 'réouverture', 'x'],
    [0, 2, 3, 6],
    [1, 4, 2, 0, 3, 4],
    [1, 2, 3, 1, 1, 7],
    [3, 2, 0, 5, 1],
    [1, 1, 0, 1, 1],
  ]);
  assert.equal(back.ids.buffer, blob.buffer, 'no copy');
});

test('postings blob: read at an odd offset, it is copied once and reads the same', () => {
  const blob = encodePostings(STATE);
  const shifted = new Uint8Array(blob.byteLength + 1);
  shifted.set(blob, 1);
  const back = decodePostings(shifted.subarray(1));
  assert.deepEqual(plain(back), plain(decodePostings(blob)));
});

test('postings blob: the older msgpack value and short values are not taken for it', () => {
  assert.equal(isPostingsBlob(pack(STATE)), false);
  assert.equal(isPostingsBlob(Uint8Array.from([0x53, 0x52])), false);
});
