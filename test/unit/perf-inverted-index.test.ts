/**
 * The sentence index's fast paths (top-k heap search, merge intersection, export/load for the persisted
 * index) must rank exactly like a naive BM25 written out here, through adds, removes and compaction.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InvertedIndex } from '../../server/src/store/memory/inverted-index';

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Plain BM25 over the live documents, sorted by score then id. */
function naive(
  docs: Map<number, string[]>,
  query: string[],
  limit: number,
  accept?: (id: number) => boolean,
): { id: number; score: number }[] {
  const n = docs.size;
  const avg = [...docs.values()].reduce((a, d) => a + d.length, 0) / n || 1;
  const scores = new Map<number, number>();
  for (const term of new Set(query)) {
    const df = [...docs.values()].filter((d) => d.includes(term)).length;
    if (!df) continue;
    const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    for (const [id, d] of docs) {
      const tf = d.filter((t) => t === term).length;
      if (!tf) continue;
      const norm = tf + 1.2 * (1 - 0.75 + (0.75 * d.length) / avg);
      scores.set(id, (scores.get(id) ?? 0) + (idf * tf * 2.2) / norm);
    }
  }
  return [...scores]
    .filter(([id]) => !accept || accept(id))
    .map(([id, score]) => ({ id, score }))
    .sort((a, b) => b.score - a.score || a.id - b.id)
    .slice(0, limit);
}

function close(a: { id: number; score: number }[], b: { id: number; score: number }[]): void {
  assert.deepEqual(
    a.map((x) => x.id),
    b.map((x) => x.id),
  );
  a.forEach((x, i) => assert.ok(Math.abs(x.score - b[i].score) < 1e-9));
}

test('inverted index: search and intersection match a naive BM25 through adds, removes, compaction and export/load', () => {
  const r = rng(7);
  const vocab = Array.from({ length: 60 }, (_, i) => `t${i}`);
  const word = (): string => vocab[Math.floor(r() ** 2 * vocab.length)];
  const index = new InvertedIndex();
  const docs = new Map<number, string[]>();
  for (let i = 0; i < 30_000; i++) {
    // Mostly sentence-sized units, some long ones (counted with a Map rather than in place).
    const d = Array.from({ length: r() < 0.05 ? 33 + Math.floor(r() * 40) : 3 + Math.floor(r() * 12) }, word);
    docs.set(index.add(d), d);
  }
  const fresh = ['t0', 't3', 't17'];
  close(index.search(fresh, 25), naive(docs, fresh, 25));
  // Remove enough to trigger a compaction (more than 10,000 and a quarter of the live units); later removals
  // stay tombstones, which document frequencies must not count.
  for (const id of [...docs.keys()]) {
    if (r() < 0.35) {
      index.remove(id);
      docs.delete(id);
    }
  }
  for (let i = 0; i < 500; i++) {
    const d = Array.from({ length: 4 }, word);
    docs.set(index.add(d), d);
  }
  const loaded = new InvertedIndex();
  loaded.loadState(index.exportState());
  assert.equal(loaded.size, docs.size);
  for (let q = 0; q < 40; q++) {
    const query = Array.from({ length: 1 + Math.floor(r() * 4) }, word);
    const limit = 1 + Math.floor(r() * 30);
    const even = (id: number): boolean => id % 2 === 0;
    const expected = naive(docs, query, limit);
    close(index.search(query, limit), expected);
    close(loaded.search(query, limit), expected);
    close(loaded.search(query, limit, even), naive(docs, query, limit, even));
    const byId = (a: number, b: number): number => a - b;
    assert.deepEqual(
      index
        .search(query, 1e9)
        .map((x) => x.id)
        .sort(byId),
      naive(docs, query, 1e9)
        .map((x) => x.id)
        .sort(byId),
      'the same live units match',
    );
    const all = [...docs]
      .filter(([, d]) => new Set(query).size === [...new Set(query)].filter((t) => d.includes(t)).length)
      .map(([id]) => id)
      .sort((a, b) => a - b);
    assert.deepEqual(index.unitsWithAll(query), all);
    assert.deepEqual(loaded.unitsWithAll(query, 5), all.slice(0, 5));
  }
  // A loaded index keeps growing correctly.
  const extra = ['t1', 't1', 'zzz'];
  docs.set(loaded.add(extra), extra);
  close(loaded.search(['zzz', 't1'], 10), naive(docs, ['zzz', 't1'], 10));
});

