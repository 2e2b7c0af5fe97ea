/**
 * Turns a document's candidate names into its actors: merges surnames, acronyms and shorter forms into
 * the full name, decides each actor's type, then finds every mention in one pass over the tokens.
 */
import type { Token } from '../../mentions/actor-tokens';
import type { ActorMention, ActorRole, ActorType, DocumentActor } from '../../domain/actor-types';
import { COUNTRY_FORMS, formsOfCountry } from '../../mentions/countries';
import { NAME_CONNECTORS, NEVER_ACTORS, REGION_PHRASES, REGIONS, SPEECH_VERBS } from '../../mentions/name-lexicon';
import { isCaseSensitiveAlias, nameKey, soundKey } from '../../mentions/name-key';
import { STOPWORDS } from '../../text/tokenize';

export type Votes = Record<ActorType, number>;

/** One name as the extractor found it, before merging. */
export interface Candidate {
  name: string;
  key: string;
  words: number;
  votes: Votes;
  roles: ActorRole[];
  affiliation: string | null;
  acronym: string | null;
  /** Seen only at the start of a sentence or used like an adjective: kept only if confirmed. */
  weak: boolean;
  /** Token index of its first mention. */
  first: number;
  /** Token index of its last mention as a span of its own, when known. */
  last?: number;
  /** Key of the person whose nickname this is (`Ana "The Anvil" Lee`). */
  aliasOf?: string;
  /** Person votes given by default (a two-word name with no other evidence), not by anything the text says. */
  guessed: number;
}

interface Group {
  main: Candidate;
  members: Candidate[];
}

const TYPE_ORDER: ActorType[] = ['country', 'place', 'organisation', 'person'];

function typeOf(g: Group): { type: ActorType; confidence: number } {
  const total: Votes = { person: 0, organisation: 0, country: 0, place: 0 };
  for (const m of g.members) for (const t of TYPE_ORDER) total[t] += m.votes[t];
  if (g.main.key.startsWith('country:')) return { type: 'country', confidence: 5 };
  let best: ActorType = g.main.words > 1 ? 'person' : 'organisation';
  let bestVotes = 0;
  for (const t of TYPE_ORDER) {
    if (total[t] > bestVotes) {
      best = t;
      bestVotes = total[t];
    }
  }
  return { type: best, confidence: bestVotes };
}

/**
 * A capitalised phrase typed person by default only: no title, role, honorific, speech verb, age or surname used
 * alone says so (a product, a game, a work). It keeps a person card only if a pronoun refers back to it.
 */
function unevidencedPerson(g: Group): boolean {
  if (g.members.length > 1 || g.main.roles.length > 0 || g.main.acronym) return false;
  const v = g.main.votes;
  return typeOf(g).type === 'person' && v.person - g.main.guessed <= 0;
}

function lastWord(name: string): string {
  const parts = name.split(' ');
  return parts[parts.length - 1];
}

function isTableName(c: Candidate): boolean {
  return c.key.startsWith('country:') || COUNTRY_FORMS.has(c.name) || REGIONS.has(c.name) || REGION_PHRASES.has(c.name);
}

