/**
 * The merged actors, kept up to date incrementally. Every key group has at most one merge target (an acronym's
 * full name, a surname's person, a shorter name's longer one), decided from the group itself and the owner
 * tables only, so a decision never depends on other merges or on the order sources arrived in; canonical
 * actors are the connected components of those edges. After a change only the keys the change touched (their
 * groups or owner-table entries) are re-decided, and only the clusters that contain them are re-summarised.
 */
import { isCaseSensitiveAlias } from '../../../mentions/name-key';
import type { ActorGroups, KeyGroup, Tally } from './actor-groups';
import { MIN_FIRST_NAMES, personish, summarise, type Actor, type CanonicalActor } from './actor-summary';
import { connectedKeys, type MergeEdges } from './merge-component';

/** The merged state as rows (see `MergedActors.tables`). */
export interface MergedTables {
  clusters: { actor: CanonicalActor; primary: boolean }[];
  forms: [string, CanonicalActor][];
  caseSensitive: ReadonlyMap<string, ReadonlyMap<string, number>>;
  maxAliasWords: number;
  /** Every merge edge: a group key and the key it merges into. */
  targets: ReadonlyMap<string, string>;
}

/** A canonical actor with its merge bookkeeping. */
type Cluster = CanonicalActor;

/** One value or several: most keys have one owner, and a Set per key would cost more than the data. */
type Many<V> = V | V[];

function addTo<V>(map: Map<string, Many<V>>, k: string, v: V): void {
  const cur = map.get(k);
  if (cur === undefined) map.set(k, v);
  else if (Array.isArray(cur)) cur.push(v);
  else map.set(k, [cur, v]);
}

function deleteFrom<V>(map: Map<string, Many<V>>, k: string, v: V): void {
  const cur = map.get(k);
  if (cur === undefined) return;
  if (!Array.isArray(cur)) {
    if (cur === v) map.delete(k);
    return;
  }
  const i = cur.indexOf(v);
  if (i < 0) return;
  cur[i] = cur[cur.length - 1];
  cur.pop();
  if (cur.length === 1) map.set(k, cur[0]);
}

const each = <V>(m: Many<V> | undefined): readonly V[] => (m === undefined ? [] : Array.isArray(m) ? m : [m]);

/** The one owner of a tally, if it has exactly one. */
function single(t: Tally<string> | undefined): string | undefined {
  if (!t || t.size !== 1) return undefined;
  const first = t.keys().next();
  return first.done ? undefined : first.value;
}

/** The owner with the most documents when it has four times the others together (a shared surname's main person). */
function dominant(t: Tally<string> | undefined): string | undefined {
  if (!t || t.size === 0) return undefined;
  let best: string | undefined;
  let bestN = -1;
  let total = 0;
  for (const [k, n] of t.entries()) {
    total += n;
    if (n > bestN || (n === bestN && best !== undefined && k < best)) {
      best = k;
      bestN = n;
    }
  }
  return bestN >= 4 * (total - bestN) ? best : undefined;
}

/** The key a group merges into, if any. */
export function targetOf(g: KeyGroup, s: ActorGroups): string | undefined {
  if (g.key.startsWith('country:')) return undefined;
  if (g.words === 1) {
    const acronyms = [...g.spellings.keys()].filter(isCaseSensitiveAlias).sort();
    for (const spelling of acronyms) {
      const t = single(s.acronymOwners.get(spelling));
      if (t !== undefined) return t;
    }
    return personish(g) ? dominant(s.surnameOwners.get(g.key)) : undefined;
  }
  return g.majorityType() === 'person' ? single(s.partOwners.get(g.key)) : undefined;
}

/** Keys merged per batch when a budget is given (a few milliseconds of work). */
const BATCH = 128;

/** Takes up to `n` items out of a set. */
function take(set: Set<string>, n: number): string[] {
  const out: string[] = [];
  for (const k of set) {
    if (out.length >= n) break;
    out.push(k);
  }
  for (const k of out) set.delete(k);
  return out;
}

