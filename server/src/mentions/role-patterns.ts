/**
 * Roles around a name: a title before it ("Foreign Minister X", "Chilean president X",
 * "Justice Department spokesperson X", "his Peruvian counterpart X") or an apposition after it
 * ("X, president of the think tank Y", "X, the federation's general secretary").
 */
import type { Token } from './actor-tokens';
import { STOPWORDS } from '../text/tokenize';
import { isAgentNoun } from './speech-words';
import { COUNTRY_FORMS } from './countries';
import { COMMON_WORDS, HONORIFICS, ORG_HEADS, ORG_WORDS, RELATION_WORDS, ROLE_HEADS, ROLE_MODIFIERS } from './name-lexicon';

/** A title found next to a name. */
export interface FoundRole {
  /** The title as written, e.g. "Foreign Minister"; null when only an affiliation was found. */
  title: string | null;
  /** Country (canonical) or organisation named with the title. */
  affiliation: string | null;
  /** Token index range of the title and affiliation, so they are not taken for names. */
  from: number;
  to: number;
}

const lower = (t: Token): string => t.text.toLowerCase();
/** Title words that may start a sentence in capitals and still belong to the title ("Shadow home secretary X"). */
const TITLE_STARTERS = new Set(['shadow', 'former', 'acting', 'deputy', 'interim', 'senior', 'junior', 'chief', 'vice', 'assistant']);

/** "ex-president", "former-minister" count as the title they name. */
const bare = (t: Token): string => lower(t).replace(/^(?:ex|former)[-\u2010\u2011]/, '');
const isHead = (t: Token): boolean => ROLE_HEADS.has(bare(t));
const isTitleWord = (t: Token): boolean => ROLE_HEADS.has(bare(t)) || ROLE_MODIFIERS.has(bare(t));

/** The country a token (or a token followed by the next) names, e.g. "Peruvian" → Peru. */
export function countryAt(tokens: readonly Token[], i: number, end = tokens.length): { country: string; length: number } | null {
  const a = tokens[i];
  if (!a || !(a.cap || a.upper)) return null;
  const b = tokens[i + 1];
  if (b && i + 1 < end && b.gap === '' && b.sentence === a.sentence && !a.possessive) {
    const two = COUNTRY_FORMS.get(`${a.text} ${b.text}`);
    if (two && two.kind !== 'capital') return { country: two.country, length: 2 };
  }
  const one = COUNTRY_FORMS.get(a.text);
  return one && one.kind !== 'capital' ? { country: one.country, length: 1 } : null;
}

/** Heads that are also common surnames: alone at the end of a span they are read as a name ("Stephen King"). */
const SURNAME_LIKE_HEADS = new Set([
  'king',
  'queen',
  'prince',
  'major',
  'bishop',
  'judge',
  'marshal',
  'speaker',
  'cardinal',
  'pope',
  'chair',
  'general',
  'head',
  'chief',
  'member',
  'partner',
  'official',
]);

/** `Norway international X`: a player capped by a country (the noun only after the country's name). */
function capped(tokens: readonly Token[], i: number): boolean {
  if (lower(tokens[i]) !== 'international') return false;
  const one = countryAt(tokens, i - 1);
  const two = i > 1 ? countryAt(tokens, i - 2) : null;
  return (one !== null && one.length === 1) || (two !== null && two.length === 2);
}

/** A title inside a capitalised span: [affiliation] title [name]. */
export interface LeadingTitle {
  title: string;
  affiliation: string | null;
  /** Tokens [from, affTo) are the affiliation ("US", "Bank of England", "Acme"). */
  affTo: number;
  /** First token of the name after the title, or null when the span is only a title. */
  nameStart: number | null;
}

/**
 * A title in a capitalised span [from, to): [country or organisation] modifiers* head [of modifiers+] [name].
 * "Foreign Minister X", "US Secretary of State X", "Bank of England Governor X", "Prime Minister".
 */
