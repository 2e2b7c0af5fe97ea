/**
 * The embedded persistent store: every source's analysis lives in an SQLite file (one row per file, written in
 * its own transaction as the file is indexed), and only what ranking needs stays in memory: the BM25 postings of
 * passages and quotations (typed arrays, saved as blobs and adopted at open, not rebuilt), per-quotation word
 * counts and kinds, the metadata of each source (for citation keys) and the actor index's groups and merged actors.
 * Text, sentences, paragraphs, quotations and document actors are read by row when a feature or the actor index
 * needs them (small LRU caches): the actor index keeps only (source, position) pairs, so a document's actors are
 * read back from its row when a card lists appearances or when the source is removed.
 *
 * Consistency: a source write marks the postings stale; `saveIndexes` writes the postings and clears the mark in
 * one transaction. A database opened with the mark set (a crash between the two) is emptied and rebuilt.
 */
import { pack, unpack } from 'msgpackr';
import type { DocumentActors } from '../../domain/actor-types';
import type { PreparedSource } from '../../domain/prepared-source';
import type { SourceAnalysis } from '../../domain/source-analysis';
import type { SourceQuote } from '../../domain/quote-types';
import type { FileRecord } from '../index-cache';
import { keyOf } from '../memory/actors/actor-groups';
import type { InvertedIndexState } from '../memory/inverted-index';
import { QuoteIndex, type QuoteFacts } from '../memory/quote-index';
import { SourceIndex } from '../memory/source-index';
import type { SourceStore, SourceUnit } from '../source-store';
import { terms } from '../../text/tokenize';
import { ACTOR_SCHEMA, saveActorTables, SqlActors } from './sql-actors';
import type { SqlDatabase, SqlStatement } from './sql-database';
import { StoreActors, type ActorCounts } from './store-actors';
import { ACTOR_STATE_SCHEMA, saveActorState } from './actor-state';
import { saveActorRows } from './actor-rows';
import type { ActorIndex } from '../memory/actors/actor-index';
import { Lru } from '../../domain/lru';
import { preparedPart, sentenceTerms } from './prepared-row';
import { metaOf, StoredUnit, type BodyLoader, type SourceBody, type SourceHead } from './stored-unit';
import { decodePostings, encodePostings, isPostingsBlob } from './postings-blob';
import { decodeHeads, decodeQuoteFacts, encodeHeads, encodeQuoteFacts, headAt, recordAt, typed, type SavedHeads } from './saved-heads';

/** Bump when the tables or blobs change: an older file is emptied and rebuilt. */
const SCHEMA_VERSION = 8;
const BODY_CACHE = 2048;
const QUOTE_CACHE = 4096;
const ACTOR_CACHE = 2048;
/** Source writes committed together: one transaction per file costs a commit (and a WAL frame sync) each. */
const WRITE_BATCH = 200;
/**
 * The same while filling an empty database (a first start): a commit writes every page its batch touched, so
 * fewer, larger batches write each page fewer times (1,000 sources hold about 10 MB of rows until committed).
 */
