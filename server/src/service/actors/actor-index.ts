import type { SourceUnit, UnitListener } from '../sources/source-index';
import { ActorGroups, keyOf, TYPE_PRIORITY, type Item, type KeyGroup, type Tally } from './actor-groups';
import type { ActorType, DocumentActor } from './actor-types';
import { formsOfCountry } from './countries';
import { isCaseSensitiveAlias } from './document-actors';
import { HONORIFICS } from './name-lexicon';
import { nameKey } from './name-key';

/** A role of an actor across the corpus, with the sources that give it. */
export interface ActorRoleSummary {
  title: string;
  affiliation: string | null;
  units: SourceUnit[];
  /** Newest date (ISO or year) of a source giving the role, or null. */
  newest: string | null;
}

/** A canonical actor: one person, organisation or place, merged across documents. */
export interface Actor {
  id: string;
  name: string;
  type: ActorType;
  /** Each document's view of this actor. */
  appearances: { unit: SourceUnit; actor: DocumentActor }[];
  /** Other names: surnames, acronyms, variants, nationality adjectives. */
  aliases: string[];
  /** Roles, newest first. */
  roles: ActorRoleSummary[];
  affiliation: string | null;
  /** Mentions over all sources. */
  mentionCount: number;
}

interface Built {
  byId: Map<string, Actor>;
  byAlias: Map<string, Actor>;
  /** Exact spellings of short all-capital aliases, which match case-sensitively. */
  caseSensitive: Map<string, Set<string>>;
  byKey: Map<string, Actor>;
  maxAliasWords: number;
}

/** First names needed before a guessed person can be re-typed for lack of a known first name. */
const MIN_FIRST_NAMES = 100;

const dateOf = (unit: SourceUnit): string | null => unit.doc.date ?? (unit.doc.year ? String(unit.doc.year) : null);

/** An actor whose per-document details (appearances, roles) are gathered only when asked for. */
class CanonicalActor implements Actor {
  private cachedAppearances: Item[] | null = null;
  private cachedRoles: ActorRoleSummary[] | null = null;

  constructor(
    readonly id: string,
    readonly name: string,
    readonly type: ActorType,
    readonly aliases: string[],
    readonly affiliation: string | null,
    readonly mentionCount: number,
    private readonly groups: readonly KeyGroup[],
  ) {}

  get appearances(): Item[] {
    if (!this.cachedAppearances) {
      const items: Item[] = [];
      for (const g of this.groups) for (const i of g.items) items.push(i);
      // Stable order: by source, then by the actor's place in it.
      items.sort((a, b) => (a.unit.doc.uri < b.unit.doc.uri ? -1 : a.unit.doc.uri > b.unit.doc.uri ? 1 : a.local - b.local));
      this.cachedAppearances = items;
    }
    return this.cachedAppearances;
  }

  get roles(): ActorRoleSummary[] {
    return (this.cachedRoles ??= summariseRoles(this.appearances));
  }
}

/**
 * The corpus-wide index of actors. Documents' actors group by name key (variants, diacritics, apostrophes);
 * groups merge by acronym, by surname (when one person has it or dominates) and by shorter forms of a full
 * name. Adding or removing a source updates running counts for its own actors only; the merge runs lazily
 * on the next read, over name keys rather than over every document's actors.
 */
export class ActorIndex implements UnitListener {
  private readonly state0 = new ActorGroups();
  private built: Built | null = null;

  unitAdded(unit: SourceUnit): void {
    this.state0.add(unit);
    this.built = null;
  }

  unitRemoved(unit: SourceUnit): void {
    if (this.state0.remove(unit)) this.built = null;
  }

  /** The canonical actor of a document's actor. */
  canonical(unit: SourceUnit, localIndex: number): Actor | undefined {
    const actor = unit.actors.actors[localIndex];
    if (!actor || !this.state0.has(unit)) return undefined;
    return this.state().byKey.get(keyOf(actor));
  }

