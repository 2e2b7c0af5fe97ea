/**
 * Per-document actor extraction: capitalised spans, titles and appositions, acronyms defined in
 * parentheses, the country table, then one pass over the text that records every mention.
 * Runs on every source file, so it is linear in the text and builds no regex from data.
 */
import type { SourceDocument } from '../../domain/source-document';
import { stem, STOPWORDS } from '../../text/tokenize';
import { tokenize, type Token } from '../../mentions/actor-tokens';
import type { ActorRole, ActorType, DocumentActors } from '../../domain/actor-types';
import { COUNTRY_FORMS } from '../../mentions/countries';
import { buildActors, type Candidate, type Votes } from './document-actors';
import {
  COMMON_WORDS,
  HONORIFICS,
  NAME_CONNECTORS,
  NEVER_ACTORS,
  ORG_HEADS,
  ORG_NOUNS,
  ORG_STARTS,
  ORG_WORDS,
  PERSON_NOUNS,
  PLACE_HEADS,
  PLACE_NOUNS,
  PLACE_PREPOSITIONS,
  PLACE_STARTS,
  REGION_PHRASES,
  REGIONS,
  ROLE_HEADS,
  ROLE_MODIFIERS,
  SPEECH_VERBS,
} from '../../mentions/name-lexicon';
import { nameKey } from '../../mentions/name-key';
import { countryAt, leadingTitle, titleAfter, titleBefore } from '../../mentions/role-patterns';