const BULK_BATCH = 1000;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v BLOB);
CREATE TABLE IF NOT EXISTS source (
  id INTEGER PRIMARY KEY, uri TEXT UNIQUE NOT NULL, path TEXT NOT NULL,
  size INTEGER, mtime REAL, stamped REAL, hash TEXT,
  head BLOB NOT NULL, facts BLOB NOT NULL, quote_ids BLOB NOT NULL, body BLOB NOT NULL, actors BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS quote_list (id INTEGER PRIMARY KEY, quotes BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS actor_source (
  key TEXT NOT NULL, row INTEGER NOT NULL, local INTEGER NOT NULL, actor BLOB NOT NULL, PRIMARY KEY (key, row, local)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS actor_source_by_row ON actor_source (row);`;

/** A file's freshness record as the store keeps it, or null for text that did not come from disk. */
export type StoredRecord = FileRecord | null;

interface Statements {
  insert: SqlStatement;
  /** A source's quotations have a table of their own: completion and cards read them by the hundred per request. */
  insertQuotes: SqlStatement;
  removeQuotes: SqlStatement;
  remove: SqlStatement;
  insertActor: SqlStatement;
  /** Appends to the bulk load's staging table (prepared when a bulk load begins). */
  stageActor: SqlStatement | null;
  removeActors: SqlStatement;
  body: SqlStatement;
  quotes: SqlStatement;
  actors: SqlStatement;
  setMeta: SqlStatement;
  getMeta: SqlStatement;
}

/** Opens the store over an opened database; `buildId` is the analysing code's fingerprint (another build: rebuilt). */

export class SqliteStore implements SourceStore, BodyLoader {
  readonly sources = new SourceIndex();
  readonly quotes = new QuoteIndex();
  readonly actors: StoreActors;
  /** What the open found: restored sources, or why the file was emptied. */
  readonly openNote: string;
  private readonly sql: Statements;
  private readonly records = new Map<string, StoredRecord>();
  /** Units by source row (saved actor tables name appearances by row). */
  private readonly units = new Map<number, StoredUnit>();
  private readonly bodies: Lru<number, SourceBody>;
  private readonly quoteLists: Lru<number, SourceQuote[]>;
  private readonly actorLists: Lru<number, DocumentActors>;
  private nextRow = 1;
  private dirty = false;
  /** Filling an empty database: see `beginBulk`. */
  private bulk = false;
  /** Source writes not yet committed, in order: an insert, or the URI of a removal. */
  private pending: (PendingWrite | string)[] = [];

  constructor(
    private readonly db: SqlDatabase,
    buildId: string,
    /** Sources whose parts each cache holds (tests pass 1 so that every read goes to the row). */
    cacheSources?: number,
  ) {
    this.actors = new StoreActors({
      flush: () => this.flushWrites(),
      rowOf: (unit) => (unit instanceof StoredUnit && this.units.get(unit.row) === unit ? unit.row : undefined),
    });
    this.bodies = new Lru(cacheSources ?? BODY_CACHE);
    this.quoteLists = new Lru(cacheSources ?? QUOTE_CACHE);
    this.actorLists = new Lru(cacheSources ?? ACTOR_CACHE);
    dropOlderSchema(db);
    db.exec(SCHEMA);
    db.exec(ACTOR_SCHEMA);
    db.exec(ACTOR_STATE_SCHEMA);
    this.sql = {
      insert: db.prepare(
        'INSERT OR REPLACE INTO source (id, uri, path, size, mtime, stamped, hash, head, facts, quote_ids, body, actors) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)',
      ),
      insertQuotes: db.prepare('INSERT OR REPLACE INTO quote_list (id, quotes) VALUES (?,?)'),
      removeQuotes: db.prepare('DELETE FROM quote_list WHERE id IN (SELECT id FROM source WHERE uri = ?)'),
      remove: db.prepare('DELETE FROM source WHERE uri = ?'),
      insertActor: db.prepare('INSERT OR REPLACE INTO actor_source (key, row, local, actor) VALUES (?,?,?,?)'),
      stageActor: null,
      removeActors: db.prepare('DELETE FROM actor_source WHERE row IN (SELECT id FROM source WHERE uri = ?)'),
      body: db.prepare('SELECT body FROM source WHERE id = ?'),
      quotes: db.prepare('SELECT quotes FROM quote_list WHERE id = ?'),
      actors: db.prepare('SELECT actors FROM source WHERE id = ?'),
      setMeta: db.prepare('INSERT OR REPLACE INTO meta (k, v) VALUES (?, ?)'),
      getMeta: db.prepare('SELECT v FROM meta WHERE k = ?'),
    };
    this.sources.listen(this.actors);
    this.openNote = this.restore(buildId);
  }

  /** The freshness record of every stored source, by URI (the indexer compares them with the files). */
  storedRecords(): ReadonlyMap<string, StoredRecord> {
    return this.records;
  }

  /** Adds or replaces a source: analysed, indexed in memory and written to its row in one transaction. */
  put(analysis: SourceAnalysis, record: StoredRecord): SourceUnit {
    const { doc } = analysis;
    const body: SourceBody = { text: doc.text, paragraphs: doc.paragraphs, sentences: doc.sentences };
    return this.insert(
      {
        uri: doc.uri,
        path: doc.path,
        meta: metaOf(doc),
        sentences: doc.sentences.map((s) => terms(doc.text.slice(s.start, s.end))),
        body,
        quotes: analysis.quotes,
        actors: analysis.actors,
        // Packed after indexing, as always: the blobs are the same either way (the store tests compare them).
        blobs: () => ({
          body: pack(body),
          quotes: pack(analysis.quotes),
          actors: pack(analysis.actors),
          actorRows: analysis.actors.actors.map((a) => [keyOf(a), pack(a)] as const),
        }),
      },
      record,
    );
  }

  /** The same for a source analysed and packed on another thread: only its quotations and actors are unpacked. */
  putPrepared(prepared: PreparedSource, record: StoredRecord): SourceUnit {
    const actors = unpack(preparedPart(prepared, 2)) as DocumentActors;
    return this.insert(
      {
        uri: prepared.uri,
        path: prepared.path,
        meta: prepared.meta,
        sentences: sentenceTerms(prepared),
        body: null,
        quotes: unpack(preparedPart(prepared, 1)) as SourceQuote[],
        actors,
        blobs: () => ({
          body: preparedPart(prepared, 0),
          quotes: preparedPart(prepared, 1),
          actors: preparedPart(prepared, 2),
          actorRows: prepared.actorKeys.map((key, local) => [key, preparedPart(prepared, 3 + local)] as const),
        }),
      },
      record,
    );
  }

  private insert(parts: RowParts, record: StoredRecord): SourceUnit {
    if (this.records.has(parts.uri)) this.endBulk();
    this.removeFromIndexes(parts.uri);
    let firstSentence = -1;
    for (const sentence of parts.sentences) {
      const id = this.sources.sentences.add(sentence);
      if (firstSentence < 0) firstSentence = id;
    }
    const head: SourceHead = {
      meta: parts.meta,
      actorCount: parts.actors.actors.length,
      firstSentence: Math.max(0, firstSentence),
      sentenceCount: parts.sentences.length,
      quoteCount: parts.quotes.length,
    };
    const row = this.nextRow++;
    const body = parts.body;
    if (body) this.bodies.getOr(row, () => body);
    this.quoteLists.getOr(row, () => parts.quotes);
    this.actorLists.getOr(row, () => parts.actors);
    const unit = new StoredUnit(row, parts.uri, parts.path, head, this);
    this.units.set(row, unit);
    this.sources.addUnit(unit);
    this.quotes.unitAdded(unit);
    const facts = this.quotes.describe(unit);
    const quoteIds = Uint32Array.from(this.quotes.idsOf(unit));
    const blobs = parts.blobs();
    const source = [
      row,
      parts.uri,
      parts.path,
      record?.size ?? null,
      record?.mtimeMs ?? null,
      record?.stampedAt ?? null,
      record?.hash ?? null,
      pack(head),
      pack(facts),
      Buffer.from(quoteIds.buffer, quoteIds.byteOffset, quoteIds.byteLength),
      blobs.body,
      blobs.actors,
    ];
    // Each document actor under its group key: a card gathers an actor's appearances from these rows alone.
    const actors = blobs.actorRows.map(([key, blob], local) => [key, row, local, blob]);
    this.queue({ uri: parts.uri, source, quotes: [row, blobs.quotes], actors });
    // Indexed and queued: the analysis is let go (a cold build would otherwise hold the last thousands of them
    // through the caches); a read before the batch commits commits it first.
    this.bodies.delete(row);
    this.quoteLists.delete(row);
    this.actorLists.delete(row);
    this.records.set(parts.uri, record);
    return unit;
  }

  /** Removes a source from memory and disk; false if it was not stored. */
  remove(uri: string): boolean {
    if (this.records.has(uri)) this.endBulk();
    const had = this.removeFromIndexes(uri);
    this.queue(uri);
    this.records.delete(uri);
    return had;
  }

  /** Commits the queued source writes (a build calls it at its end, a file event after its write). */
  flushWrites(): void {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    // A bulk load only adds sources the database does not hold (`put` of a stored one ends it): nothing to delete.
    const stage = this.bulk ? this.sql.stageActor : null;
    this.db.transaction(() => {
      if (!this.dirty) this.sql.setMeta.run('clean', 0);
      for (const op of batch) {
        const uri = typeof op === 'string' ? op : op.uri;
        if (!stage) {
          this.sql.removeActors.run(uri);
          this.sql.removeQuotes.run(uri);
          this.sql.remove.run(uri);
        }
        if (typeof op === 'string') continue;
        this.sql.insert.run(...op.source);
        this.sql.insertQuotes.run(...op.quotes);
        for (const a of op.actors) (stage ?? this.sql.insertActor).run(...a);
      }
    })();
    this.dirty = true;
    // The actor tables follow at once (a few ms: what the change touched), not on the next read; in their own
    // commit, so that a failed merge never takes the source writes with it (the file stays unclean either way).
    this.actors.current();
  }

  /**
   * Filling an empty database (a first start, or a file that was emptied): document actors are appended to a
   * temporary table instead of `actor_source`, whose primary key is the actor's group key, so each insert would
   * land on a random page of a table larger than the page cache (the first start's cost grew faster than the
   * corpus). `endBulk` copies them over in key order, which writes each page once, and builds the by-row index
   * after. Commits are not synced meanwhile: a crash leaves the file marked unclean, and the next start rebuilds it.
   */
  private beginBulk(): void {
    this.db.exec(
      'DROP INDEX IF EXISTS actor_source_by_row; CREATE TEMP TABLE IF NOT EXISTS actor_stage (key TEXT NOT NULL, row INTEGER NOT NULL, local INTEGER NOT NULL, actor BLOB NOT NULL); PRAGMA synchronous = OFF',
    );
    this.sql.stageActor = this.db.prepare('INSERT INTO actor_stage (key, row, local, actor) VALUES (?,?,?,?)');
    this.bulk = true;
  }

  /** Commits the queued writes and ends a bulk load: the staged actors move to `actor_source` in key order. */
  endBulk(): void {
    this.flushWrites();
    if (!this.bulk) return;
    this.bulk = false;
    this.sql.stageActor = null;
    this.db.transaction(() => {
      this.db.exec(
        'INSERT INTO actor_source (key, row, local, actor) SELECT key, row, local, actor FROM actor_stage ORDER BY key, row, local; DROP TABLE actor_stage; CREATE INDEX IF NOT EXISTS actor_source_by_row ON actor_source (row)',
      );
    })();
    this.db.exec('PRAGMA synchronous = NORMAL');
  }

  /**
   * Writes the postings and marks the file consistent. Call after a build and (debounced) after changes. The
   * actors first: a first fill's merge is written whole (tables and running state) and leaves the heap before the
   * postings are encoded, so that the two never share it (at 100,000 sources each is hundreds of MB); later saves
   * find the actor tables current (merged change by change) and write their counts.
   */
  saveIndexes(): void {
    this.endBulk();
    if (!this.dirty) return;
    const merge = this.actors.memory;
    if (merge) {
      // Committed apart: should the postings' transaction fail, these tables answer and the file stays unclean.
      const counts = this.db.transaction(() => this.saveActors(merge))();
      this.actors.useTables(this.savedActors(counts), counts);
    }
    const counts = this.actors.current();
    this.db.transaction(() => {
      if (!merge && counts) {
        this.sql.setMeta.run('actors', pack(counts));
        const rows = this.actors.patchedRows();
        if (rows) {
          saveActorRows(this.db, rows.toRows());
          rows.changed = false;
        }
      }
      this.sql.setMeta.run('sentences', encodePostings(this.sources.sentences.exportState()));
      this.sql.setMeta.run('quotes', encodePostings(this.quotes.exportTerms()));
      this.saveHeads();
      this.sql.setMeta.run('clean', 1);
    })();
    this.dirty = false;
  }

  /** Writes a merge's tables and running state whole (inside the save's transaction); returns its counts. */
  private saveActors(merge: ActorIndex): ActorCounts {
    const tables = merge.tables();
    const aliasWords: number[] = [];
    for (const { actor } of tables.clusters) {
      for (const fk of actor.formKeys) {
        const words = fk.split(' ').length;
        while (aliasWords.length <= words) aliasWords.push(0);
        aliasWords[words]++;
      }
    }
    const counts = { size: merge.size, maxAliasWords: tables.maxAliasWords, aliasWords, firstNames: merge.running.firstNames.size };
    saveActorTables(this.db, tables, (unit) => (unit instanceof StoredUnit ? unit.row : undefined));
    saveActorState(this.db, merge.running, tables.targets);
    this.sql.setMeta.run('actors', pack(counts));
    return counts;
  }

  /**
   * Every source's head and the quotation facts, in path order (inside the save's transaction): the next start
   * reads these two blobs instead of every row.
   */
  private saveHeads(): void {
    const units = [...this.units.values()].sort((a, b) => (a.doc.path < b.doc.path ? -1 : a.doc.path > b.doc.path ? 1 : 0));
    const entries = units.map((unit) => ({
      row: unit.row,
      uri: unit.doc.uri,
      path: unit.doc.path,
      record: this.records.get(unit.doc.uri) ?? null,
      head: unit.head,
      baseKey: this.sources.baseKeyOf(unit),
      quoteIds: this.quotes.idsOf(unit),
    }));
    this.sql.setMeta.run('heads', encodeHeads(entries));
    this.sql.setMeta.run('quote_facts', encodeQuoteFacts(this.quotes.exportFacts(units)));
  }

  /** Actor reads from the saved tables. */
  private savedActors(counts: ActorCounts): SqlActors {
    return new SqlActors(this.db, (row) => this.units.get(row), counts);
  }

  /**
   * Queues a source write; every WRITE_BATCH writes are committed in one transaction that also marks the saved
   * postings stale. A crash loses at most the batch, whose files the next start re-reads (their rows are absent).
   */
  private queue(op: PendingWrite | string): void {
    this.pending.push(op);
    if (this.pending.length >= (this.bulk ? BULK_BATCH : WRITE_BATCH)) this.flushWrites();
  }

  private removeFromIndexes(uri: string): boolean {
    const old = this.sources.get(uri);
    if (!old) return false;
    this.quotes.unitRemoved(old);
    this.sources.remove(uri);
    if (old instanceof StoredUnit) {
      this.bodies.delete(old.row);
      this.quoteLists.delete(old.row);
      this.actorLists.delete(old.row);
      this.units.delete(old.row);
    }
    return true;
  }

  body(row: number): SourceBody {
    return this.bodies.getOr(row, () => unpack(this.blob(this.sql.body, row)) as SourceBody);
  }

  quoteList(row: number): SourceQuote[] {
    return this.quoteLists.getOr(row, () => unpack(this.blob(this.sql.quotes, row)) as SourceQuote[]);
  }

  actorList(row: number): DocumentActors {
    return this.actorLists.getOr(row, () => unpack(this.blob(this.sql.actors, row)) as DocumentActors);
  }

  private blob(statement: SqlStatement, row: number): Buffer {
    // A row still in the queue (its caches let go of it) is written first, so that it can be read back.
    this.flushWrites();
    const found = statement.get(row) as Record<string, Buffer> | undefined;
    const value = found && Object.values(found)[0];
    if (!value) throw new Error(`source row ${row} is missing from the index database`);
    return value;
  }

  private meta(key: string): unknown {
    const found = this.sql.getMeta.get(key) as { v: unknown } | undefined;
    return found?.v;
  }

  /** Loads the saved postings and every source's head; empties the file when it cannot be trusted. */
  private restore(buildId: string): string {
    const version = `${SCHEMA_VERSION}:${buildId}`;
    const why = this.meta('version') !== version ? 'made by another version' : this.meta('clean') !== 1 ? 'not saved cleanly' : null;
    const sentences = why ? undefined : (this.meta('sentences') as Buffer | undefined);
    const quotes = why ? undefined : (this.meta('quotes') as Buffer | undefined);
    if (why || !sentences || !quotes) {
      const had = (this.db.prepare('SELECT count(*) AS n FROM source').get() as { n: number }).n;
      this.db.transaction(() => {
        this.db.exec(
          'DELETE FROM source; DELETE FROM quote_list; DELETE FROM meta; DELETE FROM actor; DELETE FROM actor_key; DELETE FROM actor_form; DELETE FROM actor_case; DELETE FROM actor_source; DELETE FROM actor_alias; DELETE FROM actor_group; DELETE FROM actor_owner; DELETE FROM actor_target;',
        );
        this.sql.setMeta.run('version', version);
        this.sql.setMeta.run('clean', 0);
      })();
      this.dirty = true;
      this.beginBulk();
      return had ? `index database ${why ?? 'incomplete'}: emptied, rebuilding` : 'new index database';
    }
    this.sources.sentences.loadState(decodeState(sentences));
    this.quotes.loadTerms(decodeState(quotes));
    const actorCounts = this.meta('actors') as Buffer | undefined;
    const fromTables = actorCounts !== undefined;
    if (actorCounts) {
      const counts = unpack(actorCounts) as ActorCounts;
      this.actors.useTables(this.savedActors(counts), counts);
    }
    const heads = this.meta('heads') as Buffer | undefined;
    const facts = this.meta('quote_facts') as Buffer | undefined;
    let restored = 0;
    // Sources registered from saved tables are already in them: the restore is not a change.
    this.actors.restore(() => {
      restored = heads && facts ? this.restoreHeads(decodeHeads(heads), facts) : this.restoreRows(fromTables);
    });
    return `restored ${restored} sources from the index database`;
  }

  /** Registers every source from the saved heads (in path order, as a build adds them: citation keys). */
  private restoreHeads(heads: SavedHeads, facts: Buffer): number {
    this.quotes.loadFacts(decodeQuoteFacts(facts));
    let q = 0;
    for (let i = 0; i < heads.size; i++) {
      const row = heads.rows[i];
      const head = headAt(heads, i);
      const unit = new StoredUnit(row, heads.uris[i], heads.paths[i], head, this);
      this.units.set(row, unit);
      this.sources.addUnit(unit, heads.baseKeys?.[i]);
      this.quotes.restoreIds(unit, Array.from(heads.quoteIds.subarray(q, (q += head.quoteCount))));
      this.records.set(heads.uris[i], recordAt(heads, i));
      if (row >= this.nextRow) this.nextRow = row + 1;
    }
    return heads.size;
  }

  /** The same from every source row (a file saved before the heads blob). */
  private restoreRows(fromTables: boolean): number {
    // In path order, as a build adds them (citation keys), one row at a time: holding every row at once (to sort
    // them here) raised the start's peak at 100,000 sources.
    const rows = this.db
      .prepare(
        `SELECT id, uri, path, size, mtime, stamped, hash, head, facts, quote_ids, ${fromTables ? 'NULL AS actors' : 'actors'} FROM source ORDER BY path`,
      )
      .iterate() as IterableIterator<RestoredRow>;
    let restored = 0;
    for (const r of rows) {
      restored++;
      const head = unpack(r.head) as SourceHead;
      const unit = new StoredUnit(r.id, r.uri, r.path, head, this);
      // The actor index reads the unit's actors as it is added; the row is at hand (the connection is busy
      // iterating, so the loader could not query it), and the cache lets go of it as later rows arrive.
      if (!fromTables && head.actorCount > 0) this.actorLists.getOr(r.id, () => unpack(r.actors) as DocumentActors);
      this.units.set(r.id, unit);
      this.sources.addUnit(unit);
      const ids = typed(r.quote_ids, (b) => new Uint32Array(b));
      this.quotes.restoreUnit(unit, [...ids], unpack(r.facts) as QuoteFacts);
      this.records.set(r.uri, r.hash === null ? null : { size: r.size, mtimeMs: r.mtime, stampedAt: r.stamped, hash: r.hash });
      if (r.id >= this.nextRow) this.nextRow = r.id + 1;
    }
    return restored;
  }

  close(): void {
    this.flushWrites();
    this.db.close();
  }
}

/** A file of an older schema has other columns: its source table is dropped before statements are prepared (restore then empties it). */
function dropOlderSchema(db: SqlDatabase): void {
  db.exec('CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v BLOB)');
  const found = db.prepare("SELECT v FROM meta WHERE k = 'version'").get() as { v: unknown } | undefined;
  if (found && !String(found.v).startsWith(`${SCHEMA_VERSION}:`))
    db.exec(
      'DROP TABLE IF EXISTS source; DROP TABLE IF EXISTS quote_list; DROP TABLE IF EXISTS actor_source; DROP TABLE IF EXISTS actor; DROP TABLE IF EXISTS actor_case',
    );
}

/** A source write waiting for its batch: the source row's values and its actors' rows. */
/** A source to insert, from an analysis on this thread or prepared on another. */
interface RowParts {
  uri: string;
  path: string;
  meta: SourceHead['meta'];
  /** Each sentence's retrieval terms. */
  sentences: string[][];
  /** The text and structure when this thread has them (kept in the cache while the source is indexed). */
  body: SourceBody | null;
  quotes: SourceQuote[];
  actors: DocumentActors;
  blobs(): { body: Buffer; quotes: Buffer; actors: Buffer; actorRows: (readonly [string, Buffer])[] };
}

interface PendingWrite {
  uri: string;
  source: unknown[];
  /** The row of `quote_list`: source row and packed quotations. */
  quotes: [number, Buffer];
  actors: unknown[][];
}

interface RestoredRow {
  id: number;
  uri: string;
  path: string;
  size: number;
  mtime: number;
  stamped: number;
  hash: string | null;
  head: Buffer;
  facts: Buffer;
  quote_ids: Buffer;
  actors: Buffer;
}

/**
 * The postings as typed arrays: views of the read blob when both are aligned (no copy), else aligned copies of
 * both (a view of one would keep the whole blob alive next to the other's copy).
 */
function postings(ids: Uint8Array, tfs: Uint8Array): { ids: Uint32Array; tfs: Uint16Array } {
  if (ids.byteOffset % 4 === 0 && tfs.byteOffset % 2 === 0)
    return {
      ids: new Uint32Array(ids.buffer, ids.byteOffset, ids.byteLength / 4),
      tfs: new Uint16Array(tfs.buffer, tfs.byteOffset, tfs.byteLength / 2),
    };
  return { ids: typed(ids, (b) => new Uint32Array(b)), tfs: typed(tfs, (b) => new Uint16Array(b)) };
}

/** A saved index state: the aligned blob, or the msgpack value saved before it. */
function decodeState(bytes: Buffer): InvertedIndexState {
  if (isPostingsBlob(bytes)) return decodePostings(bytes);
  // Before the aligned blob: one msgpack value (msgpackr writes typed arrays as raw bytes, read back as Buffers).
  const raw = unpack(bytes) as {
    terms: string[];
    offsets: Uint8Array;
    ids: Uint8Array;
    tfs: Uint8Array;
    lengths: Uint8Array;
    alive: Uint8Array;
  };
  return {
    terms: raw.terms,
    offsets: typed(raw.offsets, (b) => new Uint32Array(b)),
    ...postings(raw.ids, raw.tfs),
    lengths: typed(raw.lengths, (b) => new Uint16Array(b)),
    alive: typed(raw.alive, (b) => new Uint8Array(b)),
  };
}
