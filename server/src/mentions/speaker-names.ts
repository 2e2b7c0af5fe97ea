/**
 * Names as one document writes them, for attribution: the capitalised name
 * phrases with the titles around them, so that a surname, a pronoun or "the
 * minister" can be resolved to the fullest name the document uses. The actor
 * extractor's view (DocumentActors) wins when it knows the name; this book is
 * the fallback that keeps attribution working when it does not.
 */
import type { DocumentActor, DocumentActors } from '../domain/actor-types';
import type { SourceDocument } from '../domain/source-document';
import { normalizeForMatch } from '../text/normalize';
import { afterLastStop, trailingLowerWords } from '../text/trailing-text';
import {
  HONORIFICS,
  OCCUPATIONS,
  EVENT_WORDS,
  ORGANISATION_WORDS,
  PREPOSITIONS,
  ROLE_NOUNS,
  BARE_ROLE_SYNONYMS,
  ROLE_SYNONYMS,
  SPEECH_VERBS,
  STOP_CAPS,
  TITLE_WORDS,
  isAgentNoun,
} from './speech-words';

const CAP = String.raw`(?:\p{Lu}\.(?=[ \t]?\p{Lu})|(?:(?:al|el|Al|El|Abu|abu)-)?\p{Lu}[\p{L}\p{M}\d'’\-]*)`;
const CONNECTOR = String.raw`(?:al|bin|ibn|de|da|di|del|der|den|van|von|la|le|du|dos|das|ter|of|y|bint)`;
/** A capitalised name phrase, allowing name particles: `Omar al-Rashidi`, `Secretary of State Ada Lindqvist`. */
const NAME_SOURCE = String.raw`${CAP}(?:[ \t]+(?:${CONNECTOR}[ \t]+)?${CAP}){0,6}`;
const NAME_RE = new RegExp(NAME_SOURCE, 'gu');

export interface NameOccurrence {
  /** The name without titles: `Lena Okafor`. */
  core: string;
  /** Lower-cased title words written before the name: `foreign`, `minister`. */
  titles: string[];
  start: number;
  end: number;
  /** True when the name opens its sentence or is followed by a verb: it is somebody acting, not an object. */
  subject: boolean;
  /** Whether the name is a person's, worked out on first use (most names never need it). */
  person?: boolean;
  /** Inside a quotation: words quoted, not a mention by the writer. */
  quoted?: boolean;
  /** In a title or heading: written in title case, so no antecedent for `he` or `it` in the body. */
  heading?: boolean;
}

function tokensOf(phrase: string): string[] {
  return phrase.split(/[ \t]+/).filter(Boolean);
}

