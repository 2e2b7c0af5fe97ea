/**
 * The embedded SQLite store (`sourced.index.store: sqlite`): a second start on the same folder re-reads no
 * unchanged file and answers like the first; a changed file is re-read, a deleted one dropped; a database left
 * inconsistent (a crash between a source write and the postings save) or made by another build is emptied
 * and rebuilt. Real files in a temporary folder, through the Node corpus and the Node cache store.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { NodeCorpus } from '../../server/src/node/node-corpus';
import { NodeIndexCache } from '../../server/src/node/node-index-cache';
import { openSqliteDatabase } from '../../server/src/node/sqlite-database';
import { createService, MemoryLogger, resolveConfig, type SourcedService } from '../../server/src/service';
import { seedFiles } from '../helpers/fixture';
import { analyzeSource } from '../../server/src/ingest/analyze-source';
import { SqliteStore } from '../../server/src/store/sqlite/sqlite-store';
import type { IndexCacheStore } from '../../server/src/store/index-cache';
import { pack } from 'msgpackr';
import { decodePostings } from '../../server/src/store/sqlite/postings-blob';
import { openingKeysOf } from '../../server/src/domain/quote-types';
import { words } from '../../server/src/text/tokenize';

interface Session {
  service: SourcedService;
  logger: MemoryLogger;
  cache: NodeIndexCache;
}

function workspace(): { root: string; dir: string; storage: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'sourced-sqlite-'));
  const dir = path.join(root, 'ws');
  const old = new Date(Date.now() - 3_600_000);
  for (const [rel, text] of Object.entries(seedFiles())) {
    mkdirSync(path.join(dir, path.dirname(rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
    utimesSync(path.join(dir, rel), old, old);
  }
  return { root, dir, storage: path.join(root, 'storage') };
}

async function open(dir: string, storage: string, buildId = 'test-build', store = 'sqlite'): Promise<Session> {
  const raw = { corpus: { include: ['**/*.txt'] }, index: { persist: true, store } };
  const corpus = new NodeCorpus([{ path: dir }], resolveConfig(raw).corpus);
  const cache = new NodeIndexCache({ storagePath: storage, workspaceFolders: [dir], buildId });
  const logger = new MemoryLogger();
  const service = createService({ corpus, config: raw, logger, indexCache: cache });
  await service.start();
  await service.flushIndexCache();
  return { service, logger, cache };
}

/** The seed articles analysed as a build would (URIs under file:///ws/). */
function seedAnalyses(): ReturnType<typeof analyzeSource>[] {
  return Object.entries(seedFiles()).map(([rel, text]) => analyzeSource('file:///ws/' + rel, rel, text));
}

/** A store over `file` holding `analyses` (written, not yet saved). */
function filledStore(analyses: ReturnType<typeof analyzeSource>[], file: string, cacheSources?: number): SqliteStore {
  const store = storeAt(file, cacheSources);
  for (const a of analyses) store.put(a, null);
  return store;
}

/** A store over the database `file` (created when absent); `cacheSources` 1 sends every read to the row. */
function storeAt(file: string, cacheSources?: number): SqliteStore {
  return new SqliteStore(openSqliteDatabase(file), 'build', cacheSources);
}

const summary = (s: Session): string => s.logger.lines.filter((l) => l.includes('indexed')).pop() ?? '';

async function answers(s: Session): Promise<string> {
  const symbols = (await s.service.workspaceSymbols('')).map((x) => `${x.name}@${x.location.uri}`).sort();
  const draft = {
    uri: 'file:///draft.md',
    version: 1,
    getText: () => 'Officials said the talks failed. "We will not accept this," he said.',
  };
  const findings = (await s.service.findings(draft)).map((f) => `${f.code}:${f.start}-${f.end}`);
  const quotes = (await s.service.searchQuotes('we will', 10)).map((q) => `${q.key}:${q.text}`);
  return JSON.stringify({ status: s.service.status(), symbols, findings, quotes });
}

