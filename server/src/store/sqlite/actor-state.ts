/**
 * The actor merge's running state as tables, so that a change after a start updates the merge from what it
 * touches instead of rebuilding it on the heap: every key group's tallies (`actor_group`), the owner tables
 * (`actor_owner`: acronyms, surnames, parts of names, first names), the merge edges (`actor_target`) and every
 * form each merged actor answers to (`actor_alias`). Written whole when a first fill is saved, then read and
 * written back entry by entry: `loadedGroups` gives an `ActorGroups` whose maps read an entry from its table on
 * first use and write back the entries a change set.
 */
import { pack, unpack } from 'msgpackr';
import type { ActorType } from '../../domain/actor-types';
import { ActorGroups, newGroup, Tally, type GroupMaps, type KeyGroup } from '../memory/actors/actor-groups';
import type { SqlDatabase, SqlStatement } from './sql-database';
import { insertInOrder } from './sql-actors';

export const ACTOR_STATE_SCHEMA = `
CREATE TABLE IF NOT EXISTS actor_group (key TEXT PRIMARY KEY, state BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS actor_owner (
  kind INTEGER NOT NULL, k TEXT NOT NULL, owner TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (kind, k, owner)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS actor_target (key TEXT PRIMARY KEY, target TEXT NOT NULL) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS actor_target_by_target ON actor_target (target);
CREATE TABLE IF NOT EXISTS actor_alias (key TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (key, n)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS actor_alias_by_n ON actor_alias (n);`;

/** The owner tables, in the order of their `kind` number. */
const OWNER_KINDS = ['acronymOwners', 'surnameOwners', 'partOwners', 'firstNames', 'guessedFirstNames'] as const;
const FIRST_NAMES = OWNER_KINDS.indexOf('firstNames');

const flat = <K>(t: Tally<K>): (K | number)[] => {
  const out: (K | number)[] = [];
  for (const [k, n] of t.entries()) out.push(k, n);
  return out;
};

function fill<K>(t: Tally<K>, pairs: (K | number)[]): void {
  for (let i = 0; i < pairs.length; i += 2) t.add(pairs[i] as K, pairs[i + 1] as number);
}

type GroupRow = [number, number, number, number, number, number, string[], string[], ActorType[], string[] | null];

/** A group's tallies as one blob (its documents' actors stay in `actor_source`). */
function encodeGroup(g: KeyGroup): Buffer {
  const row = [g.size, g.persons, g.strongPersons, g.confidentPersons, g.mentions, g.orgGuesses];
  return pack([...row, flat(g.spellings), flat(g.formSpellings), flat(g.types), g.affiliations ? flat(g.affiliations) : null]);
}

function decodeGroup(key: string, blob: Buffer): KeyGroup {
  const [size, persons, strong, confident, mentions, orgGuesses, spellings, forms, types, affiliations] = unpack(blob) as GroupRow;
  const g = newGroup(key);
  Object.assign(g, { size, persons, strongPersons: strong, confidentPersons: confident, mentions, orgGuesses });
  fill(g.spellings, spellings);
  fill(g.formSpellings, forms);
  fill(g.types, types);
  if (affiliations) fill((g.affiliations = new Tally<string>()), affiliations);
  return g;
}

/** Writes a fresh merge's running state whole (inside the save's transaction), replacing any before it. */
export function saveActorState(db: SqlDatabase, s: ActorGroups, targets: ReadonlyMap<string, string>): void {
  db.exec('DELETE FROM actor_group; DELETE FROM actor_owner; DELETE FROM actor_target; DROP INDEX IF EXISTS actor_target_by_target;');
  // In key order (each page written once); only the keys are sorted, the rows are made as they are written.
  const group = db.prepare('INSERT INTO actor_group (key, state) VALUES (?, ?)');
  for (const key of sortedKeys(s.groups)) {
    const g = s.groups.get(key);
    if (g) group.run(key, encodeGroup(g));
  }
  const owner = db.prepare('INSERT INTO actor_owner (kind, k, owner, n) VALUES (?, ?, ?, ?)');
  OWNER_KINDS.forEach((name, kind) => {
    const map = s[name];
    for (const k of sortedKeys(map)) for (const [o, n] of map.get(k)?.entries() ?? []) owner.run(kind, k, o, n);
  });
  insertInOrder(db.prepare('INSERT INTO actor_target (key, target) VALUES (?, ?)'), [...targets]);
  db.exec(ACTOR_STATE_SCHEMA);
}