export function leadingTitle(tokens: readonly Token[], from: number, to: number): LeadingTitle | null {
  let p = from;
  while (p < to && !(isTitleWord(tokens[p]) && (tokens[p].cap || tokens[p].upper))) {
    if (tokens[p].possessive && p > from) return null;
    p++;
  }
  if (p >= to || p - from > 4) return null;
  // "Association of Chief Police Officers": title words right after "of" name the body's domain, not a title.
  if (p > from && lower(tokens[p - 1]) === 'of') return null;
  let i = p;
  let lastHead = -1;
  for (;;) {
    while (i < to) {
      const t = tokens[i];
      if (isTitleWord(t) && (t.cap || t.upper)) {
        if (isHead(t)) lastHead = i;
        i++;
        if (t.possessive) break;
      } else if (lower(t) === 'of' && i + 1 < to && isTitleWord(tokens[i + 1])) {
        i++;
      } else break;
    }
    // "Trade Bureau Minister X": a modifier that opens an owner's name ("Trade") is no title; look for one after it.
    if (lastHead >= 0 || i >= to) break;
    let next = i + 1;
    while (next < to && !(isTitleWord(tokens[next]) && (tokens[next].cap || tokens[next].upper))) next++;
    if (next >= to || next - from > 4 || tokens.slice(p, next).some((t) => t.possessive)) break;
    p = next;
    i = next;
  }
  if (lastHead < 0) return null;
  // "The Minister of Works, Ada Eze": "of"/"for" and capitalised words closing the span before a comma name the office.
  if (i < to && ['of', 'for'].includes(lower(tokens[i])) && officeEndsSpan(tokens, i + 1, to)) i = to;
  const nameStart = i < to ? i : null;
  // "General Motors", "Foreign Office": what follows is an organisation, not a person with a title.
  // "Inspector Ana Lee of Westshire Police": an organisation after "of" is the person's employer.
  if (nameStart !== null && ORG_HEADS.has(tokens[to - 1].text) && !ownerAfterOf(tokens, nameStart, to)) return null;
  if (nameStart === null && p > from && i - p === 1 && SURNAME_LIKE_HEADS.has(lower(tokens[p]))) return null;
  let affiliation: string | null = null;
  if (p > from) {
    const c = countryAt(tokens, from, p);
    affiliation =
      c && c.length === p - from
        ? c.country
        : tokens
            .slice(from, p)
            .map((t) => t.text)
            .join(' ');
  }
  const title = tokens
    .slice(p, i)
    .map((t) => t.text)
    .join(' ');
  return { title, affiliation, affTo: p, nameStart };
}

/**
 * The capitalised span ending at token `i` when it names an owner. `Fund manager X`: one ordinary organisation
 * noun capitalised only because it opens the sentence names no owner; it is the title's field.
 */
function ownerSpanBefore(
  tokens: readonly Token[],
  i: number,
  spanBefore: (endIndex: number) => { from: number; name: string } | null,
): { from: number; name: string } | null {
  const span = spanBefore(i);
  if (span && span.from === i && tokens[i].sentenceStart && ORG_WORDS.has(tokens[i].text)) return null;
  return span;
}

/** True when [from, to) are capitalised words (and connectors) that end the span: the office's domain, not a name. */
function officeEndsSpan(tokens: readonly Token[], from: number, to: number): boolean {
  if (from >= to) return false;
  for (let k = from; k < to; k++)
    if (!(tokens[k].cap || tokens[k].upper || lower(tokens[k]) === 'and' || lower(tokens[k]) === 'of')) return false;
  return true;
}

/** Family words that introduce a person as someone's relative. Lower-case. */
const KIN_WORDS = new Set(
  'mother father wife husband son daughter sister brother partner widow widower uncle aunt cousin grandson granddaughter grandfather grandmother fiance fiancee nephew niece stepfather stepmother girlfriend boyfriend'.split(
    ' ',
  ),
);
const POSSESSIVE_DETERMINERS = new Set(['his', 'her', 'their', 'its', 'my', 'our', 'your']);
/** Participles between "who was" and a title ("who was appointed chief executive"). Lower-case. */
const APPOINTED = new Set(['appointed', 'named', 'elected', 'made', 'promoted', 'installed', 'hired']);
/** Adverbs between the comma and an apposed title ("X, now chairman of Y"). Lower-case. */
const TITLE_ADVERBS = new Set(['now', 'currently', 'also', 'still', 'then', 'later', 'formerly', 'once']);
/** Verbs that state a title after a name ("X is chief executive of Y"). Lower-case. */
const COPULAS = new Set(['is', 'was', 'became', 'becomes', 'remains']);
const APPOSITION_OPENERS = new Set([',', '\u2013', '\u2014']);

/** Time words kept in a title before its capitalised part ("former Green MP", "former US president"). */
const KEPT_TIME_WORDS = new Set(['former', 'acting', 'interim', 'outgoing']);