test('sqlite store: a second start restores every unchanged file and answers like the first', async () => {
  const { root, dir, storage } = workspace();
  const files = Object.keys(seedFiles()).length;
  const first = await open(dir, storage);
  assert.match(summary(first), new RegExp(`${files} analysed`));
  const before = await answers(first);
  first.service.dispose();
  const second = await open(dir, storage);
  assert.match(second.logger.lines.join('\n'), new RegExp(`restored ${files} sources from the index database`));
  assert.match(summary(second), / 0 analysed, 0 dropped/);
  assert.equal(await answers(second), before);
  second.service.dispose();
  const memory = await open(dir, path.join(root, 'memory-storage'), 'test-build', 'memory');
  assert.equal(await answers(memory), before, 'the in-memory store answers the same');
  memory.service.dispose();
  rmSync(root, { recursive: true, force: true });
});

test('sqlite store: a changed file is re-read and a deleted one dropped at the next start', async () => {
  const { root, dir, storage } = workspace();
  const first = await open(dir, storage);
  first.service.dispose();
  const [changed, deleted] = Object.keys(seedFiles());
  writeFileSync(path.join(dir, changed), 'A new title\n\n"Every harbour will reopen within the month," the port director said.\n');
  unlinkSync(path.join(dir, deleted));
  const second = await open(dir, storage);
  assert.match(summary(second), / 1 analysed, 1 dropped/);
  const hits = await second.service.searchQuotes('every harbour will reopen', 5);
  assert.ok(
    hits.some((h) => h.text.startsWith('Every harbour will reopen')),
    'the changed file is searchable',
  );
  assert.equal(second.service.status().sources, Object.keys(seedFiles()).length - 1);
  second.service.dispose();
  rmSync(root, { recursive: true, force: true });
});

test('sqlite store: a file touched with the same text is verified by its hash at the next start, not re-read into the index', async () => {
  const { root, dir, storage } = workspace();
  const files = Object.keys(seedFiles()).length;
  const first = await open(dir, storage);
  first.service.dispose();
  const touched = path.join(dir, Object.keys(seedFiles())[0]);
  const later = new Date(Date.now() - 1_800_000);
  utimesSync(touched, later, later);
  const second = await open(dir, storage);
  assert.match(summary(second), new RegExp(`index database: ${files} of ${files} files unchanged, 0 analysed, 0 dropped`));
  second.service.dispose();
  rmSync(root, { recursive: true, force: true });
});

test('sqlite store: an inconsistent database or one of another build is emptied and rebuilt', async () => {
  const { root, dir, storage } = workspace();
  const files = Object.keys(seedFiles()).length;
  const first = await open(dir, storage);
  first.service.dispose();
  // A crash after a source write, before the postings were saved: the mark says the file cannot be trusted.
  const db = openSqliteDatabase(first.cache.databaseFile);
  db.prepare("UPDATE meta SET v = 0 WHERE k = 'clean'").run();
  db.close();
  const second = await open(dir, storage);
  assert.match(second.logger.lines.join('\n'), /not saved cleanly: emptied/);
  assert.match(summary(second), new RegExp(`${files} analysed`));
  second.service.dispose();
  const third = await open(dir, storage, 'another-build');
  assert.match(third.logger.lines.join('\n'), /made by another version: emptied/);
  third.service.dispose();
  rmSync(root, { recursive: true, force: true });
});

test('sqlite store: a reopened source keeps its metadata (format, authors, pages) and its text', () => {
  const { root } = workspace();
  const file = path.join(root, 'meta.sqlite');
  const [rel, text] = Object.entries(seedFiles())[0];
  const analysis = analyzeSource('file:///ws/' + rel, rel, text);
  analysis.doc.format = 'pdf';
  analysis.doc.authors = ['A. Writer'];
  analysis.doc.pageStarts = [120, 480];
  const first = storeAt(file);
  first.put(analysis, null);
  first.saveIndexes();
  first.close();
  const second = storeAt(file);
  const unit = second.sources.get('file:///ws/' + rel);
  assert.ok(unit, 'restored');
  assert.deepEqual([unit.doc.format, unit.doc.authors, unit.doc.pageStarts], ['pdf', ['A. Writer'], [120, 480]]);
  assert.equal(unit.doc.text, analysis.doc.text);
  assert.equal(unit.quotes.length, analysis.quotes.length);
  second.close();
  rmSync(root, { recursive: true, force: true });
});