const OPENING_QUOTE_RE = /(?:^|[\s(])["\u201c]$|^\(?["\u201c]$/;
const CLOSING_QUOTE_RE = /^["\u201d]/;
/** Verbs that introduce a nickname in quote marks. Lower-case. */
const NICKNAME_VERBS = new Set(['nicknamed', 'dubbed', 'aka', 'called']);
/** Degrees written after a name (`Ph.D.`, `MD`), dots removed, upper case. */
const DEGREES = new Set(['PHD', 'MD', 'DPHIL', 'MPH', 'MBA', 'JD', 'RN', 'DDS', 'DVM', 'PSYD', 'EDD', 'MSC', 'BSC']);
/** Honorifics that are offices, as the card names them ("Prof" → Professor). */
const TITLE_HONORIFICS = new Map<string, string>([
  ['Professor', 'Professor'],
  ['Prof', 'Professor'],
  ['Judge', 'Judge'],
  ['Justice', 'Justice'],
  ['Bishop', 'Bishop'],
  ['Archbishop', 'Archbishop'],
  ['Cardinal', 'Cardinal'],
  ['Rabbi', 'Rabbi'],
  ['Imam', 'Imam'],
  ['Sen', 'Senator'],
  ['Rep', 'Representative'],
  ['Gov', 'Governor'],
  ['Gen', 'General'],
  ['Col', 'Colonel'],
  ['Capt', 'Captain'],
  ['Maj', 'Major'],
  ['Adm', 'Admiral'],
  ['Sgt', 'Sergeant'],
  ['Lt', 'Lieutenant'],
]);
/** Verbs after a sentence-opening word that make it the sentence's subject, so a name. Lower-case. */
const SUBJECT_VERBS = new Set([
  'said',
  'says',
  'has',
  'announced',
  'reported',
  'told',
  'added',
  'confirmed',
  'denied',
  'declined',
  'plans',
]);
/** Speech verbs whose object is the listener, not the speaker. Lower-case. */
const LISTENER_VERBS = new Set(['told', 'tells', 'tell', 'telling', 'asked', 'asks', 'urged', 'urges', 'warned', 'warns', 'informed']);
/** Person nouns for more than one person: before a single word they name a group ("pop duo X"). */
const GROUP_NOUNS = new Set(['duo', 'trio', 'pair', 'quartet']);
/** Lower-case words before a capitalised word that is what a person was ("the late Wombler X", "former Ranger X"). */
const CAPITAL_TITLE_OPENERS = new Set(['late', 'former']);
/** Words that keep a title's time: "former minister". Lower-case. */
const TIME_WORDS = new Set(['former', 'acting', 'interim', 'outgoing', 'incoming']);
/** First words of weather systems and operations: never actors ("Storm X", "Hurricane X"). */
const EVENT_STARTS = new Set(['Storm', 'Hurricane', 'Typhoon', 'Cyclone', 'Tropical', 'Operation']);
/** Words that turn an organisation's name into one of its meetings. */
const EVENT_WORDS = new Set(['Summit', 'Conference', 'Meeting', 'Talks', 'Congress', 'Session', 'Assembly']);
/** First words of two-word place names ("New York", "San Diego", "St Albans"). */
const PLACE_PREFIXES = new Set([
  'New',
  'San',
  'Santa',
  'Los',
  'Las',
  'St',
  'Saint',
  'Fort',
  'Port',
  'Mount',
  'Lake',
  'North',
  'South',
  'East',
  'West',
]);
const LAW_WORDS = new Set([
  'Act',
  'Bill',
  'Treaty',
  'Convention',
  'Accord',
  'Accords',
  'Directive',
  'Amendment',
  'Protocol',
  'Charter',
  'Doctrine',
  'Plan',
  'Programme',
  'Program',
  'Show',
  'Award',
  'Awards',
  'Prize',
  'Code',
  'Codes',
]);
/** Last words of events, tournaments and eras: never actors ("the Regional Championships", "the Harbour Cup"). */
const EVENT_HEADS = new Set([
  'Championship',
  'Championships',
  'Cup',
  'Open',
  'Games',
  'Olympics',
  'Festival',
  'Fair',
  'Exposition',
  'Expo',
  'War',
  'Era',
  'Revolution',
  'Prix',
  'Trophy',
  'Marathon',
  'Derby',
  'Grand Slam',
  'Tournament',
  'Classic',
  'Age',
  'Ages',
  'Period',
  'Dynasty',
]);
const ADJECTIVE_END_RE = /(?:ist|ian|ese|ic|ish|ite|ean|ern|i)$/;
const PARTICLE_PREFIX_RE = /^(?:al|el|ul)[-\u2010\u2011]/i;
const ACRONYM_RE = /^[\p{Lu}\d.&]{2,8}$/u;

const newVotes = (): Votes => ({ person: 0, organisation: 0, country: 0, place: 0 });

function isNameToken(t: Token): boolean {
  return (t.cap || t.upper) && !NEVER_ACTORS.has(t.text) && !HONORIFICS.has(t.text) && !/^\p{Lu}\.?$/u.test(t.text);
}

/** True when `h` is an honorific right before the name word `t` ("Mr Lee", "Sen. Lee"). */
function titles(h: Token | undefined, t: Token): boolean {
  if (!h || !HONORIFICS.has(h.text) || h.sentence !== t.sentence) return false;
  return t.gap === '' || (t.gap === '.' && HONORIFICS.has(`${h.text}.`));
}

/** A word that ends a title ("minister", "President"). */
const isHeadToken = (t: Token | undefined): boolean => t !== undefined && ROLE_HEADS.has(t.text.toLowerCase());

/** A middle initial ("John F. Kennedy"). */
const isTitleToken = (t: Token): boolean => ROLE_HEADS.has(t.text.toLowerCase()) || ROLE_MODIFIERS.has(t.text.toLowerCase());

/** Honorifics that are also surnames. */
const SURNAME_HONORIFICS = new Set(['King', 'Prince', 'Bishop', 'Judge', 'Lord', 'Rabbi', 'Father', 'Brother', 'Justice']);

/** Irregular plurals that own names ("People's", "Women's"). */
const PLURAL_POSSESSORS = new Set(['People', 'Women', 'Men', 'Children', 'Peoples']);

/** Adjectives that are never actors alone but may begin a name. */
const NAME_ADJECTIVES = new Set([
  'Muslim',
  'Christian',
  'Jewish',
  'Islamic',
  'Catholic',
  'Arab',
  'Kurdish',
  'Sunni',
  'Shia',
  'Hindu',
  'Buddhist',
  'Protestant',
  'European',
  'African',
  'Asian',
  'Latin',
  'Northern',
  'Southern',
  'Eastern',
  'Western',
  'Arabian',
  'Caribbean',
]);

/** Adjectives between a determiner and a title ("the new President, X"). */
const TITLE_ADJECTIVES = new Set(['new', 'former', 'current', 'outgoing', 'incoming', 'acting', 'interim', 'then', 'late', 'previous']);

/** A function word or common sentence word, in any case ("WILL", "Are"). */
const isFunctionWord = (t: Token): boolean => COMMON_WORDS.has(t.text.toLowerCase()) || STOPWORDS.has(t.text.toLowerCase());

/** Months that are also names. */
const NAME_MONTHS = new Set(['Jan', 'May', 'June', 'April', 'August', 'Mar']);

const isInitial = (t: Token): boolean => /^\p{Lu}$/u.test(t.text);

/** Initials of the capitalised words of a span ("General Turbines" → "GT"). */
function initialsOfSpan(tokens: readonly Token[], from: number, to: number): string {
  let out = '';
  for (let k = from; k < to; k++) if (tokens[k].cap) out += tokens[k].text[0].toUpperCase();
  return out;
}

/** Titles of peers, part of the name when only one name follows ("Baroness Penhallow"). */
const PEERAGES = new Set(['Lord', 'Lady', 'Baroness', 'Baron']);

/** True when token k is a peerage followed by exactly one name word ("Lord Hale said", not "Lord Peter Hale"). */
function isPeerName(tokens: readonly Token[], k: number, to: number): boolean {
  const name = tokens[k + 1];
  const after = tokens[k + 2];
  if (!name || k + 1 >= to || name.gap !== '' || !isNameToken(name) || HONORIFICS.has(name.text)) return false;
  return !after || k + 2 >= to || after.gap !== '' || !isNameToken(after) || name.possessive;
}

/** Capitalised spans of one sentence's tokens [from, to): token index ranges, joined by name connectors. */
function spansOf(tokens: readonly Token[], from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  let i = from;
  // "Jan Novak", "Theresa May": a month that is also a first name or surname counts when it touches a name.
  const nameAt = (k: number): boolean => {
    const t = tokens[k];
    if (!t || k >= to) return false;
    if (isNameToken(t)) return true;
    // "Oona King", "Charles Prince": an honorific that is also a surname, after a first name.
    if (SURNAME_HONORIFICS.has(t.text) && k > from && t.gap === '' && isNameToken(tokens[k - 1])) return true;
    // "Baroness Penhallow", "Lord Hale": a peer known by the title and one name keeps the title in the name.
    if (PEERAGES.has(t.text) && isPeerName(tokens, k, to)) return true;
    // "Muslim Council of Britain", "Catholic Church": a faith or region adjective starts a name, never is one.
    if (NAME_ADJECTIVES.has(t.text)) {
      const next = tokens[k + 1];
      return k + 1 < to && next !== undefined && next.gap === '' && isNameToken(next) && !COUNTRY_FORMS.has(next.text);
    }
    if (!NAME_MONTHS.has(t.text)) return false;
    const next = tokens[k + 1];
    return (
      (k + 1 < to && next !== undefined && next.gap === '' && isNameToken(next)) || (k > from && t.gap === '' && isNameToken(tokens[k - 1]))
    );
  };
  while (i < to) {
    if (!nameAt(i)) {
      i++;
      continue;
    }
    let j = i + 1;
    let orgTail = false;
    while (j < to) {
      const t = tokens[j];
      // "Procter & Gamble", "Johnson & Johnson": an ampersand joins a company's name.
      if ((t.gap !== '' && t.gap !== '&') || (tokens[j - 1].possessive && !isPossessiveInsideName(tokens, j - 1, to))) break;
      if (t.gap === '&' && !nameAt(j)) break;
      if (nameAt(j)) j++;
      else if (t.text === 'and' && andJoinsOrgName(tokens, j, to)) j += 2;
      else if (t.text === 'in' && j - i >= 2 && inJoinsOrgName(tokens, j, to)) j += 2;
      // "Acme Radio 4", "Acme News 24", "ACME One": a broadcaster's channel number is part of its name.
      else if (channelNumber(tokens, j)) {
        j++;
        break;
      } else if (isInitial(t) && j + 1 < to && (tokens[j + 1].gap === '' || tokens[j + 1].gap === '.') && isNameToken(tokens[j + 1]))
        j += 2;
      else if ((t.text === 'on' || (t.text === 'and' && orgTail)) && j + 1 < to && tokens[j + 1].gap === '' && isNameToken(tokens[j + 1])) {
        // "Committee on Intelligence and Security", "Center on Poverty and Inequality": an organisation's domain.
        if (t.text === 'on' && !ORG_HEADS.has(tokens[j - 1].text)) break;
        orgTail = true;
        j += 2;
      } else if (NAME_CONNECTORS.has(t.text)) {
        // "Secretary of State", "Ludwig van Beethoven": connectors only between capitalised words.
        if ((t.text === 'of' || t.text === 'for') && ORG_HEADS.has(tokens[j - 1].text)) orgTail = true;
        let k = j + 1;
        while (k < to && k - j < 3 && tokens[k].gap === '' && NAME_CONNECTORS.has(tokens[k].text)) k++;
        // "Herald of the Marshes", "Bank of the West Coast": "of the" inside a body's name, after its head noun.
        const body = ORG_WORDS.has(tokens[j - 1].text) || ORG_HEADS.has(tokens[j - 1].text);
        if (t.text === 'of' && k === j + 1 && body && tokens[k]?.text === 'the' && tokens[k].gap === '') k++;
        if (k < to && tokens[k].gap === '' && isNameToken(tokens[k])) j = k + 1;
        else break;
      } else break;
    }
    out.push([i, j]);
    i = j;
  }
  return out;
}

/** "Women's Institute" keeps its possessive; "Norway's Finance Minister" splits after "Norway". */
/** "Food and Drug Administration": "and" inside an organisation's name (never between countries). */
function andJoinsOrgName(tokens: readonly Token[], j: number, to: number): boolean {
  const before = tokens[j - 1];
  // "Acme Radio 3 and Acme World Service": a channel's number ends the first name.
  if (COUNTRY_FORMS.has(before.text) || before.possessive || /^\d/.test(before.text)) return false;
  let k = j + 1;
  while (k < to && tokens[k].gap === '' && isNameToken(tokens[k])) k++;
  if (k === j + 1) return false;
  // "… Postal and Telecommunications Administrations (CEPT)": an acronym defined right after names the whole run.
  const acronym = tokens[k];
  if (acronym && acronym.gap === '(' && acronym.upper && acronym.sentence === before.sentence) return true;
  // "the Acme Times and Acme Daily News": a name that already ends as an organisation's does is listed with the next.
  if (ORG_HEADS.has(before.text) && k - j > 2) return false;
  return ORG_HEADS.has(tokens[k - 1].text);
}

/**
 * "Interactive Media in Retail Group": `in` inside an organisation's name of two words or more, when the words after
 * it end as one ("Shares in Acme Group" is no name).
 */
function inJoinsOrgName(tokens: readonly Token[], j: number, to: number): boolean {
  const before = tokens[j - 1];
  if (COUNTRY_FORMS.has(before.text) || before.possessive || !before.cap) return false;
  let k = j + 1;
  while (k < to && tokens[k].gap === '' && isNameToken(tokens[k])) k++;
  return k - j >= 3 && ORG_HEADS.has(tokens[k - 1].text) && !COUNTRY_FORMS.has(tokens[j + 1].text);
}

const CHANNEL_WORDS = new Set(['Radio', 'News', 'Channel', 'TV', 'Television', 'FM']);
const CHANNEL_NUMBERS = new Set(['One', 'Two', 'Three', 'Four']);

/** "Radio 4", "News 24" after a broadcasting word; "One" to "Four" after an acronym ("ACME Two"). */
function channelNumber(tokens: readonly Token[], j: number): boolean {
  const t = tokens[j];
  const prev = tokens[j - 1];
  if (!prev || t.gap !== '') return false;
  if (/^\d{1,2}$/.test(t.text)) return CHANNEL_WORDS.has(prev.text);
  return CHANNEL_NUMBERS.has(t.text) && prev.upper && ACRONYM_RE.test(prev.text) && !prev.possessive;
}

function isPossessiveInsideName(tokens: readonly Token[], i: number, to: number): boolean {
  const t = tokens[i];
  // "CNN's Newsroom", "Oxfam International's director": an acronym or a word that ends a company's name ends it here too.
  if (COUNTRY_FORMS.has(t.text) || t.upper || ORG_WORDS.has(t.text) || ORG_HEADS.has(t.text)) return false;
  // Names keep the possessive of a plural ("Workers' Party", "Women's Institute"), not of a name ("Acme's Jo Bloggs").
  if (!/s$/.test(t.text) && !PLURAL_POSSESSORS.has(t.text)) return false;
  const next = tokens[i + 1];
  if (!next || i + 1 >= to) return false;
  const lt = leadingTitle(tokens, i + 1, to);
  return !(lt && lt.affTo === i + 1);
}

function classify(
  tokens: readonly Token[],
  from: number,
  to: number,
  c: Candidate,
  fresh: boolean,
  lowerStems: () => ReadonlySet<string>,
): void {
  const { votes } = c;
  const first = tokens[from];
  const last = tokens[to - 1];
  const words = to - from;
  const span = tokens.slice(from, to);
  const text = span.map((t) => t.text).join(' ');
  const orgWord =
    span.some((t) => ORG_WORDS.has(t.text)) || (words >= 2 && span.some((t) => (t.upper && t.text.length >= 3) || t.gap === '&'));
  if (ORG_HEADS.has(last.text) || ORG_STARTS.has(first.text) || (words === 1 && first.upper) || orgWord) votes.organisation += 2;
  else if (
    PLACE_HEADS.has(last.text) ||
    REGIONS.has(text) ||
    REGION_PHRASES.has(text) ||
    (words >= 3 && PLACE_STARTS.has(first.text) && span[1].text === 'of') ||
    (words === 2 && PLACE_PREFIXES.has(first.text))
  )
    votes.place += 2;
  else if (
    words >= 2 &&
    (COUNTRY_FORMS.has(first.text) || COUNTRY_FORMS.has(last.text) || REGION_PHRASES.has(`${first.text} ${tokens[from + 1].text}`))
  )
    votes.organisation += 1;
  // A name whose last word is also an ordinary word of this article ("Open Hand" … "hands") is not a person's.
  else if (words >= 2 && lowerStems().has(stem(last.key))) votes.organisation += 1;
  else if (fresh && words >= 4) votes.organisation += 1;
  // A person by default only when its first word is no ordinary word of the article ("game" … "Game Cube").
  else if (fresh && words >= 2 && !lowerStems().has(stem(first.key))) {
    votes.person += 1;
    c.guessed += 1;
  }
  const before = tokens[from - 1];
  if (titles(before, first)) votes.person += 3;
  else if (before && before.sentence === first.sentence && first.gap === '') {
    const b = before.text.toLowerCase();
    if (HONORIFICS.has(before.text)) votes.person += 3;
    else if (ORG_NOUNS.has(b)) votes.organisation += 2;
    else if (PLACE_NOUNS.has(b) || (b === 'of' && PLACE_NOUNS.has(tokens[from - 2]?.text.toLowerCase() ?? ''))) votes.place += 2;
    // `in Lisbon`, but not `in Ana Lee's film`: a possessive owns the noun after it, the place is that noun's.
    else if (PLACE_PREPOSITIONS.has(b) && words <= 2 && !last.possessive) votes.place += 1;
    // "said Gardener", "says Ana Lee": a speaker named after the verb (organisations rarely are); after "told" or
    // "asked" comes the listener, often a newspaper or a programme ("told Nightline").
    else if (SPEECH_VERBS.has(b) && !LISTENER_VERBS.has(b) && !before.cap) votes.person += words >= 2 ? 2 : 1;
  }
  const after = tokens[to];
  // `X, 21, was taken …`, `X, who …`, `Ana B. Lee`: what the text says only of people.
  if (
    words >= 2 &&
    after &&
    after.sentence === last.sentence &&
    ((after.gap === ',' && /^\d{1,3}$/.test(after.text)) || after.text === 'who')
  )
    votes.person += 2;
  else if (words === 1 && after && after.sentence === last.sentence && after.gap === ',' && after.text === 'who') votes.person += 1;
  if (words >= 3 && span.slice(1, -1).some((t) => /^\p{Lu}$/u.test(t.text))) votes.person += 1;
  // Companies and parties speak too: a verb of speech hints at a person only for a full name.
  if (words >= 2 && after && after.sentence === last.sentence && after.gap === '' && SPEECH_VERBS.has(after.text.toLowerCase()))
    votes.person += 1;
  if (after && after.sentence === last.sentence && after.gap === '-' && after.text === 'based') votes.place += 2;
  // "X news reported", "X newspaper said": an organisation's common noun right after the name.
  if (after && after.sentence === last.sentence && after.gap === '' && !after.cap && (ORG_NOUNS.has(after.key) || after.key === 'news'))
    votes.organisation += 2;
}

/** Where a span's name lies once a title in front of it is set apart, and what the title says. */
interface SpanReading {
  nameFrom: number;
  role: ActorRole | null;
  affiliation: string | null;
  votes: Partial<Votes>;
}

/** One pass over a document's capitalised spans: the state the steps of extraction share. */
class ActorScan {
  readonly tokens: Token[];
  readonly candidates = new Map<string, Candidate>();
  private readonly text: string;
  private readonly lowerWords = new Set<string>();
  private stems: Set<string> | null = null;
  private readonly spanEndAt = new Map<number, [number, number]>();
  private readonly spanStartAt = new Map<number, [number, number]>();
  readonly spans: [number, number][] = [];
  private readonly spanKeys = new Map<string, number>();
  /** Acronyms this document defines in parentheses ("World Health Organization (WHO)"). */
  private readonly definedAcronyms = new Set<string>();
  /** Byline and credit names ("By Ana Lee, Business reporter"): first token → end of the byline. */
  private readonly bylineNames = new Map<number, number>();
  /** Short upper-case words of the text ("GT", "KRBN"), for names spelled by their initials. */
  private readonly upperWords = new Set<string>();
  /** "the Chilean Foreign Minister, Ana Soto": a title waiting for the name after the comma. */
  private pendingRole: { role: ActorRole; after: number } | null = null;

  constructor(doc: SourceDocument) {
    this.tokens = tokenize(doc);
    this.text = doc.text;
    for (const t of this.tokens) if (!t.cap && !t.upper) this.lowerWords.add(t.key);
    for (const t of this.tokens) if (t.upper && t.text.length <= 5) this.upperWords.add(t.text);
    this.collectSpans();
    for (const [a, b] of this.spans) {
      const k = nameKey(this.spanText(a, b));
      this.spanKeys.set(k, (this.spanKeys.get(k) ?? 0) + 1);
    }
    const tokens = this.tokens;
    for (let i = 1; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.gap === '(' && t.upper && (tokens[i - 1].cap || tokens[i - 1].upper)) this.definedAcronyms.add(t.text);
    }
  }

  /** Capitalised spans of the body's sentences, indexed by their first and last token. */
  private collectSpans(): void {
    const tokens = this.tokens;
    let s = 0;
    while (s < tokens.length) {
      let e = s;
      while (e < tokens.length && tokens[e].sentence === tokens[s].sentence) e++;
      const lead = tokens[s].body ? s : bylineStart(tokens, s, e);
      // A byline's names are those before its first comma, bar or slash ("By Ana Lee and Tom Vale, Business reporters").
      const byline = lead >= 0 && !tokens[s].body;
      const names = lead < 0 ? [] : spansOf(tokens, lead, byline ? bylineNamesEnd(tokens, lead, e) : e);
      for (const span of names) {
        this.spans.push(span);
        this.spanEndAt.set(span[1] - 1, span);
        this.spanStartAt.set(span[0], span);
        if (byline) this.bylineNames.set(span[0], e);
      }
      s = e;
    }
  }

  /** Stems of the article's ordinary words, built only if a name needs them. */
  readonly lowerStems = (): ReadonlySet<string> => (this.stems ??= new Set([...this.lowerWords].map(stem)));

  spanText(a: number, b: number): string {
    return this.text.slice(this.tokens[a].start, this.tokens[b - 1].end);
  }

  /** Records a name [from, to) with what the text says of it; returns its candidate, or null when it is no name. */
  add(
    from: number,
    to: number,
    role: ActorRole | null,
    affiliation: string | null,
    extraVotes?: Partial<Votes>,
    asName = false,
    keepTail = false,
  ): Candidate | null {
    const tokens = this.tokens;
    // `Ana Lee MSP`, `Ana Lee CEO`: a role written after the name in capitals is a title, not part of the name.
    let postNominal: ActorRole | null = null;
    if (to - from >= 3 && tokens[to - 1].upper && ROLE_HEADS.has(tokens[to - 1].text.toLowerCase())) {
      postNominal = { title: tokens[to - 1].text, affiliation: null };
      to--;
      extraVotes = { ...extraVotes, person: (extraVotes?.person ?? 0) + 2 };
    }
    [from, to] = this.trimName(from, to, keepTail);
    if (from >= to || this.notAName(from, to)) return null;
    const name = this.spanText(from, to);
    const country = to - from <= 2 && !asName ? COUNTRY_FORMS.get(name) : undefined;
    // "WILL", "ANY", "Are": a function word, shouted or capitalised, is not a name (unless defined as an acronym).
    if (to - from === 1 && !country && isFunctionWord(tokens[from]) && !this.definedAcronyms.has(tokens[from].text)) return null;
    const key = country && country.kind !== 'capital' ? `country:${country.country}` : nameKey(name);
    if (!key) return null;
    let c = this.candidates.get(key);
    const fresh = !c;
    if (!c) {
      const canonical = country && country.kind !== 'capital' ? country.country : name;
      c = {
        name: canonical,
        key,
        words: to - from,
        votes: newVotes(),
        roles: [],
        affiliation: null,
        acronym: null,
        weak: true,
        first: from,
        guessed: 0,
      };
      this.candidates.set(key, c);
    }
    c.last = from;
    if (country) {
      if (country.kind === 'capital') {
        c.votes.place += 3;
        c.affiliation ??= country.country;
      } else c.votes.country += 5;
    } else classify(tokens, from, to, c, fresh, this.lowerStems);
    for (const [k, v] of Object.entries(extraVotes ?? {})) c.votes[k as ActorType] += v;
    if (this.isStrong(from, to, role ?? postNominal, Boolean(country), extraVotes)) c.weak = false;
    for (const r of [role ?? postNominal, role ? postNominal : null])
      if (r && !c.roles.some((x) => x.title === r.title && x.affiliation === r.affiliation)) c.roles.push(r);
    if (affiliation && !c.affiliation) c.affiliation = affiliation;
    return c;
  }

  /** Drops sentence-opening function words, trailing common words and connectors at either end. */
  private trimName(from: number, to: number, keepTail: boolean): [number, number] {
    const tokens = this.tokens;
    // Sentence-initial function words ("However Norway", "The Chilean") are not part of the name.
    // A sentence-initial word the article also uses in lower case ("Injured X …", "injured") is not part of the name.
    // "Federal Reserve chairman X" with "federal" in lower case elsewhere: a name of two words keeps an adjective
    // in -al opening it ("Federal", "National", "Royal") unless the text also writes the rest on its own.
    const ordinaryOpener = (): boolean =>
      to - from > 1 &&
      this.lowerWords.has(tokens[from].key) &&
      (to - from > 2 || !/al$/.test(tokens[from].key) || this.spanKeys.has(nameKey(this.spanText(from + 1, to))));
    while (from < to && tokens[from].sentenceStart && (COMMON_WORDS.has(tokens[from].text.toLowerCase()) || ordinaryOpener())) from++;
    // A trailing common word goes ("Acme Today"), unless it ends an institution's name ("Institute for Deaf People").
    const institution = (): boolean =>
      tokens.slice(from, to - 1).some((t) => ORG_HEADS.has(t.text)) && NAME_CONNECTORS.has(tokens[to - 3]?.text ?? '');
    // An employer named after "of" keeps its last word ("Ana Lee of Westshire Police").
    // "the Black Watch", "Fellmouth Police": an organisation's last word stays unless the rest names something
    // the text also names on its own ("Acme … the Acme Government").
    const employer = (): boolean =>
      to - from >= 2 &&
      ORG_HEADS.has(tokens[to - 1].text) &&
      (keepTail || (!COUNTRY_FORMS.has(this.spanText(from, to - 1)) && !this.spanKeys.has(nameKey(this.spanText(from, to - 1)))));
    while (
      to > from &&
      COMMON_WORDS.has(tokens[to - 1].text.toLowerCase()) &&
      !tokens[to - 1].upper &&
      !institution() &&
      !employer() &&
      !(to - from >= 2 && channelNumber(tokens, to - 1))
    )
      to--;
    while (from < to && NAME_CONNECTORS.has(tokens[from].text)) from++;
    while (to > from && NAME_CONNECTORS.has(tokens[to - 1].text)) to--;
    return [from, to];
  }

  /** Laws, treaties, events, eras, storms and numbered words are no actors. */
  private notAName(from: number, to: number): boolean {
    const tokens = this.tokens;
    // `Tom Vale, Ph.D., of …`, `Ana Lee, MD,`: a degree after a name and its comma is no actor.
    if (to - from === 1 && tokens[from].gap.startsWith(',') && DEGREES.has(tokens[from].text.replace(/\./g, '').toUpperCase())) return true;
    // Laws and treaties are not actors ("the Hunting Act").
    if (LAW_WORDS.has(tokens[to - 1].text) && (to - from >= 2 || LAW_WORDS.has(tokens[from].text))) return true;
    if (to - from >= 2 && (EVENT_HEADS.has(tokens[to - 1].text) || EVENT_STARTS.has(tokens[from].text))) return true;
    // "Chapter 11", "Radio 4": a word numbered is not a name.
    const next = tokens[to];
    return (
      to - from === 1 &&
      !tokens[from].possessive &&
      next !== undefined &&
      next.sentence === tokens[from].sentence &&
      next.gap === '' &&
      /^\d/.test(next.text)
    );
  }

  /** A mention that confirms a name: more than one word, in capitals, inside a sentence, or with a role. */
  private isStrong(from: number, to: number, role: ActorRole | null, country: boolean, extraVotes?: Partial<Votes>): boolean {
    const first = this.tokens[from];
    const single = to - from === 1;
    const adjectival = single && !first.upper && ADJECTIVE_END_RE.test(first.text) && isAdjectiveUse(this.tokens, from);
    // "Acme has …", "Acme said …": a sentence-opening name followed by a verb of speech or possession is the subject.
    const next = this.tokens[to];
    const subject =
      first.sentenceStart &&
      next !== undefined &&
      next.sentence === first.sentence &&
      next.gap === '' &&
      (SUBJECT_VERBS.has(next.key) || this.listedWithName(to));
    const strong = country || !single || first.upper || ((!first.sentenceStart || subject) && !adjectival) || role !== null;
    // A one-word name the article also writes in lower case ("Results" … "results") is an ordinary word, unless a title or honorific says otherwise.
    const ordinary = single && !first.upper && this.lowerWords.has(first.key) && role === null && (extraVotes?.person ?? 0) < 3;
    return strong && !ordinary;
  }

  /** "Acme and the Daily Clarion have …": "and", maybe "the", then a capitalised name of two or more words. */
  private listedWithName(and: number): boolean {
    const tokens = this.tokens;
    if (tokens[and]?.key !== 'and') return false;
    const k = tokens[and + 1]?.key === 'the' ? and + 2 : and + 1;
    const span = this.spanStartAt.get(k);
    return span !== undefined && span[1] - span[0] >= 2 && tokens[k].sentence === tokens[and].sentence;
  }

  /** An owner before a title is a name the text uses on its own too, or looks like one (country, acronym, company word). */
  private isKnownOwner(a: number, b: number): boolean {
    const tokens = this.tokens;
    const last = tokens[b - 1];
    if (countryAt(tokens, a, b)?.length === b - a || last.possessive) return true;
    for (let i = a; i < b; i++) if (tokens[i].upper || ORG_WORDS.has(tokens[i].text) || ORG_HEADS.has(tokens[i].text)) return true;
    if (b - a === 1 && tokens[a].sentenceStart && COMMON_WORDS.has(tokens[a].text.toLowerCase())) return false;
    const k = nameKey(this.spanText(a, b));
    const whole = this.spanEndAt.get(b - 1);
    // Used as a span of its own somewhere else (the span containing the title counts once).
    return (this.spanKeys.get(k) ?? 0) >= (whole && whole[0] === a && whole[1] === b ? 2 : 1);
  }

  /** The capitalised span ending at a token, when it names an owner ("Acme chairman X", not "Ruritanian president X"). */
  readonly spanBefore = (endIndex: number): { from: number; name: string } | null => {
    const span = this.spanEndAt.get(endIndex);
    if (!span) return null;
    let a = span[0];
    while (a < span[1] && this.tokens[a].sentenceStart && COMMON_WORDS.has(this.tokens[a].text.toLowerCase())) a++;
    return a < span[1] && this.isKnownOwner(a, span[1]) ? { from: a, name: this.spanText(a, span[1]) } : null;
  };

  /** The capitalised span starting at a token. */
  readonly spanAt = (index: number): { to: number; name: string } | null => {
    const span = this.spanStartAt.get(index);
    return span ? { to: span[1], name: this.spanText(span[0], span[1]) } : null;
  };

  /** One capitalised span: its title, the name it holds, roles around it, an acronym it defines. */
  scanSpan(spanFrom: number, spanTo: number): Candidate | null {
    let to = spanTo;
    // "the Acme Commission Code of Conduct": the body that issued a code or plan, not the code.
    for (let k = spanFrom + 1; k < spanTo - 1; k++) {
      if (LAW_WORDS.has(this.tokens[k].text) && this.tokens[k + 1].text === 'of') {
        to = k;
        break;
      }
    }
    const tokens = this.tokens;
    // "Although President X": a sentence-initial function word is neither title nor name.
    let from = spanFrom;
    while (from < to - 1 && tokens[from].sentenceStart && COMMON_WORDS.has(tokens[from].text.toLowerCase()) && !isTitleToken(tokens[from]))
      from++;
    const reading = this.readTitle(from, to);
    if (!reading) return null;
    this.pendingRole = null;
    // "the hit The Fisher Queen", "told The Morning Courier": a capitalised article inside a sentence opens the
    // name of a work or a body; no person's name begins so (a nickname in quote marks is read elsewhere).
    const the = tokens[reading.nameFrom];
    if (
      the.text === 'The' &&
      !the.sentenceStart &&
      to - reading.nameFrom >= 2 &&
      !OPENING_QUOTE_RE.test(this.text.slice(Math.max(0, the.start - 2), the.start))
    ) {
      reading.role = null;
      reading.votes = {};
    }
    reading.affiliation ??= possessiveCountryBefore(tokens, reading.nameFrom);
    if (!reading.affiliation && to - reading.nameFrom >= 2) this.readNationality(reading, to);
    to = this.splitOwnerOf(reading, to);
    const { votes } = reading;
    const honorific = tokens[reading.nameFrom - 1];
    const titledBy = honorific && titles(honorific, tokens[reading.nameFrom]) ? honorific.text : null;
    if (titledBy) votes.person = (votes.person ?? 0) + 3;
    const acronym = this.definedAcronym(reading.nameFrom, to);
    let shortForm: [number, number] | null = null;
    if (acronym) {
      const spelled = matchAcronym(tokens, reading.nameFrom, to, acronym);
      // "the US Ruritanian Protection Agency (RPA)": a country before the spelled name belongs to the name.
      const country = spelled > reading.nameFrom ? countryAt(tokens, reading.nameFrom, spelled) : null;
      if (country && country.length === spelled - reading.nameFrom && to - spelled >= 2) shortForm = [spelled, to];
      else reading.nameFrom = Math.max(reading.nameFrom, spelled);
    }
    let nameTo = to;
    const bylineEnd = this.bylineNames.get(spanFrom);
    if (bylineEnd !== undefined) this.readByline(reading, to, bylineEnd);
    const titledBefore = reading.role !== null;
    if (!reading.role) this.readApposition(reading, nameTo);
    // "Professor X", "Judge X", "Bishop X": an honorific that is also an office is the role when nothing else is.
    const office = titledBy ? TITLE_HONORIFICS.get(titledBy.replace(/\.$/, '')) : undefined;
    if (!reading.role && office) reading.role = { title: office, affiliation: reading.affiliation };
    // "the World Health Organization Assembly": the organisation, not its meeting.
    if (nameTo - reading.nameFrom >= 3 && EVENT_WORDS.has(tokens[nameTo - 1].text) && ORG_HEADS.has(tokens[nameTo - 2].text)) nameTo--;
    // "Lady Jordan", "Lord Chad": after an honorific a country's name is a person's.
    const titled = titles(tokens[reading.nameFrom - 1], tokens[reading.nameFrom]);
    const c = this.add(reading.nameFrom, nameTo, reading.role, reading.affiliation, votes, titled);
    if (c && acronym && c.words > 1) {
      c.acronym = acronym;
      c.votes.organisation += 2;
    }
    if (c && shortForm) this.addShortForm(c, shortForm[0], shortForm[1]);
    if (c && titledBefore) this.addApposedRole(c, reading.nameFrom, nameTo);
    return c;
  }

  /** `the geophysicist X, co-director of Y,`: a title apposed after a name that had one before is kept too. */
  private addApposedRole(c: Candidate, nameFrom: number, nameTo: number): void {
    const after = titleAfter(this.tokens, nameTo, this.spanAt);
    const title = after?.title;
    if (!after || !title || !isPersonLike(this.tokens, nameFrom, nameTo)) return;
    if (!c.roles.some((r) => r.title === title)) c.roles.push({ title, affiliation: after.affiliation });
  }

  /** The name without its country ("Ruritanian Protection Agency" of "US Ruritanian Protection Agency") is an alias of it. */
  private addShortForm(c: Candidate, from: number, to: number): void {
    const name = this.spanText(from, to);
    const key = nameKey(name);
    if (key === c.key) return;
    const short = this.candidates.get(key) ?? this.newCandidate(name, key, to - from, from);
    short.aliasOf = c.key;
  }

  /**
   * "X, Y and Z", "X and Y": names listed together are of one kind. A name typed person only by default in a
   * list with a person the text shows (title, speech, pronoun noun) counts as shown too. `found[i]` is the
   * candidate of `spans[i]`.
   */
  voteLists(found: (Candidate | null)[]): void {
    let list: Candidate[] = [];
    const close = (): void => {
      if (list.some(isShownPerson)) for (const c of list) if (c.guessed > 0 && !isShownPerson(c)) c.guessed--;
      list = [];
    };
    this.spans.forEach(([from], i) => {
      const c = found[i];
      const prev = this.spans[i - 1];
      if (!c || !prev || !this.listed(prev[1], from)) close();
      if (c) list.push(c);
    });
    close();
  }

  /** True when the span ending before token `end` and the one starting at `from` are listed together ("X, Y", "X and Y"). */
  private listed(end: number, from: number): boolean {
    const t = this.tokens[from];
    if (t.sentence !== this.tokens[end - 1].sentence) return false;
    if (from === end) return t.gap === ',';
    return (
      from === end + 1 && this.tokens[end].text === 'and' && (this.tokens[end].gap === '' || this.tokens[end].gap === ',') && t.gap === ''
    );
  }

  /**
   * A title inside the span ("US Secretary of State X") or just before it ("Chilean president X"), or one the
   * previous span left waiting for this name. Null when the span is only a title (its name comes after a comma).
   */
  private readTitle(from: number, to: number): SpanReading | null {
    const tokens = this.tokens;
    const reading: SpanReading = { nameFrom: from, role: null, affiliation: null, votes: {} };
    // `Ana Lee MSP`: a post-nominal title is no owner of a title; `add` keeps it as the role.
    const postNominal = to - from >= 3 && tokens[to - 1].upper && ROLE_HEADS.has(tokens[to - 1].text.toLowerCase());
    // "Former US President X": a time word opening the span belongs to the title after the owner.
    const timed = !postNominal && to - from >= 3 && TIME_WORDS.has(tokens[from].text.toLowerCase()) && !isHeadToken(tokens[from + 1]);
    // "General Turbines … GT": a span whose initials the text uses as a word is one name, whatever its first word.
    const spelled =
      to - from >= 2 &&
      this.upperWords.has(initialsOfSpan(tokens, from, to)) &&
      tokens.slice(from, to).some((t) => t.cap && !isTitleToken(t));
    const lead = postNominal || spelled ? null : (leadingTitle(tokens, from, to) ?? (timed ? leadingTitle(tokens, from + 1, to) : null));
    // "the Scottish Executive", "the European Council": a country's body, not a title waiting for a name.
    if (
      lead &&
      lead.nameStart === null &&
      ORG_HEADS.has(tokens[to - 1].text) &&
      to - from >= 2 &&
      countryAt(tokens, from, to - 1)?.length === to - 1 - from
    )
      return reading;
    if (lead && timed && lead.affTo > from + 1 && lead.nameStart !== null) {
      // Kept as written ("Former Scots Guardsman"); the owner between stays the affiliation.
      lead.title = this.spanText(from, lead.nameStart);
      from++;
    }
    if (lead) {
      // "Acme chairman", "UN Secretary General" name an owner; "Rural Affairs Minister" is one title.
      const ownerKnown = lead.affTo === from || this.isKnownOwner(from, lead.affTo);
      if (lead.affTo > from && ownerKnown) this.add(from, lead.affTo, null, null);
      const prefix = ownerKnown ? '' : `${this.spanText(from, lead.affTo)} `;
      const owner = (ownerKnown ? lead.affiliation : null) ?? possessiveCountryBefore(tokens, from);
      const title = prefix + lead.title;
      if (lead.nameStart === null) {
        this.pendingRole = this.titleIntroduced(from, title, owner, to);
        return null;
      }
      reading.nameFrom = lead.nameStart;
      reading.role = { title: withTimeWord(tokens, from, title), affiliation: owner };
      reading.affiliation = owner;
      reading.votes.person = 3;
      return reading;
    }
    const before = titleBefore(tokens, from, this.spanBefore);
    if (before) {
      if (before.title) reading.role = { title: before.title, affiliation: before.affiliation };
      reading.affiliation = before.affiliation;
      // A possessive country ("Chile's Codelco") says nothing about the type; "his Peruvian counterpart" does.
      // A full name after a country's possessive ("Morocco's Ana Lee Soto") is a person's unless other words say otherwise.
      const possessiveOnly = !before.title && tokens[from - 1]?.possessive === true;
      reading.votes.person = before.title ? 3 : possessiveOnly ? (to - from >= 2 ? 1 : 0) : 2;
    } else if (this.pendingRole && this.pendingRole.after === from && tokens[from].gap === ',') {
      reading.role = this.pendingRole.role;
      reading.affiliation = reading.role.affiliation;
      reading.votes.person = 3;
    }
    if (!reading.role) this.readCapitalTitle(reading, from, to);
    // "pop duo Acme!": a group noun before one word (no "and" after it) names a band, not one of its people.
    if (
      !reading.votes.person &&
      this.afterPersonNoun(from) &&
      GROUP_NOUNS.has(tokens[from - 1].key) &&
      to - from === 1 &&
      tokens[to]?.key !== 'and'
    )
      reading.votes.organisation = (reading.votes.organisation ?? 0) + 2;
    else if (!reading.votes.person && this.afterPersonNoun(from)) reading.votes.person = 2;
    return reading;
  }

  /**
   * "the late Wombler Ana Lee", "Former Ranger Tom Vale": after "late" or "former", a capitalised word before a two- or
   * three-word name is what the person was (a member's noun), not part of the name.
   */
  private readCapitalTitle(reading: SpanReading, from: number, to: number): void {
    const tokens = this.tokens;
    const prev = tokens[from - 1];
    const opensSpan = TIME_WORDS.has(tokens[from].key) && tokens[from].sentenceStart;
    const timeWord = opensSpan
      ? tokens[from].key
      : prev && prev.sentence === tokens[from].sentence && tokens[from].gap === '' && !prev.cap && CAPITAL_TITLE_OPENERS.has(prev.key)
        ? prev.key
        : null;
    const t = opensSpan ? from + 1 : from;
    const rest = tokens.slice(t + 1, to);
    if (!timeWord || rest.length < 2 || rest.length > 3 || reading.nameFrom !== from) return;
    const word = tokens[t];
    const plain = (x: Token): boolean =>
      x.cap && !x.upper && !x.possessive && !COUNTRY_FORMS.has(x.text) && !ORG_WORDS.has(x.text) && !ORG_HEADS.has(x.text);
    if (!plain(word) || ORG_STARTS.has(word.text) || PLACE_PREFIXES.has(word.text) || NAME_ADJECTIVES.has(word.text)) return;
    if (!rest.every((x) => plain(x) && x.gap === '' && !PLACE_HEADS.has(x.text) && !NAME_CONNECTORS.has(x.text))) return;
    reading.role = { title: timeWord === 'late' ? word.text : `${timeWord} ${word.text}`, affiliation: null };
    reading.nameFrom = t + 1;
    reading.votes.person = 3;
  }

  /** "compatriot X", "her sister, X", "American duo X": a noun that only people are, right before the name. */
  private afterPersonNoun(from: number): boolean {
    const prev = this.tokens[from - 1];
    const gap = this.tokens[from].gap;
    return (
      prev !== undefined &&
      prev.sentence === this.tokens[from].sentence &&
      (gap === '' || gap === ',') &&
      !prev.cap &&
      PERSON_NOUNS.has(prev.key)
    );
  }

  /**
   * "Professor Ana Lee of Westmarch University", "Ana Lee of Acme Bank": a person's name, then "of" and the
   * organisation they belong to. Returns where the person's name ends (the span's end when there is no such owner).
   */
  private splitOwnerOf(reading: SpanReading, to: number): number {
    const tokens = this.tokens;
    const from = reading.nameFrom;
    let of = from + 1;
    while (of < to && tokens[of].text !== 'of') of++;
    if (of >= to - 1 || of - from < 2 || of - from > 3) return to;
    const person = tokens.slice(from, of);
    const owner = tokens.slice(of + 1, to);
    const honorific = tokens[from - 1];
    const titled = titles(honorific, tokens[from]);
    const orgOwner = owner.some((t) => ORG_HEADS.has(t.text) || ORG_WORDS.has(t.text));
    // "Ana Lee of Ruritania": a country or a city after a full name is where the person is from.
    const placeOwner = person.length === 2 && COUNTRY_FORMS.has(this.spanText(of + 1, to));
    if (
      !(titled || orgOwner || placeOwner) ||
      ORG_STARTS.has(person[0].text) ||
      PLACE_STARTS.has(person[0].text) ||
      person.some((t) => t.upper || ORG_HEADS.has(t.text) || ORG_WORDS.has(t.text) || PLACE_HEADS.has(t.text) || isTitleToken(t))
    )
      return to;
    const ownerName = this.spanText(of + 1, to);
    this.add(of + 1, to, null, null, orgOwner ? { organisation: 2 } : undefined, false, true);
    // "Professor X of Y": an honorific that is also a title is the role, held at the owner.
    if (titled && !reading.role && ROLE_HEADS.has(honorific.text.toLowerCase()))
      reading.role = { title: honorific.text, affiliation: ownerName };
    reading.affiliation ??= ownerName;
    if (reading.role && !reading.role.affiliation) reading.role = { ...reading.role, affiliation: ownerName };
    reading.votes.person = (reading.votes.person ?? 0) + 2;
    return of;
  }

  /** "the Chilean Foreign Minister, Ana Soto", "The new President, X": a title introduced by a determiner waits for the name. */
  private titleIntroduced(from: number, title: string, owner: string | null, to: number): { role: ActorRole; after: number } | null {
    const tokens = this.tokens;
    let d = from - 1;
    while (d > 0 && TITLE_ADJECTIVES.has(tokens[d].text.toLowerCase())) d--;
    const det = tokens[d];
    // A title opening the sentence introduces the name after the comma too ("Scottish Finance Minister, X, said").
    const introduced =
      (d === from - 1 && tokens[from].sentenceStart) ||
      (det !== undefined &&
        det.sentence === tokens[from].sentence &&
        (det.possessive || ['the', 'his', 'her', 'its', 'their', 'a', 'an'].includes(det.text.toLowerCase())));
    return introduced ? { role: { title: withTimeWord(tokens, from, title), affiliation: owner }, after: to } : null;
  }

  /** "Danish Ana Petrova": a nationality adjective before a two-word name that is no organisation's. */
  private readNationality(reading: SpanReading, to: number): void {
    const tokens = this.tokens;
    const lead = countryAt(tokens, reading.nameFrom, to);
    if (!lead || reading.nameFrom + lead.length >= to) return;
    reading.affiliation = lead.country;
    const rest = tokens.slice(reading.nameFrom + lead.length, to);
    const adjective = COUNTRY_FORMS.get(tokens[reading.nameFrom].text)?.kind === 'adjective';
    if (
      adjective &&
      rest.length >= 2 &&
      rest.length <= 3 &&
      !rest.some((t) => ORG_WORDS.has(t.text) || ORG_HEADS.has(t.text) || PLACE_HEADS.has(t.text) || t.upper)
    ) {
      this.add(reading.nameFrom, reading.nameFrom + lead.length, null, null);
      reading.nameFrom += lead.length;
      reading.votes.person = (reading.votes.person ?? 0) + 1;
    }
  }

  /** The acronym the span defines in parentheses right after it ("Philip Roth (US)" names a country, not an acronym). */
  private definedAcronym(nameFrom: number, to: number): string | null {
    const acronymTok = this.tokens[to];
    const closing = this.tokens[to + 1];
    const defines =
      acronymTok !== undefined &&
      acronymTok.gap === '(' &&
      acronymTok.upper &&
      ACRONYM_RE.test(acronymTok.text) &&
      !COUNTRY_FORMS.has(acronymTok.text) &&
      !isFunctionWord(acronymTok);
    if (!defines || nameFrom >= to) return null;
    return !closing || closing.gap.startsWith(')') || closing.sentence !== acronymTok.sentence ? acronymTok.text : null;
  }

  /**
   * "By Ana Lee, Business reporter", "Credit Ana Lee": a name in a byline or credit is a person's (a full name, no
   * company word); the words after a comma or bar that end in a title are the role.
   */
  private readByline(reading: SpanReading, to: number, end: number): void {
    const tokens = this.tokens;
    const name = tokens.slice(reading.nameFrom, to);
    if (name.length < 2 || name.length > 3 || name.some((t) => t.upper || ORG_WORDS.has(t.text) || ORG_HEADS.has(t.text))) return;
    reading.votes.person = (reading.votes.person ?? 0) + 3;
    const rest = tokens.slice(to, end);
    if (reading.role || rest.length === 0 || rest.length > 6 || !/^[,|\u2013\u2014-]/.test(rest[0].gap)) return;
    if (rest.slice(1).some((t) => t.gap !== '') || !isHeadToken(rest[rest.length - 1])) return;
    reading.role = { title: this.spanText(to, end), affiliation: null };
  }

  /** ", the federation's general secretary", ", an analyst at X": an apposition after a person's name. */
  private readApposition(reading: SpanReading, nameTo: number): void {
    const after = titleAfter(this.tokens, nameTo, this.spanAt);
    if (!after || !isPersonLike(this.tokens, reading.nameFrom, nameTo)) return;
    if (after.title) reading.role = { title: after.title, affiliation: after.affiliation };
    reading.affiliation = after.affiliation;
    reading.votes.person = 2;
  }

  /**
   * Nicknames in quote marks: `Ana "The Anvil" Lee`, `Ana Lee, known as "The Anvil",` (also nicknamed, dubbed,
   * or in parentheses). The nickname becomes an alias of the person; one pass over the tokens.
   */
  linkNicknames(): void {
    const tokens = this.tokens;
    for (let q = 1; q < tokens.length; q++) {
      if (!OPENING_QUOTE_RE.test(tokens[q].gap) || !tokens[q].cap) continue;
      let last = q;
      while (last + 1 < tokens.length && last - q < 3 && tokens[last + 1].gap === '' && tokens[last + 1].cap) last++;
      const after = tokens[last + 1];
      if (!after || after.sentence !== tokens[q].sentence || !CLOSING_QUOTE_RE.test(after.gap)) continue;
      const nick = this.text.slice(tokens[q].start, tokens[last].end);
      const person = this.nicknamed(q, last);
      if (!person || nameKey(nick) === person.key) continue;
      const key = nameKey(nick);
      const c = this.candidates.get(key) ?? this.newCandidate(nick, key, last + 1 - q, q);
      c.aliasOf = person.key;
      c.weak = false;
      person.votes.person += 3;
    }
  }

  /**
   * `Mary Quill, née Brent`: the name before `née` and the first name with the maiden surname are one person; the
   * one written later joins the one written first. One pass over the tokens.
   */
  linkMaidenNames(): void {
    const tokens = this.tokens;
    for (let i = 2; i + 1 < tokens.length; i++) {
      const maiden = tokens[i + 1];
      if (!/^n[e\u00e9]e$/.test(tokens[i].key) || !tokens[i].gap.startsWith(',') || !maiden.cap || maiden.gap !== '') continue;
      const span = this.spanEndAt.get(i - 1);
      if (!span || span[1] - span[0] < 2) continue;
      const married = this.candidates.get(nameKey(this.spanText(span[0], span[1])));
      const other = this.candidates.get(nameKey(`${tokens[span[0]].text} ${maiden.text}`));
      if (!married || !other || other === married || married.aliasOf || other.aliasOf) continue;
      const [early, late] = other.first <= married.first ? [other, married] : [married, other];
      late.aliasOf = early.key;
      early.votes.person += 3;
    }
  }

  /** The person a quoted nickname [q, last] belongs to, by the words around it. */
  private nicknamed(q: number, last: number): Candidate | null {
    const tokens = this.tokens;
    const prev = tokens[q - 1];
    const after = tokens[last + 1];
    // `Ana "The Anvil" Lee`: a first name before, the surname right after the closing mark.
    const surname = this.spanAt(last + 1);
    if (prev.cap && tokens[q].gap.length === 1 && after.gap.length === 1 && surname && this.spanEndAt.has(q - 1)) {
      const first = this.spanEndAt.get(q - 1);
      if (first && first[1] - first[0] === 1) {
        const name = `${prev.text} ${surname.name}`;
        const key = nameKey(name);
        return this.candidates.get(key) ?? this.newCandidate(name, key, 1 + surname.to - (last + 1), q - 1);
      }
    }
    // `Ana Lee ("The Anvil")`, `Ana Lee, known as "The Anvil"`, `Ana Lee, nicknamed "The Anvil"`.
    let end = q - 1;
    if (!tokens[q].gap.startsWith('(')) {
      if (prev.key === 'as' && tokens[q - 2]?.key === 'known') end = q - 3;
      else if (NICKNAME_VERBS.has(prev.key)) end = q - 2;
      else return null;
      if (end + 1 < tokens.length && tokens[end + 1].gap !== ',') return null;
    }
    const span = this.spanEndAt.get(end);
    return span ? (this.candidates.get(nameKey(this.spanText(span[0], span[1]))) ?? null) : null;
  }

  private newCandidate(name: string, key: string, words: number, first: number): Candidate {
    const c: Candidate = {
      name,
      key,
      words,
      votes: newVotes(),
      roles: [],
      affiliation: null,
      acronym: null,
      weak: false,
      first,
      guessed: 0,
    };
    this.candidates.set(key, c);
    return c;
  }

  /** A name given as someone's employer or party ("an analyst at X") is an organisation. */
  voteEmployers(): void {
    for (const c of this.candidates.values()) {
      for (const r of c.roles) {
        const owner = r.affiliation ? this.candidates.get(nameKey(r.affiliation)) : undefined;
        if (owner) owner.votes.organisation += 2;
      }
    }
  }
}

/** A candidate the text shows to be a person: person votes beyond the default, and more of them than for any other type. */
function isShownPerson(c: Candidate): boolean {
  const v = c.votes;
  return v.person - c.guessed > 0 && v.person >= Math.max(v.organisation, v.place, v.country);
}

/** "former", "acting", "deputy" written before a capitalised title belong to it ("the former Prime Minister, X"). */
function withTimeWord(tokens: readonly Token[], from: number, title: string): string {
  const prev = tokens[from - 1];
  if (!prev || prev.sentence !== tokens[from].sentence || tokens[from].gap !== '' || prev.cap) return title;
  return TIME_WORDS.has(prev.text.toLowerCase()) ? `${prev.text} ${title}` : title;
}

/** Finds the people, organisations, countries and places of one document, with every mention in document order. */
export function extractActors(doc: SourceDocument): DocumentActors {
  const scan = new ActorScan(doc);
  const found = scan.spans.map(([from, to]) => scan.scanSpan(from, to));
  scan.voteLists(found);
  scan.linkNicknames();
  scan.linkMaidenNames();
  scan.voteEmployers();
  return { actors: buildActors(scan.tokens, scan.candidates.values()) };
}

/** Words opening a byline or a picture credit, before the name. */
const BYLINE_WORDS = new Set(['By', 'BY', 'Credit', 'Credits', 'Photo', 'Photograph', 'Picture']);

/** The end of a byline's names: its first token after a comma, bar, slash or dash. */
function bylineNamesEnd(tokens: readonly Token[], from: number, e: number): number {
  for (let k = from + 1; k < e; k++) if (/^[,|/(\u2013\u2014-]/.test(tokens[k].gap)) return k;
  return e;
}

/** Where the names of a byline or credit sentence [s, e) begin ("By Ana Lee", "Reporting by Ana Lee"), or -1. */
function bylineStart(tokens: readonly Token[], s: number, e: number): number {
  const first = tokens[s];
  if (BYLINE_WORDS.has(first.text)) return s + 1 < e ? s + 1 : -1;
  // `— Ana Lee (@analee) March 3, 2018`: the signature of an embedded post, a name and its handle.
  const handle = tokens.slice(s + 2, Math.min(e, s + 4)).findIndex((t) => t.gap === '(@');
  if (!first.body && /^[\u2013\u2014]$/.test(first.gap) && handle >= 0 && tokens.slice(s, s + 2 + handle).every((t) => t.cap)) return s;
  // `Ana Lee/Acme`: a picture credit line of its own, two or three capitalised words, a slash, the agency.
  const slash = tokens.slice(s + 2, Math.min(e, s + 4)).findIndex((t) => t.gap === '/');
  if (
    !first.body &&
    slash >= 0 &&
    e - s <= 6 &&
    tokens.slice(s, e).every((t, k) => (t.cap || t.upper) && (k === slash + 2 || t.gap === ''))
  )
    return s;
  const by = tokens[s + 1];
  return by && s + 2 < e && by.key === 'by' && by.gap === '' && first.cap && /^(?:written|reporting|words|report)$/.test(first.key)
    ? s + 2
    : -1;
}

/** "Peru's President X": the country whose possessive stands just before a span. */
function possessiveCountryBefore(tokens: readonly Token[], from: number): string | null {
  const prev = tokens[from - 1];
  if (!prev || !prev.possessive || tokens[from].gap !== '' || prev.sentence !== tokens[from].sentence) return null;
  const entry = COUNTRY_FORMS.get(prev.text);
  return entry && entry.kind !== 'capital' ? entry.country : null;
}

/** Verbs and conjunctions after a word ending like an adjective that show it is a name ("Acmeli have …"). */
const ADJECTIVE_BLOCKERS = new Set('is was has had have are were will would can could should may might must does did and or'.split(' '));

function isAdjectiveUse(tokens: readonly Token[], i: number): boolean {
  const next = tokens[i + 1];
  if (!next || next.sentence !== tokens[i].sentence || next.gap !== '' || next.cap || next.upper) return false;
  const w = next.text.toLowerCase();
  if (ORG_NOUNS.has(w)) return false;
  return !COMMON_WORDS.has(w) && !SPEECH_VERBS.has(w) && !/ed$/.test(w) && !ADJECTIVE_BLOCKERS.has(w);
}

function isPersonLike(tokens: readonly Token[], from: number, to: number): boolean {
  const words = to - from;
  return words >= 1 && words <= 4 && !ORG_HEADS.has(tokens[to - 1].text) && !COUNTRY_FORMS.has(spanOfText(tokens, from, to));
}

function spanOfText(tokens: readonly Token[], from: number, to: number): string {
  return tokens
    .slice(from, to)
    .map((t) => t.text)
    .join(' ');
}

/** Start of the shortest suffix of the span whose initials spell the acronym ("Free Coastal Army (FCA)"), else the span's start. */
function matchAcronym(tokens: readonly Token[], from: number, to: number, acronym: string): number {
  const letters = acronym.replace(/[^\p{L}]/gu, '').toUpperCase();
  let initials = '';
  for (let i = to - 1; i >= from; i--) {
    const t = tokens[i];
    if (NAME_CONNECTORS.has(t.text) || t.text === 'and') continue;
    initials = (t.text.replace(PARTICLE_PREFIX_RE, '')[0] ?? '').toUpperCase() + initials;
    if (initials === letters) return i;
    if (initials.length > letters.length) break;
  }
  return from;
}
