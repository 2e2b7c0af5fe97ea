/**
 * One canonical actor from a cluster of key groups: its name, type, aliases and affiliation, voted over the
 * groups; per-document details (appearances, roles) are gathered only when a card asks for them.
 */
import type { SourceUnit } from '../source-index';
import { TYPE_PRIORITY, type ActorGroups, type Item, type KeyGroup, type Tally } from './actor-groups';
import type { ActorType, DocumentActor } from '../../../domain/actor-types';
import type { Actor, ActorRoleSummary } from '../../source-store';
import { formsOfCountry } from '../../../mentions/countries';
import { nameKey } from '../../../mentions/name-key';

export type { Actor, ActorRoleSummary };

/** First names needed before a guessed person can be re-typed for lack of a known first name. */
export const MIN_FIRST_NAMES = 100;

const dateOf = (unit: SourceUnit): string | null => unit.doc.date ?? (unit.doc.year ? String(unit.doc.year) : null);

const NONE: readonly string[] = [];

/** An actor whose per-document details (appearances, roles) are gathered only when asked for. */
export class CanonicalActor implements Actor {
  private cachedAppearances: Item[] | null = null;
  private cachedRoles: ActorRoleSummary[] | null = null;

  constructor(
    readonly id: string,
    readonly name: string,
    readonly type: ActorType,
    readonly aliases: string[],
    readonly affiliation: string | null,
    readonly mentionCount: number,
    /** The key groups it merges, sorted by key. */
    readonly groups: readonly KeyGroup[],
  ) {}

  /** Merge bookkeeping (actor-merge.ts): the form keys it answers to, to undo its entries. */
  formKeys: readonly string[] = NONE;
  /** Case-sensitive spellings as pairs: form key, spelling, form key, spelling, … */
  caseForms: readonly string[] = NONE;
  /** The first word whose first-name tallies its type depends on. */
  firstWord: string | null = null;