/** Merges candidates into groups: surname → full name, acronym → defined name, "Maria Lopez" → "Ana Maria Lopez". */
function mergeCandidates(candidates: Iterable<Candidate>): Group[] {
  const all = [...candidates].sort((a, b) => b.words - a.words);
  const groups: Group[] = [];
  const bySurname = new Map<string, Group[]>();
  const bySound = new Map<string, Group[]>();
  const byAcronym = new Map<string, Group>();
  const byKeySuffix = new Map<string, Group[]>();
  const byOrgFirst = new Map<string, Group[]>();
  const byFirstName = new Map<string, Group[]>();
  const byInitials = new Map<string, Group[]>();
  const push = <K>(map: Map<K, Group[]>, k: K, g: Group): void => {
    const list = map.get(k);
    if (!list) map.set(k, [g]);
    else if (!list.includes(g)) list.push(g);
  };
  const nicknames: Candidate[] = [];
  for (const c of all) {
    if (c.aliasOf) {
      nicknames.push(c);
      continue;
    }
    let target: Group | undefined;
    if (!c.key.startsWith('country:')) {
      if (c.words === 1) {
        // "Acme Finance Group … Acme": the short form names the organisation introduced before it; "Acme … Acme
        // Capital" (the short form first) are two organisations.
        const org = unique(byOrgFirst.get(c.key));
        // `Acho`: an acronym some outlets write as a word (four or five letters) spells initials too.
        const initialled = /^\p{Lu}{2,5}$|^\p{Lu}\p{Ll}{3,4}$/u.test(c.name) ? unique(byInitials.get(c.name.toUpperCase())) : undefined;
        // "KRBN Radio Westvale … KRBN": an acronym is a whole name; a longer name opening with it is a part of it.
        const acronymOwner = /^\p{Lu}{2,}$/u.test(c.name);
        target =
          byAcronym.get(c.name) ??
          // "the Lantern Daily Courier … the LDC": capitals that spell the initials of an organisation named before them.
          (initialled && initialled.main.first < c.first ? initialled : undefined) ??
          unique(bySurname.get(c.key)) ??
          introducedBefore(bySurname.get(c.key), c) ??
          unique(bySound.get(soundKey(c.key))) ??
          (org && ((org.main.first < c.first && !acronymOwner) || legalFormOf(org.main, c)) ? org : undefined);
        // `her mother, Ana, said` … `Ana Lee`: a first name alone is the one person of the document called so.
        if (!target && c.votes.organisation + c.votes.place + c.votes.country === 0 && !c.acronym) target = unique(byFirstName.get(c.key));
      } else {
        // "PC Weekly Magazine … PC Weekly": a shorter form of an organisation named before it, as for one word.
        const org = unique(byOrgFirst.get(c.key));
        target = unique(byKeySuffix.get(c.key)) ?? (org && (org.main.first < c.first || legalFormOf(org.main, c)) ? org : undefined);
      }
    }
    if (target) {
      target.members.push(c);
      continue;
    }
    const g: Group = { main: c, members: [c] };
    groups.push(g);
    if (c.acronym) byAcronym.set(c.acronym, g);
    if (c.words >= 2 && !c.key.startsWith('country:') && c.votes.organisation > c.votes.person) {
      // "Acme Finance Group" … "Acme": an organisation's first word names it when nothing else does.
      const words = c.key.split(' ');
      if (!COUNTRY_FORMS.has(c.name.split(' ')[0])) for (let n = 1; n < words.length; n++) push(byOrgFirst, words.slice(0, n).join(' '), g);
    }
    if (c.words >= 2 && !c.acronym && !c.key.startsWith('country:') && c.votes.person - c.guessed <= c.votes.organisation)
      push(byInitials, initialsOf(c.name), g);
    if (c.words >= 2 && !c.acronym && !c.key.startsWith('country:') && c.votes.person >= Math.max(c.votes.organisation, c.votes.place)) {
      const words = c.key.split(' ');
      push(bySurname, words[words.length - 1], g);
      push(byFirstName, words[0], g);
      push(bySound, soundKey(words[words.length - 1]), g);
      for (let i = 1; i < words.length - 1; i++) push(byKeySuffix, words.slice(i).join(' '), g);
    }
  }
  // A nickname joins the group of the person it names (or stands alone when that name was dropped).
  const groupOf = new Map<string, Group>();
  if (nicknames.length > 0) for (const g of groups) for (const m of g.members) groupOf.set(m.key, g);
  for (const c of nicknames) {
    const owner = c.aliasOf === undefined ? undefined : groupOf.get(c.aliasOf);
    if (owner) owner.members.push(c);
    else groups.push({ main: c, members: [c] });
  }
  return groups;
}

/** Initials of a name's words, connectors left out ("Bank of Ruritania" → "BR"). */
function initialsOf(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => w && !NAME_CONNECTORS.has(w) && w !== 'and' && w !== '&' && w !== 'the')
    .map((w) => w[0].toUpperCase())
    .join('');
}

/**
 * Words that only give an organisation's legal form or kind: "Acme Inc" and "Acme", "Reform Party" and "Reform" are one
 * body, whichever comes first.
 */
const LEGAL_FORMS = new Set(
  'inc incorporated corp corporation co company ltd limited plc llc llp group holdings sa ag nv se gmbh party magazine'.split(' '),
);

