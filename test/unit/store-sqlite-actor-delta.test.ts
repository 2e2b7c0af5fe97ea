/**
 * The SQLite store's actor tables after a start are updated change by change (`store/sqlite/actor-delta.ts`):
 * after every step of a sequence of additions, changes and removals, on a reopened store, every actor, card,
 * lookup, co-mention and canonical actor equals what a store built from scratch on the same sources answers,
 * and so does the store reopened after a save. The steps merge and split clusters: an acronym joining its full
 * name and leaving it when the defining source changes, a surname joining its person and splitting when a
 * second person shares it, a shorter name joining a longer one, a removed source breaking a merge. On the BBC
 * sample (2,095 articles: enough first names for the first-name rule) sources removed and cut change the
 * first-name tallies too.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { openSqliteDatabase } from '../../server/src/node/sqlite-database';
import { analyzeSource } from '../../server/src/ingest/analyze-source';
import { SqliteStore } from '../../server/src/store/sqlite/sqlite-store';
import { BBC_DIR, seedFiles } from '../helpers/fixture';

type Analysis = ReturnType<typeof analyzeSource>;

/** Invented sources, by name; `authority-plain` is `authority` without the acronym's definition. */
const TEXTS: Record<string, string> = {
  authority: `Harbour talks stall\n\nThe Northwind Maritime Authority (NMA) said on Monday that the ferry talks had stalled. "We will not sign this," said Doris Velland, the chief executive of the authority. Velland added that the port would stay open.`,
  'authority-plain': `Harbour talks stall\n\nThe Northwind Maritime Authority said on Monday that the ferry talks had stalled. "We will not sign this," said Doris Velland, the chief executive of the authority.`,
  fares: `Ferry fares rise\n\nThe NMA raised fares again on Tuesday. "It is a hard choice," Ms Velland said in a statement. Critics said the rise was unfair.`,
  nets: `Nets left ashore\n\nIvo Velland, a fisherman from the north shore, said the nets had been left ashore. "Nobody told us," Ivo Velland said.`,
  pilots: `Pilots warn\n\nAnna Maria Korhonen, the harbour master, said the pilots had warned of fog. "We saw this coming," Anna Maria Korhonen said.`,
  market: `Market day\n\nThe stall was run by Quillon Brask on Saturday. Buyers came early and left late.`,
  catch: `Harbour notes\n\nFisherman Quillon Hadd said the catch was good. "We did well," Quillon Hadd said.`,
  fog: `Fog delays\n\nMaria Korhonen said the fog would lift by noon. "Be patient," Maria Korhonen told passengers.`,
};

/** The analysis of an invented source; `authority-plain` replaces `authority` under the same URI. */
function invented(name: string): Analysis {
  const file = name === 'authority-plain' ? 'authority' : name;
  return analyzeSource(`file:///ws/harbour/${file}.txt`, `harbour/${file}.txt`, TEXTS[name]);
}

const seeds = (): Analysis[] => Object.entries(seedFiles()).map(([rel, text]) => analyzeSource('file:///ws/' + rel, rel, text));

/** Every actor with what a hover card and a lookup show of it, sorted, and the store's counts. */
function actorAnswersOf(store: SqliteStore): string[] {
  const lines = [...store.actors.all()].map((a) => {
    const roles = a.roles.map((r) => `${r.title}/${r.affiliation ?? ''}/${r.units.length}`).join(';');
    const cards = a.appearances.map((x) => `${x.unit.doc.uri}:${x.actor.mentions.length}`).join(',');
    const co = store.actors
      .coMentioned(a, 5)
      .map((c) => `${c.actor.id}:${c.count}`)
      .join(',');
    const found = [a.name, ...a.aliases].map((f) => `${store.actors.findByName(f)?.id}/${store.actors.lookupForm(f)?.id}`).join(',');
    return `${a.id}|${a.name}|${a.type}|${a.mentionCount}|${a.aliases.join(',')}|${a.affiliation ?? ''}|${store.actors.byId(a.id)?.name}|${found}|${cards}|${roles}|${co}`;
  });
  return [`size ${store.actors.size}`, `words ${store.actors.maxAliasWords}`, ...lines.sort()];
}