/** Capitalised words that give a title its scope, never its owner ("World champion", "Olympic champion"). */
const TITLE_SCOPES = new Set(['World', 'Olympic', 'Paralympic', 'Commonwealth', 'Paralympics']);

/** Articles and possessive determiners that introduce a title ("the", "a", "his"). */
const INTRODUCERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their']);

/**
 * A lower-case title just before a name (within the sentence): "Chilean president", "Justice Department
 * spokesperson", "Peruvian counterpart". `spanBefore` gives the capitalised span that ends at a token, if any.
 */
export function titleBefore(
  tokens: readonly Token[],
  nameStart: number,
  spanBefore: (endIndex: number) => { from: number; name: string } | null,
): FoundRole | null {
  const first = tokens[nameStart];
  let i = nameStart - 1;
  // `a meteorologist named X`, `a graduate student named X`: a title introduced by an article, then `named`.
  const named = tokens[i];
  if (named && /^(?:named|called)$/.test(named.text) && first.gap === '' && named.gap === '' && named.sentence === first.sentence) {
    const r = titleBefore(tokens, i, spanBefore);
    const article = r ? tokens[r.from - 1] : undefined;
    return r?.title && article && /^(?:a|an|the)$/i.test(article.text) && article.sentence === first.sentence
      ? { ...r, to: nameStart }
      : null;
  }
  // "its chairman, Sir John Doe": look past an honorific.
  // `lead author Dr. Ana Lee`: an abbreviated honorific keeps its full stop.
  const abbreviated = first.gap === '.' && HONORIFICS.has(`${tokens[i]?.text ?? ''}.`);
  if (i > 0 && HONORIFICS.has(tokens[i].text) && (first.gap === '' || abbreviated)) {
    return titleBefore(tokens, i, spanBefore);
  }
  const prev = tokens[i];
  if (prev && prev.possessive && first.gap === '' && prev.sentence === first.sentence) {
    const c = countryAt(tokens, i);
    if (c) return { title: null, affiliation: c.country, from: i, to: nameStart };
  }
  // An apposition "the Chilean Foreign Minister, X" is handled by the caller; here only adjacent words.
  if ((first.gap !== '' && first.gap !== ',') || i < 0 || tokens[i].sentence !== first.sentence) return null;
  const head = tokens[i];
  // `Green MP X`: an upper-case head works like a lower-case one.
  // `her mother, Ana`, `his wife Ana`: a family word after a possessive is how the text introduces the person.
  const kinOwner = tokens[i - 1];
  if (
    !head.cap &&
    KIN_WORDS.has(lower(head)) &&
    kinOwner?.sentence === first.sentence &&
    head.gap === '' &&
    (kinOwner.possessive || POSSESSIVE_DETERMINERS.has(lower(kinOwner)))
  )
    return { title: head.text, affiliation: null, from: i, to: nameStart };
  // `the governor's office chief of staff X`: the office is `chief of staff`.
  // `the company's vice president of product, X`: a head, `of` and one lower-case field word, before an apposed name.
  const headOfField =
    first.gap === ',' &&
    !head.cap &&
    /^\p{Ll}+$/u.test(head.text) &&
    !STOPWORDS.has(head.text) &&
    lower(tokens[i - 1] ?? head) === 'of' &&
    tokens[i - 2] !== undefined &&
    !tokens[i - 2].cap &&
    isHead(tokens[i - 2]) &&
    tokens[i - 1].gap === '' &&
    head.gap === '';
  const chiefOf =
    headOfField || (lower(head) === 'staff' && lower(tokens[i - 1] ?? head) === 'of' && lower(tokens[i - 2] ?? head) === 'chief');
  if ((head.cap && !head.upper) || !(isHead(head) || chiefOf || RELATION_WORDS.has(lower(head)) || capped(tokens, i))) return null;
  const relation = RELATION_WORDS.has(lower(head));
  if (relation && first.gap !== '') return null;
  if (chiefOf) i -= 2;
  let from = i;
  i--;
  // Lower-case title words, or a capitalised one that only starts the sentence ("Shadow home secretary X").
  while (
    i >= 0 &&
    tokens[i].sentence === first.sentence &&
    tokens[i + 1].gap === '' &&
    (!tokens[i].cap || (tokens[i].sentenceStart && (TITLE_STARTERS.has(lower(tokens[i])) || isHead(tokens[i])))) &&
    (isTitleWord(tokens[i]) ||
      (lower(tokens[i]) === 'and' &&
        !relation &&
        i > 0 &&
        isHead(tokens[i - 1]) &&
        // `Screenwriter and producer X`: a head capitalised only because it opens the sentence.
        (!tokens[i - 1].cap || (tokens[i - 1].sentenceStart && !tokens[i - 1].upper))))
  ) {
    // `co-founder and CEO X`: two titles joined by "and" are one.
    from = i;
    i--;
  }
  // `european junior champion X`: up to two plain lower-case words describing the head belong to the title.
  for (
    let n = 0;
    n < 2 &&
    !relation &&
    i >= 0 &&
    tokens[i].sentence === first.sentence &&
    tokens[i + 1].gap === '' &&
    !tokens[i].cap &&
    !tokens[i].upper &&
    !tokens[i].possessive &&
    /^\p{Ll}+$/u.test(tokens[i].text) &&
    !STOPWORDS.has(tokens[i].text) &&
    !/(?:ed|ing|ly)$/.test(tokens[i].text);
    n++
  ) {
    from = i;
    i--;
  }
  // `Green MP X`, `a Republican senator, X`: a capitalised party word right before the head (an upper-case head, or
  // after an article) is part of the title, unless it names an owner the text uses on its own.
  if (
    (head.upper ||
      (i >= 0 &&
        (i === 0 ||
          !(tokens[i - 1].cap || tokens[i - 1].upper) ||
          tokens[i].sentenceStart ||
          (tokens[i - 1].sentenceStart && COMMON_WORDS.has(lower(tokens[i - 1])))) &&
        !COMMON_WORDS.has(lower(tokens[i])) &&
        !ownerSpanBefore(tokens, i, spanBefore))) &&
    i >= 0 &&
    tokens[i].sentence === first.sentence &&
    tokens[i + 1].gap === '' &&
    tokens[i].cap &&
    !tokens[i].upper &&
    !tokens[i].possessive &&
    !countryAt(tokens, i)
  ) {
    from = i;
    i--;
  }
  // `World indoor champion X`, `reigning Olympic champion X`: a competition's scope is part of the title, no owner.
  while (
    !relation &&
    i >= 0 &&
    tokens[i].sentence === first.sentence &&
    tokens[i + 1].gap === '' &&
    TITLE_SCOPES.has(tokens[i].text) &&
    from > i
  ) {
    from = i;
    i--;
  }
  // `former Green MP X`: a time word before a capitalised title word is kept.
  if (
    !relation &&
    i >= 0 &&
    tokens[i].sentence === first.sentence &&
    tokens[i + 1].gap === '' &&
    (!tokens[i].cap || tokens[i].sentenceStart) &&
    KEPT_TIME_WORDS.has(lower(tokens[i]))
  ) {
    from = i;
    i--;
  }
  let title = relation
    ? null
    : tokens
        .slice(from, nameStart)
        .map((t) => t.text)
        .join(' ');
  let affiliation: string | null = null;
  if (i >= 0 && tokens[i].sentence === first.sentence && tokens[i + 1].gap === '' && (tokens[i].cap || tokens[i].upper)) {
    const c = countryAt(tokens, i) ?? (i > 0 ? countryAt(tokens, i - 1) : null);
    const byOwner = c && title ? countryInOwnersTitle(tokens, countryAt(tokens, i) ? i : i - 1, spanBefore) : null;
    if (byOwner && title) {
      // `Acme Weekly's US editor X`: the owner's possessive names the employer; the country stays in the title.
      title = `${tokens
        .slice(byOwner.countryFrom, from)
        .map((t) => t.text)
        .join(' ')} ${title}`;
      affiliation = byOwner.owner;
      from = byOwner.from;
    } else if (c && (c.length === 1 || i > 0)) {
      affiliation = c.country;
      // `former Chilean president X`: the time word and the country as written stay in the title.
      const cFrom = countryAt(tokens, i) ? i : i - 1;
      const time = tokens[cFrom - 1];
      if (
        title &&
        time &&
        time.sentence === first.sentence &&
        tokens[cFrom].gap === '' &&
        (!time.cap || time.sentenceStart) &&
        KEPT_TIME_WORDS.has(lower(time))
      ) {
        title = `${tokens
          .slice(cFrom - 1, from)
          .map((t) => t.text)
          .join(' ')} ${title}`;
        from = cFrom - 1;
      }
    } else {
      const span = spanBefore(i);
      if (span) {
        affiliation = span.name;
        from = span.from;
      }
    }
  }
  // `World 400m champion X`, `Triple world champion X`: descriptive words opening the sentence belong to the title.
  if (title && !affiliation) {
    let k = from - 1;
    while (
      k >= 0 &&
      from - k <= 3 &&
      tokens[k].sentence === first.sentence &&
      tokens[k + 1].gap === '' &&
      !tokens[k].possessive &&
      !tokens[k].sentenceStart &&
      (tokens[k].cap || /\d/.test(tokens[k].text))
    )
      k--;
    if (
      k >= 0 &&
      tokens[k].sentenceStart &&
      tokens[k].sentence === first.sentence &&
      tokens[k + 1].gap === '' &&
      from - k <= 3 &&
      !countryAt(tokens, k) &&
      !/^(?:the|a|an)$/i.test(tokens[k].text) &&
      !(k === from - 1 && COMMON_WORDS.has(lower(tokens[k])))
    ) {
      from = k;
      title = tokens
        .slice(from, nameStart)
        .map((t) => t.text)
        .join(' ');
    }
  }
  if (!title && !affiliation) return null;
  // "the Chilean intelligence chief, X": after a comma, only a title introduced as such is an apposition.
  const introducer = (t: Token | undefined): boolean => t !== undefined && INTRODUCERS.has(lower(t));
  // `The Acme finance spokesman, X`: an owner's name between the article and the title.
  const owner = tokens[from - 1];
  if (
    first.gap === ',' &&
    !affiliation &&
    owner?.cap &&
    !owner.upper &&
    introducer(tokens[from - 2]) &&
    owner.sentence === first.sentence
  ) {
    affiliation = owner.text;
    from--;
  }
  // `the charity's country director, X`: a common noun's possessive between the article and the title.
  if (
    first.gap === ',' &&
    !affiliation &&
    owner?.possessive &&
    !owner.cap &&
    introducer(tokens[from - 2]) &&
    owner.sentence === first.sentence
  )
    from--;
  // `European junior champion, X, …`: a title opening the sentence introduces the apposed name.
  if (first.gap === ',' && !affiliation && !introducer(tokens[from - 1] ?? head) && !tokens[from].sentenceStart) return null;
  return { title, affiliation, from, to: nameStart };
}

