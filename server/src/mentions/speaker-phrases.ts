/**
 * Speaker phrases: reads the words right before or right after a speech verb as a mention of the speaker
 * (a name, a pronoun, a title, a descriptor such as `the world number three`, an unnamed source, or a
 * phrase that names nobody). The attribution patterns of `ingest/quotes` call these; `speaker-resolution.ts`
 * turns the mention into a document actor.
 */
import {
  DOCUMENT_NOUNS,
  FILLER_WORDS,
  HONORIFICS,
  OCCUPATIONS,
  ORGANISATION_DESCRIPTORS,
  OWNED_TEXT_NOUNS,
  PERSON_DESCRIPTORS,
  PREPOSITIONS,
  ROLE_NOUNS,
  SOURCE_NOUNS,
  SPEECH_VERBS,
  STOP_CAPS,
  STUDY_NOUNS,
  TITLE_WORDS,
  isAgentNoun,
} from './speech-words';
import { splitTitles } from './speaker-names';
import { COUNTRY_FORMS } from './countries';

/** A speaker phrase found in the text, before resolution. */
export type SpeakerRef =
  | { kind: 'name'; text: string; at: number }
  | { kind: 'pronoun'; text: string; at: number }
  | { kind: 'role'; role: string; text: string; at: number }
  | { kind: 'unnamed'; text: string; at: number }
  /**
   * A definite description of someone already in the text: `the world number three`, `the pop star`, `the
   * 22-year-old` (a person), `the company`, `the statement` (an organisation, or whoever issued it).
   */
  | { kind: 'descriptor'; of: 'person' | 'organisation' | 'document' | 'study'; noun: string; at: number }
  /** `and`, `who`, a participle: the speaker of the clause before. */
  | { kind: 'inherit'; at: number }
  /** A name after a preposition: not the speaker; the clause's subject is. */
  | { kind: 'object'; at: number }
  /** A noun phrase that is not a speaker we can name (`the report`). */
  | { kind: 'other'; at: number };

interface Token {
  word: string;
  /** The word without surrounding punctuation. */
  bare: string;
  start: number;
}

