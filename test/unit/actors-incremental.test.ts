/**
 * The actor index is incremental: after adding, changing or deleting one source in the BBC corpus (2,095
 * articles) the merged actors equal a fresh build's, whatever order the sources arrived in, and the first lookup
 * after a one-file change costs a small fraction of a full build.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { ActorIndex } from '../../server/src/store/memory/actors/actor-index';
import { analyzeSource } from '../../server/src/ingest/analyze-source';
import type { SourceUnit } from '../../server/src/store/memory/source-index';
import { BBC_DIR } from '../helpers/fixture';

interface Source {
  path: string;
  text: string;
}

function bbcCorpus(): Source[] {
  const out: Source[] = [];
  for (const section of readdirSync(BBC_DIR).sort()) {
    for (const f of readdirSync(path.join(BBC_DIR, section)).sort()) {
      out.push({ path: `bbc/${section}/${f}`, text: readFileSync(path.join(BBC_DIR, section, f), 'utf8') });
    }
  }
  return out;
}

const unitOf = (s: Source): SourceUnit => ({ ...analyzeSource(`file:///${s.path}`, s.path, s.text), sentenceIds: [] });

/** Everything a reader can see of the index, in a canonical order: actors, their details, and what every alias resolves to. */
function snapshot(index: ActorIndex): string[] {
  const lines: string[] = [`size ${index.size}`, `maxAliasWords ${index.maxAliasWords}`];
  const actors = [...index.all()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const a of actors) {
    const roles = a.roles.map((r) => `${r.title}|${r.affiliation ?? ''}|${r.units.length}|${r.newest ?? ''}`).sort();
    const apps = a.appearances.map((x) => `${x.unit.doc.uri}#${x.actor.name}`).join(',');
    lines.push(
      `${a.id} :: ${a.name} :: ${a.type} :: ${a.affiliation ?? ''} :: ${a.mentionCount} :: [${[...a.aliases].sort().join('; ')}] :: ${roles.join('; ')} :: ${apps}`,
    );
    for (const alias of [a.name, ...a.aliases]) {
      lines.push(`  ${alias} -> ${index.findByName(alias)?.id ?? '-'} / ${index.lookupForm(alias)?.id ?? '-'}`);
    }
  }
  return lines;
}

function fresh(units: SourceUnit[]): ActorIndex {
  const index = new ActorIndex();
  for (const u of units) index.unitAdded(u);
  return index;
}

/** The first differing line, for a readable failure. */
function assertSame(actual: string[], expected: string[], what: string): void {
  const n = Math.max(actual.length, expected.length);
  for (let i = 0; i < n; i++) {
    if (actual[i] !== expected[i])
      assert.fail(`${what}: first difference at line ${i}:\n  got      ${actual[i]}\n  expected ${expected[i]}`);
  }
}

/** A deterministic shuffle (seeded), so the test always sees the same orders. */
function shuffled<T>(xs: T[], seed: number): T[] {
  const out = xs.slice();
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const corpus = bbcCorpus();
const units = corpus.map(unitOf);

test('actors incremental: the merged index does not depend on the order sources arrive in', () => {
  const expected = snapshot(fresh(units));
  assert.ok(expected.length > 10_000, `the BBC corpus gives thousands of actors (${expected.length} lines)`);
  assertSame(snapshot(fresh(units.slice().reverse())), expected, 'reversed order');
  assertSame(snapshot(fresh(shuffled(units, 7))), expected, 'shuffled order');
  // Queried while sources arrive (each read merges what changed so far), then finished.
  const index = new ActorIndex();
  shuffled(units, 11).forEach((u, i) => {
    index.unitAdded(u);
    if (i % 97 === 0) index.findByName(u.actors.actors[0]?.name ?? 'x');
  });
  assertSame(snapshot(index), expected, 'queried while sources arrive');
  // Merged in slices of about 10 ms (as a full build would, between its own slices).
  const sliced = fresh(shuffled(units, 13));
  let slices = 0;
  let longest = 0;
  for (let done = false; !done; slices++) {
    const t = performance.now();
    done = sliced.settle(10);
    longest = Math.max(longest, performance.now() - t);
  }
  console.log(`actors incremental: merged in ${slices} slices of 10 ms budget, longest ${longest.toFixed(1)} ms`);
  assert.ok(slices > 1, 'a merge of the whole corpus takes more than one 10 ms slice');
  assertSame(snapshot(sliced), expected, 'merged in slices');
});

test('actors incremental: delete, re-add and change one source give what a fresh build gives; first lookup timed', () => {
  const index = fresh(units);
  const t0 = performance.now();
  index.findByName('x');
  const fullBuild = performance.now() - t0;
  // The sources with the most actors (the most merges to redo), and a spread of others.
  const byActors = units.map((u, i) => ({ i, n: u.actors.actors.length })).sort((a, b) => b.n - a.n || a.i - b.i);
  const picks = [...byActors.slice(0, 3).map((x) => x.i), 5, 400, 900, 1400, 2000];
  const timings: number[] = [];
  const timed = (name: string): void => {
    const t = performance.now();
    index.findByName(name);
    timings.push(performance.now() - t);
  };
  for (const i of picks) {
    const unit = units[i];
    const probe = unit.actors.actors[0]?.name ?? 'x';
    index.unitRemoved(unit);
    timed(probe);
    const without = units.filter((_, j) => j !== i);
    assertSame(snapshot(index), snapshot(fresh(without)), `after deleting ${corpus[i].path}`);

    index.unitAdded(unit);
    timed(probe);
    // Changed: the same file with a paragraph of another article appended (new names, new merges).
    const other = corpus[(i + 1000) % corpus.length];
    const changed = unitOf({ path: corpus[i].path, text: `${corpus[i].text}\n\n${other.text.split('\n').slice(2).join('\n')}` });
    index.unitRemoved(unit);
    index.unitAdded(changed);
    timed(probe);
    assertSame(snapshot(index), snapshot(fresh([...without, changed])), `after changing ${corpus[i].path}`);
    index.unitRemoved(changed);
    index.unitAdded(unit);
  }
  assertSame(snapshot(index), snapshot(fresh(units)), 'after every change was undone');
  timings.sort((a, b) => a - b);
  const median = timings[Math.floor(timings.length / 2)];
  const max = timings[timings.length - 1];
  console.log(
    `actors incremental: ${units.length} sources, ${index.size} actors; full build + first lookup ${fullBuild.toFixed(1)} ms; ` +
      `first lookup after a one-file change: median ${median.toFixed(2)} ms, max ${max.toFixed(2)} ms (${timings.length} changes)`,
  );
  // The median, not the max: one garbage-collection pause on a loaded machine must not fail the test.
  assert.ok(
    median < fullBuild / 10,
    `first lookup after a change (median ${median.toFixed(1)} ms) is far below a full build (${fullBuild.toFixed(1)} ms)`,
  );
});