/** True when the longer name is the shorter one plus legal-form words only ("Acme Holdings Inc" for "Acme"). */
function legalFormOf(long: Candidate, short: Candidate): boolean {
  const rest = long.key.split(' ').slice(short.key.split(' ').length);
  return rest.length > 0 && rest.every((w) => LEGAL_FORMS.has(w));
}

/**
 * `Ana Lee … Lee said … Tom Lee`: a surname two people share belongs to the one named in full before every use of
 * it, when the other is named in full only after its last use.
 */
function introducedBefore(list: Group[] | undefined, c: Candidate): Group | undefined {
  if (!list || list.length < 2 || c.last === undefined) return undefined;
  const last = c.last;
  const before = list.filter((g) => g.main.first < c.first);
  return before.length === 1 && list.every((g) => g === before[0] || g.main.first > last) ? before[0] : undefined;
}

function unique(list: Group[] | undefined): Group | undefined {
  return list && list.length === 1 ? list[0] : undefined;
}

/** The document's actors, with mentions found in one greedy longest-match pass over the tokens. */
export function buildActors(tokens: readonly Token[], candidates: Iterable<Candidate>): DocumentActor[] {
  const groups = mergeCandidates(candidates).filter((g) => g.members.some((m) => !m.weak) || isTableName(g.main));
  const actors: DocumentActor[] = [];
  const unproven = new Set<number>();
  const surnameOwners = new Map<string, number>();
  for (const g of groups) {
    if (unevidencedPerson(g)) unproven.add(actors.length);
    const actor = actorOf(g);
    if (actor.type === 'person' && g.main.words >= 2) {
      const last = lastWord(g.main.name);
      const bare = last.replace(/^(?:al|el|Al|El)[-\u2010\u2011]/, '');
      // A surname that is also a month or a common capitalised word ("May") would make every such word a mention.
      if (!NEVER_ACTORS.has(bare) && !NEVER_ACTORS.has(last)) {
        surnameOwners.set(nameKey(bare), (surnameOwners.get(nameKey(bare)) ?? 0) + 1);
        actor.aliases.push(...new Set([bare, last].filter((x) => x !== g.main.name && !actor.aliases.includes(x))));
      }
    }
    actors.push(actor);
  }
  // A surname two people share in this document is nobody's alias here, unless the text gave it to one of them.
  actors.forEach((a, i) => {
    if (a.type !== 'person') return;
    const members = new Set(groups[i].members.map((m) => m.name));
    a.aliases = a.aliases.filter((x) => x.includes(' ') || members.has(x) || (surnameOwners.get(nameKey(x)) ?? 0) <= 1);
  });
  const { used, ends } = findMentions(tokens, actors);
  const personStarts = new Set<number>();
  actors.forEach((a, i) => {
    if (a.type === 'person' && !unproven.has(i)) for (const m of a.mentions) personStarts.add(m.start);
  });
  // "he", "she", "his" or "her" referring back to a person is evidence as good as a title.
  actors.forEach((a, i) => {
    if (a.type !== 'person' || (a.typeConfidence ?? 0) >= PRONOUN_CONFIDENCE || unproven.has(i)) return;
    if (ends[i].some(([, to]) => pronounFollows(tokens, to, personStarts))) a.typeConfidence = PRONOUN_CONFIDENCE;
  });
  // "Acme Rovers … missed payments on its stadium": "its" after a mention, and no "he", "she", "his" or "her" after
  // any, says a name typed person (by a title before it, "former champion Acme Rovers") names a body.
  actors.forEach((a, i) => {
    if (a.type !== 'person' || groups[i].main.words < 2) return;
    if (!ends[i].some(([, to]) => itsFollows(tokens, to))) return;
    // `Acme's largest investor said he …`, `talks with Acme …, he said`: after a possessive mention or one after a
    // preposition the pronoun is someone else's.
    const own = ([from, to]: [number, number]): boolean => !tokens[to].possessive && !PREPOSITIONS.has(tokens[from - 1]?.key ?? '');
    if (ends[i].some((m) => own(m) && pronounFollows(tokens, m[1], personStarts))) return;
    a.type = 'organisation';
  });
  // "… when Lenka held her nerve": one word with no vote of any type, typed an organisation by default only, is a
  // person when it opens a clause before a verb and "he", "she", "his" or "her" follows in that sentence.
  actors.forEach((a, i) => {
    const v = groups[i].main.votes;
    const none = groups[i].members.every((m) => m.votes.person + m.votes.organisation + m.votes.place + m.votes.country === 0);
    if (a.type !== 'organisation' || groups[i].main.words !== 1 || groups[i].main.acronym || !none || v.person !== 0) return;
    if (ends[i].some(([, to]) => itFollows(tokens, to))) return;
    if (ends[i].some(([from, to]) => subjectOfOwnPronoun(tokens, from, to, personStarts))) {
      a.type = 'person';
      a.typeConfidence = PRONOUN_CONFIDENCE;
    }
  });
  // A person by default only, written as things are ("the X", "X game", in quote marks): no card, unless "he",
  // "she", "his" or "her" follows a mention before another person is named.
  // Names and aliases of the people the text shows: a span ending with one is no organisation ("the X Ana Lee").
  const personKeys = new Set<string>();
  actors.forEach((a, i) => {
    if (a.type === 'person' && !unproven.has(i)) for (const f of [a.name, ...a.aliases]) personKeys.add(nameKey(f));
  });
  for (const i of unproven) {
    const v = groups[i].main.votes;
    // No vote at all (a phrase whose words the article also uses as ordinary words): no card either.
    const noVote = v.person + v.organisation + v.place + v.country === 0;
    const ways = ends[i].map(([from, to]) => writtenAsThing(tokens, from, to));
    if (!(noVote || ways.some(Boolean)) || ends[i].some(([, to]) => pronounFollows(tokens, to, personStarts))) continue;
    // "told the Daily Clarion", "outside the Harbour Lights Theatre": a name only ever written after an article, never in
    // quote marks or before a thing's noun, names a body or a building: an organisation's card, not a person's.
    if (!noVote && ways.every((w) => w === null || w === 'article') && !endsWithPerson(actors[i], personKeys))
      retypeAsOrganisation(actors[i], ends[i], groups[i]);
    else actors[i].mentions = [];
  }
  // A country's aliases are the forms this document uses (the index knows the rest from the table).
  actors.forEach((a, i) => {
    if (a.type === 'country') a.aliases = a.aliases.filter((f) => used[i].has(nameKey(f)));
  });
  for (const a of actors) a.keys = { name: nameKey(a.name), aliases: a.aliases.map(nameKey) };
  return actors.filter((a) => a.mentions.length > 0).sort((a, b) => a.mentions[0].start - b.mentions[0].start);
}