const wordsOf = (key: string): number => {
  let n = 1;
  for (let c = key.indexOf(' '); c >= 0; c = key.indexOf(' ', c + 1)) n++;
  return n;
};

/** The merged view: clusters of key groups and the lookup tables over them. */
export class MergedActors {
  /** Exact spellings (with counts of the actors using them) of short all-capital aliases, which match case-sensitively. */
  readonly caseSensitive = new Map<string, Map<string, number>>();
  private readonly target = new Map<string, string>();
  private readonly incoming = new Map<string, Many<string>>();
  private readonly clusterOf = new Map<string, Cluster>();
  private readonly idOwners = new Map<string, Many<Cluster>>();
  /** Actors answering to each form; the first is the one the form resolves to (unless the form awaits a rescan). */
  private readonly aliasOwners = new Map<string, Many<Cluster>>();
  private readonly byFirstWord = new Map<string, Many<Cluster>>();
  /** Alias forms per length in words, for the longest alias. */
  private readonly aliasWords = new Map<number, number>();
  private firstNamesKnown = false;
  /** Forms whose resolved owner was dropped: they are re-decided over all their owners. */
  private readonly rescan = new Set<string>();
  /** Keys to re-cluster. */
  private readonly pending = new Set<string>();
  /** Clusters built in the current round (until nothing is pending): a key in one of them needs no more work. */
  private readonly placed = new Set<Cluster>();

  /** The canonical actor of a group key. */
  byKey(key: string): Actor | undefined {
    return this.clusterOf.get(key);
  }

  /** The canonical actor a form key resolves to. */
  byAlias(key: string): Actor | undefined {
    const owners = this.aliasOwners.get(key);
    return owners === undefined ? undefined : Array.isArray(owners) ? owners[0] : owners;
  }

  /** The canonical actor with this id (of two clusters with one id, the one with the smallest key). */
  byId(id: string): Actor | undefined {
    const owners = this.idOwners.get(id);
    return owners === undefined ? undefined : pickFirst(owners);
  }

  /** Number of canonical actors (distinct ids). */
  get size(): number {
    return this.idOwners.size;
  }

  /** Every canonical actor, once per id. */
  *actors(): IterableIterator<Actor> {
    for (const owners of this.idOwners.values()) yield pickFirst(owners);
  }

  /**
   * The merged state as rows, for a store that persists it: every cluster (with whether it is the one its id
   * resolves to), the actor each form key resolves to, and the case-sensitive spellings.
   */
  tables(): MergedTables {
    const clusters: { actor: CanonicalActor; primary: boolean }[] = [];
    for (const owners of this.idOwners.values()) {
      const primary = pickFirst(owners);
      for (const c of each(owners)) clusters.push({ actor: c, primary: c === primary });
    }
    const forms: [string, CanonicalActor][] = [];
    for (const [k, owners] of this.aliasOwners) forms.push([k, Array.isArray(owners) ? owners[0] : owners]);
    return { clusters, forms, caseSensitive: this.caseSensitive, maxAliasWords: this.maxAliasWords, targets: this.target };
  }

  /** Longest alias in words. */
  get maxAliasWords(): number {
    let max = 1;
    for (const w of this.aliasWords.keys()) if (w > max) max = w;
    return max;
  }

  /**
   * Applies the changes recorded in `s` since the last refresh; costs what those changes touch. With a budget,
   * stops after about that many milliseconds (between batches of keys) and returns false if work is left: a
   * caller that slices long work (a full build) can merge between slices instead of on the first read.
   */
  refresh(s: ActorGroups, budgetMs = Infinity): boolean {
    const until = Date.now() + budgetMs;
    const batch = Number.isFinite(budgetMs) ? BATCH : Infinity;
    this.firstNameChanges(s);
    while (s.dirtyKeys.size > 0 || this.pending.size > 0) {
      // Targets first, so that clusters are built from final edges (and each only once).
      if (s.dirtyKeys.size > 0) this.retarget(take(s.dirtyKeys, batch), s);
      else for (const k of take(this.pending, batch)) this.recluster(k, s);
      if (Date.now() >= until) break;
    }
    this.resolveDropped();
    if (s.dirtyKeys.size > 0 || this.pending.size > 0) return false;
    this.placed.clear();
    return true;
  }