test("sqlite store: a source's quotations have their own rows, replaced and removed with the source", () => {
  const { root } = workspace();
  const file = path.join(root, 'quotes.sqlite');
  const analyses = seedAnalyses();
  const store = filledStore(analyses, file, 1);
  store.saveIndexes();
  // Replaced while not in bulk (a saved store), then one removed: three seeds' rows after the change, as before.
  store.put(analyses[1], null);
  store.remove(analyses[0].doc.uri);
  store.saveIndexes();
  store.close();
  const db = openSqliteDatabase(file);
  const count = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;
  const rows = [
    count('SELECT count(*) AS n FROM source'),
    count('SELECT count(*) AS n FROM quote_list'),
    count('SELECT count(*) AS n FROM quote_list WHERE id NOT IN (SELECT id FROM source)'),
  ];
  db.close();
  assert.deepEqual(rows, [analyses.length - 1, analyses.length - 1, 0]);
  // Reopened with a cache of one source: every quotation list is read back from its row.
  const reopened = storeAt(file, 1);
  for (const a of analyses.slice(1))
    assert.deepEqual(
      reopened.sources.get(a.doc.uri)?.quotes.map((q) => q.text),
      a.quotes.map((q) => q.text),
    );
  assert.equal(reopened.sources.get(analyses[0].doc.uri), undefined);
  reopened.close();
});

/** What a reopened store registered: every source (order, key, sentences, quotations, record) and every opening's list. */
function restoredState(store: SqliteStore): string {
  const units = [...store.sources.all()];
  const sources = units.map((u) => {
    const ids = store.quotes.idsOf(u);
    return [
      u.doc.uri,
      u.doc.path,
      u.doc.title,
      store.sources.keyOf(u),
      u.sentenceIds.join(','),
      ids.map((id) => `${id}:${store.quotes.kindOf(id)}:${store.quotes.wordCount(id)}`).join(','),
      JSON.stringify(store.storedRecords().get(u.doc.uri)),
    ];
  });
  const keys = store.quotes.exportFacts(units).openingKeys.sort();
  const searches = [store.sources.sentences.search(['turkey', 'syria'], 5), store.quotes.search(['support', 'we'], 5)];
  return JSON.stringify({ sources, openings: keys.map((k) => `${k}=${store.quotes.opening(k).join(',')}`), searches });
}

/**
 * The state a reopened store registers from its saved heads and aligned postings, then (as a build before them
 * saved it: no heads, postings in msgpack) from every row.
 */
function reopenedBothWays(file: string): { heads: string; rows: string; note: string } {
  const fromHeads = storeAt(file);
  const heads = restoredState(fromHeads);
  fromHeads.close();
  const db = openSqliteDatabase(file);
  db.exec("DELETE FROM meta WHERE k IN ('heads', 'quote_facts')");
  // And its postings in the msgpack layout of before the aligned blob.
  for (const k of ['sentences', 'quotes']) {
    const { v } = db.prepare('SELECT v FROM meta WHERE k = ?').get(k) as { v: Buffer };
    db.prepare('UPDATE meta SET v = ? WHERE k = ?').run(pack(decodePostings(v)), k);
  }
  db.close();
  const fromRows = storeAt(file);
  const rows = restoredState(fromRows);
  const note = fromRows.openNote;
  // Its next save writes the heads again.
  fromRows.put(seedAnalyses()[2], null);
  fromRows.saveIndexes();
  fromRows.close();
  return { heads, rows, note };
}