/** True when the actor's name ends with the name or surname of a person the text shows. */
function endsWithPerson(a: DocumentActor, personKeys: ReadonlySet<string>): boolean {
  const words = nameKey(a.name).split(' ');
  for (let k = 1; k < words.length; k++) if (personKeys.has(words.slice(k).join(' '))) return true;
  return false;
}

/** A default person turned organisation: its surname is no alias, and a surname alone was no mention of it. */
function retypeAsOrganisation(a: DocumentActor, ends: [number, number][], g: Group): void {
  const names = new Set(g.members.map((m) => m.name));
  a.type = 'organisation';
  a.typeConfidence = 0;
  a.aliases = a.aliases.filter((x) => names.has(x));
  a.mentions = a.mentions.filter((_, k) => ends[k][1] > ends[k][0]);
}

/** One group's actor: name, voted type, aliases (other names, acronyms, a country's forms), roles and affiliation. */
function actorOf(g: Group): DocumentActor {
  const { type, confidence } = typeOf(g);
  const aliases = new Set<string>();
  for (const m of g.members) if (m !== g.main) aliases.add(m.name);
  for (const m of g.members) if (m.acronym) aliases.add(m.acronym);
  if (type === 'country') for (const f of formsOfCountry(g.main.name)) aliases.add(f);
  aliases.delete(g.main.name);
  const roles: ActorRole[] = [];
  for (const m of g.members)
    for (const r of m.roles) if (!roles.some((x) => x.title === r.title && x.affiliation === r.affiliation)) roles.push(r);
  const affiliation = g.members.map((m) => m.affiliation).find((a) => a && a !== g.main.name) ?? null;
  return { name: g.main.name, type, aliases: [...aliases], roles, affiliation, mentions: [], typeConfidence: confidence };
}