  /** The canonical actor with this name or alias (normalised; a leading honorific is ignored), if any. */
  findByName(name: string): Actor | undefined {
    const b = this.state();
    const hit = b.byAlias.get(nameKey(name));
    if (hit) return hit;
    const words = name.trim().split(/\s+/);
    if (words.length > 1 && HONORIFICS.has(words[0]!)) return b.byAlias.get(nameKey(words.slice(1).join(' ')));
    return undefined;
  }

  /** The actor whose alias is exactly this surface form, honouring case for short acronyms. */
  lookupForm(form: string): Actor | undefined {
    const b = this.state();
    const key = nameKey(form);
    const actor = b.byAlias.get(key);
    if (!actor) return undefined;
    const exact = b.caseSensitive.get(key);
    return exact && !exact.has(form.replace(/\u2019/g, "'")) ? undefined : actor;
  }

  /** Longest alias in words, for longest-match lookups in drafts. */
  get maxAliasWords(): number {
    return this.state().maxAliasWords;
  }

  byId(id: string): Actor | undefined {
    return this.state().byId.get(id);
  }

  /** Number of canonical actors (merges pending changes first, like every other read). */
  get size(): number {
    return this.state().byId.size;
  }

  all(): IterableIterator<Actor> {
    return this.state().byId.values();
  }

  private state(): Built {
    return (this.built ??= build(this.state0));
  }
}

/** Union-find over keys, with sizes (documents) per root. */
class Merges {
  readonly parent: number[];
  readonly size: number[];
  constructor(sizes: number[]) {
    this.parent = sizes.map((_, i) => i);
    this.size = sizes.slice();
  }
  find(i: number): number {
    while (this.parent[i] !== i) i = this.parent[i] = this.parent[this.parent[i]!]!;
    return i;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    this.parent[ra] = rb;
    this.size[rb]! += this.size[ra]!;
  }
}

function build(s: ActorGroups): Built {
  // Sorted keys: the result does not depend on the order sources were added.
  const keys = [...s.groups.keys()].sort();
  const index = new Map(keys.map((k, i) => [k, i]));
  const groups = keys.map((k) => s.groups.get(k)!);
  const m = new Merges(groups.map((g) => g.items.size));
  const roots = (t: Tally<string> | undefined): number[] => {
    if (!t) return [];
    const out = new Set<number>();
    for (const k of t.counts.keys()) {
      const i = index.get(k);
      if (i !== undefined) out.add(m.find(i));
    }
    return [...out];
  };
  const single = (t: Tally<string> | undefined): number | undefined => {
    const r = roots(t);
    return r.length === 1 ? r[0] : undefined;
  };
  // A surname shared by several people still goes to one that dominates the corpus (4× the others).
  const dominant = (t: Tally<string> | undefined): number | undefined => {
    const r = roots(t).sort((a, b) => m.size[b]! - m.size[a]! || a - b);
    if (r.length <= 1) return r[0];
    const rest = r.slice(1).reduce((sum, x) => sum + m.size[x]!, 0);
    return m.size[r[0]!]! >= 4 * rest ? r[0] : undefined;
  };
  groups.forEach((g, i) => {
    if (g.key.startsWith('country:')) return;
    let target: number | undefined;
    if (g.words === 1) {
      for (const spelling of g.spellings.counts.keys()) {
        if (isCaseSensitiveAlias(spelling)) target ??= single(s.acronymOwners.get(spelling));
      }
      if (target === undefined && personish(g)) target = dominant(s.surnameOwners.get(g.key));
    } else if (g.majorityType() === 'person') {
      target = single(s.partOwners.get(g.key));
    }
    if (target !== undefined) m.union(i, target);
  });

  const clusters = new Map<number, KeyGroup[]>();
  groups.forEach((g, i) => {
    const r = m.find(i);
    const list = clusters.get(r);
    if (list) list.push(g);
    else clusters.set(r, [g]);
  });
  const b: Built = { byId: new Map(), byAlias: new Map(), caseSensitive: new Map(), byKey: new Map(), maxAliasWords: 1 };
  const aliasOwners = new Map<string, Actor[]>();
  for (const list of clusters.values()) {
    const { actor, forms } = summarise(list, s);
    b.byId.set(actor.id, actor);
    for (const g of list) b.byKey.set(g.key, actor);
    for (const [key, spellings] of forms) {
      const owners = aliasOwners.get(key);
      if (owners) owners.push(actor);
      else aliasOwners.set(key, [actor]);
      for (const form of spellings) {
        if (!isCaseSensitiveAlias(form)) continue;
        let set = b.caseSensitive.get(key);
        if (!set) b.caseSensitive.set(key, (set = new Set()));
        set.add(form);
      }
      let words = 1;
      for (let c = key.indexOf(' '); c >= 0; c = key.indexOf(' ', c + 1)) words++;
      if (words > b.maxAliasWords) b.maxAliasWords = words;
    }
  }
  // A form several actors share goes to the one it names exactly, else to the most mentioned.
  for (const [key, owners] of aliasOwners) {
    const exact = owners.filter((a) => a.id === key || a.id === `country:${key}`);
    const pool = exact.length ? exact : owners;
    b.byAlias.set(key, pool.reduce((best, a) => (a.mentionCount > best.mentionCount || (a.mentionCount === best.mentionCount && a.id < best.id) ? a : best)));
  }
  return b;
}

