/**
 * The merged actors as SQLite tables, so that a second start on an unchanged folder answers actor reads from the
 * database instead of re-reading every document's actors and merging them again on the heap. The merge itself
 * stays the memory actor index's (`store/memory/actors/`): its result is written here, in the transaction that
 * saves the postings, and read back per lookup (one actor row, a small cache of actor objects).
 *
 * Tables: `actor` (one row per merged actor: summary, whether it is the one its id resolves to), `actor_key`
 * (document actors' group key → actor), `actor_form` (every form key → the actor it resolves to), `actor_case` (short
 * all-capital spellings that match case-sensitively). A card's appearances come from `actor_source` (written with
 * each source row by the store: every document actor under its group key), joined through `actor_key`.
 */
import type { ActorType, DocumentActor } from '../../domain/actor-types';
import { HONORIFICS } from '../../mentions/name-lexicon';
import { nameKey } from '../../mentions/name-key';
import { keyOf } from '../memory/actors/actor-groups';
import type { MergedTables } from '../memory/actors/actor-index';
import { summariseRoles } from '../memory/actors/actor-summary';
import { byCoMention, type Actor, type ActorReads, type ActorRoleSummary, type CoMention, type SourceUnit } from '../source-store';
import { unpack } from 'msgpackr';
import type { SqlDatabase, SqlStatement } from './sql-database';
import { Lru } from '../../domain/lru';
import { actorRowsOf, loadActorRows, RowNumbers, saveActorRows } from './actor-rows';

export const ACTOR_SCHEMA = `
CREATE TABLE IF NOT EXISTS actor (
  n INTEGER PRIMARY KEY, id TEXT NOT NULL, first_key TEXT NOT NULL, main INTEGER NOT NULL, name TEXT NOT NULL,
  type TEXT NOT NULL, aliases TEXT NOT NULL, affiliation TEXT, mentions INTEGER NOT NULL, first_word TEXT, case_forms TEXT
);
CREATE INDEX IF NOT EXISTS actor_by_id ON actor (id, first_key);
CREATE INDEX IF NOT EXISTS actor_by_first_word ON actor (first_word) WHERE first_word IS NOT NULL;
CREATE INDEX IF NOT EXISTS actor_main ON actor (main) WHERE main = 1;
CREATE TABLE IF NOT EXISTS actor_key (key TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS actor_key_by_n ON actor_key (n);
CREATE TABLE IF NOT EXISTS actor_form (key TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS actor_case (
  key TEXT NOT NULL, form TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (key, form)
) WITHOUT ROWID;`;

/** Actor objects kept (identity within a request: features compare actors with `===`). */
const ACTOR_CACHE = 4096;
/** Form keys whose actor number is kept. */
const FORM_CACHE = 16384;

interface ActorRow {
  n: number;
  id: string;
  name: string;
  type: ActorType;
  aliases: string;
  affiliation: string | null;
  mentions: number;
}

/** Resolves a stored source row to its unit (undefined when the row is gone). */
export type UnitOfRow = (row: number) => SourceUnit | undefined;

/**
 * Writes the merged state into the tables (call inside a transaction): the rows reads answer from, and what the
 * merge needs to go on change by change (every form of every actor, its case-sensitive spellings, the first word
 * its type hangs on). Appearances are the sources' rows in `actor_source`.
 */