/** Lower-case nouns that, right after a name, make it the name of a thing ("X game", "the X series"). */
const THING_NOUNS = new Set(
  `game games series franchise app console film movie album song show novel book brand range festival tournament
  storm hurricane season era period championship championships cup trophy model device phone product products
  cereal snack drink character characters title titles classic classics route passage route trail`.split(/\s+/),
);
const ARTICLES = new Set(['the', 'a', 'an']);

/**
 * How a mention is written as things are named: before a noun for a thing or a number, in quote marks, or after an
 * article; null when none.
 */
function writtenAsThing(tokens: readonly Token[], from: number, to: number): 'noun' | 'quoted' | 'article' | 'indefinite' | null {
  const first = tokens[from];
  const before = tokens[from - 1];
  const after = tokens[to + 1];
  const sameSentence = (t: Token | undefined): t is Token => t !== undefined && t.sentence === first.sentence;
  if (sameSentence(after) && after.gap === '' && !after.cap && (THING_NOUNS.has(after.key) || /^\d/.test(after.text))) return 'noun';
  if (/["\u201c]$/.test(first.gap) && sameSentence(after) && /^["\u201d]/.test(after.gap)) return 'quoted';
  if (!sameSentence(before) || first.gap !== '' || !ARTICLES.has(before.key) || before.cap) return null;
  // "a X Y cross kick", "a X Y": one of many things; "the X Y" may also be the one body or building so named,
  // unless a plain noun follows ("the X Y play").
  const modifies =
    sameSentence(after) &&
    after.gap === '' &&
    !after.cap &&
    !after.upper &&
    !STOPWORDS.has(after.key) &&
    !SPEECH_VERBS.has(after.key) &&
    !/ed$/.test(after.key);
  return before.key === 'the' && !modifies ? 'article' : 'indefinite';
}

/** The type confidence a pronoun referring back gives a person (that of a title or honorific). */
const PRONOUN_CONFIDENCE = 3;
const PERSONAL_PRONOUNS = new Set(['he', 'she', 'his', 'her', 'him', 'himself', 'herself']);
/** How far after a mention a pronoun may refer back to it: the rest of its sentence and the next one. */
const PRONOUN_SENTENCES = 1;

/** True when a personal pronoun follows the mention ending at token `end` before another person's mention starts. */
function pronounFollows(tokens: readonly Token[], end: number, personStarts: ReadonlySet<number>): boolean {
  const sentence = tokens[end].sentence;
  for (let i = end + 1; i < tokens.length && tokens[i].sentence <= sentence + PRONOUN_SENTENCES; i++) {
    const t = tokens[i];
    if (PERSONAL_PRONOUNS.has(t.key)) return true;
    if (personStarts.has(t.start)) return false;
  }
  return false;
}

/** Words after which a name opens a clause as its subject ("when X held her nerve"). */
const CLAUSE_OPENERS = new Set(['when', 'and', 'but', 'as', 'while', 'after', 'before', 'because', 'although', 'until', 'then']);

/** True when the mention [from, to] opens a clause, a lower-case word follows, and a personal pronoun follows in its sentence. */
function subjectOfOwnPronoun(tokens: readonly Token[], from: number, to: number, personStarts: ReadonlySet<number>): boolean {
  const first = tokens[from];
  const before = tokens[from - 1];
  const after = tokens[to + 1];
  const opens = first.sentenceStart || (before !== undefined && first.gap === '' && CLAUSE_OPENERS.has(before.key));
  if (!opens || !after || after.sentence !== first.sentence || after.gap !== '' || after.cap || after.upper || ARTICLES.has(after.key))
    return false;
  // Within a few words ("held her nerve"), before another person or a noun the pronoun may point to.
  for (let i = to + 1; i < tokens.length && i <= to + OWN_PRONOUN_REACH && tokens[i].sentence === first.sentence; i++) {
    if (PERSONAL_PRONOUNS.has(tokens[i].key)) return true;
    if (personStarts.has(tokens[i].start) || ARTICLES.has(tokens[i].key)) return false;
  }
  return false;
}