test('inverted index: memoised searches are dropped when the index changes; filters on a memo stay exact', () => {
  const index = new InvertedIndex();
  const docs = new Map<number, string[]>();
  for (let i = 0; i < 300; i++) {
    const d = [`w${i % 7}`, `w${i % 11}`, 'common'];
    docs.set(index.add(d), d);
  }
  const first = index.search(['w3', 'common'], 5);
  assert.deepEqual(index.search(['common', 'w3'], 5), first, 'same terms in another order: same answer');
  index.remove(first[0].id);
  docs.delete(first[0].id);
  const after = index.search(['w3', 'common'], 5);
  assert.ok(!after.some((h) => h.id === first[0].id), 'a removed unit is not served from the memo');
  close(after, naive(docs, ['w3', 'common'], 5));
  // A filter that rejects almost everything forces the full search past the memoised top list.
  const rare = (id: number): boolean => id % 97 === 5;
  close(index.search(['common'], 3, rare), naive(docs, ['common'], 3, rare));
  const added = ['w3', 'w3', 'common'];
  docs.set(index.add(added), added);
  close(index.search(['w3', 'common'], 5), naive(docs, ['w3', 'common'], 5));
});

test('inverted index: pruned scoring of common terms (scan and binary search) ranks exactly like the naive BM25', () => {
  const index = new InvertedIndex();
  const docs = new Map<number, string[]>();
  for (let i = 0; i < 20_000; i++) {
    const d = ['common', `filler${i % 50}`];
    if (i % 200 === 7) d.push('mid');
    if (i % 700 === 3) d.push('rare', 'rare');
    if (i % 650 === 1) d.push('rare');
    if (i % 3 === 0) d.push('common');
    docs.set(index.add(d), d);
  }
  for (const [query, limit] of [
    [['rare', 'common'], 5],
    [['rare', 'mid'], 3],
    [['rare', 'mid', 'common'], 10],
    [['common', 'rare'], 40],
  ] as const) {
    close(index.search([...query], limit), naive(docs, [...query], limit));
  }
});