/**
 * An apposition after a name: ", [the|a|his|its|X's] modifiers* head [of|at [the] … Capitalised]".
 * `spanAt` gives the capitalised span starting at a token, if any.
 */
export function titleAfter(
  tokens: readonly Token[],
  nameEnd: number,
  spanAt: (index: number) => { to: number; name: string } | null,
): FoundRole | null {
  let i = nameEnd;
  const open = tokens[i];
  const sentence = tokens[nameEnd - 1].sentence;
  if (!open || open.sentence !== sentence) return null;
  // `X is the club's manager`, `X was appointed chief executive`: a copula says the title too.
  // `Acme appointed Mr X as its chief executive`: the verb before the name, `as` and the title after it.
  const appointedAs = open.gap === '' && lower(open) === 'as' && appointedBefore(tokens, nameEnd);
  const copula = appointedAs || (open.gap === '' && COPULAS.has(lower(open)) && !tokens[nameEnd - 1].upper);
  // `X, the …` or `X – the …`: a comma or a dash opens the apposition.
  if (!copula && !APPOSITION_OPENERS.has(open.gap)) return null;
  if (appointedAs) i++;
  else if (copula) {
    i++;
    if (tokens[i] && lower(tokens[i]) === 'been') i++;
    if (tokens[i] && APPOINTED.has(lower(tokens[i]))) i++;
    if (tokens[i] && lower(tokens[i]) === 'as') i++;
    if (!tokens[i] || tokens[i].sentence !== sentence || tokens[i].gap !== '') return null;
  }
  let affiliation: string | null = null;
  // `X, 45, a teacher from …`: an age between the name and the apposition.
  if (/^\d{1,3}$/.test(open.text) && tokens[i + 1]?.gap === ',' && tokens[i + 1].sentence === sentence) i++;
  // ", who is chairman of …", ", who was …"
  if (lower(tokens[i]) === 'who' && tokens[i + 1] && ['is', 'was', 'has', 'had'].includes(lower(tokens[i + 1]))) {
    i += 2;
    if (tokens[i] && lower(tokens[i]) === 'been') i++;
    // ", who was appointed chief executive in 2010", ", who was named as …"
    if (tokens[i] && APPOINTED.has(lower(tokens[i]))) i++;
    if (tokens[i] && lower(tokens[i]) === 'as') i++;
  } else if (lower(tokens[i]) === 'who' && whoVerbAs(tokens, i + 1, sentence) > 0) {
    // ", who serves as finance minister", ", who works as a nurse", ", who follows Acme as an analyst at …"
    i = whoVerbAs(tokens, i + 1, sentence);
  }
  // ", now chairman of …", ", currently head of …": a time adverb before the title; "formerly" keeps "former".
  let formerly = false;
  if (tokens[i] && tokens[i].sentence === sentence && TITLE_ADVERBS.has(lower(tokens[i]))) {
    formerly = lower(tokens[i]) === 'formerly';
    i++;
  }
  const det = lower(tokens[i] ?? open);
  let hadArticle = ['the', 'a', 'an', 'his', 'her', 'its', 'their'].includes(det);
  if (hadArticle) i++;
  const poss = tokens[i];
  if (poss && poss.possessive && (poss.gap === '' || i === nameEnd) && poss.sentence === sentence && !isHead(poss)) {
    const c = countryAt(tokens, i);
    affiliation = c ? c.country : poss.cap ? poss.text : null;
    // ", Norway's oil minister,": a possessive introduces the title as an article does.
    hadArticle = true;
    i++;
  }
  // ", Acme chief economist,": an owner the text names, then a lower-case title closed by a comma or the sentence.
  const owner = !hadArticle && !affiliation && !copula ? ownerBeforeTitle(tokens, i, spanAt) : null;
  if (owner) {
    affiliation = owner.name;
    i = owner.to;
  }
  // ", US chief economist at …": a country before the title.
  const c0 = !affiliation ? countryAt(tokens, i) : null;
  let countryOnly = false;
  if (c0 && tokens[i + c0.length] && !tokens[i + c0.length].cap) {
    affiliation = c0.country;
    countryOnly = true;
    i += c0.length;
  }
  // `X, a 28-year-old nurse,`: the age describes the person, not the title.
  if (hadArticle && tokens[i]?.sentence === sentence && /^\d{1,3}-year-old$/.test(tokens[i].text) && tokens[i + 1]?.gap === '') i++;
  const titleStart = i;
  let lastHead = -1;
  let unknown = 0;
  // With no article, ordinary words may open the title only when its head names an employer after it.
  const employed = !hadArticle && headBeforeEmployer(tokens, titleStart, sentence);
  while (i < tokens.length && tokens[i].sentence === sentence && (i === titleStart || tokens[i].gap === '')) {
    const t = tokens[i];
    if (isTitleWord(t)) {
      if (isHead(t)) lastHead = i;
    } else if (lastHead === i - 1 && lower(t) === 'and' && tokens[i + 1] && tokens[i + 1].gap === '' && isTitleWord(tokens[i + 1])) {
      // ", founder and chief executive of …": two titles joined by "and" are one.
    } else if (
      lastHead < 0 &&
      !t.cap &&
      !t.upper &&
      unknown < (employed ? 3 : 2) &&
      /^\p{Ll}+$/u.test(t.text) &&
      (hadArticle || (i > titleStart && isTitleWord(tokens[titleStart]) && !STOPWORDS.has(t.text)) || employed)
    ) {
      // ", a bond strategist at …", ", senior market strategist at …": up to two ordinary words before the head,
      // after an article or a title word.
      unknown++;
    } else if (employed && lastHead < 0 && i > titleStart && lower(t) === 'and' && unknown < 3) {
      // ", standards and policy liaison for Acme": two fields joined by "and" before the head.
      unknown++;
    } else if (lastHead < 0 && t.cap && !t.possessive && unknown < 2 && hadArticle && !countryAt(tokens, i)) {
      // ", a Republican senator from …": a capitalised party or field word before the head.
      unknown++;
    } else if (lastHead < 0 && i > titleStart && !affiliation && countryAt(tokens, i)) {
      // ", the former England captain,": a country inside the title is its affiliation and stays in the title.
      const c = countryAt(tokens, i);
      affiliation = c?.country ?? null;
      countryOnly = true;
      i += (c?.length ?? 1) - 1;
    } else break;
    i++;
  }
  // ", a librarian who …", ", a retired welder,": after an article, a word naming what someone does closes the title.
  if (lastHead < 0 && hadArticle) {
    for (let k = titleStart; k < i && k < titleStart + 3; k++)
      if (!tokens[k].cap && isAgentNoun(lower(tokens[k])) && closesApposition(tokens, k + 1, sentence)) {
        lastHead = k;
        i = k + 1;
        break;
      }
  }
  if (lastHead < 0) return null;
  // ", former Green MP Ana Lee": the title introduces the next name, not this one.
  const following = tokens[lastHead + 1];
  if (
    following &&
    following.sentence === sentence &&
    following.gap === '' &&
    (following.cap || following.upper) &&
    !['of', 'at', 'for'].includes(lower(following))
  )
    return null;
  // ", the Minister of Works,": a capitalised office keeps its domain in the title.
  let titleEnd = lastHead + 1;
  if (tokens[lastHead].cap && !tokens[lastHead].upper && tokens[i] && ['of', 'for'].includes(lower(tokens[i])) && tokens[i].gap === '') {
    let k = i + 1;
    while (k < tokens.length && tokens[k].sentence === sentence && tokens[k].gap === '' && (tokens[k].cap || lower(tokens[k]) === 'and'))
      k++;
    if (k > i + 1 && tokens[k - 1].cap && !countryAt(tokens, i + 1)) {
      titleEnd = k;
      i = k;
    }
  }
  // ", director of marketing for Acme", ", Acme's head of Policy Research,": the field after "of" is the title's.
  const field = titleEnd === lastHead + 1 && !tokens[lastHead].cap ? fieldAfterOf(tokens, i, sentence, affiliation !== null) : 0;
  if (field > 0) {
    titleEnd = field;
    i = field;
  }
  const written = tokens
    .slice(titleStart, titleEnd)
    .map((t) => t.text)
    .join(' ');
  const title = formerly && !/^former\b/i.test(written) ? `former ${written}` : written;
  // "president of the Paris-based think tank X", "analyst at X in Lima": the first name that is not a place.
  // An employer named after the title wins over a nationality before it.
  if ((!affiliation || countryOnly) && tokens[i] && ['of', 'at', 'for'].includes(lower(tokens[i])) && tokens[i].gap === '') {
    let fallback: string | null = affiliation;
    affiliation = null;
    for (let j = i + 1; j < Math.min(tokens.length, i + 8); j++) {
      const t = tokens[j];
      if (t.sentence !== sentence || (t.gap !== '' && t.gap !== '-')) break;
      if (!(t.cap || t.upper)) continue;
      const span = spanAt(j);
      const name = span ? span.name : t.text;
      const c = countryAt(tokens, j);
      const place = COUNTRY_FORMS.get(name)?.kind === 'capital';
      if (c && !(span && span.to > j + c.length)) fallback ??= c.country;
      else if (place) fallback ??= name;
      else {
        affiliation = name;
        break;
      }
      if (span) j = span.to - 1;
    }
    affiliation ??= fallback;
  }
  return { title, affiliation, from: nameEnd, to: titleEnd };
}