test('sqlite store: a reopened store registers from the saved heads what it registers from every row, after changes too', () => {
  const { root } = workspace();
  const file = path.join(root, 'heads.sqlite');
  const analyses = seedAnalyses();
  const first = filledStore(analyses, file);
  first.saveIndexes();
  // A replaced source takes a new row (after the others) and a removed one leaves a gap: the heads stay in path order.
  first.put(analyses[0], { size: 10, mtimeMs: 20, stampedAt: 30, hash: 'h' });
  first.remove(analyses[1].doc.uri);
  first.saveIndexes();
  first.close();
  const once = reopenedBothWays(file);
  assert.equal(once.note, `restored ${analyses.length - 1} sources from the index database`);
  assert.equal(once.heads, once.rows);
  assert.match(
    once.heads,
    /"seeds\/000_e69ee878f7b3fed3.txt",[^\]]*"\{\\"size\\":10,\\"mtimeMs\\":20,\\"stampedAt\\":30,\\"hash\\":\\"h\\"\}"\]/,
  );
  assert.doesNotMatch(once.heads, /seeds\/001_/);
  // Saved again by the store that read every row (with one source replaced): the heads it wrote hold the same.
  const twice = reopenedBothWays(file);
  assert.equal(twice.note, `restored ${analyses.length - 1} sources from the index database`);
  assert.equal(twice.heads, twice.rows);
  rmSync(root, { recursive: true, force: true });
});

test('sqlite store: a quotation over paragraphs is passed over by the words after each of its openings, after a reopen too', () => {
  const { root } = workspace();
  const file = path.join(root, 'parts.sqlite');
  const text = 'Pier repairs\n\n"We met the board today.\n\n"It would be the costliest repair this year," the treasurer said.\n';
  const store = storeAt(file);
  store.put(analyzeSource('file:///ws/pier.txt', 'pier.txt', text), null);
  store.saveIndexes();
  // [third, fourth] typed after "It would" → found: this later part goes on "be the", not "be a" or "is".
  const cases: [string, string | undefined, boolean][] = [
    ['be', 'the', true],
    ['b', undefined, true],
    ['be', 'a', false],
    ['is', undefined, false],
  ];
  const found = (s: SqliteStore): boolean[] => cases.map(([third, fourth]) => s.quotes.opening('it would', third, fourth).length === 1);
  assert.deepEqual(
    found(store),
    cases.map(([, , want]) => want),
  );
  store.close();
  const reopened = storeAt(file);
  assert.deepEqual(
    found(reopened),
    cases.map(([, , want]) => want),
  );
  reopened.close();
  rmSync(root, { recursive: true, force: true });
});

/** Every actor as the service lists it, with its card: what hover and Show Actor answer. */
async function actorAnswers(s: Session): Promise<string> {
  const list = await s.service.listActors('');
  const cards = await Promise.all(list.map((a) => s.service.actorCard(a.id)));
  return JSON.stringify({ list, cards });
}

test('sqlite store: actors and their cards answer like the memory store, on a first and a second start and after changes', async () => {
  const { root, dir, storage } = workspace();
  const memoryStorage = path.join(root, 'memory-storage');
  const first = await open(dir, storage);
  const memory = await open(dir, memoryStorage, 'test-build', 'memory');
  const expected = await actorAnswers(memory);
  assert.ok((await memory.service.listActors('')).length > 10, 'the seeds have actors');
  assert.equal(await actorAnswers(first), expected);
  first.service.dispose();
  memory.service.dispose();
  const second = await open(dir, storage);
  assert.equal(await actorAnswers(second), expected, 'restored from the database');
  second.service.dispose();
  const [changed, deleted] = Object.keys(seedFiles());
  writeFileSync(path.join(dir, changed), 'A new title\n\nThe port director, Maria Keller, said the harbour would reopen.\n');
  unlinkSync(path.join(dir, deleted));
  const third = await open(dir, storage);
  const memoryAfter = await open(dir, path.join(root, 'memory-storage-2'), 'test-build', 'memory');
  assert.equal(await actorAnswers(third), await actorAnswers(memoryAfter), 'after a changed and a deleted file');
  third.service.dispose();
  memoryAfter.service.dispose();
  rmSync(root, { recursive: true, force: true });
});