export function saveActorTables(db: SqlDatabase, tables: MergedTables, rowOf: (unit: SourceUnit) => number | undefined): void {
  // Secondary indexes are built once after the rows (in order), rather than kept up by each random insert.
  db.exec(
    'DELETE FROM actor; DELETE FROM actor_key; DELETE FROM actor_form; DELETE FROM actor_case; DELETE FROM actor_alias; ' +
      'DROP INDEX IF EXISTS actor_by_id; DROP INDEX IF EXISTS actor_by_first_word; DROP INDEX IF EXISTS actor_main; ' +
      'DROP INDEX IF EXISTS actor_key_by_n; DROP INDEX IF EXISTS actor_alias_by_n;',
  );
  const insertActor = db.prepare(
    'INSERT INTO actor (n, id, first_key, main, name, type, aliases, affiliation, mentions, first_word, case_forms) VALUES (?,?,?,?,?,?,?,?,?,?,?)',
  );
  const numbers = new Map<object, number>();
  const keys: [string, number][] = [];
  const aliases: [string, number][] = [];
  let n = 0;
  for (const { actor, primary } of tables.clusters) {
    numbers.set(actor, ++n);
    for (const g of actor.groups) keys.push([g.key, n]);
    for (const fk of actor.formKeys) aliases.push([fk, n]);
    insertActor.run(
      n,
      actor.id,
      actor.groups[0]?.key ?? actor.id,
      primary ? 1 : 0,
      actor.name,
      actor.type,
      JSON.stringify(actor.aliases),
      actor.affiliation,
      actor.mentionCount,
      actor.firstWord,
      actor.caseForms.length ? JSON.stringify(actor.caseForms) : null,
    );
  }
  const forms: [string, number][] = [];
  for (const [key, actor] of tables.forms) {
    const at = numbers.get(actor);
    if (at !== undefined) forms.push([key, at]);
  }
  insertInOrder(db.prepare('INSERT INTO actor_key (key, n) VALUES (?, ?)'), keys);
  insertInOrder(db.prepare('INSERT INTO actor_alias (key, n) VALUES (?, ?)'), aliases);
  insertInOrder(db.prepare('INSERT INTO actor_form (key, n) VALUES (?, ?)'), forms);
  const insertCase = db.prepare('INSERT INTO actor_case (key, form, n) VALUES (?, ?, ?)');
  for (const [key, spellings] of tables.caseSensitive) for (const [form, count] of spellings) insertCase.run(key, form, count);
  db.exec(ACTOR_SCHEMA);
  const numbered = tables.clusters.map(({ actor }) => ({ n: numbers.get(actor) ?? 0, groups: actor.groups }));
  saveActorRows(db, actorRowsOf(numbered, rowOf));
}

/** Inserts rows in the order of their first column (a table keyed by it is then written page after page). */
export function insertInOrder(insert: SqlStatement, rows: [string, ...unknown[]][]): void {
  rows.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  for (const row of rows) insert.run(...row);
}

/** One document actor of an actor's appearances, as \`actor_source\` keeps it. */
interface AppearanceRow {
  row: number;
  local: number;
  actor: Buffer;
}

/** An actor's appearances: its document actors' rows, by merged actor number (a few indexed reads, no source row). */
export type AppearancesOf = (n: number) => AppearanceRow[];

/** An actor read from its row; appearances and roles are gathered from \`actor_source\` when asked for. */
class SqlActor implements Actor {
  private cachedAppearances: { unit: SourceUnit; actor: DocumentActor }[] | null = null;
  private cachedRoles: ActorRoleSummary[] | null = null;

  constructor(
    readonly id: string,
    readonly name: string,
    readonly type: ActorType,
    readonly aliases: string[],
    readonly affiliation: string | null,
    readonly mentionCount: number,
    /** Its row number in `actor`. */
    readonly n: number,
    private readonly rows: { appearancesOf: AppearancesOf; unitOf: UnitOfRow },
  ) {}

  get appearances(): { unit: SourceUnit; actor: DocumentActor }[] {
    if (!this.cachedAppearances) {
      const items: { unit: SourceUnit; local: number; actor: DocumentActor }[] = [];
      for (const r of this.rows.appearancesOf(this.n)) {
        const unit = this.rows.unitOf(r.row);
        if (unit) items.push({ unit, local: r.local, actor: unpack(r.actor) as DocumentActor });
      }
      // The memory index's order: by source, then by the actor's place in it.
      items.sort((a, b) => (a.unit.doc.uri < b.unit.doc.uri ? -1 : a.unit.doc.uri > b.unit.doc.uri ? 1 : a.local - b.local));
      this.cachedAppearances = items;
    }
    return this.cachedAppearances;
  }