/**
 * ", Acme chief economist, said": a capitalised owner (not a country) right after the comma, then a lower-case title
 * whose head closes the apposition (comma, end of sentence, or "at"/"of"). Returns the owner and where the title starts.
 */
function ownerBeforeTitle(
  tokens: readonly Token[],
  i: number,
  spanAt: (index: number) => { to: number; name: string } | null,
): { name: string; to: number } | null {
  const t = tokens[i];
  const span = t && (t.cap || t.upper) && !t.possessive ? spanAt(i) : null;
  if (!span || countryAt(tokens, i)) return null;
  let k = span.to;
  let lastHead = -1;
  while (k < tokens.length && tokens[k].sentence === t.sentence && tokens[k].gap === '' && !tokens[k].cap && !tokens[k].upper) {
    if (isHead(tokens[k])) lastHead = k;
    else if (!isTitleWord(tokens[k])) break;
    k++;
  }
  if (lastHead < 0 || lastHead !== k - 1 || span.to === k) return null;
  const next = tokens[k];
  const closed = !next || next.sentence !== t.sentence || next.gap === ',' || ['at', 'of', 'for'].includes(lower(next));
  return closed ? { name: span.name, to: span.to } : null;
}

/** `Acme Weekly's US editor`: an owner's possessive right before the country word that opens a title. */
function countryInOwnersTitle(
  tokens: readonly Token[],
  countryFrom: number,
  spanBefore: (endIndex: number) => { from: number; name: string } | null,
): { owner: string; from: number; countryFrom: number } | null {
  const poss = tokens[countryFrom - 1];
  if (!poss || !poss.possessive || tokens[countryFrom].gap !== '' || poss.sentence !== tokens[countryFrom].sentence) return null;
  const c = countryAt(tokens, countryFrom - 1);
  if (c) return { owner: c.country, from: countryFrom - 1, countryFrom };
  const span = spanBefore(countryFrom - 1);
  return span ? { owner: span.name, from: span.from, countryFrom } : null;
}