test('sqlite store: a source removed after its actors left the cache is taken out of the actor index (read back from its row)', () => {
  const { root } = workspace();
  const analyses = seedAnalyses();
  const summary = (store: SqliteStore): string[] =>
    [...store.actors.all()]
      .map((a) => `${a.id}|${a.name}|${a.type}|${a.mentionCount}|${a.aliases.join(',')}|${a.appearances.length}`)
      .sort();
  const tiny = filledStore(analyses, path.join(root, 'tiny.sqlite'), 1);
  tiny.remove(analyses[0].doc.uri);
  tiny.put(analyses[1], null);
  const fresh = storeAt(path.join(root, 'fresh.sqlite'));
  for (const a of analyses.slice(1)) fresh.put(a, null);
  assert.ok(summary(fresh).length > 10, 'the seeds have actors');
  assert.deepEqual(summary(tiny), summary(fresh));
  tiny.close();
  fresh.close();
  rmSync(root, { recursive: true, force: true });
});

test('sqlite store: a reopened store answers actors from its saved tables, which a change updates', () => {
  const { root } = workspace();
  const file = path.join(root, 'actors.sqlite');
  const analyses = seedAnalyses();
  const summary = (store: SqliteStore): string[] =>
    [...store.actors.all()]
      .map((a) => {
        const roles = a.roles.map((r) => `${r.title}/${r.affiliation ?? ''}/${r.units.length}`).join(';');
        return `${a.id}|${a.name}|${a.type}|${a.mentionCount}|${a.aliases.join(',')}|${a.appearances.length}|${roles}`;
      })
      .sort();
  const first = filledStore(analyses, file);
  first.saveIndexes();
  const expected = summary(first);
  const lookups = (store: SqliteStore): unknown[] =>
    expected.map((line) => {
      const id = line.split('|')[0];
      const actor = store.actors.byId(id);
      return [actor?.name, actor && store.actors.findByName(actor.name)?.id, actor && store.actors.lookupForm(actor.name)?.id];
    });
  const expectedLookups = lookups(first);
  const canonicalIds = (store: SqliteStore): (string | undefined)[] => {
    const unit = store.sources.get(analyses[1].doc.uri);
    return unit ? unit.actors.actors.map((_, i) => store.actors.canonical(unit, i)?.id) : [];
  };
  const expectedCanonical = canonicalIds(first);
  assert.ok(expectedCanonical.length > 0, 'the source has actors');
  first.close();
  const second = storeAt(file, 1);
  assert.ok(second.actors.fromTables, 'answers from the saved tables');
  assert.deepEqual(summary(second), expected);
  assert.deepEqual(lookups(second), expectedLookups);
  assert.deepEqual(canonicalIds(second), expectedCanonical);
  second.remove(analyses[0].doc.uri);
  assert.ok(second.actors.fromTables && second.actors.memory === null, 'a change updates the tables; no merge on the heap');
  const fresh = storeAt(path.join(root, 'fresh.sqlite'));
  for (const a of analyses.slice(1)) fresh.put(a, null);
  assert.deepEqual(summary(second), summary(fresh));
  second.close();
  fresh.close();
  rmSync(root, { recursive: true, force: true });
});

test("sqlite store: on a reopened store, an actor's card (appearances, roles) reads no source row", () => {
  const { root } = workspace();
  const file = path.join(root, 'cards.sqlite');
  const analyses = seedAnalyses();
  const first = filledStore(analyses, file);
  first.saveIndexes();
  const card = (store: SqliteStore): string[] =>
    [...store.actors.all()]
      .map((a) => `${a.id}|${a.appearances.map((x) => `${x.unit.doc.uri}:${x.actor.mentions.length}`).join(',')}|${a.roles.length}`)
      .sort();
  const expected = card(first);
  first.close();
  const second = storeAt(file, 1);
  let rowReads = 0;
  for (const read of ['body', 'quoteList', 'actorList'] as const) {
    const original = second[read].bind(second);
    (second as unknown as Record<string, (row: number) => unknown>)[read] = (row: number) => {
      rowReads++;
      return original(row);
    };
  }
  assert.deepEqual(card(second), expected);
  assert.ok(
    expected.some((line) => line.split('|')[1].includes(',')),
    'some actor appears in several sources',
  );
  assert.equal(rowReads, 0, 'appearances come from actor_source, not from the sources');
  second.close();
  rmSync(root, { recursive: true, force: true });
});