function isPossessive(token: string): boolean {
  return /['’]s?$/.test(token);
}

function isAcronym(token: string): boolean {
  return token.length > 1 && /^[\p{Lu}\d.&\-]+$/u.test(token);
}

/** Looks like a nationality or place adjective (`Peruvian`, `Chilean`, `US`). */
function isAdjectival(token: string): boolean {
  return /(?:ian|ean|ish|ese|an|i|ic|ch|sh|ek|ss|ai)$/.test(token) || isAcronym(token);
}

/** Titles and honorifics that say a person's gender: `Mrs`, `chairwoman`, `Sir`. */
const FEMALE_TITLES = new Set([
  'mrs',
  'ms',
  'miss',
  'dame',
  'lady',
  'madam',
  'chairwoman',
  'spokeswoman',
  'actress',
  'businesswoman',
  'congresswoman',
  'councilwoman',
  'assemblywoman',
  'queen',
  'princess',
  'duchess',
  'countess',
  'sister',
  'mother',
  'wife',
  'daughter',
  'grandmother',
  'comedienne',
  'baroness',
]);
const MALE_TITLES = new Set([
  'mr',
  'sir',
  'lord',
  'chairman',
  'spokesman',
  'actor',
  'businessman',
  'congressman',
  'councilman',
  'assemblyman',
  'king',
  'prince',
  'duke',
  'count',
  'brother',
  'father',
  'husband',
  'son',
  'grandfather',
  'baron',
]);
/** The first personal pronoun after a name in its sentence: `Ana Lee said her team …`. */
const NEXT_PRONOUN_RE = /^[^.!?\u201c"]{0,80}?\b(he|his|him|she|her|hers)\b/i;
/**
 * An object pronoun is someone else (`Lee reached out to her`, `Lee told him`): `him` never votes, `her` only as a
 * possessive, before a plain word that is no preposition, article or conjunction (`Lee said her team …`).
 */
const NOT_AFTER_POSSESSIVE_RE =
  /^\s*(?:[^\p{L}\s]|$|(?:to|that|the|a|an|and|or|but|in|on|at|for|with|about|from|of|as|if|when|was|is|had|would|what|how|why)\b)/iu;

/** A speech verb after a comma or a closing quotation mark, then lower-case title words: `…, said astronomer `. */
const INVERTED_SUBJECT_RE =
  /[,\u201d"][ \t]*(?:said|says|wrote|writes|added|adds|explained|recalled|continued)[ \t]+(?:\p{Ll}+[ \t]+){0,3}$/u;

/** A pronoun's gender: `m` for he, `f` for she. */
export type Gender = 'm' | 'f';

/** A finite verb right after a name: an auxiliary, or a past tense (`Lee attended`, `Acme was`). */
const FINITE_AFTER_RE =
  /^[ \t]+(?:(?:also|then|later|now|still)[ \t]+)?(?:was|were|is|are|has|have|had|will|would|could|can|did|does|should|must|may|might|\p{Ll}{3,}ed|believes|thinks|feels|sees|wants|knows|expects)\b/u;
/** A verb already in the clause before a name (so the name is no subject of it). */
const CLAUSE_VERB_RE =
  /^(?:was|were|is|are|has|have|had|will|would|could|can|did|does|do|should|must|may|might|believe|believes|think|thinks|know|knows|say|tell|\p{Ll}{3,}ed)$/u;
/** Words after which a clause is subordinate: its subject is not who the text is about. */
const SUBORDINATORS = new Set([
  'that',
  'why',
  'whether',
  'if',
  'because',
  'when',
  'while',
  'whom',
  'which',
  'where',
  'how',
  'as',
  'and',
  'or',
  'than',
  'the',
  'a',
  'an',
]);

interface GenderVotes {
  byCore: Map<string, { m: number; f: number }>;
  fullBySurname: Map<string, Set<string>>;
}

const NUMERAL_RE = /^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)$/;

/** A sentence opened by a short description and a comma, right before a name: `Her deputy, `, `The club's owner, `. */
const APPOSED_SUBJECT_RE =
  /(?:^|[.!?]["”’]?\s+|\n)(?:The|A|An|His|Her|Its|Their)\s+(?:[\p{Ll}\-]+['’]s\s+)?[\p{Ll}\-]+(?:\s+[\p{Ll}\-]+){0,3},[ \t]*$/u;

/** A sentence opened by a title of something and a comma, right before a name: `Head of the division, `. */
const TITLE_APPOSED_RE = /(?:^|[.!?]["”’]?\s+|\n)(\p{Lu}\p{Ll}+)\s+(?:of|for)\s+(?:the\s+)?[\p{Ll}\-]+(?:\s+[\p{Ll}\-]+){0,2},[ \t]*$/u;

/** A capitalised word with a participle after a hyphen describes the name after it: `Lagos-born`, `Oslo-based`. */
const DESCRIPTIVE_PREFIX_RE =
  /^\p{Lu}[\p{L}\p{M}.]*-(?:born|based|bred|raised|educated|trained|owned|led|backed|funded|run|made|listed|registered|headquartered)$/u;

/** A capitalised name that may hold `of`, `on`, `for`, `and` between its capitals: `Center on Poverty and Inequality`. */
const ISSUER_RE = /^\p{Lu}[\p{L}\p{M}'’\-.&]*(?:[ \t]+(?:(?:of|on|for|and|the|de)[ \t]+)*\p{Lu}[\p{L}\p{M}'’\-.&]*)*/u;
/** `X's annual report`: the owner right before the study noun (up to two plain words between). */
const OWNER_RE =
  /(\p{Lu}[\p{L}\p{M}\-.&]*(?:[ \t]+(?:(?:of|on|for|and)[ \t]+)?\p{Lu}[\p{L}\p{M}\-.&]*)*)['’]s?[ \t]+(?:[\p{Ll}\-]+[ \t]+){0,2}$/u;
/** `X published a highly critical report`: the subject of a verb of publishing right before the study noun. */
const PUBLISHER_RE =
  /(\p{Lu}[\p{L}\p{M}\-.&]*(?:[ \t]+(?:(?:of|on|for|and)[ \t]+)?\p{Lu}[\p{L}\p{M}\-.&]*)*)[ \t]+(?:has[ \t]+|have[ \t]+)?(?:published|released|issued|produced|commissioned|conducted)[ \t]+(?:a|an|its|their)[ \t]+(?:[\p{Ll}\-]+[ \t]+){0,3}$/u;

/** The name at the start of `text`, without a trailing connector or a sentence-opening word. */
function issuerName(text: string): string | null {
  const m = ISSUER_RE.exec(text);
  if (!m) return null;
  const name = m[0].replace(/(?:[ \t]+(?:of|on|for|and|the|de))+$/, '').replace(/['’]s$/, '');
  return STOP_CAPS.has(name.toLowerCase()) ? null : name;
}

/** Splits leading titles from a name phrase: `Danish Foreign Minister Lena Okafor` → titles + `Lena Okafor`. */
export function splitTitles(phrase: string): { titles: string[]; core: string } {
  const tokens = tokensOf(phrase.replace(/[.,;:]+$/, ''));
  const titles: string[] = [];
  const lower = (t: string): string => t.toLowerCase().replace(/['’]s$/, '');
  // `Lagos-born Ana Lee`, `London-based Acme`: a descriptive prefix is no part of the name.
  while (tokens.length > 1 && DESCRIPTIVE_PREFIX_RE.test(tokens[0])) tokens.shift();
  // Sentence-opening words are no part of a name (`However Okafor`, `The Environment Agency`), honorifics excepted.
  while (
    tokens.length > 0 &&
    (STOP_CAPS.has(tokens[0].toLowerCase()) || SPEECH_VERBS.has(tokens[0].toLowerCase())) &&
    !HONORIFICS.has(tokens[0].toLowerCase())
  )
    tokens.shift();
  // Organisations keep their words: `Environment Agency`, `Foreign Ministry`.
  // `Transport Office Minister X` is a person with a long title; `Transport Office` alone is the organisation.
  const organisation = ORGANISATION_WORDS.has((tokens[tokens.length - 1] ?? '').toLowerCase());
  while (tokens.length > 1 && !organisation) {
    const t0 = tokens[0];
    const t1 = tokens[1];
    const ofTitle = ORGANISATION_WORDS.has(lower(t0)) && (TITLE_WORDS.has(lower(t1)) || ORGANISATION_WORDS.has(lower(t1)));
    const title0 = TITLE_WORDS.has(lower(t0)) || OCCUPATIONS.has(lower(t0)) || HONORIFICS.has(t0.toLowerCase()) || t0 === 'of' || ofTitle;
    const beforeTitle = TITLE_WORDS.has(lower(t1)) && (isPossessive(t0) || isAdjectival(t0));
    if (!title0 && !beforeTitle && !isPossessive(t0)) break;
    titles.push(lower(t0));
    tokens.shift();
  }
  // `Minister of Works`: a title of an organisation names no person (`Secretary of State Ada Lee` goes on to a name).
  if (titles[titles.length - 1] === 'of' && !tokens.some((t) => TITLE_WORDS.has(lower(t)))) return { titles, core: '' };
  // `US Treasury Under-Secretary X`: everything up to the last title word is title.
  if (!organisation) {
    let last = -1;
    for (let i = 0; i < tokens.length - 1; i++) {
      const w = lower(tokens[i]);
      if (TITLE_WORDS.has(w) || OCCUPATIONS.has(w) || HONORIFICS.has(w)) last = i;
    }
    if (last >= 0 && /^\p{Lu}/u.test(tokens[last + 1])) titles.push(...tokens.splice(0, last + 1).map(lower));
  }
  // `Ana Lee MSP`: a post-nominal title in capitals is no part of the name.
  const post = tokens.length > 2 ? tokens[tokens.length - 1] : undefined;
  if (post !== undefined && isAcronym(post) && TITLE_WORDS.has(post.toLowerCase())) {
    titles.push(post.toLowerCase());
    tokens.pop();
  }
  // `Ana Lee of Some Charity`: the person is the part before "of".
  const of = tokens.indexOf('of');
  if (of > 0 && !isOrganisationName(tokens.slice(0, of).join(' '))) tokens.splice(of);
  return { titles, core: tokens.join(' ') };
}

/** True when a name reads as an organisation or institution. */
export function isOrganisationName(core: string): boolean {
  const tokens = tokensOf(core);
  if (tokens.length === 1 && isAcronym(tokens[0])) return true;
  return tokens.some((t) => ORGANISATION_WORDS.has(t.toLowerCase()));
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Same surname, allowing one letter of transliteration difference in long names (`Qasim`/`Kasim`). */
function sameSurname(a: string, b: string): boolean {
  const x = normalizeForMatch(a);
  const y = normalizeForMatch(b);
  return x === y || (x.length >= 5 && y.length >= 5 && x[0] === y[0] && editDistanceAtMostOne(x, y));
}

function lastToken(name: string): string {
  const t = tokensOf(name);
  return t[t.length - 1] ?? name;
}

/** `X, 49, who told …`, `X, who has said …`: the verb of a relative clause right after a name (and its age). */
const WHO_SAID_RE =
  /^,[ \t]*(?:\d{1,3},[ \t]*)?who[ \t]+(?:(?:has|had|later|also)[ \t]+)?(?:told|tells|said|says|added|adds|explained|explains|wrote|writes|spoke|speaks)\b/u;

/** The names of one document, built once per document. */
export class NameBook {
  readonly names: NameOccurrence[] = [];
  private readonly sentenceStarts: Set<number>;
  private actorKeys: Map<string, DocumentActor> | null = null;
  private genders: GenderVotes | null = null;
  /** `fullName`'s answers once the book is built (it reads which names are quoted: `markQuoted` clears it). */
  private fullNames: Map<string, string> | null = null;

  constructor(
    private readonly doc: SourceDocument,
    private readonly actors: DocumentActors,
  ) {
    this.sentenceStarts = new Set(doc.sentences.map((s) => s.start));
    for (const p of doc.paragraphs) this.sentenceStarts.add(p.start);
    const text = doc.text;
    let apposed: { end: number; titles: string[] } | null = null;
    for (const m of text.matchAll(NAME_RE)) {
      // `A.B. Acme`: a match right after an initial continues an initialism, it starts no name.
      if ((m.index >= 2 && text[m.index - 1] === '.' && /\p{Lu}/u.test(text[m.index - 2])) || /^\p{Lu}\.?$/u.test(m[0])) continue;
      // Most matches are a capitalised sentence opener ("The", "But"): skip them before any work.
      if (m[0].indexOf(' ') < 0 && STOP_CAPS.has(m[0].toLowerCase())) continue;
      const phrase = m[0].replace(/['’]s?$/, '');
      // `Triple world champion Ana Lee`: capitals before a lower-case title describe the name after it.
      const described = /^[ \t]+(\p{Ll}+)[ \t]+\p{Lu}/u.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 40))?.[1];
      if (described !== undefined && (ROLE_NOUNS.has(described) || TITLE_WORDS.has(described) || OCCUPATIONS.has(described))) continue;
      const { titles, core } = splitTitles(phrase);
      if (!core) {
        // `The Minister of Works, Ada Eze`: the title goes to the name apposed after the comma.
        if (titles.length) apposed = { end: m.index + m[0].length, titles };
        continue;
      }
      if (TITLE_WORDS.has(core.toLowerCase())) continue;
      if (apposed && /^,[ \t]*$/.test(text.slice(apposed.end, m.index))) titles.push(...apposed.titles);
      apposed = null;
      const start = m.index + m[0].indexOf(core);
      const end = start + core.length;
      const before = text.slice(Math.max(0, m.index - 40), m.index);
      for (const w of trailingLowerWords(before, 3).split(/\s+/)) {
        if (ROLE_NOUNS.has(w) || TITLE_WORDS.has(w)) titles.push(w);
      }
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
      const followedByVerb = /^[ \t]+(?:(?:also|has|had|then|later|further)[ \t]+)?([a-z]+)/.exec(after);
      const verb = followedByVerb?.[1] ?? '';
      // Sentence-initial names and names right before a speech verb act; `… that X had tried` does not make X the topic.
      const participle = SPEECH_VERBS.has(m[0].slice(0, m[0].search(/[ \t]|$/)).toLowerCase());
      // `Her deputy, Ana Lee, will take over`: a name apposed to the sentence's opening description is its subject.
      const opening = text.slice(Math.max(0, m.index - 60), m.index);
      const titleOpening = TITLE_APPOSED_RE.exec(opening)?.[1]?.toLowerCase();
      const apposedSubject =
        /^[ \t]*,/.test(after) &&
        (APPOSED_SUBJECT_RE.test(opening) ||
          (titleOpening !== undefined && (TITLE_WORDS.has(titleOpening) || ROLE_NOUNS.has(titleOpening))));
      // `Band frontman Ana Lee said`: a title preamble introduces a person by a full name; before one bare word
      // (`Sale host Bath in the cup`) the "title" is as likely a verb, and the word no person.
      const preamble = this.openedByPreamble(m.index) && tokensOf(this.fullName(core)).length >= 2;
      // `…, said Ana Lee, an astronomer`: the name right after a speech verb closing a clause is that verb's subject.
      const inverted = INVERTED_SUBJECT_RE.test(before);
      // `a nomination for Ana Lee, 49, who told reporters …`: a relative clause with a speech verb makes the name act.
      const relative = WHO_SAID_RE.exec(after);
      const subject =
        !participle &&
        (this.opensSentence(m.index) ||
          SPEECH_VERBS.has(verb) ||
          apposedSubject ||
          preamble ||
          inverted ||
          relative !== null ||
          this.beforeFiniteVerb(m.index, after));
      this.names.push({ core, titles, start, end, subject });
    }
    let p = 0;
    for (const n of this.names) {
      while (p + 1 < doc.paragraphs.length && doc.paragraphs[p].end <= n.start) p++;
      if (doc.paragraphs[p] && doc.paragraphs[p].kind !== 'body') n.heading = true;
    }
    this.fullNames = new Map();
  }

  /**
   * `On Wednesday, Mr X …`, `Shadow home secretary X …`: only an opening adverbial with its comma, or only title
   * words, stand between the sentence's start and the name, so the name is the sentence's subject.
   */
  private openedByPreamble(at: number): boolean {
    const lead = /(?:^|[.!?]["”’]?[ \t]+|\n)([^.!?\n]{1,60})$/.exec(this.doc.text.slice(Math.max(0, at - 61), at))?.[1];
    if (!lead) return false;
    // `But UK Athletics chief X believes …`: an opening conjunction is no part of the preamble.
    const words = lead
      .trim()
      .replace(/^(?:But|And|Yet|So|Now)[ \t]+/, '')
      .split(/[ \t]+/);
    const first = words[0].toLowerCase();
    if (/,[ \t]*$/.test(lead))
      return words.length <= 4 && (STOP_CAPS.has(first) || PREPOSITIONS.has(first)) && !/,/.test(lead.trimEnd().slice(0, -1));
    const title = (w: string): boolean => TITLE_WORDS.has(w) || ROLE_NOUNS.has(w) || OCCUPATIONS.has(w) || isAgentNoun(w);
    const last = words[words.length - 1].toLowerCase();
    // `British number one X`: a rank is a title too.
    const rank = words.length >= 2 && words[words.length - 2].toLowerCase() === 'number' && NUMERAL_RE.test(last);
    if (rank) return words.length <= 5 && !STOP_CAPS.has(first);
    // `Acme director of sport X`: capitals, then lower-case words holding a title, up to the name.
    const firstLower = words.findIndex((w) => /^\p{Ll}/u.test(w));
    return (
      words.length <= 6 &&
      !STOP_CAPS.has(first) &&
      (title(last) || (firstLower >= 0 && title(words[firstLower].toLowerCase()) && /^\p{Ll}/u.test(words[words.length - 1]))) &&
      words.every((w, k) =>
        k < firstLower || firstLower < 0 ? /^\p{Lu}/u.test(w) || title(w.toLowerCase()) : /^\p{Ll}/u.test(w) || title(w.toLowerCase()),
      )
    );
  }

  /**
   * `On that day's programme Mr X was asked …`, `… and Mrs X attended`: a name before a finite verb of its own
   * clause acts, wherever the clause starts; after a preposition or a subordinating word (`why X had`, `that X
   * was`) it does not.
   */
  private beforeFiniteVerb(at: number, after: string): boolean {
    if (!FINITE_AFTER_RE.test(after)) return false;
    const lead = afterLastStop(this.doc.text, Math.max(0, at - 160), at);
    const before = /([\p{L}'’]+)[ \t]+$/u.exec(lead)?.[1]?.toLowerCase() ?? '';
    if (PREPOSITIONS.has(before) || SUBORDINATORS.has(before)) return false;
    // `X said he was "amazed" Y was still …`, `X did not believe Y had …`: after a verb of its clause the name is
    // in what was said or thought, not the one acting.
    const clause = /(?:^|[,;:\u2014\u2013]|\bbut\b)((?:(?![,;:\u2014\u2013]|\bbut\b)[^])*)$/.exec(lead)?.[1] ?? '';
    return !clause
      .toLowerCase()
      .split(/[^\p{L}]+/u)
      .some((w) => SPEECH_VERBS.has(w) || CLAUSE_VERB_RE.test(w));
  }

  private opensSentence(at: number): boolean {
    let i = at;
    const text = this.doc.text;
    while (i > 0 && /[ \t"“‘']/.test(text[i - 1])) i--;
    // `A.B. Acme`: the full stop of an initial ends no sentence.
    if (i >= 2 && text[i - 1] === '.' && /\p{Lu}/u.test(text[i - 2]) && !/\p{L}/u.test(text[i - 3] ?? ' ') && i === at) return false;
    return this.sentenceStarts.has(at) || this.sentenceStarts.has(i) || i === 0 || /[.!?\n]/.test(text[i - 1] ?? '\n');
  }

  private personOf(n: NameOccurrence): boolean {
    n.person ??= this.looksLikePerson(n.core, n.titles);
    return n.person;
  }

  /** `in Glasgow`, `at Acme`, `by referee X`: a name after a preposition is a setting or an object, not the one described. */
  private afterPreposition(at: number): boolean {
    // `by referee X`: lower-case title words may stand between the preposition and the name.
    const before = /((?:\p{Ll}+[ \t]+){1,3})$/u.exec(this.doc.text.slice(Math.max(0, at - 40), at));
    return (
      before !== null &&
      before[1]
        .trim()
        .split(/[ \t]+/)
        .some((w) => PREPOSITIONS.has(w))
    );
  }

  /** The most recent name written with this noun beside it before `at` (`Acme magazine`, `the magazine Acme`). */
  namedWith(noun: string, at: number): { name: string; at: number } | null {
    const text = this.doc.text;
    const afterRe = new RegExp(`^[ \\t]${noun}\\b`);
    const beforeRe = new RegExp(`\\b${noun}[ \\t]$`);
    for (let i = this.names.length - 1; i >= 0; i--) {
      const n = this.names[i];
      if (n.start >= at || n.quoted) continue;
      const after = text.slice(n.end, n.end + noun.length + 2).toLowerCase();
      const before = text.slice(Math.max(0, n.start - noun.length - 2), n.start).toLowerCase();
      if (afterRe.test(after) || beforeRe.test(before)) return { name: this.fullName(n.core), at: n.start };
    }
    return null;
  }

  /**
   * Who issued the study last called `noun` before `at` (not before `from`): `a report released on Monday by X`,
   * `a survey from X`, `X's annual report`, `X published a highly critical report`; null when the text does not say.
   */
  issuerOf(noun: string, at: number, from: number): string | null {
    const text = this.doc.text.slice(from, at);
    let found: string | null = null;
    for (const m of text.matchAll(new RegExp(`\\b${noun}\\b`, 'gi'))) {
      const before = text.slice(Math.max(0, m.index - 120), m.index);
      const after = /^[^.!?]{0,80}?\b(?:by|from)\s+(?:the\s+)?(.+)$/su.exec(text.slice(m.index + noun.length, m.index + noun.length + 200));
      const owner = OWNER_RE.exec(before) ?? PUBLISHER_RE.exec(before);
      const name = issuerName(after?.[1] ?? '') ?? issuerName(owner?.[1] ?? '');
      if (name) found = name;
    }
    return found ? this.fullName(found) : null;
  }

  /** Nothing settles the type: no actor typed with evidence, no organisation or event word. */
  private untyped(core: string): boolean {
    const actor = this.actorNamed(core);
    if (actor && (actor.type === 'person' || (actor.typeConfidence ?? 1) > 0)) return actor.type === 'person';
    return !isOrganisationName(core) && !EVENT_WORDS.has(lastToken(core).toLowerCase());
  }

  private looksLikePerson(core: string, titles: string[]): boolean {
    const actor = this.actorNamed(core);
    if (actor) return actor.type === 'person';
    if (isOrganisationName(core) || EVENT_WORDS.has(lastToken(core).toLowerCase())) return false;
    if (titles.some((t) => ROLE_NOUNS.has(t) || HONORIFICS.has(t) || t === 'counterpart')) return true;
    return tokensOf(core).length >= 2;
  }

  /** Names inside quotations are quoted, not acting: they are no antecedents for pronouns. */
  markQuoted(spans: readonly { start: number; end: number }[]): void {
    this.fullNames?.clear();
    let k = 0;
    for (const n of this.names) {
      while (k < spans.length && spans[k].end <= n.start) k++;
      const s = spans[k];
      if (s && s.start <= n.start && n.start < s.end) {
        n.subject = false;
        n.quoted = true;
      }
    }
  }

  /**
   * The most recent person the writer names (subject or not) before `at`, not before `from`: `he` when no subject
   * is in reach. With `described` (`the world number three said`), a name whose type nothing settles counts too
   * (the description itself says it is a person), and a name after a preposition (`beaten by X`) does not.
   */
  recentPerson(from: number, at: number, described = false, gender?: Gender): { name: string; at: number } | null {
    // `X won in an hour. She will now meet Y. "…," said the 23-year-old`: the description is of a person acting, not
    // of a name right after a verb or an article; an untyped word opening a sentence only when no person is in reach.
    let untyped: { name: string; at: number } | null = null;
    let object: { name: string; at: number } | null = null;
    for (let i = this.names.length - 1; i >= 0; i--) {
      const n = this.names[i];
      if (n.start >= at || n.quoted || n.heading) continue;
      if (n.start < from) break;
      if (!this.fits(n.core, gender)) continue;
      const person = this.personOf(n);
      if (!described) {
        if (person) return { name: this.fullName(n.core), at: n.start };
        continue;
      }
      if (!(person || this.untyped(n.core)) || this.afterPreposition(n.start)) continue;
      const found = { name: this.fullName(n.core), at: n.start };
      // A capitalised word inside a sentence is most likely a name; opening one, it may be any noun (`Qualifications`).
      if (this.afterVerb(n.start)) object ??= found;
      else if (person || !this.opensSentence(n.start)) return found;
      else untyped ??= found;
    }
    return untyped ?? object;
  }

  /**
   * `will now meet X`, `beat Russian rival X`, `a Harbour inquiry`: a plain lower-case word (no title, no `and`)
   * before the name and its title words, or an article right before it. A possessive (`chronicles X's life`) is no object.
   */
  private afterVerb(at: number): boolean {
    const text = this.doc.text;
    if (/^[\p{L}\p{M}'’\- \t]*?['’]s?(?![\p{L}])/u.test(text.slice(at, at + 40).split(/[,.;:!?]/)[0] ?? '')) return false;
    const words = text
      .slice(Math.max(0, at - 60), at)
      .split(/[ \t]+/)
      .filter(Boolean);
    const title = (w: string): boolean => TITLE_WORDS.has(w) || ROLE_NOUNS.has(w) || OCCUPATIONS.has(w) || isAgentNoun(w);
    let k = words.length - 1;
    while (k > 0 && (title(words[k]) || (/^\p{Lu}/u.test(words[k]) && !/[,;:.]$/.test(words[k])))) k--;
    const word = words[k];
    if (!word || !/^\p{Ll}+$/u.test(word) || ['and', 'or'].includes(word)) return false;
    // `told a Harbour inquiry`: a capitalised word after an article names a thing, or qualifies one.
    return ['the', 'a', 'an'].includes(word) ? k === words.length - 1 : !title(word);
  }

  /**
   * The most recent organisation acting as a subject before `at`, not before `from`: `it said`; with
   * `anyMention`, the most recent organisation named at all (`the company said`).
   */
  recentOrganisation(from: number, at: number, anyMention = false): { name: string; at: number } | null {
    for (let i = this.names.length - 1; i >= 0; i--) {
      const n = this.names[i];
      if (n.start >= at || n.quoted || n.heading) continue;
      if (n.start < from) break;
      const type = this.actorNamed(n.core)?.type;
      const organisation = type === 'organisation' || (type === undefined && isOrganisationName(n.core));
      if ((n.subject || anyMention) && !this.personOf(n) && organisation) {
        return { name: this.fullName(n.core), at: n.start };
      }
    }
    return null;
  }

  /** The document's actor with this name or alias. */
  actorNamed(name: string): DocumentActor | undefined {
    if (!this.actorKeys) {
      this.actorKeys = new Map();
      for (const a of this.actors.actors) {
        for (const n of [a.name, ...a.aliases]) if (!this.actorKeys.has(normalizeForMatch(n))) this.actorKeys.set(normalizeForMatch(n), a);
      }
    }
    return this.actorKeys.get(normalizeForMatch(name));
  }

  /** The fullest name the document uses for a name as written (`Mr Berglund` → `Tomas Berglund`). */
  fullName(written: string): string {
    // Quotations ask for the same few names again and again: each is worked out once (not while the book is built).
    let full = this.fullNames?.get(written);
    if (full === undefined) {
      full = this.fullNameOf(written);
      this.fullNames?.set(written, full);
    }
    return full;
  }

  private fullNameOf(written: string): string {
    const { core } = splitTitles(written);
    if (!core) return written;
    const actor = this.actorNamed(core);
    // An actor known by one word only (`Ana`, a person or a guess) when the document also gives one full name starting or ending so.
    const oneWord =
      actor !== undefined && (actor.type === 'person' || (actor.typeConfidence ?? 1) === 0) && tokensOf(actor.name).length === 1;
    // The actor extractor may keep a title or occupation in the name (`Broadcaster X Y`): the speaker is the person.
    if (actor && !oneWord) return actor.type === 'person' ? splitTitles(actor.name).core || actor.name : actor.name;
    // A title we do not know (`Harbourmaster Ann Lee`): the actor extractor may know the name inside.
    const all = tokensOf(core);
    for (let i = 1; i + 2 <= all.length; i++) {
      const inner = this.actorNamed(all.slice(i).join(' '));
      if (inner?.type === 'person') return splitTitles(inner.name).core || inner.name;
    }
    const tokens = tokensOf(core);
    const surname = lastToken(core);
    const persons = this.actors.actors.filter((a) => a.type === 'person' && tokensOf(a.name).length > tokens.length);
    const byActor = persons.find((a) => sameSurname(lastToken(a.name), surname));
    if (byActor && tokens.length === 1) return splitTitles(byActor.name).core || byActor.name;
    // `her mother, Ana, said` … `Ana Lee`: a first name alone is the one person of the document called so.
    if (tokens.length === 1) {
      const byFirst = persons.filter(
        (a) => normalizeForMatch(tokensOf(splitTitles(a.name).core || a.name)[0] ?? '') === normalizeForMatch(core),
      );
      if (byFirst.length === 1) return splitTitles(byFirst[0].name).core || byFirst[0].name;
      // The same among the names the document writes, headings included (`Ana Lee issued a plea`).
      const key = normalizeForMatch(core);
      const written = new Set(
        this.names
          .filter((n) => !n.quoted && tokensOf(n.core).length >= 2 && normalizeForMatch(tokensOf(n.core)[0]) === key && this.personOf(n))
          .map((n) => n.core),
      );
      if (byFirst.length === 0 && written.size === 1) return [...written][0];
    }
    let best: string | null = null;
    for (const n of this.names) {
      const t = tokensOf(n.core);
      if (t.length <= tokens.length || !sameSurname(t[t.length - 1], surname) || !this.personOf(n)) continue;
      if (tokens.length > 1 && !normalizeForMatch(n.core).endsWith(normalizeForMatch(core))) continue;
      if (!best || t.length > tokensOf(best).length) best = n.core;
    }
    return best ?? actor?.name ?? core;
  }

  /** True if a resolved name is a person (by the actor extractor, else by the book). */
  isPerson(name: string): boolean {
    const actor = this.actorNamed(name);
    if (actor) return actor.type === 'person';
    const key = normalizeForMatch(name);
    const seen = this.names.find((n) => normalizeForMatch(n.core) === key);
    return seen ? this.personOf(seen) : !isOrganisationName(name) && tokensOf(name).length >= 2;
  }

  /**
   * A person's gender as the document shows it (a title such as `Mrs` or `chairman`, or the first he/she after the
   * name in its sentence), by surname; null when it does not show it or shows both.
   */
  genderOf(name: string): Gender | null {
    if (!this.genders) this.genders = this.genderVotes();
    const { byCore, fullBySurname } = this.genders;
    const key = normalizeForMatch(name);
    const surname = normalizeForMatch(lastToken(name));
    const v = { ...(byCore.get(key) ?? { m: 0, f: 0 }) };
    // `Mr Lee` counts for `Ana Lee` only when no other full name of the document ends in Lee.
    if (key !== surname && (fullBySurname.get(surname)?.size ?? 0) <= 1) {
      const s = byCore.get(surname);
      if (s) {
        v.m += s.m;
        v.f += s.f;
      }
    }
    return v.m > v.f ? 'm' : v.f > v.m ? 'f' : null;
  }

  /** Gender votes by name as written, and the full names sharing each surname: one pass over the names. */
  private genderVotes(): GenderVotes {
    const byCore = new Map<string, { m: number; f: number }>();
    const fullBySurname = new Map<string, Set<string>>();
    const text = this.doc.text;
    for (const n of this.names) {
      if (n.quoted) continue;
      const key = normalizeForMatch(n.core);
      const surname = normalizeForMatch(lastToken(n.core));
      if (key !== surname) fullBySurname.set(surname, (fullBySurname.get(surname) ?? new Set()).add(key));
      const v = byCore.get(key) ?? { m: 0, f: 0 };
      for (const t of n.titles) {
        if (FEMALE_TITLES.has(t)) v.f++;
        else if (MALE_TITLES.has(t)) v.m++;
      }
      const next = n.subject ? NEXT_PRONOUN_RE.exec(text.slice(n.end, n.end + 100)) : null;
      const objectPronoun =
        next !== null &&
        (/^him$/i.test(next[1]) ||
          (/^her$/i.test(next[1]) && NOT_AFTER_POSSESSIVE_RE.test(text.slice(n.end + next[0].length, n.end + next[0].length + 12))));
      if (next && !objectPronoun && !/\p{Lu}\p{Ll}+\s+\p{Lu}/u.test(next[0])) {
        if (/^(?:he|his|him)$/i.test(next[1])) v.m++;
        else v.f++;
      }
      byCore.set(key, v);
    }
    return { byCore, fullBySurname };
  }

  /** True unless the document shows the person's gender and it is not `gender`. */
  fits(name: string, gender: Gender | undefined): boolean {
    if (!gender) return true;
    const g = this.genderOf(name);
    return g === null || g === gender;
  }

  /** The most recent person acting as a subject before `at`, not before `from` (of that gender, when given). */
  recentSubject(from: number, at: number, gender?: Gender): { name: string; at: number } | null {
    for (let i = this.names.length - 1; i >= 0; i--) {
      const n = this.names[i];
      if (n.start >= at || n.heading) continue;
      if (n.start < from) break;
      if (n.subject && this.personOf(n) && this.fits(n.core, gender)) return { name: this.fullName(n.core), at: n.start };
    }
    const actorHit = this.actors.actors
      .filter((a) => a.type === 'person' && this.fits(a.name, gender))
      .flatMap((a) =>
        a.mentions
          .filter((m) => m.start >= from && m.start < at && this.opensSentence(m.start))
          .map((m) => ({ name: a.name, at: m.start })),
      )
      .sort((a, b) => b.at - a.at)[0];
    return actorHit ?? null;
  }

  /**
   * The most recent person whose title contains the role noun (`minister`), before `at` if any, else anywhere;
   * with `bare` (the description is the noun alone), its wider synonyms count too.
   */
  withRole(role: string, at: number, bare = false): string | null {
    const wanted = new Set([role, ...(ROLE_SYNONYMS[role] ?? []), ...((bare && BARE_ROLE_SYNONYMS[role]) || [])]);
    const fits = (titles: string[]): boolean => titles.some((t) => wanted.has(t));
    let before: string | null = null;
    for (const n of this.names) {
      if (n.start < at && fits(n.titles) && this.personOf(n)) before = n.core;
    }
    for (const a of this.actors.actors) {
      if (a.type !== 'person' || before) continue;
      if (a.roles.some((r) => fits(r.title.toLowerCase().split(/\s+/)))) before = a.name;
    }
    // Only people named before: a role is never resolved to someone the reader has not met yet.
    return before ? this.fullName(before) : null;
  }
}
