/**
 * What the actor index keeps up to date as sources come and go: document actors grouped by name key, with
 * running counts (spellings, forms, type evidence, mentions) and the owner tables used to merge groups
 * (acronyms, surnames, parts of long names, first names). Adding or removing a source costs only its own
 * actors; merging then works on keys, not on every document's actors.
 */
import type { SourceUnit } from '../source-index';
import type { ActorType, DocumentActor } from '../../../domain/actor-types';
import { isCaseSensitiveAlias } from '../../../mentions/name-key';
import { nameKey } from '../../../mentions/name-key';

/** One document's actor, as a card's appearances list it (made on demand, not stored). */
export interface Item {
  unit: SourceUnit;
  local: number;
  actor: DocumentActor;
}

/**
 * Counts that go up and down; a key whose count falls to zero disappears. Most tallies hold one key (one
 * spelling, one owner) and few hold more than a handful, so one key is kept inline, up to eight in a flat
 * array of pairs, and only more in a Map (a Map costs more than the data of a small tally).
 */
export class Tally<K> {
  private k0: K | undefined = undefined;
  private n0 = 0;
  private pairs: (K | number)[] | null = null;
  private map: Map<K, number> | null = null;

  /** Number of keys with a positive count. */
  get size(): number {
    if (this.map) return this.map.size;
    if (this.pairs) return this.pairs.length / 2;
    return this.n0 > 0 ? 1 : 0;
  }

  get(k: K): number {
    if (this.map) return this.map.get(k) ?? 0;
    if (this.pairs) {
      for (let i = 0; i < this.pairs.length; i += 2) if (this.pairs[i] === k) return this.pairs[i + 1] as number;
      return 0;
    }
    return this.n0 > 0 && this.k0 === k ? this.n0 : 0;
  }

  add(k: K, n: number): void {
    if (this.map) {
      const v = (this.map.get(k) ?? 0) + n;
      if (v > 0) this.map.set(k, v);
      else this.map.delete(k);
      return;
    }
    if (this.pairs) {
      const p = this.pairs;
      for (let i = 0; i < p.length; i += 2) {
        if (p[i] !== k) continue;
        const v = (p[i + 1] as number) + n;
        if (v > 0) p[i + 1] = v;
        else {
          p[i] = p[p.length - 2];
          p[i + 1] = p[p.length - 1];
          p.length -= 2;
        }
        return;
      }
      if (n <= 0) return;
      if (p.length < 2 * PAIRS) p.push(k, n);
      else {
        this.map = new Map();
        for (let i = 0; i < p.length; i += 2) this.map.set(p[i] as K, p[i + 1] as number);
        this.map.set(k, n);
        this.pairs = null;
      }
      return;
    }
    if (this.n0 > 0 && this.k0 === k) {
      this.n0 += n;
      if (this.n0 <= 0) {
        this.n0 = 0;
        this.k0 = undefined;
      }
    } else if (n > 0) {
      if (this.n0 > 0 && this.k0 !== undefined) {
        this.pairs = [this.k0, this.n0, k, n];
        this.n0 = 0;
        this.k0 = undefined;
      } else {
        this.k0 = k;
        this.n0 = n;
      }
    }
  }

  /** Keys with their counts. */
  *entries(): IterableIterator<[K, number]> {
    if (this.map) yield* this.map;
    else if (this.pairs) {
      const p = this.pairs;
      for (let i = 0; i < p.length; i += 2) yield [p[i] as K, p[i + 1] as number];
    } else if (this.n0 > 0 && this.k0 !== undefined) yield [this.k0, this.n0];
  }

  *keys(): IterableIterator<K> {
    for (const [k] of this.entries()) yield k;
  }

  /** The most counted key (ties: the smallest in sort order, so results never depend on arrival order). */
  top(): K | undefined {
    let best: K | undefined;
    let n = -1;
    for (const [k, v] of this.entries()) {
      if (v > n || (v === n && best !== undefined && String(k) < String(best))) {
        best = k;
        n = v;
      }
    }
    return best;
  }
}

/** Keys a tally keeps in its flat array before it takes a Map. */
const PAIRS = 8;

/** All document actors that share one name key. */
export class KeyGroup {
  /**
   * The documents' actors with this key as pairs: unit, index in its actors, unit, index, … (one array made to
   * size: most keys have one or two documents, and an array grown by push reserves room for seventeen).
   */
  refs: (SourceUnit | number)[] | null = null;
  readonly spellings = new Tally<string>();
  /** Spellings of every form (names and aliases); a form's key is the name key of its spelling. */
  readonly formSpellings = new Tally<string>();
  /** Type evidence: 1 + the document's confidence, per document. */
  readonly types = new Tally<ActorType>();
  /** Affiliations the documents give (made on first use: most keys have none). */
  affiliations: Tally<string> | null = null;
  persons = 0;
  /** Documents that type it as a person on real evidence (title, honorific: confidence ≥ 3). */
  strongPersons = 0;
  /** Documents that type it as a person on more than a guess (confidence > 2). */
  confidentPersons = 0;
  mentions = 0;
  /** Documents that typed it an organisation by default, without evidence. */
  orgGuesses = 0;

