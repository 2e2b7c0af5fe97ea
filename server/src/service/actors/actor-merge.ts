/**
 * The merged actors, kept up to date incrementally. Every key group has at most one merge target (an acronym's
 * full name, a surname's person, a shorter name's longer one), decided from the group itself and the owner
 * tables only, so a decision never depends on other merges or on the order sources arrived in; canonical
 * actors are the connected components of those edges. After a change only the keys the change touched (their
 * groups or owner-table entries) are re-decided, and only the clusters that contain them are re-summarised.
 */
import { isCaseSensitiveAlias } from './document-actors';
import type { ActorGroups, KeyGroup, Tally } from './actor-groups';
import { MIN_FIRST_NAMES, personish, summarise, type Actor } from './actor-summary';

/** One canonical actor with the keys it merges and the forms it answers to. */
interface Cluster {
  keys: string[];
  actor: Actor;
  forms: Map<string, string[]>;
  firstWord: string | null;
}

/** The one owner of a tally, if it has exactly one. */
function single(t: Tally<string> | undefined): string | undefined {
  if (!t || t.counts.size !== 1) return undefined;
  return t.counts.keys().next().value;
}

/** The owner with the most documents when it has four times the others together (a shared surname's main person). */
function dominant(t: Tally<string> | undefined): string | undefined {
  if (!t || t.counts.size === 0) return undefined;
  let best: string | undefined;
  let bestN = -1;
  let total = 0;
  for (const [k, n] of t.counts) {
    total += n;
    if (n > bestN || (n === bestN && k < best!)) {
      best = k;
      bestN = n;
    }
  }
  return bestN >= 4 * (total - bestN) ? best : undefined;
}

/** The key a group merges into, if any. */
function targetOf(g: KeyGroup, s: ActorGroups): string | undefined {
  if (g.key.startsWith('country:')) return undefined;
  if (g.words === 1) {
    const acronyms = [...g.spellings.counts.keys()].filter(isCaseSensitiveAlias).sort();
    for (const spelling of acronyms) {
      const t = single(s.acronymOwners.get(spelling));
      if (t !== undefined) return t;
    }
    return personish(g) ? dominant(s.surnameOwners.get(g.key)) : undefined;
  }
  return g.majorityType() === 'person' ? single(s.partOwners.get(g.key)) : undefined;
}

function addTo<K, V>(map: Map<K, Set<V>>, k: K, v: V): void {
  const set = map.get(k);
  if (set) set.add(v);
  else map.set(k, new Set([v]));
}

function deleteFrom<K, V>(map: Map<K, Set<V>>, k: K, v: V): void {
  const set = map.get(k);
  if (!set) return;
  set.delete(v);
  if (set.size === 0) map.delete(k);
}

const wordsOf = (key: string): number => {
  let n = 1;
  for (let c = key.indexOf(' '); c >= 0; c = key.indexOf(' ', c + 1)) n++;
  return n;
};

/** The merged view: clusters of key groups and the lookup tables over them. */
export class MergedActors {
  readonly byId = new Map<string, Actor>();
  readonly byAlias = new Map<string, Actor>();
  /** Exact spellings (with counts of the actors using them) of short all-capital aliases, which match case-sensitively. */
  readonly caseSensitive = new Map<string, Map<string, number>>();
  private readonly target = new Map<string, string>();
  private readonly incoming = new Map<string, Set<string>>();
  private readonly clusterOf = new Map<string, Cluster>();
  private readonly idOwners = new Map<string, Set<Cluster>>();
  private readonly aliasOwners = new Map<string, Set<Cluster>>();
  private readonly byFirstWord = new Map<string, Set<Cluster>>();
  /** Alias forms per length in words, for the longest alias. */
  private readonly aliasWords = new Map<number, number>();
  private firstNamesKnown = false;
  private readonly touchedIds = new Set<string>();
  private readonly touchedForms = new Set<string>();

  /** The canonical actor of a group key. */
  byKey(key: string): Actor | undefined {
    return this.clusterOf.get(key)?.actor;
  }

  /** Longest alias in words. */
  get maxAliasWords(): number {
    let max = 1;
    for (const w of this.aliasWords.keys()) if (w > max) max = w;
    return max;
  }