/** The canonical actor of every document actor of every source. */
function canonicalOf(store: SqliteStore): string[] {
  return [...store.sources.all()]
    .flatMap((u) => u.actors.actors.map((d, i) => `${u.doc.uri}#${i}:${d.name}→${store.actors.canonical(u, i)?.id}`))
    .sort();
}

/** What a store built from scratch on `sources` answers. */
function fromScratch(root: string, sources: Iterable<Analysis>): { actors: string[]; canonical: string[] } {
  const file = path.join(root, `fresh-${Math.random().toString(36).slice(2)}.sqlite`);
  const fresh = new SqliteStore(openSqliteDatabase(file), 'build');
  for (const a of sources) fresh.put(a, null);
  const out = { actors: actorAnswersOf(fresh), canonical: canonicalOf(fresh) };
  fresh.close();
  return out;
}

/** One step: a source added or changed (by name), or removed (`-name`); `save` saves, closes and reopens. */
type Step = { step: string; expect: RegExp[] };

/** The id of the actor a form resolves to, as a line of the answers shows it. */
const STEPS: Step[] = [
  // The acronym joins its full name; the surname joins its person (one person has it).
  { step: 'fares', expect: [/^northwind maritime authority\|[^|]*\|organisation\|[^|]*\|[^|]*NMA/m, /^doris velland\|[^\n]*fares\.txt/m] },
  // A second person with the surname: it no longer joins either.
  { step: 'nets', expect: [/^velland\|/m, /^ivo velland\|/m] },
  // The shorter name joins the longer one.
  { step: 'fog', expect: [/^anna maria korhonen\|[^\n]*fog\.txt/m] },
  { step: 'save', expect: [] },
  // The second person gone: the surname joins its person again.
  { step: '-nets', expect: [/^doris velland\|[^\n]*fares\.txt/m] },
  // The defining source changed: the acronym stands alone.
  { step: 'authority-plain', expect: [/^nma\|/m] },
  // The longer name's source removed: the merge breaks.
  { step: '-pilots', expect: [/^maria korhonen\|/m] },
  { step: 'save', expect: [] },
  { step: 'authority', expect: [/^northwind maritime authority\|[^|]*\|organisation\|[^|]*\|[^|]*NMA/m] },
  { step: 'pilots', expect: [/^anna maria korhonen\|[^\n]*fog\.txt/m] },
  { step: 'nets', expect: [/^velland\|/m] },
  { step: '-fares', expect: [] },
  { step: 'save', expect: [] },
];

test('sqlite store: after a start, every change updates the actor tables to what a store built from scratch answers', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'sourced-actor-delta-'));
  const file = path.join(root, 'store.sqlite');
  const current = new Map<string, Analysis>();
  for (const a of [...seeds(), invented('authority'), invented('pilots')]) current.set(a.doc.uri, a);
  let store = new SqliteStore(openSqliteDatabase(file), 'build', 1);
  for (const a of current.values()) store.put(a, null);
  store.saveIndexes();
  store.close();
  store = new SqliteStore(openSqliteDatabase(file), 'build', 1);
  assert.ok(store.actors.fromTables, 'a second start answers from the tables');
  // One seed source removed first: a change to sources the tables were built with.
  const seed = [...current.values()][0];
  store.remove(seed.doc.uri);
  current.delete(seed.doc.uri);
  for (const { step, expect } of STEPS) {
    if (step === 'save') {
      store.saveIndexes();
      store.close();
      store = new SqliteStore(openSqliteDatabase(file), 'build', 1);
    } else if (step.startsWith('-')) {
      const uri = invented(step.slice(1)).doc.uri;
      assert.ok(store.remove(uri), `${step}: removed`);
      current.delete(uri);
    } else {
      const a = invented(step);
      store.put(a, null);
      current.set(a.doc.uri, a);
    }
    assert.ok(store.actors.fromTables, `${step}: the tables answer`);
    assert.equal(store.actors.memory, null, `${step}: no merge on the heap`);
    const expected = fromScratch(root, current.values());
    const actors = actorAnswersOf(store);
    assert.deepEqual(actors, expected.actors, `${step}: actors as built from scratch`);
    assert.deepEqual(canonicalOf(store), expected.canonical, `${step}: canonical actors as built from scratch`);
    for (const re of expect) assert.match(actors.join('\n'), re, `${step}: ${re}`);
  }
  store.close();
  rmSync(root, { recursive: true, force: true });
});