  /** Actors whose type may change because first-name tallies changed are re-clustered (same keys, new summary). */
  private firstNameChanges(s: ActorGroups): void {
    const known = s.firstNames.size >= MIN_FIRST_NAMES;
    if (known !== this.firstNamesKnown) {
      // The first-name rule switches on or off for the whole corpus (only while a small corpus grows).
      this.firstNamesKnown = known;
      for (const c of this.clusterOf.values()) if (c.firstWord !== null) this.seed(c.groups[0].key);
    }
    for (const f of s.dirtyFirstNames) for (const c of each(this.byFirstWord.get(f))) this.seed(c.groups[0].key);
    s.dirtyFirstNames.clear();
  }

  /** Marks a key for re-clustering; a cluster built earlier in this round that holds it must be built again. */
  private seed(k: string): void {
    this.pending.add(k);
    const c = this.clusterOf.get(k);
    if (c) this.placed.delete(c);
  }

  /** Re-decides the merge targets of `keys`; both ends of a changed edge are seeds. */
  private retarget(keys: string[], s: ActorGroups): void {
    for (const k of keys) {
      this.seed(k);
      const g = s.groups.get(k);
      const next = g ? targetOf(g, s) : undefined;
      const prev = this.target.get(k);
      if (prev === next) continue;
      if (prev !== undefined) {
        this.target.delete(k);
        deleteFrom(this.incoming, prev, k);
        this.seed(prev);
      }
      if (next !== undefined) {
        this.target.set(k, next);
        addTo(this.incoming, next, k);
        this.seed(next);
      }
    }
  }

  /**
   * Builds the cluster of `k` from the current edges, dropping the old clusters of every key it reaches; keys of
   * those old clusters that it does not reach become seeds themselves.
   */
  private recluster(k: string, s: ActorGroups): void {
    const old = this.clusterOf.get(k);
    if (old && this.placed.has(old)) return;
    if (!s.groups.has(k)) {
      if (old) this.dropAndSeed(old);
      return;
    }
    const edges: MergeEdges = {
      target: (x) => this.target.get(x),
      incoming: (x) => each(this.incoming.get(x)),
      has: (x) => s.groups.has(x),
    };
    const keys = connectedKeys(k, edges, (x) => {
      const c = this.clusterOf.get(x);
      if (c) this.dropAndSeed(c);
    });
    this.placed.add(this.place(keys, s));
  }

  private dropAndSeed(c: Cluster): void {
    this.drop(c);
    this.placed.delete(c);
    for (const g of c.groups) this.pending.add(g.key);
  }

  /** Forgets a cluster's actor in every table. */
  private drop(c: Cluster): void {
    for (const g of c.groups) if (this.clusterOf.get(g.key) === c) this.clusterOf.delete(g.key);
    deleteFrom(this.idOwners, c.id, c);
    if (c.firstWord !== null) deleteFrom(this.byFirstWord, c.firstWord, c);
    for (const fk of c.formKeys) {
      if (this.byAlias(fk) === c) this.rescan.add(fk);
      deleteFrom(this.aliasOwners, fk, c);
      this.countWords(wordsOf(fk), -1);
    }
    for (let i = 0; i < c.caseForms.length; i += 2) this.countCase(c.caseForms[i], c.caseForms[i + 1], -1);
  }