  get roles(): ActorRoleSummary[] {
    return (this.cachedRoles ??= summariseRoles(this.appearances));
  }
}

/** Actor reads answered from the tables (valid while the tables match the sources: until the next change). */
export class SqlActors implements ActorReads {
  size: number;
  maxAliasWords: number;
  private readonly cache = new Lru<number, SqlActor | undefined>(ACTOR_CACHE);
  /** Form keys already looked up (0: no actor): speakers' names are resolved for every completion item. */
  private readonly forms = new Lru<string, number>(FORM_CACHE);
  private readonly sql: Record<
    'row' | 'byKey' | 'byForm' | 'byId' | 'cases' | 'main' | 'appearances' | 'coMentions' | 'appearanceRows',
    SqlStatement
  >;
  private readonly rows: { appearancesOf: AppearancesOf; unitOf: UnitOfRow };
  /** The saved row numbers, read on the first co-mention count or change (null: the file has none). */
  private actorRows: RowNumbers | null | undefined;

  constructor(
    readonly db: SqlDatabase,
    unitOf: UnitOfRow,
    counts: { size: number; maxAliasWords: number },
  ) {
    this.size = counts.size;
    this.maxAliasWords = counts.maxAliasWords;
    this.sql = {
      row: db.prepare('SELECT n, id, name, type, aliases, affiliation, mentions FROM actor WHERE n = ?'),
      byKey: db.prepare('SELECT n FROM actor_key WHERE key = ?'),
      byForm: db.prepare('SELECT n FROM actor_form WHERE key = ?'),
      byId: db.prepare('SELECT n FROM actor WHERE id = ? ORDER BY first_key LIMIT 1'),
      cases: db.prepare('SELECT form FROM actor_case WHERE key = ?'),
      main: db.prepare('SELECT n, id, name, type, aliases, affiliation, mentions FROM actor WHERE main = 1'),
      appearances: db.prepare(
        'SELECT s.row AS row, s.local AS local, s.actor AS actor FROM actor_key k JOIN actor_source s ON s.key = k.key WHERE k.n = ?',
      ),
      // Every document actor of every source the actor appears in, counted per appearance, by merged actor: one
      // query over indexes, however many sources (no source row, no actor object per document actor).
      coMentions: db.prepare(
        `SELECT k2.n AS n, count(*) AS count FROM actor_key k JOIN actor_source s ON s.key = k.key
         JOIN actor_source s2 ON s2.row = s.row JOIN actor_key k2 ON k2.key = s2.key
         WHERE k.n = @n AND k2.n <> @n GROUP BY k2.n`,
      ),
      appearanceRows: db.prepare('SELECT s.row AS row FROM actor_key k JOIN actor_source s ON s.key = k.key WHERE k.n = ?'),
    };
    this.rows = { appearancesOf: (n) => this.sql.appearances.all(n) as AppearanceRow[], unitOf };
  }

  canonical(unit: SourceUnit, localIndex: number): Actor | undefined {
    const actor = unit.actors.actors[localIndex];
    if (!actor) return undefined;
    return this.numbered(this.sql.byKey, keyOf(actor));
  }

  findByName(name: string): Actor | undefined {
    const hit = this.byForm(nameKey(name));
    if (hit) return hit;
    const words = name.trim().split(/\s+/);
    if (words.length > 1 && HONORIFICS.has(words[0])) return this.byForm(nameKey(words.slice(1).join(' ')));
    return undefined;
  }

  lookupForm(form: string): Actor | undefined {
    const key = nameKey(form);
    const actor = this.byForm(key);
    if (!actor) return undefined;
    const exact = (this.sql.cases.all(key) as { form: string }[]).map((r) => r.form);
    return exact.length > 0 && !exact.includes(form.replace(/\u2019/g, "'")) ? undefined : actor;
  }