test('sqlite store: sources replaced and removed while an empty database is being filled keep the saved cards exact', () => {
  const { root } = workspace();
  const analyses = seedAnalyses();
  const [changed, , gone] = analyses;
  // The changed file keeps its first half: fewer actors, under the same URI.
  const text = changed.doc.text.slice(0, Math.floor(changed.doc.text.length / 2));
  const replacement = analyzeSource(changed.doc.uri, changed.doc.path, text);
  const card = (store: SqliteStore): string[] =>
    [...store.actors.all()]
      .map((a) => `${a.id}|${a.mentionCount}|${a.appearances.map((x) => `${x.unit.doc.uri}:${x.actor.mentions.length}`).join(',')}`)
      .sort();
  const file = path.join(root, 'bulk.sqlite');
  const first = filledStore(analyses, file);
  first.put(replacement, null);
  first.remove(gone.doc.uri);
  first.saveIndexes();
  first.close();
  const db = openSqliteDatabase(file);
  const rows = (db.prepare('SELECT count(*) AS n FROM actor_source').get() as { n: number }).n;
  db.close();
  const kept = analyses.filter((a) => a !== gone).map((a) => (a === changed ? replacement : a));
  const fresh = storeAt(path.join(root, 'fresh.sqlite'));
  for (const a of kept) fresh.put(a, null);
  const expected = card(fresh);
  const documentActors = kept.reduce((n, a) => n + a.actors.actors.length, 0);
  assert.equal(rows, documentActors, 'one actor_source row per document actor of the sources as they are');
  assert.ok(expected.length > 0 && replacement.actors.actors.length < changed.actors.actors.length, 'the change drops actors');
  const second = storeAt(file, 1);
  assert.ok(second.actors.fromTables, 'answers from the saved tables');
  assert.deepEqual(card(second), expected);
  second.close();
  fresh.close();
  rmSync(root, { recursive: true, force: true });
});

test('sqlite store: once a first fill is saved its tables answer as the merge did, and go on answering through changes and saves', () => {
  const { root } = workspace();
  const analyses = seedAnalyses();
  const answers = (store: SqliteStore): string[] =>
    [...store.actors.all()]
      .map((a) => {
        const found = store.actors.findByName(a.name)?.id;
        const cards = a.appearances.map((x) => `${x.unit.doc.uri}:${x.actor.mentions.length}`).join(',');
        return `${a.id}|${a.name}|${a.type}|${a.mentionCount}|${a.aliases.join(',')}|${found}|${cards}|${a.roles.length}`;
      })
      .sort();
  const store = filledStore(analyses, path.join(root, 'first.sqlite'), 1);
  const merged = answers(store);
  assert.equal(store.actors.fromTables, false, 'the merge answers while the database is filled');
  store.saveIndexes();
  assert.ok(store.actors.fromTables, 'the saved tables answer after the first save');
  assert.deepEqual(answers(store), merged);
  assert.equal(store.actors.memory, null, 'the merge left the heap');
  store.remove(analyses[0].doc.uri);
  assert.ok(store.actors.fromTables, 'a change updates the tables');
  const fresh = storeAt(path.join(root, 'fresh.sqlite'));
  for (const a of analyses.slice(1)) fresh.put(a, null);
  assert.deepEqual(answers(store), answers(fresh));
  store.saveIndexes();
  assert.ok(store.actors.fromTables, 'a later save: the tables answer again');
  assert.deepEqual(answers(store), answers(fresh), 'and answer as the merge does');
  store.remove(analyses[1].doc.uri);
  fresh.remove(analyses[1].doc.uri);
  assert.deepEqual(answers(store), answers(fresh), 'the tables, saved again, answer the next change');
  store.close();
  fresh.close();
  rmSync(root, { recursive: true, force: true });
});