  constructor(
    readonly key: string,
    readonly words: number,
  ) {}

  /** Number of document actors with this key (kept as a count: a group read back from tables has no refs). */
  size = 0;

  /** The documents' actors with this key. */
  items(): Item[] {
    const out: Item[] = [];
    const refs = this.refs ?? [];
    for (let i = 0; i < refs.length; i += 2) {
      const unit = refs[i] as SourceUnit;
      const local = refs[i + 1] as number;
      out.push({ unit, local, actor: unit.actors.actors[local] });
    }
    return out;
  }

  /** The type with the most evidence (ties: country, place, organisation, person). */
  majorityType(): ActorType {
    let best: ActorType = 'organisation';
    let n = -1;
    for (const t of TYPE_PRIORITY) {
      const v = this.types.get(t);
      if (v > n) {
        best = t;
        n = v;
      }
    }
    return best;
  }
}

export const TYPE_PRIORITY: ActorType[] = ['country', 'place', 'organisation', 'person'];

/** The group key of a document actor: its name key, kept apart for countries. */
export function keyOf(a: DocumentActor): string {
  const k = a.keys?.name ?? nameKey(a.name);
  return a.type === 'country' ? `country:${k}` : k;
}

/** An empty group for `key`. */
export const newGroup = (key: string): KeyGroup => new KeyGroup(key, wordCount(key));

function wordCount(key: string): number {
  let n = 1;
  for (let c = key.indexOf(' '); c >= 0; c = key.indexOf(' ', c + 1)) n++;
  return n;
}

/**
 * Where the running state lives: plain maps for the memory index; maps that read and write tables for a store
 * that keeps the state on disk (`store/sqlite/actor-state.ts`), which counts sources without refs.
 */
export interface GroupMaps {
  groups: Map<string, KeyGroup>;
  acronymOwners: Map<string, Tally<string>>;
  surnameOwners: Map<string, Tally<string>>;
  partOwners: Map<string, Tally<string>>;
  firstNames: Map<string, Tally<string>>;
  guessedFirstNames: Map<string, Tally<string>>;
}

/** The running state: groups by key and the owner tables for merging. */
export class ActorGroups {
  readonly groups: Map<string, KeyGroup>;
  /** Acronym (exact spelling) → keys of the multi-word names defined with it. */
  readonly acronymOwners: Map<string, Tally<string>>;
  /** Surname key → keys of people's full names ending with it. */
  readonly surnameOwners: Map<string, Tally<string>>;
  /** Two-or-more-word part → keys of longer people's names containing it. */
  readonly partOwners: Map<string, Tally<string>>;
  /** First name → surnames it is used with, on real evidence of a person. */
  readonly firstNames: Map<string, Tally<string>>;
  /** First word → last words of every two-or-more-word name typed as a person, however sure. */
  readonly guessedFirstNames: Map<string, Tally<string>>;
  /** Keys whose group or whose owner tables changed since the merge last looked (see actor-merge.ts). */
  readonly dirtyKeys = new Set<string>();
  /** First words whose first-name tallies changed since the merge last looked. */
  readonly dirtyFirstNames = new Set<string>();
  /** Sources counted; removing one walks its (unchanged) actors again, so no per-actor record is kept. */
  private readonly units = new Set<SourceUnit>();

  /** `maps`: where the state lives (in memory by default); `refs`: whether groups list their documents' actors. */
  constructor(
    maps?: GroupMaps,
    private readonly trackRefs = true,
  ) {
    this.groups = maps?.groups ?? new Map<string, KeyGroup>();
    this.acronymOwners = maps?.acronymOwners ?? new Map<string, Tally<string>>();
    this.surnameOwners = maps?.surnameOwners ?? new Map<string, Tally<string>>();
    this.partOwners = maps?.partOwners ?? new Map<string, Tally<string>>();
    this.firstNames = maps?.firstNames ?? new Map<string, Tally<string>>();
    this.guessedFirstNames = maps?.guessedFirstNames ?? new Map<string, Tally<string>>();
  }

  /** Counts a source in (1) or out (-1) without tracking it: its caller knows it is (or was) stored. */
  count(unit: SourceUnit, sign: 1 | -1): void {
    unit.actors.actors.forEach((actor, local) => this.apply(unit, local, actor, sign));
  }

  add(unit: SourceUnit): void {
    this.remove(unit);
    this.units.add(unit);
    unit.actors.actors.forEach((actor, local) => this.apply(unit, local, actor, 1));
  }