  byId(id: string): Actor | undefined {
    return this.numbered(this.sql.byId, id);
  }

  /** Every actor once per id (read in one query: a caller may read sources while it iterates). */
  *all(): IterableIterator<Actor> {
    for (const r of this.sql.main.all() as ActorRow[]) yield this.cache.getOr(r.n, () => this.make(r)) ?? this.make(r);
  }

  /** The merge changed its tables: actors read before are let go (their rows may be gone or rewritten). */
  changed(counts: { size: number; maxAliasWords: number }): void {
    this.size = counts.size;
    this.maxAliasWords = counts.maxAliasWords;
    this.cache.clear();
    this.forms.clear();
  }

  /** The co-mention numbers of every source row (read once; null when the file has none). */
  rowNumbers(): RowNumbers | null {
    if (this.actorRows === undefined) {
      const rows = loadActorRows(this.db);
      this.actorRows = rows && new RowNumbers(rows);
    }
    return this.actorRows;
  }

  /** The co-mention numbers if a change patched them since they were read (a save writes them then). */
  patchedRows(): RowNumbers | null {
    return this.actorRows?.changed ? this.actorRows : null;
  }

  coMentioned(actor: Actor, limit: number): CoMention[] {
    if (!(actor instanceof SqlActor)) return [];
    const rows = this.rowNumbers();
    const counted = rows ? this.countFromRows(actor.n, rows) : this.countInSql(actor.n);
    // Only the actors that can still make the list are read (count, then mentions, name and id decide).
    counted.sort((a, b) => b.count - a.count);
    const floor = counted[Math.min(limit, counted.length) - 1]?.count ?? 0;
    const ranked: (CoMention & { mentions: number; name: string; id: string })[] = [];
    for (const { n, count } of counted) {
      if (count < floor) break;
      const other = this.actor(n);
      if (other) ranked.push({ actor: other, count, mentions: other.mentionCount, name: other.name, id: other.id });
    }
    return ranked
      .sort(byCoMention)
      .slice(0, limit)
      .map(({ actor: other, count }) => ({ actor: other, count }));
  }

  /** Co-mention counts from the saved row numbers: one indexed read of the actor's source rows. */
  private countFromRows(n: number, rows: RowNumbers): { n: number; count: number }[] {
    const counts = new Map<number, number>();
    for (const { row } of this.sql.appearanceRows.all(n) as { row: number }[]) {
      const ns = rows.of(row);
      for (let j = 0; j < ns.length; j++) {
        const other = ns[j];
        if (other !== 0 && other !== n) counts.set(other, (counts.get(other) ?? 0) + 1);
      }
    }
    return [...counts].map(([other, count]) => ({ n: other, count }));
  }

  /** Co-mention counts in SQL (a file saved without the row numbers): slow for actors in thousands of sources. */
  private countInSql(n: number): { n: number; count: number }[] {
    return this.sql.coMentions.all({ n }) as { n: number; count: number }[];
  }

  private byForm(key: string): SqlActor | undefined {
    const n = this.forms.getOr(key, () => (this.sql.byForm.get(key) as { n: number } | undefined)?.n ?? 0);
    return n === 0 ? undefined : this.actor(n);
  }

  private numbered(statement: SqlStatement, key: string): SqlActor | undefined {
    const found = statement.get(key) as { n: number } | undefined;
    return found ? this.actor(found.n) : undefined;
  }

  private actor(n: number): SqlActor | undefined {
    return this.cache.getOr(n, () => {
      const r = this.sql.row.get(n) as ActorRow | undefined;
      return r && this.make(r);
    });
  }

  private make(r: ActorRow): SqlActor {
    const aliases = JSON.parse(r.aliases) as string[];
    return new SqlActor(r.id, r.name, r.type, aliases, r.affiliation, r.mentions, r.n, this.rows);
  }
}