  /** Summarises the groups of `keys` (one connected cluster) into an actor and enters it in every table. */
  private place(keys: string[], s: ActorGroups): Cluster {
    // Sorted keys: the summary does not depend on the order the cluster was walked or sources arrived.
    keys.sort();
    const { actor, forms, firstWord } = summarise(
      keys.flatMap((k) => s.groups.get(k) ?? []),
      s,
    );
    const caseForms: string[] = [];
    for (const [fk, spellings] of forms) for (const form of spellings) if (isCaseSensitiveAlias(form)) caseForms.push(fk, form);
    const c: Cluster = actor;
    c.formKeys = [...forms.keys()];
    if (caseForms.length) c.caseForms = caseForms;
    c.firstWord = firstWord;
    for (const k of keys) this.clusterOf.set(k, c);
    addTo(this.idOwners, actor.id, c);
    if (firstWord !== null) addTo(this.byFirstWord, firstWord, c);
    for (const fk of c.formKeys) {
      // A form whose owner was dropped is re-decided over all owners below; otherwise the newcomer challenges the owner.
      const owners = this.aliasOwners.get(fk);
      if (owners === undefined) this.aliasOwners.set(fk, c);
      else {
        const wins = !this.rescan.has(fk) && owns(c, Array.isArray(owners) ? owners[0] : owners, fk);
        if (!Array.isArray(owners)) this.aliasOwners.set(fk, wins ? [c, owners] : [owners, c]);
        else if (wins) {
          owners.push(owners[0]);
          owners[0] = c;
        } else owners.push(c);
      }
      this.countWords(wordsOf(fk), 1);
    }
    for (let i = 0; i < caseForms.length; i += 2) this.countCase(caseForms[i], caseForms[i + 1], 1);
    return c;
  }

  /** Re-decides the forms whose owner was dropped, over all their owners. */
  private resolveDropped(): void {
    for (const fk of this.rescan) {
      const owners = this.aliasOwners.get(fk);
      if (!Array.isArray(owners)) continue;
      let best = 0;
      for (let i = 1; i < owners.length; i++) if (owns(owners[i], owners[best], fk)) best = i;
      [owners[0], owners[best]] = [owners[best], owners[0]];
    }
    this.rescan.clear();
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
      this.caseSensitive.set(key, (m = new Map<string, number>()));
    }
    const n = (m.get(form) ?? 0) + sign;
    if (n > 0) m.set(form, n);
    else m.delete(form);
    if (m.size === 0) this.caseSensitive.delete(key);
  }
}

/**
 * Whether `a` rather than `b` owns a form several actors share: the one it names exactly, else the most
 * mentioned, then the smallest id, then the smallest first key (a total order: ties never depend on history).
 */
function owns(x: Cluster, y: Cluster, key: string): boolean {
  return ownsForm(
    { id: x.id, mentions: x.mentionCount, firstKey: x.groups[0].key },
    { id: y.id, mentions: y.mentionCount, firstKey: y.groups[0].key },
    key,
  );
}

/** What decides which of several actors owns a form: its id, its mentions and its first (smallest) group key. */
export interface FormClaim {
  id: string;
  mentions: number;
  firstKey: string;
}

/** `owns` over the facts alone (a store that keeps the merge in tables decides from rows). */
export function ownsForm(x: FormClaim, y: FormClaim, key: string): boolean {
  const ex = x.id === key || (x.id.startsWith('country:') && x.id.length === key.length + 8 && x.id.endsWith(key));
  const ey = y.id === key || (y.id.startsWith('country:') && y.id.length === key.length + 8 && y.id.endsWith(key));
  if (ex !== ey) return ex;
  if (x.mentions !== y.mentions) return x.mentions > y.mentions;
  if (x.id !== y.id) return x.id < y.id;
  return x.firstKey < y.firstKey;
}

/** Of clusters sharing an id, the one with the smallest first key. */
function pickFirst(owners: Many<Cluster>): Cluster {
  if (!Array.isArray(owners)) return owners;
  let best = owners[0];
  for (const c of owners) if (c.groups[0].key < best.groups[0].key) best = c;
  return best;
}