/** True when "of" follows two or more name words inside [from, to) ("Ana Lee of Westshire Police"). */
function ownerAfterOf(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from + 2; k < to - 1; k++) if (lower(tokens[k]) === 'of') return true;
  return false;
}

/**
 * `of` and a field closing a title: one to three plain lower-case words before a comma, the sentence's end or an
 * employer (`at`/`for`/`with`), or, when the owner is already known, capitalised words before a comma or the end
 * (a department). Returns the token after the field, or 0.
 */
function fieldAfterOf(tokens: readonly Token[], i: number, sentence: number, ownerKnown: boolean): number {
  const of = tokens[i];
  if (!of || of.sentence !== sentence || of.gap !== '' || lower(of) !== 'of') return 0;
  const first = tokens[i + 1];
  if (!first || first.sentence !== sentence || first.gap !== '') return 0;
  const capitalised = first.cap || first.upper;
  if (capitalised && (!ownerKnown || countryAt(tokens, i + 1))) return 0;
  let k = i + 1;
  while (k < tokens.length && k - i <= 3 && tokens[k].sentence === sentence && (k === i + 1 || tokens[k].gap === '')) {
    const t = tokens[k];
    const fits = capitalised ? (t.cap || t.upper) && !t.possessive : /^\p{Ll}+$/u.test(t.text) && !STOPWORDS.has(t.text);
    if (!fits) break;
    k++;
    if (t.possessive) break;
  }
  if (k === i + 1) return 0;
  const next = tokens[k];
  const closed = !next || next.sentence !== sentence || next.gap !== '' || (!capitalised && ['at', 'for', 'with'].includes(lower(next)));
  return closed ? k : 0;
}