/** The BBC sample's articles, analysed, in path order. */
function bbc(): Analysis[] {
  const out: Analysis[] = [];
  for (const section of readdirSync(BBC_DIR).sort()) {
    for (const f of readdirSync(path.join(BBC_DIR, section)).sort()) {
      const rel = `bbc/${section}/${f}`;
      out.push(analyzeSource(`file:///ws/${rel}`, rel, readFileSync(path.join(BBC_DIR, section, f), 'utf8')));
    }
  }
  return out;
}

test('sqlite store: on a corpus that knows its first names, removed and cut sources update the tables as a build from scratch', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'sourced-actor-delta-bbc-'));
  const file = path.join(root, 'store.sqlite');
  // A name guessed to be a person's stays one only while its first word is someone's first name on evidence.
  const market = analyzeSource('file:///ws/harbour/market.txt', 'harbour/market.txt', TEXTS.market);
  const catchDay = analyzeSource('file:///ws/harbour/catch.txt', 'harbour/catch.txt', TEXTS.catch);
  const all = [...bbc(), market, catchDay];
  let store = new SqliteStore(openSqliteDatabase(file), 'build');
  for (const a of all) store.put(a, null);
  store.saveIndexes();
  store.close();
  store = new SqliteStore(openSqliteDatabase(file), 'build');
  const current = new Map(all.map((a) => [a.doc.uri, a]));
  // Every 300th article removed, every 300th from the 150th cut to its first third (fewer people, fewer names).
  for (let i = 0; i < all.length; i += 300) {
    store.remove(all[i].doc.uri);
    current.delete(all[i].doc.uri);
    const cut = all[i + 150];
    if (!cut) continue;
    const a = analyzeSource(cut.doc.uri, cut.doc.path, cut.doc.text.slice(0, Math.floor(cut.doc.text.length / 3)));
    store.put(a, null);
    current.set(a.doc.uri, a);
  }
  store.remove(catchDay.doc.uri);
  current.delete(catchDay.doc.uri);
  const fresh = new SqliteStore(openSqliteDatabase(path.join(root, 'fresh.sqlite')), 'build');
  for (const a of current.values()) fresh.put(a, null);
  const summary = (s: SqliteStore): string[] => [
    `size ${s.actors.size} words ${s.actors.maxAliasWords}`,
    ...[...s.actors.all()]
      .map(
        (a) =>
          `${a.id}|${a.name}|${a.type}|${a.mentionCount}|${a.aliases.join(',')}|${a.affiliation ?? ''}|${a.appearances.length}|${s.actors.findByName(a.name)?.id}`,
      )
      .sort(),
  ];
  const expected = summary(fresh);
  assert.ok(expected.length > 5000, 'thousands of actors');
  assert.deepEqual(summary(store), expected, 'after the changes');
  assert.deepEqual(canonicalOf(store), canonicalOf(fresh));
  assert.match(expected.join('\n'), /^quillon brask\|Quillon Brask\|organisation\|/m, 'no first name on evidence: not a person');
  store.saveIndexes();
  store.close();
  store = new SqliteStore(openSqliteDatabase(file), 'build');
  assert.deepEqual(summary(store), expected, 'reopened after a save');
  store.put(catchDay, null);
  fresh.put(catchDay, null);
  const back = summary(fresh);
  assert.match(back.join('\n'), /^quillon brask\|Quillon Brask\|person\|/m, 'the first name known again: a person');
  assert.deepEqual(summary(store), back, 'after the first name came back');
  store.close();
  fresh.close();
  rmSync(root, { recursive: true, force: true });
});
