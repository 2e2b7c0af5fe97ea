import type { SourceUnit, UnitListener } from '../sources/source-index';
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
  byUnit: Map<SourceUnit, Actor[]>;
  maxAliasWords: number;
}

/** First names needed before a guessed person can be re-typed for lack of a known first name. */
const MIN_FIRST_NAMES = 100;

const TYPE_PRIORITY: ActorType[] = ['country', 'place', 'organisation', 'person'];

/** Union-find over document actors. */
class Groups {
  private readonly parent: number[] = [];
  add(): number {
    this.parent.push(this.parent.length);
    return this.parent.length - 1;
  }
  find(i: number): number {
    while (this.parent[i] !== i) i = this.parent[i] = this.parent[this.parent[i]!]!;
    return i;
  }
  union(a: number, b: number): void {
    this.parent[this.find(a)] = this.find(b);
  }
}

const dateOf = (unit: SourceUnit): string | null => unit.doc.date ?? (unit.doc.year ? String(unit.doc.year) : null);

/**
 * The corpus-wide index of actors. Documents' actors merge by name key (variants, diacritics, apostrophes),
 * acronym, surname (when only one person has it) and shorter forms of a full name. Rebuilt lazily after
 * changes, in one linear pass, so per-file updates stay cheap.
 */
export class ActorIndex implements UnitListener {
  private readonly units = new Set<SourceUnit>();
  private built: Built | null = null;

  unitAdded(unit: SourceUnit): void {
    this.units.add(unit);
    this.built = null;
  }

  unitRemoved(unit: SourceUnit): void {
    if (this.units.delete(unit)) this.built = null;
  }