test('sqlite store: on a reopened store, co-mentions read no source row and match the merge', () => {
  const { root } = workspace();
  const file = path.join(root, 'co.sqlite');
  const analyses = seedAnalyses();
  const first = filledStore(analyses, file);
  const co = (store: SqliteStore): string[] =>
    [...store.actors.all()]
      .map(
        (a) =>
          `${a.id}|${store.actors
            .coMentioned(a, 5)
            .map((c) => `${c.actor.id}:${c.count}`)
            .join(',')}`,
      )
      .sort();
  assert.equal(first.actors.fromTables, false, 'before a save the merge answers');
  const expected = co(first);
  first.saveIndexes();
  assert.ok(first.actors.fromTables, 'after a save the saved tables answer');
  assert.deepEqual(co(first), expected);
  first.close();
  const second = storeAt(file, 1);
  let rowReads = 0;
  for (const read of ['body', 'quoteList', 'actorList'] as const) {
    const original = second[read].bind(second);
    (second as unknown as Record<string, (row: number) => unknown>)[read] = (row: number) => {
      rowReads++;
      return original(row);
    };
  }
  assert.ok(second.actors.fromTables, 'answers from the saved tables');
  assert.deepEqual(co(second), expected);
  assert.ok(
    expected.some((line) => /:[2-9]/.test(line)),
    'some pair of actors shares several sources',
  );
  assert.equal(rowReads, 0, 'counted from the saved numbers, not from the sources');
  second.close();
  rmSync(root, { recursive: true, force: true });
});

test('sqlite store: a second start answers from the stored index while the files are still being checked', async () => {
  const { root, dir, storage } = workspace();
  const first = await open(dir, storage);
  const expected = JSON.stringify(await first.service.searchQuotes('the reactivation of', 10));
  assert.notEqual(expected, '[]', 'the seeds have such quotations');
  first.service.dispose();
  // The second start's file check waits on a gate: the stamps of the files do not come until it opens.
  const raw = { corpus: { include: ['**/*.txt'] }, index: { persist: true, store: 'sqlite' } };
  const corpus = new NodeCorpus([{ path: dir }], resolveConfig(raw).corpus);
  const real = new NodeIndexCache({ storagePath: storage, workspaceFolders: [dir], buildId: 'test-build' });
  let release = (): void => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let stamped = 0;
  const gated: IndexCacheStore = {
    buildId: real.buildId,
    load: () => real.load(),
    save: (chunks) => real.save(chunks),
    stamp: async (uri) => {
      await gate;
      stamped++;
      return real.stamp(uri);
    },
    openDatabase: () => real.openDatabase(),
  };
  const service = createService({ corpus, config: raw, logger: new MemoryLogger(), indexCache: gated });
  const started = service.start();
  const waited = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 10_000).unref());
  const ready = await Promise.race([service.whenReady().then(() => true), waited]);
  if (!ready) release();
  assert.ok(ready, 'ready before the file check');
  assert.equal(JSON.stringify(await service.searchQuotes('the reactivation of', 10)), expected, 'answered from the stored index');
  assert.equal(stamped, 0, 'before any file was checked');
  release();
  await started;
  assert.ok(stamped > 0, 'the files were checked after');
  assert.equal(JSON.stringify(await service.searchQuotes('the reactivation of', 10)), expected);
  service.dispose();
  rmSync(root, { recursive: true, force: true });
});

/** Every actor with what a hover card and a lookup show of it, sorted. */
function actorAnswersOf(store: SqliteStore): string[] {
  return [...store.actors.all()]
    .map((a) => {
      const roles = a.roles.map((r) => `${r.title}/${r.affiliation ?? ''}/${r.units.length}`).join(';');
      const cards = a.appearances.map((x) => `${x.unit.doc.uri}:${x.actor.mentions.length}`).join(',');
      const co = store.actors
        .coMentioned(a, 5)
        .map((c) => `${c.actor.id}:${c.count}`)
        .join(',');
      const found = `${store.actors.findByName(a.name)?.id}/${store.actors.lookupForm(a.name)?.id}/${store.actors.byId(a.id)?.name}`;
      return `${a.id}|${a.name}|${a.type}|${a.mentionCount}|${a.aliases.join(',')}|${found}|${cards}|${roles}|${co}`;
    })
    .sort();
}

