/**
 * The actor merge updated in its tables, change by change: the SQLite store's counterpart of
 * `store/memory/actors/actor-merge.ts`, with the same decisions (`targetOf`, `summarise`, `ownsForm`) over state
 * read from the tables (`actor-state.ts`) instead of the heap. A source added or removed counts its own actors in
 * or out of the groups and owner tables it touches; the next read (or save) re-decides the merge targets of the
 * keys that changed, rebuilds the clusters that hold them, writes only those clusters' rows, and lets go of what
 * it read. Nothing of the whole merge is ever on the heap.
 *
 * A rebuilt cluster keeps its row number when its first key is that of a cluster it replaces, so that the saved
 * co-mention numbers (`actor-rows.ts`) need patching only for keys whose cluster really changed.
 */
import { isCaseSensitiveAlias } from '../../mentions/name-key';
import { keyOf } from '../memory/actors/actor-groups';
import { ownsForm, targetOf, type FormClaim } from '../memory/actors/actor-merge';
import { MIN_FIRST_NAMES, summarise } from '../memory/actors/actor-summary';
import { connectedKeys, type MergeEdges } from '../memory/actors/merge-component';
import type { SourceUnit } from '../source-store';
import { loadedGroups, type LoadedState } from './actor-state';
import type { RowNumbers } from './actor-rows';
import type { SqlDatabase, SqlStatement } from './sql-database';

/** What the merge keeps as counts beside its tables (in `meta.actors`). */
export interface ActorCounts {
  /** Canonical actors (distinct ids). */
  size: number;
  maxAliasWords: number;
  /** Forms of every actor by length in words (`aliasWords[w]`), for the longest alias. */
  aliasWords: number[];
  /** First names in the owner tables (the first-name rule applies from `MIN_FIRST_NAMES` on). */
  firstNames: number;
}

/** What the merge asks of its store. */
export interface DeltaHooks {
  /** Commits queued source writes (a cluster's appearances are read from `actor_source`). */
  flush(): void;
  /** The row of a stored source, or undefined when it is no longer stored. */
  rowOf(unit: SourceUnit): number | undefined;
  /** The co-mention numbers to patch (null: the file has none, co-mentions are counted in SQL). */
  rowNumbers(): RowNumbers | null;
}

const wordsOf = (key: string): number => key.split(' ').length;

/** One round of changes: everything read for it, let go when it is written. */
interface Round {
  state: LoadedState;
  added: SourceUnit[];
  pending: Set<string>;
  /** Clusters (row numbers) built this round. */
  placed: Set<number>;
  /** Form keys whose owner must be decided again. */
  forms: Set<string>;
  /** Ids whose main row must be decided again, with whether the id had an actor before the round. */
  ids: Map<string, boolean>;
  /** Each key's cluster number before the round (0: none). */
  before: Map<string, number>;
  /** Numbers of clusters dropped this round, by first key, free for the cluster that takes that key first. */
  freed: Map<string, number>;
}

export class ActorDelta {
  private round: Round | null = null;
  private readonly sql: Record<string, SqlStatement>;
  private nextN: number;