function tokenize(text: string, base: number): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/\S+/g)) {
    const bare = m[0].replace(/^[("“‘'\[]+|[)"”’'\],.;:!?]+$/g, '');
    out.push({ word: m[0], bare, start: base + m.index });
  }
  return out;
}

const PRONOUNS = new Set(['he', 'she', 'they', 'it']);
/** Unnamed institutions that speak in news prose without a capitalised name: `the government said`. */
const PERSON_SOURCES = new Set([
  'source',
  'sources',
  'official',
  'officials',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'insider',
  'insiders',
  'aide',
  'aides',
  'diplomat',
  'diplomats',
]);
const INSTITUTIONS = new Set(['police', 'government', 'authorities', 'army', 'military', 'prosecutors', 'officials', 'ministry']);
const INHERIT_WORDS = new Set(['and', 'who', 'which', 'while', 'but', 'then', 'that', 'also']);
const TIME_WORDS = new Set([
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'week',
  'month',
  'year',
  'night',
  'morning',
  'evening',
  'afternoon',
  'weekend',
  'today',
  'yesterday',
]);

/** A title or initial whose full stop does not end the name: `Mr. Hale`, `Dr. Lee`, `A. Moss`. */
const ABBREVIATION_RE = /^(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Rev|Sr|Jr|\p{Lu})\.$/u;

/** Whether a name goes on after this token: no clause punctuation, or only an abbreviation's full stop. */
function nameGoesOn(t: Token): boolean {
  return !/[,;:.]$/.test(t.word) || ABBREVIATION_RE.test(t.word);
}

function isCap(bare: string): boolean {
  return /^(?:(?:al|el|Abu)-)?\p{Lu}/u.test(bare);
}

/** A party and state tag after a legislator's name: `(D-Ore.)`, `R-Texas`, `(I-N.M.)`; no part of the name. */
export const PARTY_TAG_RE = /^\(?[DRI]-\p{Lu}[\p{L}.]*\)?[,;:.]?$/u;

function isNamePart(t: Token): boolean {
  const lower = t.bare.toLowerCase();
  if (PARTY_TAG_RE.test(t.word)) return false;
  // `Describing X as …` opens a sentence with a capitalised verb, not a name.
  return (
    (isCap(t.bare) && !STOP_CAPS.has(lower) && !SPEECH_VERBS.has(lower)) ||
    /^(?:al|bin|ibn|de|da|di|del|der|den|van|von|la|le|du|dos|das|ter|of|bint)$/.test(t.bare)
  );
}

/** A determiner-led lower-case phrase ending in a role or source noun, looking back from token i. */
function nounPhraseBack(tokens: Token[], i: number): SpeakerRef | null {
  const noun = tokens[i].bare.toLowerCase();
  let j = i;
  let connectors = 0;
  while (j > 0 && i - j < 5 + connectors) {
    const prev = tokens[j - 1];
    if (/[,;:.]$/.test(prev.word)) break;
    const b = prev.bare.toLowerCase();
    // `a Department for Work and Pensions spokeswoman`: a connector between capitals is inside the owner's name.
    const before = tokens[j - 2];
    if (NAME_CONNECTORS.has(prev.word) && before && isCap(before.bare) && !/[,;:.]$/.test(before.word) && isCap(tokens[j].bare)) {
      j--;
      connectors++;
      continue;
    }
    // Function words and verbs end the description: `the rupiah weakened as analysts said`.
    const determiner = ['the', 'a', 'an', 'his', 'her', 'its', 'their'].includes(b);
    if (
      PREPOSITIONS.has(b) ||
      SPEECH_VERBS.has(b) ||
      INHERIT_WORDS.has(b) ||
      (!determiner && STOP_CAPS.has(b)) ||
      /^[a-z]+ed$/.test(prev.bare)
    )
      break;
    j--;
    if (/['’]s$/.test(prev.bare)) {
      // `Harbour Trust's spokeswoman`: the whole owner name; `the prime minister's spokesman`: the owner's title.
      while (j > 0 && isNamePart(tokens[j - 1]) && nameGoesOn(tokens[j - 1])) j--;
      if (/^\p{Ll}/u.test(prev.bare))
        while (j > 0 && i - j < 6 && TITLE_WORDS.has(tokens[j - 1].bare) && !/[,;:.]$/.test(tokens[j - 1].word)) j--;
      break;
    }
    if (['the', 'a', 'an', 'his', 'her', 'its', 'their'].includes(b)) break;
  }
  const words = tokens.slice(j, i + 1);
  const first = words[0].bare.toLowerCase();
  const definite = !['a', 'an'].includes(first);
  const hasCap = words.some((w) => isCap(w.bare) && !STOP_CAPS.has(w.bare.toLowerCase()));
  const text = words
    .filter((w, k) => k > 0 || !['the', 'a', 'an'].includes(w.bare.toLowerCase()))
    .map((w) => w.bare)
    .join(' ');
  if (ROLE_NOUNS.has(noun) && definite) return { kind: 'role', role: noun, text, at: words[0].start };
  // `a government minister said`: an unnamed person described by a role with a modifier.
  if (ROLE_NOUNS.has(noun) && words.length >= 3 && !/['’]s$/.test(words[1].bare)) return { kind: 'unnamed', text, at: words[0].start };
  // `a spokesman for Mr X`: an unnamed speaker who speaks for a named one.
  const skipThe = tokens[i + 2]?.bare.toLowerCase() === 'the' ? 1 : 0;
  const owner = tokens[i + 2 + skipThe];
  const forName = tokens[i + 1]?.bare === 'for' && owner && isNamePart(owner) && isCap(owner.bare) && !/[,;:.]$/.test(tokens[i].word);
  if (forName && SOURCE_NOUNS.has(noun)) {
    let j2 = i + 2 + skipThe;
    const goesOn = (t: number): boolean =>
      isNamePart(tokens[t]) ||
      (NAME_CONNECTORS.has(tokens[t].word) && tokens[t + 1] !== undefined && isCap(tokens[t + 1].bare) && isNamePart(tokens[t + 1]));
    while (j2 + 1 < tokens.length && goesOn(j2 + 1) && !/[,;:.]$/.test(tokens[j2].word) && !tokens[j2 + 1].word.startsWith('(')) j2++;
    return {
      kind: 'unnamed',
      text: `${text} for ${tokens
        .slice(i + 2 + skipThe, j2 + 1)
        .map((w) => w.bare)
        .join(' ')}`,
      at: words[0].start,
    };
  }
  // `a council finance source`: an unnamed person described by the words before the noun.
  const described = PERSON_SOURCES.has(noun) && words.filter((w) => !['the', 'a', 'an'].includes(w.bare.toLowerCase())).length >= 2;
  // `campaigners said`: a group speaks; `both leaders said` names two speakers, not one.
  const counted = [...words, tokens[j - 1]].some((w) => w !== undefined && /^(?:both|two|three|several|some|many|all)$/i.test(w.bare));
  const group = noun.endsWith('s') && !counted;
  // `a spokesman said` with no owner: resolution gives it the organisation acting last.
  const spokesperson = /^spokes(?:man|woman|person)$/.test(noun) && words.length <= 2;
  if (SOURCE_NOUNS.has(noun) && (hasCap || INSTITUTIONS.has(noun) || described || group || spokesperson))
    return { kind: 'unnamed', text, at: words[0].start };
  return { kind: 'other', at: words[0].start };
}

/** Lower-case words inside an organisation's name (`Department for Work and Pensions`). */
const NAME_CONNECTORS = new Set(['for', 'and', 'of', 'on']);

/** What a head noun describes, when it describes someone already in the text. */
function describes(noun: string, next: string | undefined): 'person' | 'organisation' | 'document' | 'study' | null {
  if (
    /^\d+-year-old$/.test(noun) ||
    (noun === 'number' && next !== undefined && /^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)$/.test(next))
  )
    return 'person';
  if (PERSON_DESCRIPTORS.has(noun) || OCCUPATIONS.has(noun)) return 'person';
  // `the archbishop added`: a title used alone as a noun (`the foreign …` never ends the phrase).
  if (TITLE_WORDS.has(noun) && !HONORIFICS.has(noun)) return 'person';
  if (ORGANISATION_DESCRIPTORS.has(noun)) return 'organisation';
  if (DOCUMENT_NOUNS.has(noun)) return 'document';
  if (STUDY_NOUNS.has(noun)) return 'study';
  return null;
}

/**
 * Whether a capitalised form names one person by their nation (`Brazilian`, `New Zealander`, `Irishman`): a
 * nationality form that is no plural and no adjective only (`the French`, `the Chinese` are a side, not a person).
 */
function personDemonym(form: string): boolean {
  const entry = COUNTRY_FORMS.get(form);
  if (entry) return entry.kind === 'adjective' && !/(?:s|ish|ch|ese|sh)$/.test(form);
  const compound = /^(\p{Lu}\p{Ll}+?)(?:wo)?man$/u.exec(form);
  return compound !== null && [compound[1], compound[1].replace(/s$/, '')].some((a) => COUNTRY_FORMS.get(a)?.kind === 'adjective');
}

/** `the Harbourtown MP`: `the`, a capitalised word or two, and a title in capitals; the person with that title. */
function placeTitleBack(tokens: Token[], i: number): SpeakerRef | null {
  const title = tokens[i].bare;
  if (!/^\p{Lu}{2,4}$/u.test(title) || !TITLE_WORDS.has(title.toLowerCase())) return null;
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    if (tokens[k].bare.toLowerCase() === 'the' && k < i - 1)
      return { kind: 'descriptor', of: 'person', noun: title.toLowerCase(), at: tokens[k].start };
    if (!isCap(tokens[k].bare) || !nameGoesOn(tokens[k])) return null;
  }
  return null;
}

/**
 * `the New Zealander`, `the veteran Brazilian`: `the`, up to two plain words, and a nationality form ending at token
 * `i`; a person already in the text (or, for a plural or an adjective alone, nobody we can name). Never the country.
 */
function demonymBack(tokens: Token[], i: number): SpeakerRef | null {
  for (let w = 1; w <= 2 && i - w + 1 >= 0; w++) {
    const words = tokens.slice(i - w + 1, i + 1);
    if (words.slice(0, -1).some((t) => !nameGoesOn(t))) break;
    const form = words.map((t) => t.bare).join(' ');
    if (!COUNTRY_FORMS.has(form) && !personDemonym(form)) continue;
    let k = i - w;
    while (k >= 0 && i - w - k < 2 && /^\p{Ll}+$/u.test(tokens[k].bare) && tokens[k].bare !== 'the' && nameGoesOn(tokens[k])) k--;
    if (tokens[k]?.bare.toLowerCase() !== 'the') return null;
    return personDemonym(form)
      ? { kind: 'descriptor', of: 'person', noun: form.toLowerCase(), at: tokens[k].start }
      : { kind: 'other', at: tokens[k].start };
  }
  return null;
}

/**
 * `the world number three`, `the pop star`, `the company`: a phrase opened by `the` (a new person is `a …`)
 * of up to five lower-case words, read from token `from`; its head is the last word (or `number N`).
 */
function descriptorAt(tokens: Token[], from: number, until = tokens.length): SpeakerRef | null {
  const det = tokens[from]?.bare.toLowerCase();
  if (det !== 'the' && !((det === 'a' || det === 'an') && DOCUMENT_NOUNS.has(tokens[from + 1]?.bare.toLowerCase() ?? ''))) return null;
  let found: SpeakerRef | null = null;
  for (let j = from + 1; j < Math.min(until, from + 6); j++) {
    const t = tokens[j];
    // `the two-time Harbour Cup winner`, `the Riverside player`: capitals may qualify the head, never be it.
    if (!/^[\p{Ll}\d]/u.test(t.bare) && (!isCap(t.bare) || STOP_CAPS.has(t.bare.toLowerCase()) || /[,;:.]$/.test(t.word))) break;
    const b = t.bare.toLowerCase();
    const of = describes(b, tokens[j + 1]?.bare.toLowerCase());
    if (of) found = { kind: 'descriptor', of, noun: b, at: tokens[from].start };
    if (b === 'number' && of) return found;
    if (/[,;:.]$/.test(t.word) || PREPOSITIONS.has(b) || SPEECH_VERBS.has(b)) break;
  }
  return found;
}

/** Words ending in -ly that are no adverbs. */
const NOT_ADVERBS = new Set(['family', 'supply', 'reply', 'rally', 'ally', 'assembly', 'monopoly', 'anomaly', 'belly', 'bully', 'folly']);

/** `Lee immediately told …`: an adverb of manner or time between the speaker and the verb. */
function isMannerAdverb(word: string): boolean {
  return /^\p{Ll}{4,}ly$/u.test(word) && !NOT_ADVERBS.has(word);
}

/** A name run ending at token i (inclusive), looking back. */
/**
 * `Association of Payment and Clearing Services`: an `and` inside a name whose first half has an `of`
 * (`Peru and Chile` stays two names).
 */
function withOfAnd(tokens: Token[], n: { from: number; text: string }): { from: number; text: string } {
  const and = tokens[n.from - 1];
  const prev = tokens[n.from - 2];
  if (and?.word !== 'and' || !prev || !isCap(prev.bare) || !nameGoesOn(prev)) return n;
  const m = nameBack(tokens, n.from - 2);
  return / (?:of|on|for) /.test(m.text) ? { from: m.from, text: `${m.text} and ${n.text}` } : n;
}

function nameBack(tokens: Token[], i: number): { from: number; text: string } {
  let j = i;
  // `Joint Committee on Intelligence`: `on` or `for` between capitals is inside the name.
  const connector = (k: number): boolean =>
    /^(?:on|for)$/.test(tokens[k].word) &&
    k > 0 &&
    isCap(tokens[k - 1].bare) &&
    nameGoesOn(tokens[k - 1]) &&
    isCap(tokens[k + 1]?.bare ?? '');
  while (j > 0 && (isNamePart(tokens[j - 1]) || connector(j - 1)) && !/[,;:.]$/.test(tokens[j - 1].word)) j--;
  while (j < i && !isCap(tokens[j].bare)) j++;
  return {
    from: j,
    text: tokens
      .slice(j, i + 1)
      .map((t) => t.bare)
      .join(' '),
  };
}

/**
 * The subject before a speech verb, past what may stand between them: a relative clause (`A spokesman for Acme
 * which represents the industry said`), an acronym in parentheses (`… Services (Acme) said`), an affiliation or
 * place between commas (`Ana Lee, from Harbourtown, Northshire, said`).
 */
export function speakerBeforeVerb(text: string, base: number, participle = false): SpeakerRef | null {
  let s = text;
  const relative = /\s(?:which|who)\s[^,;:.!?]*$/.exec(s);
  if (relative && relative.index > 0) s = s.slice(0, relative.index);
  // `The actor, whose films include X, Y and Z, said`: a relative clause between commas, lists and all.
  const between = /,\s+(?:who|whose|which)\s[^;.!?]*,\s*$/.exec(s);
  if (between && between.index > 0) s = s.slice(0, between.index) + ' ';
  s = s.replace(/\s*\([^()]{1,20}\)\s*$/, ' ');
  // `Rep. Ana Lee, R-Texas, said`: a party and state tag between commas.
  s = s.replace(/,\s+[DRI]-\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?,\s*$/u, ' ');
  // `Ana Lee, 34, a nurse from Leeds, said`: an age and a description between commas after the name.
  const described = /,\s+(?:\d{1,3},\s+)?(?:(?:a|an|the)\s+[^,;:.!?]{1,60}|\d{1,3}),\s*$/.exec(s);
  // (`The Bishop of X, the Rt Rev Ana Lee, said`: an apposition holding a name of its own is the speaker's name.)
  if (
    described &&
    described.index > 0 &&
    /\p{Lu}[\p{L}'’\-]*$/u.test(s.slice(0, described.index)) &&
    !/\p{Lu}[\p{L}'’\-]*\s+\p{Lu}/u.test(described[0])
  )
    s = s.slice(0, described.index) + ' ';
  const setting = /,\s+(?:from|of|in|at)\s+[^,;:.!?]{1,40}(?:,\s*[^,;:.!?]{1,30})?,?\s*$/.exec(s);
  if (setting && setting.index > 0 && /\p{Lu}[\p{L}'’\-]*$/u.test(s.slice(0, setting.index))) s = s.slice(0, setting.index) + ' ';
  // `Ana Lee, PTC president and activist said`: an apposition ending in a title, with no closing comma.
  const apposition = /,\s+((?:[^,;:.!?\s]+\s+){0,6}(\p{Ll}+))\s*$/u.exec(s);
  if (apposition && apposition.index > 0 && /\p{Lu}[\p{L}'’\-]*$/u.test(s.slice(0, apposition.index))) {
    const head = apposition[2];
    const opening = apposition[1].split(/\s+/)[0].toLowerCase();
    const titled = ROLE_NOUNS.has(head) || TITLE_WORDS.has(head) || OCCUPATIONS.has(head) || isAgentNoun(head);
    if (titled && !['the', 'a', 'an', 'his', 'her', 'its', 'their'].includes(opening) && !PREPOSITIONS.has(opening))
      s = s.slice(0, apposition.index) + ' ';
  }
  // `Dr Ana Lee and colleagues conclude`: the named lead speaks for the team.
  s = s.replace(/\s+and\s+(?:(?:his|her|their)\s+)?(?:colleagues|co-authors|coauthors|collaborators|team)\s*$/, ' ');
  // `A statement from Acme explaining the decision read`: a participle phrase after the subject.
  // `the acting director said`, `the managing director said`: an -ing word that forms a title is no participle.
  const ing = /\s(\p{Ll}{3,}ing)(?:\s+[\p{Ll}\d'’\-]+)+\s*$/u.exec(s);
  if (ing && !TITLE_INGS.has(ing[1])) s = s.slice(0, ing.index) + ' ';
  return speakerBefore(s, base, participle);
}

/** -ing words that form a title with the noun after them (`acting director`), not participle phrases. */
const TITLE_INGS = new Set([
  'acting',
  'managing',
  'presiding',
  'outgoing',
  'incoming',
  'reigning',
  'governing',
  'ruling',
  'leading',
  'visiting',
  'serving',
  'founding',
  'ranking',
  'sitting',
]);

/** The speaker phrase that ends `text` (the words right before a speech verb). */
export function speakerBefore(text: string, base: number, participle = false): SpeakerRef | null {
  // A parenthesis between dashes (`X of Y - a property firm - told`) is no part of the speaker phrase.
  const dashed = /\s[-\u2013\u2014]\s[^-\u2013\u2014]{1,100}\s[-\u2013\u2014]\s*$/.exec(text);
  // `he was due to say`, `she is expected to tell`: the speaker is before the auxiliary.
  const planned = /\s+(?:was|is|were|are|will\s+be)\s+(?:due|expected|set|going|likely|about|able)\s+to\s*$/.exec(text);
  const end = Math.min(dashed?.index ?? text.length, planned?.index ?? text.length);
  const tokens = tokenize(text.slice(0, end), base);
  let i = tokens.length - 1;
  // Skip "also", "has", "on Monday", "last week" between speaker and verb.
  while (i >= 0) {
    const b = tokens[i].bare.toLowerCase();
    if ((FILLER_WORDS.has(b) || isMannerAdverb(b)) && !/,$/.test(tokens[i].word)) i--;
    else if (TIME_WORDS.has(b) && i > 0 && /^(?:on|last|this|next|late|early)$/i.test(tokens[i - 1].bare)) i -= 2;
    else break;
  }
  if (i < 0) return null;
  const last = tokens[i];
  const lower = last.bare.toLowerCase();
  if (/,$/.test(last.word)) {
    // `A spokesman for the firm, Dr Name, told …`: a name between the last two commas is the speaker.
    let j = i;
    while (j > 0 && isNamePart(tokens[j - 1]) && !/,$/.test(tokens[j - 1].word)) j--;
    if (j < i + 1 && isNamePart(last) && (j === 0 || /,$/.test(tokens[j - 1].word)) && isCap(tokens[j].bare)) {
      const n = nameBack(tokens, i);
      if (n.text && j > 0) return { kind: 'name', text: n.text, at: tokens[n.from].start };
    }
    // Apposition: `Name, the federation's general secretary, said`; `X said, describing …` inherits.
    for (let k = i - 1; k >= 0 && i - k < 14; k--) {
      if (/,$/.test(tokens[k].word)) {
        if (isNamePart(tokens[k])) {
          const n = nameBack(tokens, k);
          if (n.text) return { kind: 'name', text: n.text, at: tokens[n.from].start };
        }
        break;
      }
    }
    if (isNamePart(last)) {
      const n = nameBack(tokens, i);
      if (n.text) return { kind: 'name', text: n.text, at: tokens[n.from].start };
    }
    return { kind: 'inherit', at: last.start };
  }
  if (PRONOUNS.has(lower)) return { kind: 'pronoun', text: lower, at: last.start };
  if (INHERIT_WORDS.has(lower)) return { kind: 'inherit', at: last.start };
  // `the 31-year-old told …`: a description of the person just written about.
  // `the agency said`, `the group said`: right after `the`, a body's noun points back to the body, not an unnamed source.
  const thatBody = ORGANISATION_DESCRIPTORS.has(lower) && tokens[i - 1]?.bare.toLowerCase() === 'the';
  if (/^[\p{Ll}\d]/u.test(last.bare) && ((!ROLE_NOUNS.has(lower) && !SOURCE_NOUNS.has(lower)) || DOCUMENT_NOUNS.has(lower) || thatBody)) {
    for (let k = i - 1; k >= Math.max(0, i - 5); k--) {
      const det = tokens[k].bare.toLowerCase();
      // `a statement on her website said`: a document speaks for its issuer, whatever the article.
      const aDocument = (det === 'a' || det === 'an') && DOCUMENT_NOUNS.has(tokens[k + 1]?.bare.toLowerCase() ?? '');
      if (det !== 'the' && !aDocument) continue;
      // A phrase after a preposition is an object: `a call with the company said` is no description of the speaker.
      if (k > 0 && PREPOSITIONS.has(tokens[k - 1].bare.toLowerCase())) break;
      const d = descriptorAt(tokens, k, i + 1);
      if (d) return d;
      break;
    }
  }
  // `his sales pitch adds`, `her website says`: what a person wrote speaks for them.
  const owned = ownedText(tokens, i);
  if (owned) return owned;
  if (isNamePart(last) && isCap(last.bare)) {
    const demonym = demonymBack(tokens, i) ?? placeTitleBack(tokens, i);
    if (demonym) return demonym;
    const n = withOfAnd(tokens, nameBack(tokens, i));
    // `a call with the Danish president X said`: the name is an object; look past its titles for the preposition.
    let k = n.from - 1;
    while (
      k >= 0 &&
      n.from - k <= 4 &&
      // A comma closes an opening clause: `Referring to Cuba, Archbishop X told` has no preposition before X.
      !/[,;:]$/.test(tokens[k].word) &&
      (TITLE_WORDS.has(tokens[k].bare.toLowerCase()) ||
        ROLE_NOUNS.has(tokens[k].bare.toLowerCase()) ||
        (isNamePart(tokens[k]) && isCap(tokens[k].bare)) ||
        tokens[k].bare.toLowerCase() === 'the')
    )
      k--;
    const before = tokens[k];
    // `Peru and Chile called for …`: a joint subject is no single speaker (`… at Leeds and manager X said` joins
    // two clauses: a title stands between `and` and the name).
    if (before?.bare === 'and' && k === n.from - 1 && k > 0 && isNamePart(tokens[k - 1]) && !/,$/.test(tokens[k - 1].word))
      return { kind: 'other', at: tokens[k - 1].start };
    // `a spokesman for the Acme Trade Association said`: the unnamed source speaks for the name.
    if (before?.bare.toLowerCase() === 'for' && k > 0 && SOURCE_NOUNS.has(tokens[k - 1].bare.toLowerCase())) {
      const source = nounPhraseBack(tokens, k - 1);
      if (source && source.kind !== 'other') return source;
    }
    // `A statement from Acme read`: the document speaks for the name; `a spokesman from Acme said`: for it.
    const owner = tokens[k - 1]?.bare.toLowerCase() ?? '';
    if (/^(?:from|by)$/i.test(before?.bare ?? '') && !/[,;:.]$/.test(tokens[k - 1]?.word ?? ',')) {
      if (DOCUMENT_NOUNS.has(owner)) return { kind: 'name', text: n.text, at: tokens[n.from].start };
      if (/^spokes(?:man|woman|person)$/.test(owner)) return { kind: 'unnamed', text: `${n.text} ${owner}`, at: tokens[k - 1].start };
    }
    const object = before && PREPOSITIONS.has(before.bare.toLowerCase()) && !(participle && before.bare.toLowerCase() === 'with');
    // `David Lee from Acme said`, `Ana Ruiz of the charity said`: the person before the affiliation speaks.
    const affiliation = object && /^(?:from|of|at)$/i.test(before.bare) ? nameBack(tokens, k - 1) : null;
    if (
      affiliation?.text &&
      isCap(tokens[affiliation.from].bare) &&
      !/[,;:.]$/.test(tokens[k - 1].word) &&
      tokens[k - 1].bare === tokens[k - 1].word
    )
      return { kind: 'name', text: affiliation.text, at: tokens[affiliation.from].start };
    if (object || (before && /^counterparts?$/i.test(before.bare))) return { kind: 'object', at: tokens[n.from].start };
    const { core } = splitTitles(n.text);
    if (!core) {
      const role = n.text
        .split(' ')
        .reverse()
        .find((w) => ROLE_NOUNS.has(w.toLowerCase()));
      return role ? { kind: 'role', role: role.toLowerCase(), text: n.text, at: tokens[n.from].start } : null;
    }
    return { kind: 'name', text: n.text, at: tokens[n.from].start };
  }
  if (/^[a-z]/.test(last.bare)) {
    // `Harbour Courier news reported`: a name followed by a generic medium word.
    if (
      /^(?:news|newspaper|paper|daily|magazine|journal|agency|website|channel|tv|radio|broadcaster)$/.test(lower) &&
      i > 0 &&
      isNamePart(tokens[i - 1])
    ) {
      const n = nameBack(tokens, i - 1);
      if (n.text) return { kind: 'name', text: n.text, at: tokens[n.from].start };
    }
    if (ROLE_NOUNS.has(lower) || SOURCE_NOUNS.has(lower)) {
      const ref = nounPhraseBack(tokens, i);
      if (ref?.kind === 'other') return ref;
      if (ref) {
        const first = tokens.findIndex((t) => t.start === ref.at);
        const prev = tokens[first - 1];
        if (prev && PREPOSITIONS.has(prev.bare.toLowerCase())) return { kind: 'object', at: ref.at };
      }
      return ref;
    }
    if (/ing$/.test(lower) && SPEECH_VERBS.has(lower)) return { kind: 'inherit', at: last.start };
    return { kind: 'other', at: last.start };
  }
  return null;
}

const POSSESSIVE_PRONOUNS: Record<string, string> = { his: 'he', her: 'she', its: 'it', their: 'they' };

/** `His sales pitch adds`, `her website says`: a possessive, up to two plain words, a written text; its owner speaks. */
function ownedText(tokens: Token[], i: number): SpeakerRef | null {
  if (!OWNED_TEXT_NOUNS.has(tokens[i].bare.toLowerCase())) return null;
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    const pronoun = POSSESSIVE_PRONOUNS[tokens[k].bare.toLowerCase()];
    if (pronoun) return k === 0 || /[,;:.]$/.test(tokens[k - 1].word) ? { kind: 'pronoun', text: pronoun, at: tokens[k].start } : null;
    // `Mr X's statement said`, `Acme's website says`: what a named owner wrote speaks for the owner.
    const owner = /^(.+?)['’]s$/u.exec(tokens[k].bare);
    if (owner && isCap(owner[1]) && isNamePart(tokens[k])) {
      const n = nameBack([...tokens.slice(0, k), { ...tokens[k], bare: owner[1] }], k);
      return n.text ? { kind: 'name', text: n.text, at: tokens[n.from].start } : null;
    }
    if (!/^\p{Ll}+$/u.test(tokens[k].bare) || !nameGoesOn(tokens[k])) return null;
  }
  return null;
}

/** Lower-case words that end a run of title words: verbs, not descriptions. */
const NOT_TITLE_RE = /^(?:was|were|is|are|had|has|have|would|will|could|who|which|that)$/;

/**
 * `said a proud coach Ana Lee`, `said chairman and chief executive officer Ana Lee`: an article, plain words and
 * titles joined by `and`, up to six words ending in a title, then the name; the name's first token, or null.
 */
function titledName(tokens: Token[]): Token | null {
  let k = ['a', 'an', 'the'].includes(tokens[0]?.bare.toLowerCase() ?? '') ? 1 : 0;
  let lastTitle = -1;
  while (k < Math.min(tokens.length, 7)) {
    const t = tokens[k];
    if (!/^\p{Ll}/u.test(t.bare) || /[,;:.]$/.test(t.word) || PREPOSITIONS.has(t.bare) || NOT_TITLE_RE.test(t.bare)) break;
    if (SPEECH_VERBS.has(t.bare)) break;
    if (TITLE_WORDS.has(t.bare) || ROLE_NOUNS.has(t.bare) || OCCUPATIONS.has(t.bare) || isAgentNoun(t.bare)) lastTitle = k;
    k++;
  }
  const name = tokens[k];
  return lastTitle >= 0 && lastTitle === k - 1 && k >= 2 && name && isNamePart(name) && isCap(name.bare) ? name : null;
}

/** The speaker phrase that opens `text` (the words right after a speech verb: `said the minister`). */
export function speakerAfter(text: string, base: number): SpeakerRef | null {
  const tokens = tokenize(text, base);
  const first = tokens[0];
  if (!first) return null;
  const lower = first.bare.toLowerCase();
  if (PRONOUNS.has(lower)) return { kind: 'pronoun', text: lower, at: first.start };
  // `said chief inspector Ana Lee`, `says president Ana Lee`: lower-case title words, then the name.
  let t = 0;
  while (
    t < tokens.length &&
    t < 3 &&
    /^\p{Ll}/u.test(tokens[t].bare) &&
    (TITLE_WORDS.has(tokens[t].bare) || ROLE_NOUNS.has(tokens[t].bare)) &&
    !/[,;:.]$/.test(tokens[t].word)
  )
    t++;
  if (t > 0 && tokens[t] && isNamePart(tokens[t]) && isCap(tokens[t].bare))
    return speakerAfter(text.slice(tokens[t].start - base), tokens[t].start);
  // `said rally driver Ana Lee`: plain words, then an occupation right before the name.
  for (let k = 1; k < Math.min(tokens.length, 4); k++) {
    const prev = tokens[k - 1];
    // (`said 20-year-old politics student X`: an age may open the description.)
    if (!/^\p{Ll}|^\d+-year-old$/u.test(prev.bare) || /[,;:.]$/.test(prev.word) || PREPOSITIONS.has(prev.bare) || STOP_CAPS.has(prev.bare))
      break;
    if ((OCCUPATIONS.has(prev.bare) || isAgentNoun(prev.bare)) && isNamePart(tokens[k]) && isCap(tokens[k].bare))
      return speakerAfter(text.slice(tokens[k].start - base), tokens[k].start);
  }
  const titled = titledName(tokens);
  if (titled) return speakerAfter(text.slice(titled.start - base), titled.start);
  if (isNamePart(first) && isCap(first.bare)) {
    let j = 0;
    while (j + 1 < tokens.length && isNamePart(tokens[j + 1]) && nameGoesOn(tokens[j])) j++;
    // `said US Secretary of State X` is a name; `said Chilean sources` is an unnamed source.
    const next = tokens[j + 1];
    if (
      next &&
      /^[a-z]/.test(next.bare) &&
      (SOURCE_NOUNS.has(next.bare.toLowerCase()) || ROLE_NOUNS.has(next.bare.toLowerCase())) &&
      !/[,;:.]$/.test(tokens[j].word)
    ) {
      return (
        speakerBefore(
          tokens
            .slice(0, j + 2)
            .map((t) => t.word)
            .join(' ')
            .replace(/[,.;:]+$/, ''),
          first.start,
        ) ?? null
      );
    }
    // `Green leader Ann Lee`, `Riverside United striker X`: the name after the role is the speaker.
    let r = j + 1;
    while (
      r < tokens.length &&
      r - j <= 2 &&
      /^[a-z]/.test(tokens[r].bare) &&
      (ROLE_NOUNS.has(tokens[r].bare) ||
        TITLE_WORDS.has(tokens[r].bare) ||
        OCCUPATIONS.has(tokens[r].bare) ||
        isAgentNoun(tokens[r].bare)) &&
      !/[,;:.]$/.test(tokens[r - 1].word)
    )
      r++;
    if (r > j + 1 && tokens[r] && isNamePart(tokens[r]) && isCap(tokens[r].bare) && !/[,;:.]$/.test(tokens[r - 1].word)) {
      return speakerAfter(text.slice(tokens[r].start - base), tokens[r].start);
    }
    // `said Acme technology director, Ana Lee`: up to three lower-case words ending in a role, a comma, the name.
    for (let k = j + 1; k <= j + 3 && k < tokens.length - 1; k++) {
      const w = tokens[k];
      if (!/^\p{Ll}/u.test(w.bare)) break;
      const role = ROLE_NOUNS.has(w.bare) || TITLE_WORDS.has(w.bare) || OCCUPATIONS.has(w.bare);
      if (role && /,$/.test(w.word) && isNamePart(tokens[k + 1]) && isCap(tokens[k + 1].bare))
        return speakerAfter(text.slice(tokens[k + 1].start - base), tokens[k + 1].start);
      if (/[,;:.]$/.test(w.word)) break;
    }
    const textOf = tokens
      .slice(0, j + 1)
      .map((t) => t.bare)
      .join(' ');
    return { kind: 'name', text: textOf, at: first.start };
  }
  // `says president Ann Lee`, `said party leader Ann Lee`: a lower-case title before the name.
  if (ROLE_NOUNS.has(lower) || TITLE_WORDS.has(lower)) {
    let r = 0;
    while (
      r < tokens.length &&
      r < 3 &&
      /^[a-z]/.test(tokens[r].bare) &&
      (ROLE_NOUNS.has(tokens[r].bare) || TITLE_WORDS.has(tokens[r].bare)) &&
      !/[,;:.]$/.test(tokens[r].word)
    )
      r++;
    const name = tokens[r];
    if (r > 0 && name && isNamePart(name) && isCap(name.bare)) return speakerAfter(text.slice(name.start - base), name.start);
  }
  // `said the 23-year-old`, `said the world number three`: a description of someone just written about.
  if (lower === 'the') {
    // `said the New Zealander.`: a nationality closing the phrase is the person, never the country.
    for (let e = 1; e <= 3 && e < tokens.length; e++) {
      if (!nameGoesOn(tokens[e]) || e === tokens.length - 1) {
        const demonym = isCap(tokens[e].bare) ? (demonymBack(tokens, e) ?? placeTitleBack(tokens, e)) : null;
        if (demonym) return demonym;
        break;
      }
    }
    let end = 1;
    while (end < Math.min(tokens.length, 6) && !/[,;:.]$/.test(tokens[end - 1].word)) end++;
    const head = tokens[end - 1]?.bare.toLowerCase() ?? '';
    if ((!ROLE_NOUNS.has(head) && !SOURCE_NOUNS.has(head)) || DOCUMENT_NOUNS.has(head)) {
      const d = descriptorAt(tokens, 0, end);
      if (d) return d;
    }
  }
  if (['the', 'a', 'an', 'one', 'his', 'her', 'its', 'their'].includes(lower)) {
    for (let j = 1; j < Math.min(tokens.length, 7); j++) {
      const b = tokens[j].bare.toLowerCase();
      if (ROLE_NOUNS.has(b) || SOURCE_NOUNS.has(b)) {
        const next = tokens[j + 1]?.bare.toLowerCase();
        // `the federation's general secretary, Name` — the apposed name is the speaker.
        if (/,$/.test(tokens[j].word) && tokens[j + 1] && isNamePart(tokens[j + 1]))
          return speakerAfter(text.slice(tokens[j + 1].start - base), tokens[j + 1].start);
        if (next && (SOURCE_NOUNS.has(next) || ROLE_NOUNS.has(next))) continue;
        return nounPhraseBack(tokens, j);
      }
      if (/[,;:.]$/.test(tokens[j].word)) break;
    }
    return { kind: 'other', at: first.start };
  }
  if (SOURCE_NOUNS.has(lower)) return nounPhraseBack(tokens, 0);
  return bareRole(tokens);
}

/** `says union leader`, `says minister` (headline style): lower-case words ending the phrase in a role noun, no name. */
function bareRole(tokens: Token[]): SpeakerRef | null {
  for (let j = 0; j < Math.min(tokens.length, 3); j++) {
    const t = tokens[j];
    if (!/^\p{Ll}/u.test(t.bare)) return null;
    const ends = j === tokens.length - 1 || /[,;:.!?]$/.test(t.word);
    if (ends) return ROLE_NOUNS.has(t.bare) ? { kind: 'role', role: t.bare, text: t.bare, at: tokens[0].start } : null;
  }
  return null;
}