/** The canonical actor of every document actor of every source. */
function canonicalOf(store: SqliteStore): string[] {
  return [...store.sources.all()]
    .flatMap((u) => u.actors.actors.map((d, i) => `${u.doc.uri}#${i}:${d.name}→${store.actors.canonical(u, i)?.id}`))
    .sort();
}

/** The seeds after a change: the first removed, the second cut to its first half. */
function changedSeeds(): { analyses: ReturnType<typeof analyzeSource>[]; kept: ReturnType<typeof analyzeSource>[] } {
  const analyses = seedAnalyses();
  const changed = analyses[1];
  const replacement = analyzeSource(changed.doc.uri, changed.doc.path, changed.doc.text.slice(0, Math.floor(changed.doc.text.length / 2)));
  return { analyses, kept: [replacement, ...analyses.slice(2)] };
}

test('sqlite store: changes on a reopened store update its actor tables; a save and a reopen keep them as built from scratch', () => {
  const { root } = workspace();
  const file = path.join(root, 'delta.sqlite');
  const { analyses, kept: changed } = changedSeeds();
  const [early, second] = changed.slice(1).sort((x, y) => (x.doc.path < y.doc.path ? -1 : 1));
  const kept = changed.filter((a) => a !== early);
  const first = filledStore(analyses, file);
  first.saveIndexes();
  const before = actorAnswersOf(first);
  first.close();
  const fresh = storeAt(path.join(root, 'fresh.sqlite'));
  for (const a of kept) fresh.put(a, null);
  const expected = actorAnswersOf(fresh);
  assert.ok(expected.length > 10 && JSON.stringify(expected) !== JSON.stringify(before), 'the change changes the actors');
  const store = storeAt(file, 1);
  store.remove(analyses[0].doc.uri);
  store.put(kept[0], null);
  store.remove(early.doc.uri);
  store.put(second, null);
  assert.ok(store.actors.fromTables && store.actors.memory === null, 'the tables answer; no merge on the heap');
  assert.deepEqual(actorAnswersOf(store), expected, 'as a store built from scratch on the same files');
  assert.deepEqual(canonicalOf(store), canonicalOf(fresh));
  store.saveIndexes();
  assert.deepEqual(actorAnswersOf(store), expected, 'after the save');
  store.close();
  const reopened = storeAt(file, 1);
  assert.ok(reopened.actors.fromTables);
  assert.deepEqual(actorAnswersOf(reopened), expected, 'reopened after the save');
  assert.deepEqual(canonicalOf(reopened), canonicalOf(fresh));
  reopened.close();
  fresh.close();
  rmSync(root, { recursive: true, force: true });
});

test('sqlite store: after a reopen from the saved heads, four typed words still find every quotation they open', () => {
  const { root } = workspace();
  const file = path.join(root, 'fourths.sqlite');
  const analyses = seedAnalyses();
  const first = filledStore(analyses, file);
  first.saveIndexes();
  first.close();
  const reopened = storeAt(file);
  let asked = 0;
  const missed: string[] = [];
  for (const a of analyses) {
    const unit = reopened.sources.get(a.doc.uri);
    assert.ok(unit, a.doc.uri);
    reopened.quotes.idsOf(unit).forEach((id, i) => {
      const quote = a.quotes[i];
      const ws = words(quote.text);
      if (quote.kind === 'indirect' || (quote.parts?.length ?? 0) > 0 || ws.length < 5) return;
      for (const key of openingKeysOf(quote)) {
        asked++;
        if (!reopened.quotes.opening(key, ws[2], ws[3]).includes(id)) missed.push(quote.text.slice(0, 40));
      }
    });
  }
  reopened.close();
  assert.ok(asked > 20, `only ${asked} quotations asked`);
  assert.deepEqual(missed, []);
  rmSync(root, { recursive: true, force: true });
});