  /** Applies the changes recorded in `s` since the last refresh; costs what those changes touch. */
  refresh(s: ActorGroups): void {
    const resummarise = new Set<Cluster>();
    const known = s.firstNames.size >= MIN_FIRST_NAMES;
    if (known !== this.firstNamesKnown) {
      // The first-name rule switches on or off for the whole corpus (only while a small corpus grows).
      this.firstNamesKnown = known;
      for (const c of this.clusterOf.values()) if (c.firstWord !== null) resummarise.add(c);
    }
    for (const f of s.dirtyFirstNames) for (const c of this.byFirstWord.get(f) ?? []) resummarise.add(c);
    s.dirtyFirstNames.clear();
    if (s.dirtyKeys.size === 0 && resummarise.size === 0) return;

    // Re-decide the merge target of every touched key; both ends of a changed edge are seeds.
    const seeds = new Set<string>();
    for (const k of s.dirtyKeys) {
      seeds.add(k);
      const g = s.groups.get(k);
      const next = g ? targetOf(g, s) : undefined;
      const prev = this.target.get(k);
      if (prev === next) continue;
      if (prev !== undefined) {
        this.target.delete(k);
        deleteFrom(this.incoming, prev, k);
        seeds.add(prev);
      }
      if (next !== undefined) {
        this.target.set(k, next);
        addTo(this.incoming, next, k);
        seeds.add(next);
      }
    }
    s.dirtyKeys.clear();

    // Every key of a cluster that holds a seed is re-clustered (an unchanged edge stays inside its old cluster).
    const affected = new Set<string>();
    const dropped = new Set<Cluster>();
    for (const k of seeds) {
      const c = this.clusterOf.get(k);
      if (!c) affected.add(k);
      else if (!dropped.has(c)) {
        dropped.add(c);
        for (const m of c.keys) affected.add(m);
      }
    }
    for (const c of dropped) {
      resummarise.delete(c);
      this.drop(c);
    }
    for (const c of resummarise) this.drop(c);

    const seen = new Set<string>();
    for (const k of affected) {
      if (seen.has(k) || !s.groups.has(k)) continue;
      const keys: string[] = [];
      const stack = [k];
      seen.add(k);
      while (stack.length) {
        const x = stack.pop()!;
        keys.push(x);
        const t = this.target.get(x);
        if (t !== undefined && !seen.has(t) && s.groups.has(t)) {
          seen.add(t);
          stack.push(t);
        }
        for (const y of this.incoming.get(x) ?? []) {
          if (!seen.has(y) && s.groups.has(y)) {
            seen.add(y);
            stack.push(y);
          }
        }
      }
      this.place(keys, s);
    }
    for (const c of resummarise) this.place(c.keys, s);
    this.resolve();
  }

  /** Forgets a cluster's actor in every table. */
  private drop(c: Cluster): void {
    for (const k of c.keys) if (this.clusterOf.get(k) === c) this.clusterOf.delete(k);
    deleteFrom(this.idOwners, c.actor.id, c);
    this.touchedIds.add(c.actor.id);
    if (c.firstWord !== null) deleteFrom(this.byFirstWord, c.firstWord, c);
    for (const [fk, spellings] of c.forms) {
      deleteFrom(this.aliasOwners, fk, c);
      this.touchedForms.add(fk);
      this.countWords(wordsOf(fk), -1);
      for (const form of spellings) if (isCaseSensitiveAlias(form)) this.countCase(fk, form, -1);
    }
  }

  /** Summarises the groups of `keys` (one connected cluster) into an actor and enters it in every table. */
  private place(keys: string[], s: ActorGroups): void {
    // Sorted keys: the summary does not depend on the order the cluster was walked or sources arrived.
    keys.sort();
    const { actor, forms, firstWord } = summarise(
      keys.map((k) => s.groups.get(k)!),
      s,
    );
    const c: Cluster = { keys, actor, forms, firstWord };
    for (const k of keys) this.clusterOf.set(k, c);
    addTo(this.idOwners, actor.id, c);
    this.touchedIds.add(actor.id);
    if (firstWord !== null) addTo(this.byFirstWord, firstWord, c);
    for (const [fk, spellings] of forms) {
      addTo(this.aliasOwners, fk, c);
      this.touchedForms.add(fk);
      this.countWords(wordsOf(fk), 1);
      for (const form of spellings) if (isCaseSensitiveAlias(form)) this.countCase(fk, form, 1);
    }
  }

  /** Re-decides who owns each touched id and form. */
  private resolve(): void {
    for (const id of this.touchedIds) {
      const owners = this.idOwners.get(id);
      if (!owners) this.byId.delete(id);
      else this.byId.set(id, pickFirst(owners).actor);
    }
    this.touchedIds.clear();
    // A form several actors share goes to the one it names exactly, else to the most mentioned.
    for (const key of this.touchedForms) {
      const owners = this.aliasOwners.get(key);
      if (!owners) {
        this.byAlias.delete(key);
        continue;
      }
      let best: Cluster | undefined;
      let bestExact = false;
      for (const c of owners) {
        const a = c.actor;
        const exact = a.id === key || a.id === `country:${key}`;
        if (!best || (exact && !bestExact) || (exact === bestExact && better(c, best))) {
          best = c;
          bestExact = exact;
        }
      }
      this.byAlias.set(key, best!.actor);
    }
    this.touchedForms.clear();
  }

  private countWords(words: number, sign: 1 | -1): void {
    const n = (this.aliasWords.get(words) ?? 0) + sign;
    if (n > 0) this.aliasWords.set(words, n);
    else this.aliasWords.delete(words);
  }

  private countCase(key: string, form: string, sign: 1 | -1): void {
    let m = this.caseSensitive.get(key);
    if (!m) {
      if (sign < 0) return;
      this.caseSensitive.set(key, (m = new Map()));
    }
    const n = (m.get(form) ?? 0) + sign;
    if (n > 0) m.set(form, n);
    else m.delete(form);
    if (m.size === 0) this.caseSensitive.delete(key);
  }
}

/** Most mentioned, then smallest id, then smallest first key: a total order, so ties never depend on history. */
function better(a: Cluster, b: Cluster): boolean {
  const x = a.actor;
  const y = b.actor;
  if (x.mentionCount !== y.mentionCount) return x.mentionCount > y.mentionCount;
  if (x.id !== y.id) return x.id < y.id;
  return a.keys[0]! < b.keys[0]!;
}

/** Of clusters sharing an id, the one with the smallest first key. */
function pickFirst(owners: Set<Cluster>): Cluster {
  let best: Cluster | undefined;
  for (const c of owners) if (!best || c.keys[0]! < best.keys[0]!) best = c;
  return best!;
}