/** True when token i ends an apposition: a comma, the sentence's end, or "who" / "at". */
function closesApposition(tokens: readonly Token[], i: number, sentence: number): boolean {
  const t = tokens[i];
  return !t || t.sentence !== sentence || t.gap === ',' || (t.gap === '' && (lower(t) === 'who' || lower(t) === 'at'));
}

/** `appointed Mr X as`: an appointing verb right before the name (and its honorific) that ends at `nameEnd`. */
function appointedBefore(tokens: readonly Token[], nameEnd: number): boolean {
  let k = nameEnd - 1;
  const sentence = tokens[k].sentence;
  while (k > 0 && nameEnd - k <= 4 && (tokens[k].cap || tokens[k].upper) && tokens[k].gap === '' && tokens[k - 1].sentence === sentence)
    k--;
  return k < nameEnd - 1 && !tokens[k].cap && APPOINTED.has(lower(tokens[k]));
}

/** After "who": a lower-case verb, up to two more words, then "as"; returns the token after "as", or 0. */
function whoVerbAs(tokens: readonly Token[], verb: number, sentence: number): number {
  if (!tokens[verb] || !/^\p{Ll}+$/u.test(tokens[verb].text)) return 0;
  for (let k = verb + 1; k <= verb + 3 && k < tokens.length; k++) {
    const t = tokens[k];
    if (t.sentence !== sentence || t.gap !== '') return 0;
    if (lower(t) === 'as') return k + 1;
  }
  return 0;
}

/**
 * ", standards liaison for Acme", ", research head at the Acme Trust": within four plain lower-case words from `from`,
 * a title head followed by "at", "of" or "for" and a capitalised name.
 */
function headBeforeEmployer(tokens: readonly Token[], from: number, sentence: number): boolean {
  for (let k = from; k < from + 4 && k < tokens.length; k++) {
    const t = tokens[k];
    if (t.sentence !== sentence || (k > from && t.gap !== '') || t.cap || t.upper || STOPWORDS.has(t.text)) {
      if (lower(t) !== 'and') return false;
    }
    if (!isHead(t)) continue;
    const prep = tokens[k + 1];
    if (!prep || prep.sentence !== sentence || !['at', 'of', 'for'].includes(lower(prep))) return false;
    const next = tokens[k + 2] && lower(tokens[k + 2]) === 'the' ? tokens[k + 3] : tokens[k + 2];
    return next !== undefined && next.sentence === sentence && (next.cap || next.upper);
  }
  return false;
}
