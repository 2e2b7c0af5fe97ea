/**
 * After any sequence of created/changed/deleted sources, the live index must answer like a fresh build of the
 * files that remain: same counts, same diagnostics for a draft. Seeded, through the service (deterministic).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness, seedFiles, type Harness } from '../helpers/fixture';
import { fuzzSeed, Rng } from './helpers/rng';
import { withoutVersion } from './helpers/checks';

const flush = (): Promise<void> => new Promise((r) => setTimeout(r, 5));

test('index consistency: a churned index equals a fresh build of the remaining files', { timeout: 60_000 }, async () => {
  const seed = fuzzSeed();
  console.log(`index consistency seed ${seed} (replay with SOURCED_FUZZ_SEED=${seed})`);
  const rng = new Rng(seed);
  const seeds = seedFiles();
  const live = harness(seeds);
  const h = await live;
  // Seed paragraphs plus sentences sharing terms with the churned files, so their (removed) postings matter to scores.
  const draftText = [
    ...Object.values(seeds).map((t) => t.split('\n\n').slice(1, 4).join('\n\n')),
    'The council said the quay would reopen in June, officials told reporters on Tuesday.',
    'Turkey and Iran met on Tuesday and officials told reporters the council spent millions.',
  ].join('\n\n');
  const people = ['Maria Lopes', 'Council President Tiago Rocha', 'Mayor Ines Faria', 'the port authority', 'Minister Paulo Reis'];
  const present = new Map<string, string>();
  let ops = 0;
  for (let step = 0; step < 200; step++) {
    const i = rng.int(20);
    const p = `live/live-${i}.txt`;
    if (!present.has(p) || rng.chance(0.5)) {
      const who = rng.pick(people);
      const text = `Live source ${i} ${step}\n\ndate 2024-05-0${1 + (i % 9)} PORTO: ${who} said "the quay will reopen in June, and ${step} ships will call" on Tuesday.\n\nThe council spent ${i * 3} million euros, officials told reporters.\n`;
      h.corpus.set(p, text);
      present.set(p, text);
    } else {
      h.corpus.delete(p);
      present.delete(p);
    }
    ops++;
    if (rng.chance(0.3)) await flush();
  }
  await flush();
  const fresh = await harness({ ...seeds, ...Object.fromEntries(present) });
  await compare(h, fresh, draftText, `${ops} source operations, ${present.size} live files left`);
  for (const p of present.keys()) h.corpus.delete(p);
  await flush();
  await compare(h, await harness(seeds), draftText, 'then every live file deleted');
});

async function compare(h: Harness, fresh: Harness, draftText: string, what: string): Promise<void> {
  const a = h.service.status();
  const b = fresh.service.status();
  const draftA = h.draft(draftText);
  const draftB = fresh.draft(draftText);
  const [da, db] = await Promise.all([h.service.diagnostics(draftA), fresh.service.diagnostics(draftB)]);
  console.log(
    `index consistency: ${what}; churned ${JSON.stringify(a)} vs fresh ${JSON.stringify(b)}; ${da.length} vs ${db.length} diagnostics`,
  );
  assert.deepEqual(
    { sources: a.sources, quotes: a.quotes, skipped: a.skipped },
    { sources: b.sources, quotes: b.quotes, skipped: b.skipped },
  );
  assert.deepEqual(da.map(withoutVersion), db.map(withoutVersion), "diagnostics equal a fresh build's");
  assert.equal(a.actors, b.actors, "actor count equals a fresh build's");
}

test('index consistency: sourced/status counts the same actors before and after the first actor query', async () => {
  const h = await harness();
  const before = h.service.status().actors;
  await h.service.listActors('');
  const after = h.service.status().actors;
  console.log(`index consistency: actors in status before a query ${before}, after ${after}`);
  assert.equal(before, after);
});

test('index consistency: BM25 scores after removals equal a fresh index of the remaining units', async () => {
  const { InvertedIndex } = await import('../../server/src/store/memory/inverted-index');
  const rng = new Rng(fuzzSeed());
  const vocab = ['quay', 'council', 'reopen', 'june', 'minister', 'talks', 'port', 'ships', 'euros', 'tuesday'];
  const units = Array.from({ length: 300 }, () => Array.from({ length: 3 + rng.int(12) }, () => rng.pick(vocab)));
  const churned = new InvertedIndex();
  const ids = units.map((u) => churned.add(u));
  const removed = new Set<number>();
  for (let i = 0; i < 120; i++) {
    const k = rng.int(units.length);
    if (!removed.has(k)) {
      churned.remove(ids[k]);
      removed.add(k);
    }
  }
  const fresh = new InvertedIndex();
  const freshIdOf = new Map<number, number>();
  units.forEach((u, k) => {
    if (!removed.has(k)) freshIdOf.set(ids[k], fresh.add(u));
  });
  let compared = 0;
  for (let q = 0; q < 50; q++) {
    const query = Array.from({ length: 1 + rng.int(3) }, () => rng.pick(vocab));
    const a = new Map(churned.search(query, 1000).map((r) => [freshIdOf.get(r.id)!, r.score]));
    const b = new Map(fresh.search(query, 1000).map((r) => [r.id, r.score]));
    assert.equal(a.size, b.size);
    for (const [id, score] of b) {
      assert.ok(
        Math.abs((a.get(id) ?? -1) - score) < 1e-9,
        `query ${query.join(' ')}: unit ${id} scores ${a.get(id)} after removals, ${score} fresh`,
      );
      compared++;
    }
    for (const t of query) assert.equal(churned.docFreq(t), fresh.docFreq(t), `docFreq(${t})`);
  }
  console.log(
    `index consistency: ${removed.size} of ${units.length} units removed; ${compared} scores compared with a fresh index over 50 queries`,
  );
});