/** Words after which a name is an object, not the subject a later pronoun refers to. */
const PREPOSITIONS = new Set(['with', 'on', 'in', 'at', 'for', 'from', 'of', 'to', 'by', 'about', 'over', 'against', 'into', 'than']);

/** How far after a name "its" may refer back to it (`X has posted losses and missed payments on its stadium`). */
const ITS_REACH = 12;

/** True when "its" follows the mention ending at `end` in its sentence, before any other name or personal pronoun. */
function itsFollows(tokens: readonly Token[], end: number): boolean {
  const sentence = tokens[end].sentence;
  for (let i = end + 1; i < tokens.length && i <= end + ITS_REACH && tokens[i].sentence === sentence; i++) {
    const t = tokens[i];
    if (t.key === 'its') return true;
    if (PERSONAL_PRONOUNS.has(t.key) || t.cap || t.upper || /["\u201c\u201d]/.test(t.gap)) return false;
  }
  return false;
}

/** How many words after a name its own pronoun may come ("X held her nerve", "X said she would"). */
const OWN_PRONOUN_REACH = 4;

/** True when "it" or "its" follows a mention in its sentence: the text speaks of the name as a thing or a body. */
function itFollows(tokens: readonly Token[], to: number): boolean {
  const sentence = tokens[to].sentence;
  for (let i = to + 1; i < tokens.length && tokens[i].sentence === sentence; i++)
    if (tokens[i].key === 'its' || tokens[i].key === 'it') return true;
  return false;
}

/** Records every mention; returns, per actor, the keys of the forms found and each mention's first and last token. */
function findMentions(tokens: readonly Token[], actors: DocumentActor[]): { used: Set<string>[]; ends: [number, number][][] } {
  const used = actors.map(() => new Set<string>());
  const ends = actors.map((): [number, number][] => []);
  const forms = new Map<string, { actor: number; caseSensitive: boolean }>();
  let maxWords = 1;
  actors.forEach((a, i) => {
    for (const f of [a.name, ...a.aliases]) {
      const k = nameKey(f);
      if (!k || forms.has(k)) continue;
      forms.set(k, { actor: i, caseSensitive: isCaseSensitiveAlias(f) });
      maxWords = Math.max(maxWords, k.split(' ').length);
    }
  });
  for (let i = 0; i < tokens.length;) {
    const t = tokens[i];
    // A word that is never an actor alone may still begin a name ("European Commission", "Muslim Council").
    const next = tokens[i + 1];
    const beginsName = next !== undefined && next.sentence === t.sentence && next.gap === '' && (next.cap || next.upper);
    if (!(t.cap || t.upper) || (NEVER_ACTORS.has(t.text) && !beginsName)) {
      i++;
      continue;
    }
    let matched = 0;
    let key = '';
    const keys: { key: string; end: number }[] = [];
    for (let n = 0; n < maxWords + 2 && i + n < tokens.length; n++) {
      const u = tokens[i + n];
      const afterInitial = n > 0 && u.gap === '.' && /^\p{Lu}$/u.test(tokens[i + n - 1].text);
      if (
        n > 0 &&
        ((u.gap !== '' && u.gap !== '&' && !afterInitial) ||
          u.sentence !== t.sentence ||
          (tokens[i + n - 1].possessive && !(u.cap || u.upper)))
      )
        break;
      if (u.key) key = key ? `${key} ${u.key}` : u.key;
      keys.push({ key, end: n + 1 });
    }
    for (let k = keys.length - 1; k >= 0; k--) {
      const last = tokens[i + keys[k].end - 1];
      // "Acme Radio 4": a channel's number ends a name the extractor took with it.
      if (!(last.cap || last.upper || (keys[k].end >= 2 && /^\d{1,2}$/.test(last.text)))) continue;
      const hit = forms.get(keys[k].key);
      if (!hit || (hit.caseSensitive && !t.upper)) continue;
      const m: ActorMention = { start: t.start, end: last.end };
      actors[hit.actor].mentions.push(m);
      used[hit.actor].add(keys[k].key);
      ends[hit.actor].push([i, i + keys[k].end - 1]);
      matched = keys[k].end;
      break;
    }
    i += matched || 1;
  }
  return { used, ends };
}