test('inverted index: block-max windows and seeding rank exactly like the naive BM25 and term-at-a-time, ties included', () => {
  const r = rng(11);
  // A Zipf-like vocabulary over 30,000 units (two windows; the next test has many): common terms span every window, rare ones a few; duplicated units
  // make exact ties (which must fall back to the lower id); long units and tf > 1 widen the block bounds.
  const vocab = Array.from({ length: 400 }, (_, i) => `w${i}`);
  const word = (): string => vocab[Math.floor(r() ** 3 * vocab.length)];
  const blockMax = new InvertedIndex();
  const termAtATime = new InvertedIndex({ blockMax: false });
  const docs = new Map<number, string[]>();
  let previous: string[] = ['w1'];
  for (let i = 0; i < 30_000; i++) {
    const d = r() < 0.02 ? previous : Array.from({ length: r() < 0.03 ? 40 + Math.floor(r() * 30) : 2 + Math.floor(r() * 14) }, word);
    const id = blockMax.add(d);
    assert.equal(termAtATime.add(d), id);
    docs.set(id, d);
    previous = d;
  }
  const check = (label: string): void => {
    for (let q = 0; q < 30; q++) {
      const query = Array.from({ length: 1 + Math.floor(r() * 12) }, word);
      const limit = [1, 3, 12, 24, 100][q % 5];
      const expected = naive(docs, query, limit);
      const got = blockMax.search(query, limit);
      close(got, expected);
      assert.deepEqual(got, termAtATime.search(query, limit), `${label}: same ids and the very same float scores`);
      // A selective filter: too few accepted units in the memoised top list, so the filtered search runs in full.
      const accept = (id: number): boolean => id % 7 === q % 7;
      const filtered = blockMax.search(query, limit, accept);
      close(filtered, naive(docs, query, limit, accept));
      assert.deepEqual(filtered, termAtATime.search(query, limit, accept), `${label}: filtered, as term-at-a-time`);
    }
    // A query of duplicated units: the seeded threshold equals the best score, so almost every window is skipped.
    const dup = [...docs.values()].find((d, i, all) => i > 0 && all[i - 1] === d)!;
    close(blockMax.search(dup, 5), naive(docs, dup, 5));
  };
  check('fresh');
  // Tombstones (dead units inside blocks), then a compaction, then growth past the summarised blocks.
  for (const id of [...docs.keys()]) {
    if (r() < 0.1) {
      blockMax.remove(id);
      termAtATime.remove(id);
      docs.delete(id);
    }
  }
  check('with tombstones');
  for (const id of [...docs.keys()]) {
    if (r() < 0.3) {
      blockMax.remove(id);
      termAtATime.remove(id);
      docs.delete(id);
    }
  }
  for (let i = 0; i < 3000; i++) {
    const d = Array.from({ length: 3 + Math.floor(r() * 8) }, word);
    docs.set(blockMax.add(d), d);
    termAtATime.add(d);
  }
  check('after compaction and growth');
  const loaded = new InvertedIndex();
  loaded.loadState(blockMax.exportState());
  const query = ['w0', 'w5', 'w50', 'w300'];
  close(loaded.search(query, 24), naive(docs, query, 24));
});

test('inverted index: block-max over many windows (skipped windows, walked and probed terms, seeds from short lists) ranks like the naive BM25', () => {
  const r = rng(23);
  // 120,000 units (8 windows of 16,384 ids). 'every3' and 'every40' are long lists: beside a rare term they are not
  // essential, and are probed (many postings per candidate) or walked (few). 'rareN' terms sit in a dozen units each,
  // some with tf 2; 'pair' marks units holding two rare terms, whose scores end up as the threshold.
  const index = new InvertedIndex();
  const docs = new Map<number, string[]>();
  for (let i = 0; i < 120_000; i++) {
    const d = [`f${i % 97}`, `g${i % 89}`];
    if (i % 3 === 0) d.push('every3');
    if (i % 40 === 1) d.push('every40');
    if (i % 16_411 === 5) d.push('rare1', 'rare2');
    if (i % 9_973 === 11) d.push('rare1');
    if (i % 19_997 === 17) d.push('rare2', 'rare2');
    if (i % 7_919 === 2) d.push('rare3');
    for (let k = Math.floor(r() * 4); k > 0; k--) d.push(`pad${k}`);
    docs.set(index.add(d), d);
  }
  const queries: [string[], number][] = [
    [['rare1', 'every3'], 1],
    [['rare1', 'every3'], 24],
    [['rare1', 'rare2', 'every40', 'every3'], 3],
    [['rare1', 'rare2', 'every40', 'every3'], 24],
    [['rare3', 'every40'], 12],
    [['rare2', 'rare3', 'every3', 'f5'], 24],
    [['every40', 'every3'], 5],
    [['rare1', 'rare2', 'rare3'], 40],
  ];
  for (const [query, limit] of queries) close(index.search(query, limit), naive(docs, query, limit));
  // Filtered (the threshold is that of accepted units) and after tombstones.
  for (const [query, limit] of queries) {
    const accept = (id: number): boolean => id % 5 !== 0;
    close(index.search(query, limit, accept), naive(docs, query, limit, accept));
  }
  for (const id of [...docs.keys()]) {
    if (id % 11 === 0) {
      index.remove(id);
      docs.delete(id);
    }
  }
  for (const [query, limit] of queries) close(index.search(query, limit), naive(docs, query, limit));
});