  /** The canonical actor of a document's actor. */
  canonical(unit: SourceUnit, localIndex: number): Actor | undefined {
    return this.state().byUnit.get(unit)?.[localIndex];
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

  /** Number of canonical actors (builds the index if a change is pending, like every other read). */
  get size(): number {
    return this.state().byId.size;
  }

  all(): IterableIterator<Actor> {
    return this.state().byId.values();
  }

  private state(): Built {
    // Sorted by URI so the result does not depend on the order files were added (a churned index equals a fresh one).
    return (this.built ??= build([...this.units].sort((a, b) => (a.doc.uri < b.doc.uri ? -1 : a.doc.uri > b.doc.uri ? 1 : 0))));
  }
}

function keyOf(a: DocumentActor): string {
  const k = a.keys?.name ?? nameKey(a.name);
  return a.type === 'country' ? `country:${k}` : k;
}

function build(units: Iterable<SourceUnit>): Built {
  const items: { unit: SourceUnit; actor: DocumentActor; key: string; local: number }[] = [];
  const groups = new Groups();
  const byKey = new Map<string, number>();
  for (const unit of units) {
    unit.actors.actors.forEach((actor, local) => {
      const key = keyOf(actor);
      const id = groups.add();
      items.push({ unit, actor, key, local });
      const first = byKey.get(key);
      if (first === undefined) byKey.set(key, id);
      else groups.union(id, first);
    });
  }
  mergeAliases(items, groups, byKey);

  const members = new Map<number, number[]>();
  items.forEach((_, i) => {
    const root = groups.find(i);
    const list = members.get(root);
    if (list) list.push(i);
    else members.set(root, [i]);
  });

  // First names seen in names typed as people on real evidence (title, honorific, apposition): "Tony", "Margaret".
  const firstNames = new Map<string, Set<string>>();
  for (const { actor, key } of items) {
    if (actor.type !== 'person' || (actor.typeConfidence ?? 0) < 3 || !key.includes(' ')) continue;
    const words = key.split(' ');
    let lasts = firstNames.get(words[0]!);
    if (!lasts) firstNames.set(words[0]!, (lasts = new Set()));
    lasts.add(words[words.length - 1]!);
  }

  const b: Built = { byId: new Map(), byAlias: new Map(), caseSensitive: new Map(), byUnit: new Map(), maxAliasWords: 1 };
  const aliasOwners = new Map<string, Actor[]>();
  for (const list of members.values()) {
    const { actor, forms } = summarise(list.map((i) => items[i]!), firstNames);
    b.byId.set(actor.id, actor);
    for (const i of list) {
      const { unit, local } = items[i]!;
      let perUnit = b.byUnit.get(unit);
      if (!perUnit) b.byUnit.set(unit, (perUnit = []));
      perUnit[local] = actor;
    }
    for (const [key, form] of forms) {
      if (!key) continue;
      const owners = aliasOwners.get(key);
      if (owners) owners.push(actor);
      else aliasOwners.set(key, [actor]);
      if (isCaseSensitiveAlias(form)) {
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
    b.byAlias.set(key, pool.reduce((best, a) => (a.mentionCount > best.mentionCount ? a : best)));
  }
  return b;
}

/** Merges groups across documents: acronym → full name, surname → the one person with it, shorter → longer name. */
function mergeAliases(items: { actor: DocumentActor; key: string }[], groups: Groups, byKey: Map<string, number>): void {
  const acronymOwner = new Map<string, Set<number>>();
  const surnameOwner = new Map<string, Set<number>>();
  const partOwner = new Map<string, Set<number>>();
  const note = (map: Map<string, Set<number>>, key: string, id: number): void => {
    let set = map.get(key);
    if (!set) map.set(key, (set = new Set()));
    set.add(groups.find(id));
  };
  items.forEach(({ actor, key }, i) => {
    const words = key.split(' ');
    for (const alias of actor.aliases) if (isCaseSensitiveAlias(alias) && words.length > 1) note(acronymOwner, alias, i);
    if (actor.type === 'person' && words.length >= 2) {
      note(surnameOwner, words[words.length - 1]!, i);
      for (let a = 0; a < words.length; a++) {
        for (let z = a + 2; z <= words.length; z++) if (z - a < words.length) note(partOwner, words.slice(a, z).join(' '), i);
      }
    }
  });
  const byKeyMembers = new Map<string, number[]>();
  items.forEach(({ key }, i) => {
    const list = byKeyMembers.get(key);
    if (list) list.push(i);
    else byKeyMembers.set(key, [i]);
  });
  const single = (set: Set<number> | undefined): number | undefined => {
    if (!set) return undefined;
    const roots = new Set([...set].map((x) => groups.find(x)));
    return roots.size === 1 ? [...roots][0] : undefined;
  };
  // Items per root, so a surname shared by several people can still go to one that dominates the corpus.
  const rootSize = new Map<number, number>();
  items.forEach((_, i) => {
    const r = groups.find(i);
    rootSize.set(r, (rootSize.get(r) ?? 0) + 1);
  });
  const dominant = (set: Set<number> | undefined): number | undefined => {
    if (!set) return undefined;
    const roots = [...new Set([...set].map((x) => groups.find(x)))].map((r) => ({ r, n: rootSize.get(r) ?? 0 })).sort((a, b) => b.n - a.n);
    if (roots.length === 1) return roots[0]!.r;
    const rest = roots.slice(1).reduce((sum, x) => sum + x.n, 0);
    return roots[0]!.n >= 4 * rest ? roots[0]!.r : undefined;
  };
  for (const [key, id] of byKey) {
    if (key.startsWith('country:')) continue;
    const { actor } = items[id]!;
    const words = key.split(' ');
    let target: number | undefined;
    if (words.length === 1) {
      target = single(acronymOwner.get(actor.name)) ?? (personish(items, byKeyMembers.get(key) ?? []) ? dominant(surnameOwner.get(key)) : undefined);
    } else if (actor.type === 'person') {
      target = single(partOwner.get(key));
    }
    if (target !== undefined && groups.find(target) !== groups.find(id)) groups.union(id, target);
  }
}

/** A one-word name used for a person in enough documents (a third, or once with an honorific or title) to join a full name by surname. */
function personish(items: { actor: DocumentActor }[], members: number[]): boolean {
  let persons = 0;
  for (const i of members) {
    const a = items[i]!.actor;
    if (a.type !== 'person') continue;
    if ((a.typeConfidence ?? 0) >= 3) return true;
    persons++;
  }
  return persons * 3 >= members.length && persons > 0;
}

/** The canonical actor of a group, with every form (key → spelling) it answers to. */
function summarise(list: { unit: SourceUnit; actor: DocumentActor }[], firstNames: ReadonlyMap<string, ReadonlySet<string>>): { actor: Actor; forms: Map<string, string> } {
  // Canonical name: the multi-word name most documents use, else the most used name.
  const nameCount = new Map<string, { name: string; count: number; words: number }>();
  const typeCount = new Map<ActorType, number>();
  const affCount = new Map<string, number>();
  let mentionCount = 0;
  for (const { actor } of list) {
    const k = actor.keys?.name ?? nameKey(actor.name);
    const e = nameCount.get(k) ?? { name: actor.name, count: 0, words: k.split(' ').length };
    e.count++;
    nameCount.set(k, e);
    // Types are voted by evidence: a title or honorific counts more than a guess.
    typeCount.set(actor.type, (typeCount.get(actor.type) ?? 0) + 1 + (actor.typeConfidence ?? 1));
    if (actor.affiliation) affCount.set(actor.affiliation, (affCount.get(actor.affiliation) ?? 0) + 1);
    mentionCount += actor.mentions.length;
  }
  let type: ActorType = 'organisation';
  let best = -1;
  for (const t of TYPE_PRIORITY) {
    const n = typeCount.get(t) ?? 0;
    if (n > best) {
      best = n;
      type = t;
    }
  }
  // A person is named by the full name most documents use; anything else by its most used name.
  const names = [...nameCount.values()];
  const multi = type === 'person' ? names.filter((n) => n.words > 1) : [];
  const pick = (multi.length ? multi : names).sort((a, b) => b.count - a.count || b.words - a.words || a.name.localeCompare(b.name))[0]!;
  // A two-word name guessed to be a person whose first word is nobody's first name ("Six Nations") is an organisation.
  const pickKey0 = nameKey(pick.name);
  const guessed = list.every(({ actor }) => actor.type !== 'person' || (actor.typeConfidence ?? 0) <= 2);
  // Only a corpus large enough to know many first names can judge this.
  if (type === 'person' && guessed && pickKey0.includes(' ') && firstNames.size >= MIN_FIRST_NAMES) {
    const words = pickKey0.split(' ');
    const lasts = firstNames.get(words[0]!);
    if (!lasts || [...lasts].every((l) => l === words[words.length - 1])) type = 'organisation';
  }
  const id = type === 'country' ? `country:${nameKey(pick.name)}` : nameKey(pick.name);
  const aliasByKey = new Map<string, string>();
  const pickKey = nameKey(pick.name);
  for (const { actor } of list) {
    const nk = actor.keys?.name ?? nameKey(actor.name);
    if (nk !== pickKey && !aliasByKey.has(nk)) aliasByKey.set(nk, actor.name);
    actor.aliases.forEach((form, i) => {
      const k = actor.keys?.aliases[i] ?? nameKey(form);
      if (k !== pickKey && !aliasByKey.has(k)) aliasByKey.set(k, form);
    });
  }
  if (type !== 'person') {
    // The surname guess of a name that turned out not to be a person's ("United" of a club) is no alias.
    const lastWord = pickKey.split(' ').pop()!;
    const named = new Set(list.map(({ actor }) => actor.keys?.name ?? nameKey(actor.name)));
    if (pickKey.includes(' ') && !named.has(lastWord)) aliasByKey.delete(lastWord);
  }
  if (type === 'country') for (const f of formsOfCountry(pick.name)) if (!aliasByKey.has(nameKey(f)) && nameKey(f) !== pickKey) aliasByKey.set(nameKey(f), f);
  const affiliation = [...affCount.entries()].filter(([a]) => nameKey(a) !== pickKey).sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  const actor: Actor = {
    id, name: pick.name, type, appearances: list.map(({ unit, actor: a }) => ({ unit, actor: a })),
    aliases: [...aliasByKey.values()], roles: summariseRoles(list), affiliation, mentionCount,
  };
  aliasByKey.set(pickKey, pick.name);
  return { actor, forms: aliasByKey };
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