  constructor(
    private readonly db: SqlDatabase,
    private readonly counts: ActorCounts,
    private readonly hooks: DeltaHooks,
  ) {
    this.sql = {
      clusterOf: db.prepare('SELECT n FROM actor_key WHERE key = ?'),
      target: db.prepare('SELECT target FROM actor_target WHERE key = ?'),
      incoming: db.prepare('SELECT key FROM actor_target WHERE target = ?'),
      setTarget: db.prepare('INSERT OR REPLACE INTO actor_target (key, target) VALUES (?, ?)'),
      dropTarget: db.prepare('DELETE FROM actor_target WHERE key = ?'),
      cluster: db.prepare('SELECT id, first_key AS firstKey, case_forms AS caseForms FROM actor WHERE n = ?'),
      keys: db.prepare('SELECT key FROM actor_key WHERE n = ?'),
      forms: db.prepare('SELECT key FROM actor_alias WHERE n = ?'),
      dropActor: db.prepare('DELETE FROM actor WHERE n = ?'),
      dropKeys: db.prepare('DELETE FROM actor_key WHERE n = ?'),
      dropForms: db.prepare('DELETE FROM actor_alias WHERE n = ?'),
      insertActor: db.prepare(
        'INSERT INTO actor (n, id, first_key, main, name, type, aliases, affiliation, mentions, first_word, case_forms) VALUES (?,?,?,0,?,?,?,?,?,?,?)',
      ),
      insertKey: db.prepare('INSERT INTO actor_key (key, n) VALUES (?, ?)'),
      insertForm: db.prepare('INSERT INTO actor_alias (key, n) VALUES (?, ?)'),
      claims: db.prepare(
        'SELECT a.n AS n, a.id AS id, a.mentions AS mentions, a.first_key AS firstKey FROM actor_alias f JOIN actor a ON a.n = f.n WHERE f.key = ?',
      ),
      setForm: db.prepare('INSERT OR REPLACE INTO actor_form (key, n) VALUES (?, ?)'),
      dropForm: db.prepare('DELETE FROM actor_form WHERE key = ?'),
      addCase: db.prepare('INSERT INTO actor_case (key, form, n) VALUES (?, ?, 1) ON CONFLICT (key, form) DO UPDATE SET n = n + 1'),
      subCase: db.prepare('UPDATE actor_case SET n = n - 1 WHERE key = ? AND form = ?'),
      dropCase: db.prepare('DELETE FROM actor_case WHERE key = ? AND form = ? AND n <= 0'),
      idRows: db.prepare('SELECT n, first_key AS firstKey FROM actor WHERE id = ?'),
      setMain: db.prepare('UPDATE actor SET main = ? WHERE n = ?'),
      withFirstWord: db.prepare('SELECT first_key AS k FROM actor WHERE first_word = ?'),
      anyFirstWord: db.prepare('SELECT first_key AS k FROM actor WHERE first_word IS NOT NULL'),
      appearances: db.prepare('SELECT row, local FROM actor_source WHERE key = ?'),
      maxN: db.prepare('SELECT max(n) AS n FROM actor'),
    };
    this.nextN = ((this.sql.maxN.get() as { n: number | null }).n ?? 0) + 1;
  }

  /** Whether changes wait to be merged. */
  get pending(): boolean {
    return this.round !== null;
  }

  /** A source joins: its actors are counted into the groups and owner tables they touch. */
  unitAdded(unit: SourceUnit): void {
    const round = this.open();
    round.state.groups.count(unit, 1);
    round.added.push(unit);
  }

  /** A source leaves (its row still readable): its actors are counted out. */
  unitRemoved(unit: SourceUnit): void {
    this.open().state.groups.count(unit, -1);
  }

  /** Merges the changes counted since the last call and writes them; true when there were any. */
  refresh(): boolean {
    const round = this.round;
    if (!round) return false;
    // Let go first: the flush below may ask for the merge again (nothing is left to do then).
    this.round = null;
    this.hooks.flush();
    this.db.transaction(() => this.merge(round))();
    return true;
  }

  private open(): Round {
    return (this.round ??= {
      state: loadedGroups(this.db, this.counts.firstNames),
      added: [],
      pending: new Set(),
      placed: new Set(),
      forms: new Set(),
      ids: new Map(),
      before: new Map(),
      freed: new Map(),
    });
  }

  private merge(round: Round): void {
    const s = round.state.groups;
    this.firstNameChanges(round);
    while (s.dirtyKeys.size > 0 || round.pending.size > 0) {
      // Targets first, so that clusters are built from final edges (and each only once).
      if (s.dirtyKeys.size > 0) {
        const keys = [...s.dirtyKeys];
        s.dirtyKeys.clear();
        this.retarget(keys, round);
      } else {
        const keys = [...round.pending];
        round.pending.clear();
        for (const k of keys) this.recluster(k, round);
      }
    }
    for (const fk of round.forms) this.decideForm(fk);
    for (const [id, had] of round.ids) this.decideId(id, had);
    this.patchRowNumbers(round);
    round.state.writeBack();
  }