const sortedKeys = (map: ReadonlyMap<string, unknown>): string[] => [...map.keys()].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));

/**
 * A map that reads an entry from its table the first time it is asked for, and records the entries set or
 * deleted since, for `writeBack`. `size` is the table's count plus the entries added minus those deleted.
 */
class LoadedMap<V> extends Map<string, V> {
  private readonly looked = new Set<string>();
  readonly changed = new Set<string>();
  private added = 0;
  private counted: number | undefined;

  constructor(
    private readonly load: (key: string) => V | undefined,
    private readonly countAll: () => number,
  ) {
    super();
  }

  private ensure(key: string): void {
    if (this.looked.has(key)) return;
    this.looked.add(key);
    const v = this.load(key);
    if (v !== undefined) super.set(key, v);
  }

  override get(key: string): V | undefined {
    this.ensure(key);
    return super.get(key);
  }

  override has(key: string): boolean {
    this.ensure(key);
    return super.has(key);
  }

  override set(key: string, value: V): this {
    this.ensure(key);
    if (!super.has(key)) this.added++;
    this.changed.add(key);
    return super.set(key, value);
  }

  override delete(key: string): boolean {
    this.ensure(key);
    const had = super.delete(key);
    if (had) this.added--;
    this.changed.add(key);
    return had;
  }

  override get size(): number {
    this.counted ??= this.countAll();
    return this.counted + this.added;
  }

  /** The value to write back for a changed key (undefined: delete its row). */
  current(key: string): V | undefined {
    return super.get(key);
  }
}

/** A running state whose entries come from the tables as a change reads them; `writeBack` saves what it set. */
export interface LoadedState {
  groups: ActorGroups;
  /** Writes every changed entry back (inside a transaction). */
  writeBack(): void;
}

/**
 * Opens the running state over the tables (empty on the heap until entries are asked for); `firstNameCount` is how
 * many first names the tables hold (kept with the merge's counts: a count in SQL would scan them).
 */
export function loadedGroups(db: SqlDatabase, firstNameCount: number): LoadedState {
  const sql = {
    group: db.prepare('SELECT state FROM actor_group WHERE key = ?'),
    putGroup: db.prepare('INSERT OR REPLACE INTO actor_group (key, state) VALUES (?, ?)'),
    dropGroup: db.prepare('DELETE FROM actor_group WHERE key = ?'),
    owners: db.prepare('SELECT owner, n FROM actor_owner WHERE kind = ? AND k = ?'),
    dropOwners: db.prepare('DELETE FROM actor_owner WHERE kind = ? AND k = ?'),
    putOwner: db.prepare('INSERT INTO actor_owner (kind, k, owner, n) VALUES (?, ?, ?, ?)'),
  };
  const groups = new LoadedMap<KeyGroup>(
    (key) => {
      const found = sql.group.get(key) as { state: Buffer } | undefined;
      return found && decodeGroup(key, found.state);
    },
    () => 0,
  );
  const owners = OWNER_KINDS.map((_, kind) => ownerMap(sql.owners, kind, () => firstNameCount));
  const [acronymOwners, surnameOwners, partOwners, firstNames, guessedFirstNames] = owners;
  const maps: GroupMaps = { groups, acronymOwners, surnameOwners, partOwners, firstNames, guessedFirstNames };
  return {
    groups: new ActorGroups(maps, false),
    writeBack: () => {
      for (const key of groups.changed) {
        const g = groups.current(key);
        if (g) sql.putGroup.run(key, encodeGroup(g));
        else sql.dropGroup.run(key);
      }
      owners.forEach((map, kind) => {
        for (const k of map.changed) {
          sql.dropOwners.run(kind, k);
          for (const [o, n] of map.current(k)?.entries() ?? []) sql.putOwner.run(kind, k, o, n);
        }
      });
    },
  };
}

function ownerMap(read: SqlStatement, kind: number, firstNames: () => number): LoadedMap<Tally<string>> {
  return new LoadedMap<Tally<string>>(
    (k) => {
      const rows = read.all(kind, k) as { owner: string; n: number }[];
      if (rows.length === 0) return undefined;
      const t = new Tally<string>();
      for (const r of rows) t.add(r.owner, r.n);
      return t;
    },
    // Only the first names' count is asked for (whether the corpus knows enough first names).
    kind === FIRST_NAMES ? firstNames : () => 0,
  );
}