  remove(unit: SourceUnit): boolean {
    if (!this.units.delete(unit)) return false;
    unit.actors.actors.forEach((actor, local) => this.apply(unit, local, actor, -1));
    return true;
  }

  has(unit: SourceUnit): boolean {
    return this.units.has(unit);
  }

  private apply(unit: SourceUnit, local: number, actor: DocumentActor, sign: 1 | -1): void {
    const key = keyOf(actor);
    let g = this.groups.get(key);
    if (!g) {
      if (sign < 0) return;
      this.groups.set(key, (g = new KeyGroup(key, wordCount(key))));
    }
    this.dirtyKeys.add(key);
    if (!this.trackRefs) g.size += sign;
    else if (sign > 0) {
      if (!g.refs) g.refs = [unit, local];
      else g.refs.push(unit, local);
      g.size++;
    } else {
      const at = findItem(g, unit, local);
      if (at < 0) return;
      // Order is not kept: appearances are sorted when a card asks for them.
      const refs = g.refs;
      if (!refs) return;
      refs[at] = refs[refs.length - 2];
      refs[at + 1] = refs[refs.length - 1];
      refs.length -= 2;
      g.size--;
    }
    const conf = actor.typeConfidence ?? 1;
    g.spellings.add(actor.name, sign);
    g.types.add(actor.type, sign * (1 + conf));
    g.mentions += sign * actor.mentions.length;
    if (actor.affiliation) (g.affiliations ??= new Tally()).add(actor.affiliation, sign);
    if (actor.type === 'organisation' && conf === 0) g.orgGuesses += sign;
    if (actor.type === 'person') {
      g.persons += sign;
      if (conf >= 3) g.strongPersons += sign;
      if (conf > 2) g.confidentPersons += sign;
    }
    const nameK = actor.keys?.name ?? nameKey(actor.name);
    this.form(g, nameK, actor.name, sign);
    actor.aliases.forEach((alias, i) => this.form(g, actor.keys?.aliases[i] ?? nameKey(alias), alias, sign));
    if (g.words > 1) {
      for (const alias of actor.aliases) {
        if (!isCaseSensitiveAlias(alias)) continue;
        bump(this.acronymOwners, alias, key, sign);
        this.dirtyKeys.add(nameKey(alias));
      }
    }
    if (actor.type === 'person' && g.words >= 2) {
      const words = key.split(' ');
      const last = words[words.length - 1];
      bump(this.surnameOwners, last, key, sign);
      this.dirtyKeys.add(last);
      for (let a = 0; a < words.length; a++) {
        for (let z = a + 2; z <= words.length; z++) {
          if (z - a >= words.length) continue;
          const part = words.slice(a, z).join(' ');
          bump(this.partOwners, part, key, sign);
          this.dirtyKeys.add(part);
        }
      }
      const first = words[0];
      const known = this.firstNames.get(first)?.size ?? 0;
      const guessed = this.guessedFirstNames.get(first)?.size ?? 0;
      if (conf >= 3) bump(this.firstNames, first, last, sign);
      bump(this.guessedFirstNames, first, last, sign);
      // isFirstName asks for one other surname on real evidence or three guessed: with two known or four guessed
      // surnames before and after, no answer can change, so nothing needs re-summarising.
      const known2 = this.firstNames.get(first)?.size ?? 0;
      const guessed2 = this.guessedFirstNames.get(first)?.size ?? 0;
      if ((known !== known2 && Math.min(known, known2) < 2) || (guessed !== guessed2 && Math.min(guessed, guessed2) < 4))
        this.dirtyFirstNames.add(first);
    }
    // Set again (a no-op in memory): maps backed by tables learn which entries to write back.
    if (g.size === 0) this.groups.delete(key);
    else this.groups.set(key, g);
  }

  private form(g: KeyGroup, key: string, spelling: string, sign: 1 | -1): void {
    if (key) g.formSpellings.add(spelling, sign);
  }
}

/** Counts `value` under `k` up or down, dropping tallies that empty. */
function bump(map: Map<string, Tally<string>>, k: string, value: string, sign: 1 | -1): void {
  let t = map.get(k);
  if (!t) {
    if (sign < 0) return;
    map.set(k, (t = new Tally()));
  }
  t.add(value, sign);
  // Set again (a no-op in memory): maps backed by tables learn which entries to write back.
  if (t.size === 0) map.delete(k);
  else map.set(k, t);
}

/** Where a unit's actor sits in a group, or -1. */
function findItem(g: KeyGroup, unit: SourceUnit, local: number): number {
  const refs = g.refs;
  if (!refs) return -1;
  for (let i = 0; i < refs.length; i += 2) if (refs[i] === unit && refs[i + 1] === local) return i;
  return -1;
}