  /** As the memory merge: actors whose type hangs on first-name tallies that changed are rebuilt. */
  private firstNameChanges(round: Round): void {
    const s = round.state.groups;
    // The count before this round's changes: the tables were merged up to date with it.
    const known = s.firstNames.size >= MIN_FIRST_NAMES;
    const wasKnown = this.counts.firstNames >= MIN_FIRST_NAMES;
    this.counts.firstNames = s.firstNames.size;
    if (known !== wasKnown) for (const { k } of this.sql.anyFirstWord.all() as { k: string }[]) this.seed(k, round);
    for (const f of s.dirtyFirstNames) for (const { k } of this.sql.withFirstWord.all(f) as { k: string }[]) this.seed(k, round);
    s.dirtyFirstNames.clear();
  }

  private clusterOf(key: string): number | undefined {
    return (this.sql.clusterOf.get(key) as { n: number } | undefined)?.n;
  }

  private seed(k: string, round: Round): void {
    round.pending.add(k);
    const n = this.clusterOf(k);
    if (n !== undefined) round.placed.delete(n);
  }

  private retarget(keys: string[], round: Round): void {
    const s = round.state.groups;
    for (const k of keys) {
      this.seed(k, round);
      const g = s.groups.get(k);
      const next = g ? targetOf(g, s) : undefined;
      const prev = (this.sql.target.get(k) as { target: string } | undefined)?.target;
      if (prev === next) continue;
      if (prev !== undefined) {
        this.sql.dropTarget.run(k);
        this.seed(prev, round);
      }
      if (next !== undefined) {
        this.sql.setTarget.run(k, next);
        this.seed(next, round);
      }
    }
  }

  private recluster(k: string, round: Round): void {
    const s = round.state.groups;
    const old = this.clusterOf(k);
    if (old !== undefined && round.placed.has(old)) return;
    if (!s.groups.has(k)) {
      if (old !== undefined) this.dropAndSeed(old, round);
      return;
    }
    const edges: MergeEdges = {
      target: (x) => (this.sql.target.get(x) as { target: string } | undefined)?.target,
      incoming: (x) => (this.sql.incoming.all(x) as { key: string }[]).map((r) => r.key),
      has: (x) => s.groups.has(x),
    };
    const keys = connectedKeys(k, edges, (x) => {
      const c = this.clusterOf(x);
      if (c !== undefined) this.dropAndSeed(c, round);
    });
    round.placed.add(this.place(keys, round));
  }

  private dropAndSeed(n: number, round: Round): void {
    const keys = (this.sql.keys.all(n) as { key: string }[]).map((r) => r.key);
    this.drop(n, keys, round);
    round.placed.delete(n);
    for (const k of keys) round.pending.add(k);
  }

  /** Deletes a cluster's rows, noting what must be decided again. */
  private drop(n: number, keys: string[], round: Round): void {
    const row = this.sql.cluster.get(n) as { id: string; firstKey: string; caseForms: string | null } | undefined;
    for (const k of keys) if (!round.before.has(k)) round.before.set(k, n);
    for (const { key } of this.sql.forms.all(n) as { key: string }[]) {
      round.forms.add(key);
      this.countWords(wordsOf(key), -1);
    }
    if (row) {
      if (!round.ids.has(row.id)) round.ids.set(row.id, true);
      const caseForms = row.caseForms ? (JSON.parse(row.caseForms) as string[]) : [];
      for (let i = 0; i < caseForms.length; i += 2) {
        this.sql.subCase.run(caseForms[i], caseForms[i + 1]);
        this.sql.dropCase.run(caseForms[i], caseForms[i + 1]);
      }
      round.freed.set(row.firstKey, n);
    }
    this.sql.dropKeys.run(n);
    this.sql.dropForms.run(n);
    this.sql.dropActor.run(n);
  }