/**
 * A first name: used with another surname in a name typed as a person on real evidence, or with three other
 * surnames at all ("Jennifer" yes; "Manchester", seen before two club names, no).
 */
function isFirstName(s: ActorGroups, first: string, last: string): boolean {
  const others = (t: Tally<string> | undefined): number => (t ? [...t.counts.keys()].filter((l) => l !== last).length : 0);
  return others(s.firstNames.get(first)) >= 1 || others(s.guessedFirstNames.get(first)) >= 3;
}

/** A one-word name used for a person in enough documents (a third, or once with an honorific or title) to join a full name by surname. */
function personish(g: KeyGroup): boolean {
  if (g.strongPersons > 0) return true;
  return g.persons > 0 && g.persons * 3 >= g.items.size;
}

/** The canonical actor of a cluster of key groups, with every form (key → spellings) it answers to. */
function summarise(list: KeyGroup[], s: ActorGroups): { actor: Actor; forms: Map<string, string[]> } {
  const typeScore = new Map<ActorType, number>();
  let mentionCount = 0;
  for (const g of list) {
    for (const [t, n] of g.types.counts) typeScore.set(t, (typeScore.get(t) ?? 0) + n);
    mentionCount += g.mentions;
  }
  let type: ActorType = 'organisation';
  let best = -1;
  for (const t of TYPE_PRIORITY) {
    const n = typeScore.get(t) ?? 0;
    if (n > best) {
      best = n;
      type = t;
    }
  }
  // A person is named by the full name most documents use; anything else by its most used name.
  const names = list.map((g) => ({ key: g.key.replace(/^country:/, ''), name: g.spellings.top() ?? g.key, count: g.items.size, words: g.words }));
  const multi = type === 'person' ? names.filter((n) => n.words > 1) : [];
  const pick = (multi.length ? multi : names).sort((a, b) => b.count - a.count || b.words - a.words || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))[0]!;
  const pickKey = pick.key;
  // A name guessed to be a person's whose first word is nobody's first name ("Six Nations") is an organisation;
  // only a corpus that knows many first names can judge this.
  if (type === 'person' && pick.words > 1 && list.every((g) => g.confidentPersons === 0) && s.firstNames.size >= MIN_FIRST_NAMES) {
    const words = pickKey.split(' ');
    if (!isFirstName(s, words[0]!, words[words.length - 1]!)) type = 'organisation';
  }
  // A lone word typed an organisation only by default that is the surname of two or more people ("Murray") is a person.
  if (type === 'organisation' && list.length === 1 && pick.words === 1 && list[0]!.orgGuesses === list[0]!.items.size) {
    const owners = s.surnameOwners.get(pickKey);
    if (owners && owners.counts.size >= 2) type = 'person';
  }
  const id = type === 'country' ? `country:${pickKey}` : pickKey;
  // Every form with its spellings; the most used spelling first.
  const merged = new Map<string, Map<string, number>>();
  for (const g of list) {
    for (const [fk, t] of g.forms) {
      let sp = merged.get(fk);
      if (!sp) merged.set(fk, (sp = new Map()));
      for (const [spelling, n] of t.counts) sp.set(spelling, (sp.get(spelling) ?? 0) + n);
    }
  }
  if (type !== 'person' && pick.words > 1) {
    // The surname guess of a name that turned out not to be a person's ("United" of a club) is no alias.
    const lastWord = pickKey.split(' ').pop()!;
    if (!list.some((g) => g.key === lastWord)) merged.delete(lastWord);
  }
  if (type === 'country') {
    for (const f of formsOfCountry(pick.name)) {
      const fk = nameKey(f);
      if (!merged.has(fk)) merged.set(fk, new Map([[f, 0]]));
    }
  }
  const forms = new Map<string, string[]>();
  for (const [fk, sp] of merged) {
    forms.set(fk, [...sp.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([spelling]) => spelling));
  }
  forms.set(pickKey, [pick.name, ...(forms.get(pickKey) ?? []).filter((x) => x !== pick.name)]);
  const aliases: string[] = [];
  for (const [fk, sp] of forms) if (fk !== pickKey) aliases.push(sp[0]!);
  const affTally = new Map<string, number>();
  for (const g of list) for (const [a, n] of g.affiliations.counts) affTally.set(a, (affTally.get(a) ?? 0) + n);
  const affiliation = [...affTally.entries()].filter(([a]) => nameKey(a) !== pickKey).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? null;
  return { actor: new CanonicalActor(id, pick.name, type, aliases, affiliation, mentionCount, list), forms };
}