  get appearances(): Item[] {
    if (!this.cachedAppearances) {
      const items: Item[] = [];
      for (const g of this.groups) for (const i of g.items()) items.push(i);
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
 * A first name: used with another surname in a name typed as a person on real evidence, or with three other
 * surnames at all ("Jennifer" yes; "Manchester", seen before two club names, no).
 */
export function isFirstName(s: ActorGroups, first: string, last: string): boolean {
  const others = (t: Tally<string> | undefined): number => (t ? [...t.keys()].filter((l) => l !== last).length : 0);
  return others(s.firstNames.get(first)) >= 1 || others(s.guessedFirstNames.get(first)) >= 3;
}

/** A one-word name used for a person in enough documents (a third, or once with an honorific or title) to join a full name by surname. */
export function personish(g: KeyGroup): boolean {
  if (g.strongPersons > 0) return true;
  return g.persons > 0 && g.persons * 3 >= g.size;
}

/** What summarise found: the actor, its forms, and the first word whose first-name tallies its type depends on. */
export interface Summary {
  actor: CanonicalActor;
  forms: Map<string, string[]>;
  firstWord: string | null;
}

/** The canonical actor of a cluster of key groups, with every form (key → spellings) it answers to. */
export function summarise(list: KeyGroup[], s: ActorGroups): Summary {
  const typeScore = new Map<ActorType, number>();
  let mentionCount = 0;
  for (const g of list) {
    for (const [t, n] of g.types.entries()) typeScore.set(t, (typeScore.get(t) ?? 0) + n);
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
  const names = list.map((g) => ({ key: g.key.replace(/^country:/, ''), name: g.spellings.top() ?? g.key, count: g.size, words: g.words }));
  const multi = type === 'person' ? names.filter((n) => n.words > 1) : [];
  const pick = (multi.length ? multi : names).sort(
    (a, b) => b.count - a.count || b.words - a.words || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  )[0];
  const pickKey = pick.key;
  // A name guessed to be a person's whose first word is nobody's first name ("Six Nations") is an organisation;
  // only a corpus that knows many first names can judge this.
  let firstWord: string | null = null;
  if (type === 'person' && pick.words > 1 && list.every((g) => g.confidentPersons === 0)) {
    const words = pickKey.split(' ');
    firstWord = words[0];
    if (s.firstNames.size >= MIN_FIRST_NAMES && !isFirstName(s, words[0], words[words.length - 1])) type = 'organisation';
  }
  // A lone word typed an organisation only by default that is the surname of two or more people ("Murray") is a person.
  if (type === 'organisation' && list.length === 1 && pick.words === 1 && list[0].orgGuesses === list[0].size) {
    const owners = s.surnameOwners.get(pickKey);
    if (owners && owners.size >= 2) type = 'person';
  }
  const id = type === 'country' ? `country:${pickKey}` : pickKey;
  // Every form with its spellings; the most used spelling first.
  const merged = new Map<string, Map<string, number>>();
  for (const g of list) {
    for (const [spelling, n] of g.formSpellings.entries()) {
      const fk = nameKey(spelling);
      let sp = merged.get(fk);
      if (!sp) merged.set(fk, (sp = new Map<string, number>()));
      sp.set(spelling, (sp.get(spelling) ?? 0) + n);
    }
  }
  if (type !== 'person' && pick.words > 1) {
    // The surname guess of a name that turned out not to be a person's ("United" of a club) is no alias.
    const lastWord = pickKey.slice(pickKey.lastIndexOf(' ') + 1);
    if (!list.some((g) => g.key === lastWord)) merged.delete(lastWord);
  }
  if (type === 'country') {
    for (const f of formsOfCountry(pick.name)) {
      const fk = nameKey(f);
      if (!merged.has(fk)) merged.set(fk, new Map([[f, 0]]));
    }
  }
  const forms = new Map<string, string[]>();
  // Most used forms first (ties by key): the order never depends on the order sources arrived in.
  const used = (sp: Map<string, number>): number => {
    let n = 0;
    for (const v of sp.values()) n += v;
    return n;
  };
  const ordered = [...merged]
    .map(([fk, sp]) => ({ fk, sp, n: used(sp) }))
    .sort((a, b) => b.n - a.n || (a.fk < b.fk ? -1 : a.fk > b.fk ? 1 : 0));
  for (const { fk, sp } of ordered) {
    forms.set(
      fk,
      [...sp.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([spelling]) => spelling),
    );
  }
  forms.set(pickKey, [pick.name, ...(forms.get(pickKey) ?? []).filter((x) => x !== pick.name)]);
  // Made to size: an array grown by push reserves room for seventeen, for every actor of the corpus.
  const aliases = new Array<string>(forms.size - 1);
  let a = 0;
  for (const [fk, sp] of forms) if (fk !== pickKey) aliases[a++] = sp[0];
  const affTally = new Map<string, number>();
  for (const g of list) for (const [a, n] of g.affiliations?.entries() ?? []) affTally.set(a, (affTally.get(a) ?? 0) + n);
  const affiliation =
    [...affTally.entries()].filter(([a]) => nameKey(a) !== pickKey).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? null;
  return { actor: new CanonicalActor(id, pick.name, type, aliases, affiliation, mentionCount, list), forms, firstWord };
}

/** Roles merged by title; a role without affiliation joins the one role of that title that has one. Newest first. */
export function summariseRoles(list: { unit: SourceUnit; actor: DocumentActor }[]): ActorRoleSummary[] {
  const byKey = new Map<string, RoleTally>();
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
  // Affiliations known per title, counted once before the loose titles are placed (a scan per loose title was
  // quadratic for an actor named with a title in thousands of sources).
  const affiliated = new Map<string, Set<string>>();
  for (const r of byKey.values()) {
    const title = r.summary.title.toLowerCase();
    affiliated.set(title, (affiliated.get(title) ?? new Set()).add(r.summary.affiliation ?? ''));
  }
  for (const { title, unit } of loose) {
    const same = affiliated.get(title.toLowerCase());
    const only = same?.size === 1 ? [...same][0] : null;
    addRole(byKey, title, only || null, unit);
  }
  return [...byKey.values()]
    .map((r) => r.summary)
    .sort((a, b) => (b.newest ?? '').localeCompare(a.newest ?? '') || b.units.length - a.units.length);
}

/** A role being summarised, with the set of its sources (a list scan per source was quadratic). */
interface RoleTally {
  summary: ActorRoleSummary;
  seen: Set<SourceUnit>;
}

function addRole(byKey: Map<string, RoleTally>, title: string, affiliation: string | null, unit: SourceUnit): void {
  const key = `${title.toLowerCase()}|${affiliation ?? ''}`;
  let tally = byKey.get(key);
  if (!tally) byKey.set(key, (tally = { summary: { title, affiliation, units: [], newest: null }, seen: new Set() }));
  const r = tally.summary;
  // Prefer the capitalised spelling of a title ("Foreign Minister" over "foreign minister").
  if (/^\p{Lu}/u.test(title) && !/^\p{Lu}/u.test(r.title)) r.title = title;
  if (!tally.seen.has(unit)) {
    tally.seen.add(unit);
    r.units.push(unit);
  }
  const d = dateOf(unit);
  if (d && (!r.newest || d > r.newest)) r.newest = d;
}