  /** Summarises one connected cluster and writes its rows; returns its number. */
  private place(keys: string[], round: Round): number {
    const s = round.state.groups;
    keys.sort();
    const { actor, forms, firstWord } = summarise(
      keys.flatMap((k) => s.groups.get(k) ?? []),
      s,
    );
    const caseForms: string[] = [];
    for (const [fk, spellings] of forms) for (const form of spellings) if (isCaseSensitiveAlias(form)) caseForms.push(fk, form);
    const reused = round.freed.get(keys[0]);
    if (reused !== undefined) round.freed.delete(keys[0]);
    const n = reused ?? this.nextN++;
    if (!round.ids.has(actor.id)) round.ids.set(actor.id, this.sql.idRows.all(actor.id).length > 0);
    this.sql.insertActor.run(
      n,
      actor.id,
      keys[0],
      actor.name,
      actor.type,
      JSON.stringify(actor.aliases),
      actor.affiliation,
      actor.mentionCount,
      firstWord,
      caseForms.length ? JSON.stringify(caseForms) : null,
    );
    for (const k of keys) {
      this.sql.insertKey.run(k, n);
      if (!round.before.has(k)) round.before.set(k, 0);
    }
    for (const fk of forms.keys()) {
      this.sql.insertForm.run(fk, n);
      round.forms.add(fk);
      this.countWords(wordsOf(fk), 1);
    }
    for (let i = 0; i < caseForms.length; i += 2) this.sql.addCase.run(caseForms[i], caseForms[i + 1]);
    return n;
  }

  /** The actor a form resolves to: of all that answer to it, the one the memory merge would pick. */
  private decideForm(fk: string): void {
    let best: (FormClaim & { n: number }) | undefined;
    for (const c of this.sql.claims.all(fk) as (FormClaim & { n: number })[]) if (!best || ownsForm(c, best, fk)) best = c;
    if (best) this.sql.setForm.run(fk, best.n);
    else this.sql.dropForm.run(fk);
  }

  /** Of the actors sharing an id, the one with the smallest first key is its main row; the count follows. */
  private decideId(id: string, had: boolean): void {
    const rows = this.sql.idRows.all(id) as { n: number; firstKey: string }[];
    let main: { n: number; firstKey: string } | undefined;
    for (const r of rows) if (!main || r.firstKey < main.firstKey) main = r;
    for (const r of rows) this.sql.setMain.run(r === main ? 1 : 0, r.n);
    this.counts.size += (rows.length > 0 ? 1 : 0) - (had ? 1 : 0);
  }

  private countWords(words: number, sign: 1 | -1): void {
    const w = this.counts.aliasWords;
    while (w.length <= words) w.push(0);
    w[words] += sign;
    let max = 1;
    for (let i = w.length - 1; i > 1; i--) {
      if (w[i] > 0) {
        max = i;
        break;
      }
    }
    this.counts.maxAliasWords = max;
  }

  /** The saved co-mention numbers of every document actor whose cluster changed, and of the sources added. */
  private patchRowNumbers(round: Round): void {
    const numbers = this.hooks.rowNumbers();
    if (!numbers) return;
    for (const [key, was] of round.before) {
      const now = this.clusterOf(key) ?? 0;
      if (now === was) continue;
      for (const { row, local } of this.sql.appearances.all(key) as { row: number; local: number }[]) numbers.set(row, local, now);
    }
    for (const unit of round.added) {
      const row = this.hooks.rowOf(unit);
      if (row === undefined) continue;
      numbers.setRow(
        row,
        unit.actors.actors.map((a) => this.clusterOf(keyOf(a)) ?? 0),
      );
    }
  }
}