/** Roles merged by title; a role without affiliation joins the one role of that title that has one. Newest first. */
function summariseRoles(list: { unit: SourceUnit; actor: DocumentActor }[]): ActorRoleSummary[] {
  const byKey = new Map<string, ActorRoleSummary>();
  const loose: { title: string; unit: SourceUnit }[] = [];
  for (const { unit, actor } of list) {
    for (const r of actor.roles) {
      if (!r.title) continue;
      if (!r.affiliation) {
        loose.push({ title: r.title, unit });
        continue;
      }
      addRole(byKey, r.title, r.affiliation, unit);
    }
  }
  for (const { title, unit } of loose) {
    const same = [...byKey.values()].filter((r) => r.title.toLowerCase() === title.toLowerCase());
    addRole(byKey, title, same.length === 1 ? same[0]!.affiliation : null, unit);
  }
  return [...byKey.values()].sort((a, b) => (b.newest ?? '').localeCompare(a.newest ?? '') || b.units.length - a.units.length);
}

function addRole(byKey: Map<string, ActorRoleSummary>, title: string, affiliation: string | null, unit: SourceUnit): void {
  const key = `${title.toLowerCase()}|${affiliation ?? ''}`;
  let r = byKey.get(key);
  if (!r) byKey.set(key, (r = { title, affiliation, units: [], newest: null }));
  // Prefer the capitalised spelling of a title ("Foreign Minister" over "foreign minister").
  if (/^\p{Lu}/u.test(title) && !/^\p{Lu}/u.test(r.title)) r.title = title;
  if (!r.units.includes(unit)) r.units.push(unit);
  const d = dateOf(unit);
  if (d && (!r.newest || d > r.newest)) r.newest = d;
}
